/**
 * Fail-open category, issue 14 item 1: the Dependabot read-only token applies only where
 * GitHub applies it, and a bot actor, triggering actor or event sender makes a job
 * unattended whatever the trigger.
 */
import { describe, expect, it } from 'vitest';
import { EXIT, evaluate, firstJob, json } from './cli-harness.js';

const PUSHER = (on: string, permissions = 'permissions: { contents: write }\n'): string =>
  `on: ${on}\n${permissions}jobs:\n  bump:\n    runs-on: ubuntu-latest\n    steps:\n      - run: git push origin HEAD:main\n`;

function payload(extra: Record<string, unknown>): string {
  return JSON.stringify({ sender: { login: 'dependabot[bot]', type: 'Bot' }, ...extra });
}

const PR = (author: string): Record<string, unknown> => ({
  number: 7,
  pull_request: {
    number: 7,
    user: { login: author, type: 'Bot' },
    head: { sha: 'a'.repeat(40), repo: { full_name: 'acme/app' } },
    base: { repo: { full_name: 'acme/app' } },
  },
});

describe('Dependabot token downgrade', () => {
  it.each([
    ['issue_comment', { issue: { number: 7, pull_request: {} } }],
    ['workflow_run', { workflow_run: { actor: { login: 'dependabot[bot]' } } }],
  ])('%s with dependabot as actor keeps contents: write (gated)', async (event, extra) => {
    const r = await evaluate(
      { 'wf.yml': PUSHER(event), 'event.json': payload(extra) },
      '--event',
      event,
      '--event-path',
      '{dir}/event.json',
      '--actor',
      'dependabot[bot]',
    );
    const job = firstJob(r);
    expect(job.permissions.scopes.contents).toBe('write');
    expect(job.permissions.downgrade ?? undefined).toBeUndefined();
    expect(job.classes).toContain('write-branch');
    expect(job.unattended).toBe(true);
    expect(r.code).not.toBe(EXIT.allow);
  });

  it('pull_request by Dependabot with the default token: read-only', async () => {
    const r = await evaluate(
      { 'wf.yml': PUSHER('pull_request', ''), 'event.json': payload(PR('dependabot[bot]')) },
      '--event',
      'pull_request',
      '--event-path',
      '{dir}/event.json',
      '--actor',
      'dependabot[bot]',
      '--default-permissions',
      'write',
    );
    const job = firstJob(r);
    expect(job.permissions.scopes.contents).toBe('read');
    expect(job.permissions.downgrade).toMatch(/Dependabot/);
  });

  it('pull_request by Dependabot with a permissions block keeps the declared write', async () => {
    const r = await evaluate(
      { 'wf.yml': PUSHER('pull_request'), 'event.json': payload(PR('dependabot[bot]')) },
      '--event',
      'pull_request',
      '--event-path',
      '{dir}/event.json',
      '--actor',
      'dependabot[bot]',
    );
    expect(firstJob(r).permissions.scopes.contents).toBe('write');
    expect(r.code).not.toBe(EXIT.allow);
  });

  it('pull_request_target: read-only only when Dependabot opened the pull request', async () => {
    const run = (author: string) =>
      evaluate(
        { 'wf.yml': PUSHER('pull_request_target', ''), 'event.json': payload(PR(author)) },
        '--event',
        'pull_request_target',
        '--event-path',
        '{dir}/event.json',
        '--actor',
        'dependabot[bot]',
        '--default-permissions',
        'write',
      );
    expect(firstJob(await run('dependabot[bot]')).permissions.scopes.contents).toBe('read');
    const other = await run('mallory');
    expect(firstJob(other).permissions.scopes.contents).toBe('write');
    expect(other.code).not.toBe(EXIT.allow);
  });

  it('an unknown event (no --event) never downgrades', async () => {
    const r = await evaluate(
      { 'wf.yml': PUSHER('push', '') },
      '--actor',
      'dependabot[bot]',
      '--default-permissions',
      'write',
    );
    expect(firstJob(r).permissions.scopes.contents).toBe('write');
  });
});

describe('unattended by who started it, whatever the trigger', () => {
  it('a bot event sender makes a push job unattended (actor human)', async () => {
    const r = await evaluate(
      {
        'wf.yml': PUSHER('push'),
        'event.json': JSON.stringify({ sender: { login: 'copilot-swe-agent[bot]' } }),
      },
      '--event',
      'push',
      '--event-path',
      '{dir}/event.json',
      '--actor',
      'octocat',
    );
    const job = firstJob(r);
    expect(job.unattended).toBe(true);
    expect(job.unattendedReasons).toContain(
      'event sender copilot-swe-agent[bot] is a bot or agent',
    );
    expect(json(r).decision).not.toBe('allow');
  });

  it('a human push by a human sender is attended', async () => {
    const r = await evaluate(
      { 'wf.yml': PUSHER('push'), 'event.json': JSON.stringify({ sender: { login: 'octocat' } }) },
      '--event',
      'push',
      '--event-path',
      '{dir}/event.json',
      '--actor',
      'octocat',
    );
    expect(firstJob(r).unattended).toBe(false);
  });
});
