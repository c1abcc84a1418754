/**
 * Issue 12 item 9 through the shipped bundle: GitHub shows 10 error, 10 warning and 10 notice
 * annotations per step. The action leaves one slot of each level for its own message (the
 * failure), puts the most severe findings first, and says in a last notice how many more are
 * in the summary; findings that do not gate are never titled "allow".
 */
import { afterAll, describe, expect, it } from 'vitest';
import { apiServers, makeWorkspace, removeTempDirs, runAction } from './harness.js';

const servers = apiServers();
afterAll(async () => {
  await servers.closeAll();
  removeTempDirs();
});

/** 12 jobs that merge with --admin (blocked), 12 that publish (approval), one bypassing agent. */
function crowded(): string {
  const jobs: string[] = [];
  for (let i = 0; i < 12; i++)
    jobs.push(
      `  merge${i}:\n    runs-on: x\n    steps:\n      - run: gh pr merge --admin 1`,
      `  publish${i}:\n    runs-on: x\n    steps:\n      - run: npm publish`,
    );
  jobs.push(
    '  agent:\n    runs-on: x\n    permissions: { contents: write }\n    steps:\n      - run: claude -p "go" --dangerously-skip-permissions',
  );
  return `on: [push, issue_comment]\npermissions: {}\njobs:\n${jobs.join('\n')}\n`;
}

describe('annotations within GitHub’s per-step limits (bundle)', () => {
  it('the most severe first, 10 per level with the step’s own message, a notice for the rest', async () => {
    const api = await servers.start();
    const ws = makeWorkspace({ '.github/workflows/crowded.yml': crowded() });
    const r = await runAction({
      workflow: 'crowded.yml',
      sha: ws.sha,
      job: 'agent',
      event: 'issue_comment',
      eventPayload: {
        action: 'created',
        issue: { number: 5, user: { login: 'alice' } },
        comment: { body: 'hi', user: { login: 'mallory' } },
        repository: { full_name: 'acme/app', default_branch: 'main' },
        sender: { login: 'mallory' },
      },
      workspace: ws.dir,
      api: api.url,
      inputs: { jobs: 'all' },
    });
    expect(r.code).toBe(1);
    const of = (level: string) => r.annotations.filter((a) => a.level === level);
    expect(of('error')).toHaveLength(10);
    expect(of('warning').length).toBeLessThanOrEqual(10);
    expect(of('notice').length).toBeLessThanOrEqual(10);
    // The located errors are findings; the unlocated one is the step's failure message.
    const located = of('error').filter((a) => a.properties.file !== undefined);
    expect(located).toHaveLength(9);
    expect(located[0]!.properties.title).toBe('agent-gate: blocked (agent-permissions-bypassed)');
    const more = r.annotations.find((a) => a.properties.title === 'agent-gate: more findings');
    expect(more?.level).toBe('notice');
    expect(more?.message).toMatch(
      /^\d+ more findings \(\d+ blocked, \d+ needing approval.*\) are not annotated .*see the job summary$/,
    );
    for (const a of r.annotations) expect(a.properties.title ?? '').not.toMatch(/allow/);
  });
});
