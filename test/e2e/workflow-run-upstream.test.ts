/**
 * End-to-end: the bundle judges a `workflow_run` trigger by its upstream workflows, read at
 * the workflow's commit through git like the workflow itself: upstream on schedule / push
 * only → not an untrusted trigger (no pwn-request); upstream a pull request starts, or one
 * not in the repository → untrusted.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, apiServers, makeWorkspace, removeTempDirs, runAction } from './harness.js';
import { findingsOf } from './assertions.js';

const servers = apiServers();
afterAll(async () => {
  await servers.closeAll();
  removeTempDirs();
});

const DOWNSTREAM = `on:
  workflow_run:
    workflows: [Nightly]
    types: [completed]
permissions: { contents: read }
jobs:
  report:
    runs-on: ubuntu-latest
    steps:
      - uses: acme/agent-gate@11bd71901bbe5b1630ceea73d27597364c9af683
      - uses: actions/download-artifact@v4
        with:
          run-id: \${{ github.event.workflow_run.id }}
          github-token: \${{ secrets.GITHUB_TOKEN }}
      - run: bash ./report.sh
`;
const upstream = (on: string): string =>
  `name: Nightly\non: ${on}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo build\n`;

async function run(up: string | undefined) {
  const api = await servers.start();
  const ws = makeWorkspace({
    '.github/workflows/down.yml': DOWNSTREAM,
    ...(up === undefined ? {} : { '.github/workflows/up.yml': up }),
    'report.sh': 'echo report\n',
  });
  const r = await runAction({
    workflow: 'down.yml',
    sha: ws.sha,
    job: 'report',
    event: 'workflow_run',
    eventPayload: {
      workflow_run: { id: 7, name: 'Nightly', event: 'schedule' },
      repository: { full_name: 'acme/app' },
    },
    workspace: ws.dir,
    api: api.url,
    env: {
      GITHUB_ACTION_REPOSITORY: 'acme/agent-gate',
      GITHUB_ACTION_REF: '11bd71901bbe5b1630ceea73d27597364c9af683',
      GITHUB_ACTION_PATH: ROOT,
    },
  });
  const pwn = findingsOf(r).filter((f) => f.ruleId === 'pwn-request');
  return { r, pwn, api };
}

describe.concurrent('workflow_run upstream read by the action', () => {
  it('bad: the upstream runs on pull_request: untrusted, pwn-request needs approval', async () => {
    const { r, pwn } = await run(upstream('[pull_request]'));
    expect(r.stderr).toBe('');
    expect(pwn.map((f) => f.decision)).toContain('approval-required');
    expect(r.outputs.decision).toBe('approval-required');
  });

  it('bad: the upstream is not in the repository: untrusted', async () => {
    const { pwn } = await run(undefined);
    expect(pwn.map((f) => f.decision)).toContain('approval-required');
  });

  it('good: the upstream runs on schedule only: no pwn-request, read through git', async () => {
    const { r, pwn, api } = await run(upstream('{ schedule: [{ cron: "0 3 * * *" }] }'));
    expect(r.stderr).toBe('');
    expect(pwn).toEqual([]);
    expect(r.outputs.decision).toBe('allow');
    expect(api.requests.filter((q) => q.url.includes('/contents/'))).toEqual([]);
  });
});
