/**
 * End-to-end (issue 12 item 4): a gate step in a workflow kept in another repository — a
 * ruleset's required workflow — runs with GITHUB_WORKFLOW_REF naming that repository. The gate
 * reads the workflow there at GITHUB_WORKFLOW_SHA through the contents API (never this
 * repository's checkout), records the repository in the evidence, and fails closed when it
 * cannot read it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { apiServers, makeWorkspace, removeTempDirs, runAction } from './harness.js';
import type { RunResult } from './harness.js';
import { readReport } from '../cli/json-report.js';

const servers = apiServers();
afterAll(async () => {
  await servers.closeAll();
  removeTempDirs();
});

const CENTRAL_SHA = 'c0ffee0000000000000000000000000000000001';
const REQUIRED = `name: org agent review
on:
  pull_request:
  merge_group:
permissions:
  contents: read
  pull-requests: write
jobs:
  review:
    runs-on: ubuntu-latest
    steps:
      - uses: agent-gate/agent-gate@0123456789abcdef0123456789abcdef01234567
      - uses: anthropics/claude-code-action@d5726de019ec4498aa667642bc3a80fca83aa102 # v1.0.148
        with:
          anthropic_api_key: \${{ secrets.ANTHROPIC_API_KEY }}
          prompt: Review this pull request.
`;

async function requiredRun(central: Record<string, string>): Promise<RunResult> {
  // This repository has a same-named file with other content: it must not be the one read.
  const ws = makeWorkspace({
    '.github/workflows/required.yml': 'name: decoy\non: push\njobs: {}\n',
    'src/index.ts': 'export {};\n',
  });
  const api = await servers.start({
    otherRepos: { 'acme/central': { [CENTRAL_SHA]: central } },
    pullFiles: { 7: ['src/index.ts'] },
  });
  return runAction({
    workflow: 'required.yml',
    sha: ws.sha,
    job: 'review',
    event: 'pull_request',
    eventPayload: {
      action: 'synchronize',
      number: 7,
      pull_request: {
        number: 7,
        user: { login: 'dev', type: 'User' },
        head: { sha: ws.sha, repo: { full_name: 'acme/app' } },
        base: { sha: ws.sha, repo: { full_name: 'acme/app' } },
      },
    },
    workspace: ws.dir,
    api: api.url,
    inputs: { approval: 'environment', evidence: 'file', 'default-permissions': 'read' },
    env: {
      GITHUB_WORKFLOW_REF: 'acme/central/.github/workflows/required.yml@refs/heads/main',
      GITHUB_WORKFLOW_SHA: CENTRAL_SHA,
    },
  });
}

describe.concurrent('a workflow from another repository', () => {
  it('is read there at GITHUB_WORKFLOW_SHA and decided, not rejected', async () => {
    const result = await requiredRun({ '.github/workflows/required.yml': REQUIRED });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain(
      'Evaluating acme/central/.github/workflows/required.yml@c0ffee000000 (read via api)',
    );
    expect(result.stdout).not.toContain('cannot find the workflow file');
    // The agent job was decided (the decoy in this repository has no jobs at all).
    const report = readReport(result.tempFiles.get(result.outputs['report-path']!) ?? '{}') as {
      jobs?: { id: string; agents?: unknown[] }[];
    };
    expect(report.jobs?.map((j) => j.id)).toEqual(['review']);
    expect(report.jobs?.[0]?.agents).not.toHaveLength(0);
    const input = [...result.tempFiles.entries()].find(([k]) => k.endsWith('evidence-input.json'));
    expect(JSON.parse(input?.[1] ?? '{}')).toMatchObject({
      run: {
        repository: 'acme/app',
        workflowPath: '.github/workflows/required.yml',
        workflowSha: CENTRAL_SHA,
        scope: { workflowRepository: 'acme/central' },
      },
    });
  });

  it('fails closed when that repository does not hold the workflow at that commit', async () => {
    const result = await requiredRun({});
    expect(result.code).toBe(1);
    expect(result.outputs.decision).toBe('blocked');
    expect(result.stdout).toContain(
      `::error::agent-gate: workflow acme/central/.github/workflows/required.yml does not exist at ${CENTRAL_SHA}`,
    );
  });
});
