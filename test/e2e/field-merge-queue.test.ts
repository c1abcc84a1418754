/**
 * End-to-end (issue 12 item 3): a merge queue run (`merge_group`) reads the policy at
 * `merge_group.base_sha` — never the queued commit, which holds the change being merged — and
 * analyses base…head (compare API) as a pull request's changed files, recorded in the evidence.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { apiServers, commitFiles, makeWorkspace, removeTempDirs, runAction } from './harness.js';
import type { ApiRoutes, RunResult } from './harness.js';

const servers = apiServers();
afterAll(async () => {
  await servers.closeAll();
  removeTempDirs();
});

const WORKFLOW = `name: ci
on:
  merge_group:
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
        with:
          persist-credentials: false
      - run: npm test
`;
const BASE_POLICY = 'version: 1\nextends: baseline\n';

/** Base: workflow + policy. Head (the queued merge commit): a broken policy and a workflow edit. */
function repo(): { dir: string; base: string; head: string } {
  const ws = makeWorkspace({
    '.github/workflows/ci.yml': WORKFLOW,
    '.github/agent-gate.yml': BASE_POLICY,
  });
  const head = commitFiles(ws.dir, {
    '.github/agent-gate.yml': 'version: 1\ndefault: allow\nthis is: [not valid\n',
    '.github/workflows/ci.yml': `${WORKFLOW}      - run: echo queued change\n`,
  });
  return { dir: ws.dir, base: ws.sha, head };
}

async function queueRun(
  routes: (base: string, head: string) => ApiRoutes,
  payload?: (base: string, head: string) => unknown,
): Promise<RunResult> {
  const r = repo();
  const api = await servers.start(routes(r.base, r.head));
  return runAction({
    workflow: 'ci.yml',
    sha: r.head,
    job: 'build',
    event: 'merge_group',
    eventPayload: payload
      ? payload(r.base, r.head)
      : {
          action: 'checks_requested',
          merge_group: {
            base_sha: r.base,
            head_sha: r.head,
            head_ref: 'refs/heads/gh-readonly-queue/main/pr-7-' + r.base,
            base_ref: 'refs/heads/main',
          },
        },
    workspace: r.dir,
    api: api.url,
    inputs: { approval: 'environment', evidence: 'file', 'default-permissions': 'read' },
    env: { GITHUB_REF: 'refs/heads/gh-readonly-queue/main/pr-7' },
  });
}

const changed = (base: string, head: string): ApiRoutes => ({
  compare: { [`${base}...${head}`]: ['.github/agent-gate.yml', '.github/workflows/ci.yml'] },
});

describe.concurrent('merge queue', () => {
  it('reads the policy at the merge group base and gates the queued CI change', async () => {
    const result = await queueRun(changed);
    // The head's policy does not even parse: reading it there would have failed the run.
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(
      /with policy preset:baseline \+ \.github\/agent-gate\.yml read at the merge group's base [0-9a-f]{12}/,
    );
    expect(result.stdout).toContain('changes 2 file(s), analysed as a pull request');
    expect(result.outputs.decision).toBe('approval-required');
    expect(result.outputs.findings).toContain('modify-workflow');
    const input = [...result.tempFiles.entries()].find(([k]) => k.endsWith('evidence-input.json'));
    const evidence = JSON.parse(input?.[1] ?? '{}') as {
      run: { scope: { policyRef: string; changes: Record<string, unknown> } };
    };
    expect(evidence.run.scope.changes).toMatchObject({ source: 'merge-group', files: 2 });
    expect(evidence.run.scope.policyRef).toBe(evidence.run.scope.changes.base);
  });

  it('allows a queued change that touches no CI file (the diff is read, not assumed)', async () => {
    const result = await queueRun((base, head) => ({
      compare: { [`${base}...${head}`]: ['src/index.ts'] },
    }));
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs.decision).toBe('allow');
  });

  it('fails closed without merge_group.base_sha', async () => {
    const result = await queueRun(changed, (_b, head) => ({ merge_group: { head_sha: head } }));
    expect(result.code).toBe(1);
    expect(result.outputs.decision).toBe('blocked');
    expect(result.stdout).toContain(
      '::error::agent-gate: merge_group event without merge_group.base_sha: cannot read the policy from the base commit',
    );
  });

  it('fails closed when the comparison cannot be read', async () => {
    const result = await queueRun(() => ({}));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /::error::agent-gate: cannot list what merge group [0-9a-f]{12}…[0-9a-f]{12} changes/,
    );
  });

  it('fails closed when the comparison is cut at 300 files', async () => {
    const result = await queueRun((base, head) => ({
      compare: {
        [`${base}...${head}`]: Array.from({ length: 300 }, (_, i) => `src/file-${i}.ts`),
      },
    }));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('the compare API lists at most 300');
  });
});
