/**
 * End-to-end (issue 12 item 2, issue 14 item 6): a gate step inside a reusable workflow. The
 * runner names the caller's file (GITHUB_WORKFLOW_REF) but the called job (GITHUB_JOB): with
 * `jobs: current` the gate decides the caller job(s) whose `uses:` calls the file that defines
 * the job (`job.workflow_ref`), never a caller job that merely has the same id, and refuses
 * before any decision when no caller job calls it or when it cannot tell which file it runs in.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, apiServers, makeWorkspace, removeTempDirs, runAction } from './harness.js';
import type { RunOptions, RunResult } from './harness.js';
import { readReport } from '../cli/json-report.js';

const servers = apiServers();
afterAll(async () => {
  await servers.closeAll();
  removeTempDirs();
});

const CALLED = 'acme/app/.github/workflows/agent-gate.yml@refs/heads/main';

/**
 * The caller: `gate` calls the reusable workflow; `evaluate` has the called job's id and does
 * nothing worth a gate; `publish` merges with --admin (blocked), `needs: gate`.
 */
function caller(gateUses = './.github/workflows/agent-gate.yml', extra = ''): string {
  return `name: agent
on:
  issues:
    types: [labeled]
permissions: {}
jobs:
  gate:
    uses: ${gateUses}
    permissions:
      contents: read
      actions: read
${extra}  evaluate:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - run: echo harmless
  publish:
    needs: gate
    runs-on: ubuntu-latest
    permissions:
      contents: write
      pull-requests: write
    steps:
      - run: gh pr merge 1 --admin --squash
        env:
          GH_TOKEN: \${{ github.token }}
`;
}

const REUSABLE = `name: agent-gate
on:
  workflow_call:
jobs:
  evaluate:
    runs-on: ubuntu-latest
    steps:
      - uses: agent-gate/agent-gate@0123456789abcdef0123456789abcdef01234567
        with:
          jobs: current
`;

async function run(callerText: string, options: Partial<RunOptions> = {}): Promise<RunResult> {
  const ws = makeWorkspace({
    '.github/workflows/agent.yml': callerText,
    '.github/workflows/agent-gate.yml': REUSABLE,
  });
  const api = await servers.start();
  return runAction({
    workflow: 'agent.yml',
    sha: ws.sha,
    job: 'evaluate',
    event: 'issues',
    eventPayload: { action: 'labeled', issue: { number: 1 }, sender: { login: 'octocat' } },
    workspace: ws.dir,
    api: api.url,
    inputs: { jobs: 'current', evidence: 'file', 'job-workflow-ref': CALLED },
    ...options,
    // The runner names the gate action it downloaded for the step and where it put it.
    env: {
      GITHUB_ACTION_REPOSITORY: 'agent-gate/agent-gate',
      GITHUB_ACTION_REF: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_ACTION_PATH: ROOT,
      ...options.env,
    },
  });
}

function decidedJobs(result: RunResult): string[] {
  const report = readReport(result.tempFiles.get(result.outputs['report-path']!) ?? '{}') as {
    jobs?: { id: string }[];
  };
  return (report.jobs ?? []).map((j) => j.id);
}

describe.concurrent('jobs: current inside a reusable workflow', () => {
  it('decides the caller job that calls it, not the caller job with the called job id', async () => {
    const result = await run(caller());
    expect(result.code, result.stdout).toBe(0);
    expect(decidedJobs(result)).toEqual(['gate']);
    expect(result.stdout).toContain(
      'jobs: current: this step runs in the reusable workflow acme/app/.github/workflows/agent-gate.yml; deciding the caller job `gate` of acme/app/.github/workflows/agent.yml that calls it',
    );
    const evidence = [...result.tempFiles.entries()].find(([k]) =>
      k.endsWith('evidence-input.json'),
    );
    expect(JSON.parse(evidence?.[1] ?? '{}')).toMatchObject({
      run: {
        job: 'evaluate',
        scope: {
          calledWorkflow: 'acme/app/.github/workflows/agent-gate.yml',
          decidedJobs: ['gate'],
        },
      },
    });
  });

  it('matches a caller that names the workflow by owner/name/path@ref', async () => {
    const result = await run(caller('acme/app/.github/workflows/agent-gate.yml@v1'));
    expect(decidedJobs(result)).toEqual(['gate']);
    // The loopback API cannot resolve the tag: the called workflow is an opaque path (fail
    // closed), not a silent pass.
    expect(result.outputs.decision, result.stdout).toBe('approval-required');
    expect(result.stdout).toContain('acme/app@v1: cannot resolve the ref');
  });

  it('decides every caller job when several call it, and says so', async () => {
    const second = `  gate-again:
    uses: ./.github/workflows/agent-gate.yml
    permissions:
      contents: write
      pull-requests: write
`;
    const result = await run(caller(undefined, second));
    expect(decidedJobs(result).sort()).toEqual(['gate', 'gate-again']);
    expect(result.stdout).toMatch(
      /::warning::jobs: current: this step runs in the reusable workflow acme\/app\/\.github\/workflows\/agent-gate\.yml, which 2 jobs of acme\/app\/\.github\/workflows\/agent\.yml call \(`gate`, `gate-again`\); which of them runs this step cannot be told, so all of them are decided/,
    );
  });

  it('refuses before any decision when no caller job calls the workflow it runs in', async () => {
    const result = await run(caller('acme/other/.github/workflows/agent-gate.yml@v1'));
    expect(result.code).toBe(1);
    expect(result.outputs.decision).toBe('blocked');
    expect(result.stdout).toContain(
      '::error::agent-gate: jobs: current: this step runs in job `evaluate` of the reusable workflow acme/app/.github/workflows/agent-gate.yml, but no job of the calling workflow acme/app/.github/workflows/agent.yml calls it with `uses:`',
    );
    expect(result.outputs['report-path']).toBeUndefined();
  });

  it('without job.workflow_ref, refuses a GITHUB_JOB that is a caller job calling a workflow', async () => {
    const result = await run(caller(), {
      job: 'gate',
      inputs: { jobs: 'current', evidence: 'file', 'job-workflow-ref': '' },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '::error::agent-gate: jobs: current: job `gate` of acme/app/.github/workflows/agent.yml calls a reusable workflow and runs no steps',
    );
  });

  it('without job.workflow_ref, refuses a same-id caller job that has no step using the action (14.6)', async () => {
    const result = await run(caller(), {
      inputs: { jobs: 'current', evidence: 'file', 'job-workflow-ref': '' },
      env: { GITHUB_ACTION_REPOSITORY: 'agent-gate/agent-gate' },
    });
    expect(result.code).toBe(1);
    expect(result.outputs.decision).toBe('blocked');
    expect(result.stdout).toContain(
      '::error::agent-gate: jobs: current: job `evaluate` of acme/app/.github/workflows/agent.yml has no step using agent-gate/agent-gate',
    );
  });

  it('a job in its own workflow (job.workflow_ref = the workflow) is decided as GITHUB_JOB', async () => {
    const result = await run(caller(), {
      job: 'publish',
      inputs: {
        jobs: 'current',
        evidence: 'file',
        'job-workflow-ref': 'acme/app/.github/workflows/agent.yml@refs/heads/main',
      },
    });
    expect(decidedJobs(result)).toEqual(['publish']);
    expect(result.outputs.decision).toBe('blocked');
  });
});
