/**
 * End-to-end (the bundle as the runner starts it): the action follows a local composite
 * action read at GITHUB_WORKFLOW_SHA from git (no API call), and a remote reusable workflow
 * pinned by tag through the loopback REST API — the tag resolved once to a commit, the file
 * read at that commit, the resolution recorded in the BOM.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { apiServers, makeWorkspace, removeTempDirs, runAction } from './harness.js';
import { findingsOf } from './assertions.js';
import { readReport } from '../cli/json-report.js';

const servers = apiServers();
afterAll(async () => {
  await servers.closeAll();
  removeTempDirs();
});

const CALLER = `on: push
permissions:
  contents: read
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: ./.github/actions/ship
        with:
          token: \${{ secrets.NPM_TOKEN }}
`;
const composite = (run: string): string => `name: ship
inputs:
  token:
    required: true
runs:
  using: composite
  steps:
    - shell: bash
      env:
        NODE_AUTH_TOKEN: \${{ inputs.token }}
      run: ${run}
`;

describe.concurrent('a local composite action, read from git at the workflow commit', () => {
  it('bad: its force-push of main blocks the job, located in action.yml; no API call', async () => {
    const ws = makeWorkspace({
      '.github/workflows/ship.yml': CALLER,
      '.github/actions/ship/action.yml': composite('git push --force origin main'),
    });
    const api = await servers.start();
    const r = await runAction({
      workflow: 'ship.yml',
      sha: ws.sha,
      job: 'release',
      event: 'push',
      workspace: ws.dir,
      api: api.url,
    });
    expect(r.outputs.decision).toBe('blocked');
    expect(r.code).toBe(1);
    expect(findingsOf(r).find((f) => f.ruleId === 'block-destructive')).toMatchObject({
      job: 'release',
      location: { path: '.github/actions/ship/action.yml', line: 11, column: 12 },
    });
    expect(api.requests).toEqual([]);
  });

  it('good: a composite that runs the tests is allowed', async () => {
    const ws = makeWorkspace({
      '.github/workflows/ship.yml': CALLER,
      '.github/actions/ship/action.yml': composite('npm test'),
    });
    const api = await servers.start();
    const r = await runAction({
      workflow: 'ship.yml',
      sha: ws.sha,
      job: 'release',
      event: 'push',
      workspace: ws.dir,
      api: api.url,
    });
    expect(r.outputs.decision).toBe('allow');
    expect(r.code).toBe(0);
    expect(api.requests).toEqual([]);
  });
});

const REMOTE_SHA = 'd'.repeat(40);
const CALL = `on: push
permissions:
  contents: write
  pull-requests: write
jobs:
  merge:
    uses: org/shared/.github/workflows/merge.yml@v1
    secrets: inherit
`;
const called = (run: string): string => `on: workflow_call
jobs:
  merge:
    runs-on: ubuntu-latest
    steps:
      - run: ${run}
`;

describe.concurrent('a remote reusable workflow, read through the contents API', () => {
  const run = async (callee: string) => {
    const ws = makeWorkspace({ '.github/workflows/call.yml': CALL });
    const api = await servers.start({
      refs: { 'org/shared@v1': REMOTE_SHA },
      otherRepos: { 'org/shared': { [REMOTE_SHA]: { '.github/workflows/merge.yml': callee } } },
    });
    const r = await runAction({
      workflow: 'call.yml',
      sha: ws.sha,
      job: 'merge',
      event: 'push',
      workspace: ws.dir,
      api: api.url,
    });
    return { r, api };
  };

  it('bad: the called job merges with --admin → blocked; the tag is resolved once and recorded', async () => {
    const { r, api } = await run(called('gh pr merge --admin 1'));
    expect(r.outputs.decision).toBe('blocked');
    expect(findingsOf(r).find((f) => f.ruleId === 'block-bypass-checks')).toMatchObject({
      job: 'merge',
      location: { path: `org/shared/.github/workflows/merge.yml@${REMOTE_SHA}`, line: 6 },
    });
    expect(api.requests.map((q) => `${q.method} ${q.url} ${q.status}`)).toEqual([
      'GET /repos/org/shared/commits/v1 200',
      `GET /repos/org/shared/contents/.github%2Fworkflows%2Fmerge.yml?ref=${REMOTE_SHA} 200`,
    ]);
    const report = readReport(r.tempFiles.get(r.outputs['report-path'] ?? '') ?? '{}') as {
      bom: { workflows: { jobs: { resolvedRefs: unknown; calls: { jobs: unknown[] }[] }[] }[] };
    };
    const job = report.bom.workflows[0]!.jobs[0]!;
    expect(job.resolvedRefs).toEqual([{ ref: 'org/shared@v1', sha: REMOTE_SHA }]);
    expect(job.calls[0]!.jobs).toHaveLength(1);
  });

  it('good: the called job runs the tests → allow', async () => {
    const { r } = await run(called('npm test'));
    expect(r.outputs.decision).toBe('allow');
    expect(r.code).toBe(0);
  });

  it('an unreachable remote (404) is an opaque path, never allow with write credentials', async () => {
    const ws = makeWorkspace({ '.github/workflows/call.yml': CALL });
    const api = await servers.start();
    const r = await runAction({
      workflow: 'call.yml',
      sha: ws.sha,
      job: 'merge',
      event: 'push',
      workspace: ws.dir,
      api: api.url,
    });
    expect(r.outputs.decision).toBe('approval-required');
    expect(
      findingsOf(r).find((f) => f.ruleId === 'approve-opaque-with-credentials')?.message,
    ).toMatch(
      /reusable workflow org\/shared\/\.github\/workflows\/merge\.yml@v1 is not analysed: org\/shared@v1: cannot resolve the ref/,
    );
  });
});
