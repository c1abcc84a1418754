/**
 * End-to-end: the bundle reads the package script a step runs at the workflow's commit
 * through git (not the working tree, which an earlier step may have changed) and gates it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  ROOT,
  apiServers,
  makeWorkspace,
  removeTempDirs,
  runAction,
  writeFiles,
} from './harness.js';
import { findingsOf } from './assertions.js';

const servers = apiServers();
afterAll(async () => {
  await servers.closeAll();
  removeTempDirs();
});

const WORKFLOW = `name: release
on: push
permissions:
  contents: read
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: acme/agent-gate@11bd71901bbe5b1630ceea73d27597364c9af683
      - run: npm run release
        env:
          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
`;
const pkg = (release: string): string =>
  `{\n  "name": "demo",\n  "scripts": {\n    "release": "${release}"\n  }\n}\n`;
const push = { ref: 'refs/heads/main', repository: { full_name: 'acme/app' } };

async function run(committed: string, worktree?: string) {
  const api = await servers.start();
  const ws = makeWorkspace({
    '.github/workflows/release.yml': WORKFLOW,
    'package.json': pkg(committed),
  });
  // The working tree may differ from the commit: the gate reads the commit.
  if (worktree !== undefined) writeFiles(ws.dir, { 'package.json': pkg(worktree) });
  const r = await runAction({
    workflow: 'release.yml',
    sha: ws.sha,
    job: 'release',
    event: 'push',
    eventPayload: push,
    workspace: ws.dir,
    api: api.url,
    // The runner names the gate action it downloaded for the step and where it put it: the
    // gate's own `uses:` is read from there, not through the API.
    env: {
      GITHUB_ACTION_REPOSITORY: 'acme/agent-gate',
      GITHUB_ACTION_REF: '11bd71901bbe5b1630ceea73d27597364c9af683',
      GITHUB_ACTION_PATH: ROOT,
    },
  });
  return { ...r, api };
}

describe.concurrent('a package script read at the commit', () => {
  it('`npm run release` → "release": "npm publish" needs approval, located in package.json', async () => {
    const r = await run('npm publish', 'echo harmless');
    expect(r.code).toBe(1);
    expect(r.outputs.decision).toBe('approval-required');
    const publish = findingsOf(r).filter((f) => f.message.includes('npm publish'));
    expect(publish).toEqual([
      expect.objectContaining({
        decision: 'approval-required',
        location: { path: 'package.json', line: 4, column: 17 },
      }),
    ]);
    expect(publish[0]?.message).toContain('`npm run release` → package.json:4 `release`');
    // Read through git: no API request at all.
    expect(r.api.requests).toEqual([]);
  });

  it('a harmless release script is allowed, even when the working tree says otherwise', async () => {
    const r = await run('echo done', 'npm publish');
    expect(r.code).toBe(0);
    expect(r.outputs.decision).toBe('allow');
    expect(findingsOf(r).filter((f) => f.message.includes('npm publish'))).toEqual([]);
  });
});
