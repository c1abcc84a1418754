/**
 * End-to-end (issue 12 item 1): evidence artifact names are unique per job run — matrix legs,
 * the caller jobs of a reusable workflow, repeated calls — and the same every time one job run
 * asks; a name the artifact service already holds (409) fails the post step with a clear
 * error, never silently. Main and post steps of the bundle against the loopback artifact server.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readZip } from '../../src/engine/evidence/zip.js';
import { startArtifactServer } from './artifact-server.js';
import type { ArtifactServer } from './artifact-server.js';
import { apiServers, example, makeWorkspace, removeTempDirs, runAction } from './harness.js';
import type { RunOptions, RunResult } from './harness.js';

const servers = apiServers();
const artifacts: ArtifactServer[] = [];
afterAll(async () => {
  await servers.closeAll();
  await Promise.all(artifacts.map((a) => a.close()));
  removeTempDirs();
});

const JOBS = [
  {
    id: 1,
    name: 'fix',
    status: 'in_progress',
    run_attempt: 1,
    runner_name: 'runner-7',
    steps: [{ name: 'agent-gate', status: 'completed', conclusion: 'success', number: 1 }],
  },
];

async function setup(): Promise<{ artifact: ArtifactServer; base: RunOptions }> {
  const artifact = await startArtifactServer();
  artifacts.push(artifact);
  const ws = makeWorkspace({ '.github/workflows/fix.yml': example('claude-fix-issue.yml') });
  const api = await servers.start({ jobs: JOBS, checkRuns: [] });
  return {
    artifact,
    base: {
      workflow: 'fix.yml',
      sha: ws.sha,
      job: 'fix',
      event: 'issue_comment',
      eventPayload: { comment: { body: '@claude fix it' }, issue: { number: 3 } },
      workspace: ws.dir,
      api: api.url,
      inputs: { approval: 'environment' },
      env: { ...artifact.env, RUNNER_NAME: 'runner-7' },
    },
  };
}

/** One job run: the main step, then the post step in the same RUNNER_TEMP. */
async function jobRun(options: RunOptions): Promise<{ main: RunResult; post: RunResult }> {
  const main = await runAction(options);
  const post = await runAction({
    ...options,
    entry: 'post',
    runnerTemp: main.runnerTemp,
    state: main.state,
    timeoutMs: 60_000,
  });
  return { main, post };
}

function evidenceOf(artifact: ArtifactServer, name: string): Record<string, unknown> {
  const upload = artifact.uploads.find((u) => u.name === name);
  if (!upload) throw new Error(`no artifact ${name}`);
  return JSON.parse(readZip(upload.zip).get('evidence.json')!.toString('utf8')) as Record<
    string,
    unknown
  >;
}

describe.concurrent('evidence artifact names', () => {
  it('two matrix legs of one job in one run both upload, each under its own name', async () => {
    const { artifact, base } = await setup();
    const legs = [
      {
        matrix: '{\n  "os": "ubuntu-latest",\n  "node": 20\n}',
        job: '33333333-0000-0000-0000-000000000001',
      },
      {
        matrix: '{\n  "os": "windows-latest",\n  "node": 20\n}',
        job: '33333333-0000-0000-0000-000000000002',
      },
    ];
    const runs = await Promise.all(
      legs.map((leg) =>
        jobRun({
          ...base,
          inputs: { ...base.inputs, matrix: leg.matrix },
          env: { ...base.env, ...artifact.envForJob(leg.job) },
        }),
      ),
    );
    for (const { main, post } of runs) {
      expect(main.code, main.stdout).toBe(0);
      expect(post.code, post.stdout).toBe(0);
    }
    const names = runs.map((r) => r.main.outputs['evidence-name']!);
    expect(names[0]).toMatch(/^agent-gate-evidence-fix-ubuntu-latest-20-[0-9a-f]{8}-1$/);
    expect(names[1]).toMatch(/^agent-gate-evidence-fix-windows-latest-20-[0-9a-f]{8}-1$/);
    expect(artifact.uploads.map((u) => [u.name, u.finalized]).sort()).toEqual(
      names.map((n) => [n, true]).sort(),
    );
    // The name is in each leg's evidence, and the evidence directories do not collide.
    for (const name of names)
      expect(evidenceOf(artifact, name)).toMatchObject({ evidence: { artifactName: name } });
    expect(runs[0]!.main.outputs['evidence-path']).not.toBe(runs[1]!.main.outputs['evidence-path']);
  });

  it('two calls of a reusable workflow (same called job id, no matrix) both upload', async () => {
    const { artifact, base } = await setup();
    const callers = [
      '44444444-0000-0000-0000-000000000001',
      '44444444-0000-0000-0000-000000000002',
    ];
    const runs = await Promise.all(
      callers.map((job) => jobRun({ ...base, env: { ...base.env, ...artifact.envForJob(job) } })),
    );
    for (const { post } of runs) expect(post.code, post.stdout).toBe(0);
    const names = runs.map((r) => r.main.outputs['evidence-name']!);
    expect(new Set(names).size).toBe(2);
    for (const name of names) expect(name).toMatch(/^agent-gate-evidence-fix-[0-9a-f]{8}-1$/);
    expect(artifact.uploads.filter((u) => u.finalized)).toHaveLength(2);
  });

  it('is the same name every time one job run asks, and another attempt gets another', async () => {
    const { base } = await setup();
    const first = await runAction(base);
    const again = await runAction(base);
    const rerun = await runAction({ ...base, env: { ...base.env, GITHUB_RUN_ATTEMPT: '2' } });
    expect(first.outputs['evidence-name']).toBe(again.outputs['evidence-name']);
    expect(rerun.outputs['evidence-name']).toBe(
      first.outputs['evidence-name']!.replace(/-1$/, '-2'),
    );
  });

  it('two gate steps of one job get two names (GITHUB_ACTION tells the steps apart)', async () => {
    const { base } = await setup();
    const one = await runAction({
      ...base,
      env: { ...base.env, GITHUB_ACTION: '__agent-gate_agent-gate' },
    });
    const two = await runAction({
      ...base,
      env: { ...base.env, GITHUB_ACTION: '__agent-gate_agent-gate_2' },
    });
    expect(one.outputs['evidence-name']).not.toBe(two.outputs['evidence-name']);
  });

  it('fails the post step with a clear error when the name already exists (409), keeping the pack', async () => {
    const { artifact, base } = await setup();
    const first = await jobRun(base);
    expect(first.post.code).toBe(0);
    // The same job run uploading again (the same step run twice): the service answers 409.
    const second = await jobRun(base);
    expect(second.post.code).toBe(1);
    const name = first.main.outputs['evidence-name']!;
    expect(second.post.stdout).toContain(
      `::error::agent-gate (post): evidence upload failed for artifact "${name}" (the evidence pack is kept at`,
    );
    expect(second.post.stdout).toMatch(/already exists in this workflow run \(HTTP 409\)/);
    expect(
      artifact.requests.filter((r) => r.endpoint === 'CreateArtifact').map((r) => r.status),
    ).toEqual([200, 409]);
  });
});
