/**
 * End-to-end: the evidence pack through the committed bundles — the main step writes it,
 * the post step completes it with the job's outcome and uploads it with @actions/artifact to
 * a loopback server speaking the artifact service's twirp and blob protocol.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readZip } from '../../src/engine/evidence/zip.js';
import { verifyPack } from '../../src/engine/evidence/verify-pack.js';
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

const CANARY = 'ghs_evidenceCanary0123456789';
/** A secret the job passes to the step's environment (as `env: X: ${{ secrets.X }}` would). */
const ENV_CANARY = 'npm_envCanaryAbcdef0123456789abcdef0123';
const JOBS = [
  {
    id: 1,
    name: 'fix',
    status: 'in_progress',
    run_attempt: 1,
    runner_name: 'runner-7',
    steps: [
      { name: 'agent-gate', status: 'completed', conclusion: 'success', number: 1 },
      { name: 'agent', status: 'completed', conclusion: 'failure', number: 2 },
      { name: 'Post agent-gate', status: 'in_progress', conclusion: null, number: 3 },
    ],
  },
  {
    id: 2,
    name: 'other',
    status: 'in_progress',
    run_attempt: 1,
    runner_name: 'runner-8',
    steps: [],
  },
];

/** Main step then post step of one job, as the runner runs them. */
async function mainThenPost(
  extra: Partial<RunOptions>,
  artifact: ArtifactServer,
  jobs = JOBS,
): Promise<{ main: RunResult; post: RunResult }> {
  const ws = makeWorkspace({ '.github/workflows/fix.yml': example('claude-fix-issue.yml') });
  const api = await servers.start({
    jobs,
    checkRuns: [{ id: 9, name: 'build', status: 'completed', conclusion: 'success' }],
  });
  const base: RunOptions = {
    workflow: 'fix.yml',
    sha: ws.sha,
    job: 'fix',
    event: 'issue_comment',
    eventPayload: {
      comment: { body: `@claude ${CANARY}` },
      issue: { number: 3 },
      sender: { login: 'octocat' },
    },
    workspace: ws.dir,
    api: api.url,
    inputs: { approval: 'environment', token: CANARY },
    env: {
      ...artifact.env,
      GITHUB_SERVER_URL: 'https://github.com',
      RUNNER_NAME: 'runner-7',
      NPM_TOKEN: ENV_CANARY,
    },
    ...extra,
  };
  const main = await runAction(base);
  const post = await runAction({
    ...base,
    entry: 'post',
    runnerTemp: main.runnerTemp,
    state: main.state,
    timeoutMs: 60_000,
  });
  return { main, post };
}

describe.concurrent('evidence pack', () => {
  it('is written by the main step, completed with the outcome and uploaded by the post step', async () => {
    const artifact = await startArtifactServer();
    artifacts.push(artifact);
    const { main, post } = await mainThenPost(
      { inputs: { approval: 'environment', token: CANARY, 'retention-days': '7' } },
      artifact,
    );
    expect(main.code).toBe(0);
    expect(main.outputs['evidence-path']).toMatch(/agent-gate\/fix-[0-9a-f]{8}-1\/pack$/);
    expect(post.code).toBe(0);
    expect(artifact.uploads.map((u) => [u.name, u.finalized, u.hashOk, u.retentionDays])).toEqual([
      [main.outputs['evidence-name'], true, true, 7],
    ]);
    expect(main.outputs['evidence-name']).toMatch(/^agent-gate-evidence-fix-[0-9a-f]{8}-1$/);
    expect(post.outputs['evidence-artifact-id']).toBe(String(artifact.uploads[0]!.id));
    const zip = readZip(artifact.uploads[0]!.zip);
    expect([...zip.keys()].sort()).toEqual([
      'bom.json',
      'evidence.json',
      'findings.sarif',
      'manifest.json',
      'summary.md',
    ]);
    const verified = verifyPack(zip);
    expect(verified).toMatchObject({ ok: true, problems: [] });
    const evidence = JSON.parse(zip.get('evidence.json')!.toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(evidence).toMatchObject({
      schemaVersion: 1,
      outcome: { status: 'failure' },
      approval: { mode: 'environment', status: 'handed-to-environment' },
    });
    expect(JSON.stringify(evidence)).toMatch(/"finished":"\d{4}-/);
    expect(JSON.stringify(evidence)).toContain('"build"');
    // Secret canary: the token and the comment's secret-looking text appear in no pack file.
    for (const [name, bytes] of zip) expect(bytes.toString('utf8'), name).not.toContain(CANARY);
    expect(post.stdout.split('\n').filter((l) => l.includes(CANARY))).toEqual([
      `::add-mask::${CANARY}`,
    ]);
  });

  it('says the outcome is unknown when it cannot tell which job it is, rather than guessing', async () => {
    const artifact = await startArtifactServer();
    artifacts.push(artifact);
    const { post } = await mainThenPost({}, artifact, [JOBS[0]!, { ...JOBS[0]!, id: 3 }]);
    expect(post.code).toBe(0);
    const evidence = JSON.parse(
      readZip(artifact.uploads[0]!.zip).get('evidence.json')!.toString('utf8'),
    ) as { outcome: { status: string; note: string } };
    expect(evidence.outcome.status).toBe('unknown');
    expect(evidence.outcome.note).toMatch(/2 in-progress jobs match this runner/);
  });

  it('fails the post step when the upload is refused, and keeps the pack on disk', async () => {
    const artifact = await startArtifactServer({
      faults: [{ endpoint: 'CreateArtifact', times: Infinity, status: 400, msg: 'bad request' }],
    });
    artifacts.push(artifact);
    const { main, post } = await mainThenPost({}, artifact);
    expect(post.code).toBe(1);
    const pack = main.outputs['evidence-path']!;
    expect(post.stdout).toContain(`the evidence pack is kept at ${pack}`);
    expect(
      [...post.tempFiles.keys()]
        .filter((f) => f.startsWith(`${pack}/`))
        .map((f) => f.slice(pack.length + 1))
        .sort(),
    ).toEqual(['bom.json', 'evidence.json', 'findings.sarif', 'manifest.json', 'summary.md']);
  });

  it('fails the post step when blob storage answers 500 after the retries', async () => {
    const artifact = await startArtifactServer({
      faults: [{ endpoint: 'block', times: Infinity, status: 500 }],
    });
    artifacts.push(artifact);
    const { post } = await mainThenPost({}, artifact);
    expect(post.code).toBe(1);
    expect(post.stdout).toMatch(
      /::error::agent-gate \(post\): evidence upload failed for artifact "agent-gate-evidence-fix-[0-9a-f]{8}-1" \(the evidence pack is kept at [^)]+\)/,
    );
    expect(artifact.uploads.every((u) => !u.finalized)).toBe(true);
  }, 60_000);

  it('fails the post step when the artifact service is unreachable', async () => {
    const artifact = await startArtifactServer({ refuse: true });
    artifacts.push(artifact);
    const { post } = await mainThenPost({}, artifact);
    expect(post.code).toBe(1);
    expect(post.stdout).toMatch(
      /::error::agent-gate \(post\): evidence upload failed for artifact "agent-gate-evidence-fix-[0-9a-f]{8}-1"/,
    );
  });

  it('with evidence: file keeps the completed pack under RUNNER_TEMP and uploads nothing', async () => {
    const artifact = await startArtifactServer();
    artifacts.push(artifact);
    const { main, post } = await mainThenPost(
      { inputs: { approval: 'environment', token: CANARY, evidence: 'file' } },
      artifact,
    );
    expect(post.code).toBe(0);
    expect(artifact.requests).toEqual([]);
    const evidence = post.tempFiles.get(`${main.outputs['evidence-path']!}/evidence.json`) ?? '';
    expect(JSON.parse(evidence)).toMatchObject({ outcome: { status: 'failure' } });
  });
});
