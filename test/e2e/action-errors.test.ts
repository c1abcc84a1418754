/**
 * End-to-end: bad input and broken dependencies. Each one must fail the step with
 * decision=blocked and one clear `::error::` naming the problem — never allow, never a crash
 * without an output.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  apiServers,
  example,
  lineOf,
  makeWorkspace,
  removeTempDirs,
  runAction,
} from './harness.js';
import type { RunOptions, RunResult } from './harness.js';
import { expectFailedStep } from './assertions.js';

const servers = apiServers();
afterAll(async () => {
  await servers.closeAll();
  removeTempDirs();
});

/** ci.yml (an allowed job) committed in a git workspace, run with the given changes. */
async function runCi(
  extra: Partial<RunOptions> = {},
  files: Record<string, string> = {},
): Promise<RunResult> {
  const api = await servers.start();
  const ws = makeWorkspace({ '.github/workflows/ci.yml': example('ci.yml'), ...files });
  return runAction({
    workflow: 'ci.yml',
    sha: ws.sha,
    job: 'test',
    event: 'push',
    workspace: ws.dir,
    api: api.url,
    ...extra,
  });
}

describe.concurrent('bad inputs fail closed', () => {
  it('an unknown job, named in the message', async () => {
    const jobs = lineOf(example('ci.yml'), 'jobs:');
    const r = await runCi({ job: 'nope' });
    expectFailedStep(
      r,
      `agent-gate: .github/workflows/ci.yml:${jobs.line}:${jobs.col}: unknown job \`nope\`; the workflow has: test`,
    );
  });

  it.each([
    ['mode', 'enforcing', 'enforce, audit'],
    ['approval', 'later', 'fail, wait, environment, record'],
    ['evidence', 's3', 'artifact, file, none'],
    ['jobs', 'some', 'current, all'],
    ['default-permissions', 'admin', 'read, write, unknown'],
  ])('input `%s: %s`, with the allowed values', async (name, value, allowed) => {
    const r = await runCi({ inputs: { [name]: value } });
    expectFailedStep(
      r,
      `agent-gate: input \`${name}\` must be one of: ${allowed} (got \`${value}\`)`,
    );
  });

  it.each([
    ['timeout-minutes', '0', 1, 43200],
    ['timeout-minutes', '1.5', 1, 43200],
    ['retention-days', '91', 1, 90],
    ['timeout-minutes', '-5', 1, 43200],
  ])('input `%s: %s` (a whole number in range)', async (name, value, min, max) => {
    expectFailedStep(
      await runCi({ inputs: { [name]: value } }),
      `agent-gate: input \`${name}\` must be a whole number from ${min} to ${max} (got \`${value}\`)`,
    );
  });

  it.each([
    // The parser reports where the sequence should have closed: the end of the file.
    [
      'an unclosed flow sequence',
      'name: Bad\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps: [unclosed\n',
      7,
      1,
    ],
    ['a duplicate key', 'name: Bad\non: push\non: pull_request\njobs: {}\n', 3, 1],
    ['a tab as indentation', 'name: Bad\non: push\njobs:\n  test:\n\truns-on: x\n', 5, 1],
  ])('malformed workflow YAML (%s), located file:line:column', async (_, text, line, col) => {
    const r = await runCi({}, { '.github/workflows/ci.yml': text });
    expectFailedStep(
      r,
      new RegExp(`^agent-gate: \\.github/workflows/ci\\.yml:${line}:${col}: invalid YAML: `),
    );
  });

  it('an invalid policy file in the repository, located file:line:column', async () => {
    const r = await runCi({}, { '.github/agent-gate.yml': 'version: 1\ndefault: maybe\n' });
    expectFailedStep(
      r,
      'agent-gate: .github/agent-gate.yml:2:10: invalid policy: default: must be one of: allow, approval-required, blocked',
    );
  });

  it('a missing GITHUB_WORKFLOW_REF', async () => {
    const r = await runCi({ env: { GITHUB_WORKFLOW_REF: undefined } });
    expectFailedStep(
      r,
      'agent-gate: GITHUB_WORKFLOW_REF is not set: agent-gate must run as a step of a GitHub Actions job',
    );
  });

  it('a GITHUB_WORKFLOW_REF that names no workflow file', async () => {
    const ref = 'acme/app/ci.yml@refs/heads/main';
    expectFailedStep(
      await runCi({ env: { GITHUB_WORKFLOW_REF: ref } }),
      `agent-gate: cannot find the workflow file in GITHUB_WORKFLOW_REF: ${ref}`,
    );
  });

  it('a workflow file that is not in the commit', async () => {
    const api = await servers.start();
    const ws = makeWorkspace({ 'README.md': '# app\n' });
    const r = await runAction({
      workflow: 'ci.yml',
      sha: ws.sha,
      job: 'test',
      event: 'push',
      workspace: ws.dir,
      api: api.url,
    });
    expectFailedStep(
      r,
      `agent-gate: workflow .github/workflows/ci.yml does not exist at ${ws.sha}`,
    );
    expect(api.requests).toEqual([]);
  });

  it('a pull_request event without pull_request.base.sha', async () => {
    const r = await runCi({
      event: 'pull_request',
      eventPayload: { number: 7, pull_request: { number: 7, head: { sha: 'd'.repeat(40) } } },
    });
    expectFailedStep(
      r,
      'agent-gate: pull request event without pull_request.base.sha: cannot read the policy from the base commit',
    );
  });

  it('evidence: none with the baseline policy while enforcing (the policy requires evidence)', async () => {
    const r = await runCi({ inputs: { evidence: 'none' } });
    expectFailedStep(
      r,
      'agent-gate: blocked\nevidence is disabled (`evidence: none`) while enforcing: the policy requires a durable proof trail',
    );
    expect(r.outputs['report-path']).toBe('');
    expect(existsSync(join(r.runnerTemp, 'agent-gate'))).toBe(false);
  });
});

describe.concurrent('a broken API fails closed', () => {
  it('no token when the API is needed', async () => {
    const api = await servers.start();
    const r = await runAction({
      workflow: 'ci.yml',
      sha: 'e'.repeat(40),
      job: 'test',
      event: 'push',
      api: api.url,
      inputs: { token: '' },
    });
    expectFailedStep(
      r,
      'agent-gate: no API token: set the `token` input (it defaults to github.token)',
    );
    expect(api.requests).toEqual([]);
  });
});

describe.concurrent('a policy git cannot give is never replaced by the baseline', () => {
  it('an oversized policy file in the commit fails the step', async () => {
    const big = `version: 1\ndefault: blocked\n${'# padding padding padding padding\n'.repeat(130_000)}`;
    const r = await runCi({}, { '.github/agent-gate.yml': big });
    expectFailedStep(
      r,
      /^agent-gate: \.github\/agent-gate\.yml@[0-9a-f]{40}: over the 4194304-byte limit$/,
    );
  });

  it('a policy blob missing from the object database is read through the API', async () => {
    const policy = 'version: 1\ndefault: blocked\n';
    const ws = makeWorkspace({
      '.github/workflows/ci.yml': example('ci.yml'),
      '.github/agent-gate.yml': policy,
    });
    // Like a partial clone that could not fetch the blob: the tree names it, the object is gone.
    const blob = execFileSync(
      'git',
      ['-C', ws.dir, 'rev-parse', `${ws.sha}:.github/agent-gate.yml`],
      { encoding: 'utf8' },
    ).trim();
    rmSync(join(ws.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    const api = await servers.start({
      contents: { [ws.sha]: { '.github/agent-gate.yml': policy } },
    });
    const r = await runAction({
      workflow: 'ci.yml',
      sha: ws.sha,
      job: 'test',
      event: 'push',
      workspace: ws.dir,
      api: api.url,
    });
    expect(r.outputs.decision).toBe('blocked');
    expect(r.code).toBe(1);
    expect(api.requests.map((q) => q.url)).toEqual([
      `/repos/acme/app/contents/${encodeURIComponent('.github/agent-gate.yml')}?ref=${ws.sha}`,
    ]);
  });
});
