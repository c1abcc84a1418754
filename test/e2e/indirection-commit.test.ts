/**
 * End-to-end (the bundle as the runner starts it), completing test/e2e/indirection.test.ts:
 * the local composite action is read at GITHUB_WORKFLOW_SHA from git, not from the working
 * tree an earlier step may have changed (bad and good, each with the other in the working
 * tree); and a remote composite action pinned by tag is read through the loopback contents
 * API at the commit the tag resolves to (bad and good).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { apiServers, makeWorkspace, removeTempDirs, runAction, writeFiles } from './harness.js';
import { findingsOf } from './assertions.js';

const servers = apiServers();
afterAll(async () => {
  await servers.closeAll();
  removeTempDirs();
});

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
const LOCAL = `on: push
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

describe.concurrent(
  'a local composite action is read at the commit, not from the working tree',
  () => {
    const run = async (committed: string, worktree: string) => {
      const ws = makeWorkspace({
        '.github/workflows/ship.yml': LOCAL,
        '.github/actions/ship/action.yml': composite(committed),
      });
      writeFiles(ws.dir, { '.github/actions/ship/action.yml': composite(worktree) });
      const api = await servers.start();
      const r = await runAction({
        workflow: 'ship.yml',
        sha: ws.sha,
        job: 'release',
        event: 'push',
        workspace: ws.dir,
        api: api.url,
      });
      return { r, api };
    };

    it('bad: committed force-push of main, harmless working tree → blocked, located in action.yml', async () => {
      const { r, api } = await run('git push --force origin main', 'npm test');
      expect(r.outputs.decision).toBe('blocked');
      expect(findingsOf(r).find((f) => f.ruleId === 'block-destructive')).toMatchObject({
        location: { path: '.github/actions/ship/action.yml', line: 11, column: 12 },
      });
      expect(api.requests).toEqual([]);
    });

    it('good: committed tests, a force-push only in the working tree → allow', async () => {
      const { r } = await run('npm test', 'git push --force origin main');
      expect(r.outputs.decision).toBe('allow');
      expect(r.code).toBe(0);
    });
  },
);

describe.concurrent('a local composite action that exists only in the working tree', () => {
  it('is not read from there: an opaque path (the step holds a secret) → approval-required', async () => {
    const ws = makeWorkspace({ '.github/workflows/ship.yml': LOCAL });
    writeFiles(ws.dir, { '.github/actions/ship/action.yml': composite('npm test') });
    const api = await servers.start();
    const r = await runAction({
      workflow: 'ship.yml',
      sha: ws.sha,
      job: 'release',
      event: 'push',
      workspace: ws.dir,
      api: api.url,
    });
    expect(r.outputs.decision).toBe('approval-required');
    const opaque = findingsOf(r).find((f) => f.ruleId === 'approve-opaque-with-credentials');
    expect(opaque?.message).toContain('local action ./.github/actions/ship is not analysed');
    expect(opaque?.location).toMatchObject({ path: '.github/workflows/ship.yml', line: 8 });
  });
});

const SHA = 'e'.repeat(40);
const REMOTE = `on: push
permissions:
  contents: read
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: org/tools/ship@v2
        with:
          token: \${{ secrets.NPM_TOKEN }}
`;

describe.concurrent(
  'a remote composite action, read through the contents API at the resolved tag',
  () => {
    const run = async (step: string) => {
      const ws = makeWorkspace({ '.github/workflows/ship.yml': REMOTE });
      const api = await servers.start({
        refs: { 'org/tools@v2': SHA },
        otherRepos: { 'org/tools': { [SHA]: { 'ship/action.yml': composite(step) } } },
      });
      const r = await runAction({
        workflow: 'ship.yml',
        sha: ws.sha,
        job: 'release',
        event: 'push',
        workspace: ws.dir,
        api: api.url,
      });
      return { r, api };
    };

    it('bad: its `npm publish` with the caller secret needs approval, located in the remote file', async () => {
      const { r, api } = await run('npm publish');
      expect(r.outputs.decision).toBe('approval-required');
      expect(findingsOf(r).find((f) => f.ruleId === 'approve-publish')?.location).toMatchObject({
        path: `org/tools/ship/action.yml@${SHA}`,
        line: 11,
      });
      // The tag is resolved once; the file is read at that commit (action.yaml is probed too).
      const asked = api.requests.map((q) => `${q.method} ${q.url} ${q.status}`);
      expect(asked.filter((q) => q.includes('/commits/'))).toEqual([
        'GET /repos/org/tools/commits/v2 200',
      ]);
      expect(asked).toContain(`GET /repos/org/tools/contents/ship%2Faction.yml?ref=${SHA} 200`);
      expect(asked.every((q) => q.includes('/commits/') || q.includes(`?ref=${SHA} `))).toBe(true);
    });

    it('good: its tests → allow, nothing opaque', async () => {
      const { r } = await run('npm test');
      expect(r.outputs.decision).toBe('allow');
      expect(findingsOf(r).filter((f) => f.ruleId.includes('opaque'))).toEqual([]);
    });
  },
);
