/**
 * End-to-end regressions of issue 14 (hardening, round 2) through the committed bundle:
 * odd pull request metadata (item 3), record-mode approval integrity (5), evidence changed
 * between the main and the post step (7), servers that accept and never answer (10), rate
 * limits waited as told (13). Time-outs run with AGENT_GATE_TIME_SCALE (loopback only), so
 * "30 s" passes in a fraction of it; no test asserts on the wall clock.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startApprovalServer } from './approval-server.js';
import type { ApprovalServer } from './approval-server.js';
import { startArtifactServer } from './artifact-server.js';
import type { ArtifactServer } from './artifact-server.js';
import { expectFailedStep, findingsOf } from './assertions.js';
import { apiServers, example, makeWorkspace, removeTempDirs, runAction } from './harness.js';
import type { RunOptions, RunResult } from './harness.js';

const servers = apiServers();
const others: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await servers.closeAll();
  await Promise.all(others.map((s) => s.close()));
  removeTempDirs();
});

const BASE = 'b'.repeat(40);
const TOKEN = 'ghs_hardeningIoToken0042';
const errors = (r: RunResult): string[] =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
/** The approvals that did not count, as the main step recorded them for the evidence. */
const ignoredOf = (r: RunResult): { login: string; why: string }[] =>
  (
    JSON.parse(
      [...r.tempFiles.entries()].find(([k]) => k.endsWith('evidence-input.json'))?.[1] ?? '{}',
    ) as { approval?: { ignored?: { login: string; why: string }[] } }
  ).approval?.ignored ?? [];

/** A loopback server that accepts every request and never answers it. */
async function startSilentServer(): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const held: IncomingMessage[] = [];
  const server: Server = createServer((req) => {
    requests.push(`${req.method ?? ''} ${req.url ?? ''}`);
    held.push(req);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  others.push({
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

// ------------------------------------------------------------------ item 3: PR metadata

describe.concurrent('pull request metadata (item 3)', () => {
  const pullRequest = (head: string, pr: Record<string, unknown>): unknown => ({
    action: 'synchronize',
    pull_request: {
      user: { login: 'alice', type: 'User' },
      base: { sha: BASE, ref: 'main', repo: { full_name: 'acme/app' } },
      head: { sha: head, ref: 'feature', repo: { full_name: 'acme/app' } },
      ...pr,
    },
    repository: { full_name: 'acme/app', default_branch: 'main' },
  });
  const run = async (pr: Record<string, unknown>, files: readonly string[]) => {
    const ws = makeWorkspace({ '.github/workflows/ci.yml': example('ci.yml') });
    const api = await servers.start({ pullFiles: { 7: files } });
    const r = await runAction({
      workflow: 'ci.yml',
      sha: ws.sha,
      job: 'test',
      event: 'pull_request',
      eventPayload: pullRequest(ws.sha, pr),
      workspace: ws.dir,
      api: api.url,
    });
    return { r, api };
  };

  it('reads a number given as a string and still finds the workflow change', async () => {
    const { r, api } = await run({ number: '7' }, ['.github/workflows/ci.yml']);
    expect(r.outputs.decision).toBe('approval-required');
    expect(findingsOf(r).map((f) => f.message)).toEqual([
      expect.stringContaining('the pull request changes a workflow file: .github/workflows/ci.yml'),
    ]);
    expect(api.requests.map((q) => q.url)).toContain('/repos/acme/app/pulls/7/files?per_page=100');
  });

  it('fails closed without a usable number, instead of skipping the changed files', async () => {
    for (const pr of [{}, { number: 'seven' }, { number: -7 }]) {
      const { r, api } = await run(pr, ['.github/workflows/ci.yml']);
      expectFailedStep(
        r,
        'agent-gate: pull_request event without a pull request number (pull_request.number in the event payload): the files it changes cannot be listed',
      );
      expect(api.requests.filter((q) => q.url.includes('/pulls/'))).toEqual([]);
    }
  });

  it('treats a listing shorter than changed_files (the 3,000 cap) as a CI change, and says why', async () => {
    const files = ['src/a.ts', 'docs/b.md'];
    const { r } = await run({ number: 7, changed_files: 3500 }, files);
    expect(r.outputs.decision).toBe('approval-required');
    expect(findingsOf(r).map((f) => f.message)).toEqual([
      expect.stringContaining(
        'incomplete list of changed files, treated as changing CI files: the pull request changes 3500 files, the files API listed 2',
      ),
    ]);
    expect(r.stdout).toMatch(/::warning::agent-gate: the pull request changes 3500 files/);
  });

  it('a complete listing of harmless files stays allowed', async () => {
    const { r } = await run({ number: 7, changed_files: 2 }, ['src/a.ts', 'docs/b.md']);
    expect(r.code).toBe(0);
    expect(r.outputs.decision).toBe('allow');
  });
});

// ------------------------------------------------------------------ item 5: record mode

const DEPLOY = [
  'name: deploy',
  'on: [push, pull_request]',
  'permissions:',
  '  contents: read',
  'jobs:',
  '  deploy:',
  '    runs-on: ubuntu-latest',
  '    environment: production',
  '    steps:',
  '      - run: ./deploy.sh',
  '',
].join('\n');

describe.concurrent(
  'approval: record binds to the real environment and the same rules as wait (item 5)',
  () => {
    const entry = (login: string, environments: readonly string[]) => ({
      state: 'approved' as const,
      user: { login, type: 'User' as const },
      environments,
    });
    const record = async (
      history: readonly ReturnType<typeof entry>[],
      extra: Partial<RunOptions> = {},
    ): Promise<{ r: RunResult; server: ApprovalServer }> => {
      const ws = makeWorkspace({ '.github/workflows/deploy.yml': DEPLOY });
      const server = await startApprovalServer({
        permissions: { alice: 'write', kate: 'write', bob: 'write' },
        runApprovals: { '4242': history },
        checkRuns: [],
        pullFiles: { 7: ['src/a.ts'] },
      });
      others.push(server);
      const r = await runAction({
        workflow: 'deploy.yml',
        sha: ws.sha,
        job: 'deploy',
        event: 'push',
        workspace: ws.dir,
        api: server.url,
        inputs: { approval: 'record', environment: 'staging', token: TOKEN, evidence: 'file' },
        ...extra,
      });
      return { r, server };
    };

    it('an approval of the `environment` input (staging) does not cover the job deploying to production', async () => {
      const { r } = await record([entry('alice', ['staging'])]);
      expect(r.code).toBe(1);
      expect(r.outputs.approved).toBe('false');
      expect(errors(r).join('\n')).toContain(
        "no approval for environment production in the run's approval history",
      );
    });

    it('approvals of both the input and the real environment count', async () => {
      const { r } = await record([entry('alice', ['staging']), entry('bob', ['production'])]);
      expect(r.code, r.stdout).toBe(0);
      expect(r.outputs).toMatchObject({ approved: 'true', 'approved-by': 'alice,bob' });
    });

    it('the pull request author approving counts no more than in wait mode', async () => {
      const ws = { number: 7, user: { login: 'Alice', type: 'User' } };
      const pr = (sha: string) => ({
        number: 7,
        pull_request: {
          ...ws,
          base: { sha: BASE, ref: 'main', repo: { full_name: 'acme/app' } },
          head: { sha, ref: 'feature', repo: { full_name: 'acme/app' } },
        },
        repository: { full_name: 'acme/app', default_branch: 'main' },
      });
      const history = [entry('alice', ['staging', 'production'])];
      const sha = 'd'.repeat(40);
      const { r } = await record(history, {
        event: 'pull_request',
        eventPayload: pr(sha),
        inputs: { approval: 'record', environment: 'production', token: TOKEN, evidence: 'file' },
      });
      expect(r.code).toBe(1);
      expect(r.outputs.approved).toBe('false');
      expect(ignoredOf(r)).toEqual([
        { login: 'alice', why: expect.stringMatching(/pull request author/) },
      ]);
    });

    it('a Kelvin-sign Kate is not the listed approver kate', async () => {
      const policy = 'version: 1\nextends: baseline\napproval:\n  approvers: [kate]\n';
      const history = [entry('\u212Aate', ['staging', 'production'])];
      const ws = makeWorkspace({
        '.github/workflows/deploy.yml': DEPLOY,
        '.github/agent-gate.yml': policy,
      });
      const server = await startApprovalServer({
        permissions: { kate: 'write', '\u212Aate': 'write' },
        runApprovals: { '4242': history },
        checkRuns: [],
      });
      others.push(server);
      const options: RunOptions = {
        workflow: 'deploy.yml',
        sha: ws.sha,
        job: 'deploy',
        event: 'push',
        workspace: ws.dir,
        api: server.url,
        inputs: { approval: 'record', environment: 'production', token: TOKEN, evidence: 'file' },
      };
      const r = await runAction(options);
      expect(r.code).toBe(1);
      expect(r.outputs.approved).toBe('false');
      expect(ignoredOf(r)).toEqual([
        { login: '\u212Aate', why: expect.stringMatching(/non-ASCII/) },
      ]);
    });
  },
);

// ------------------------------------------------------------------ item 7: evidence sealed

describe.concurrent('evidence changed between the main and the post step (item 7)', () => {
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
  const mainThenPost = async (
    artifact: ArtifactServer,
    between: (dir: string, text: string) => void,
  ): Promise<{ main: RunResult; post: RunResult }> => {
    const ws = makeWorkspace({ '.github/workflows/fix.yml': example('claude-fix-issue.yml') });
    const api = await servers.start({ jobs: JOBS, checkRuns: [] });
    const base: RunOptions = {
      workflow: 'fix.yml',
      sha: ws.sha,
      job: 'fix',
      event: 'issue_comment',
      eventPayload: { issue: { number: 3 }, sender: { login: 'octocat' } },
      workspace: ws.dir,
      api: api.url,
      inputs: { approval: 'environment', token: TOKEN },
      env: { ...artifact.env, RUNNER_NAME: 'runner-7' },
    };
    const main = await runAction(base);
    const dir = main.state['evidence-dir']!;
    between(dir, main.tempFiles.get(join(dir, 'evidence-input.json')) ?? '');
    const post = await runAction({
      ...base,
      entry: 'post',
      runnerTemp: main.runnerTemp,
      state: main.state,
      timeoutMs: 60_000,
    });
    return { main, post };
  };

  it('a forged approval in evidence-input.json fails the post step, uploads only the tamper record, signs nothing', async () => {
    const artifact = await startArtifactServer();
    others.push(artifact);
    const { main, post } = await mainThenPost(artifact, (dir, text) => {
      const forged = JSON.parse(text) as { report: { decision: string }; approval: unknown };
      forged.report.decision = 'allow';
      forged.approval = { mode: 'wait', status: 'approved', approvals: [{ login: 'alice' }] };
      writeFileSync(join(dir, 'evidence-input.json'), JSON.stringify(forged));
    });
    expect(main.outputs.decision).toBe('approval-required');
    expect(main.state['evidence-digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(post.code).toBe(1);
    expect(errors(post).join('\n')).toMatch(
      /does not match what the main step decided \(its SHA-256 is sha256:[0-9a-f]{64}, the main step saved sha256:[0-9a-f]{64}: a later step changed it\)/,
    );
    expect(artifact.uploads).toHaveLength(1);
    const upload = artifact.uploads[0]!;
    const { readZip } = await import('../../src/engine/evidence/zip.js');
    const zip = readZip(upload.zip);
    expect([...zip.keys()]).toEqual(['tampering.json']);
    const record = JSON.parse(zip.get('tampering.json')!.toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(record).toMatchObject({
      status: 'tampered',
      decision: 'approval-required',
      expectedDigest: main.state['evidence-digest'],
    });
    expect(JSON.stringify(record)).not.toContain('alice');
  });

  it('an untouched evidence input completes, and the evidence says what the post step verified', async () => {
    const artifact = await startArtifactServer();
    others.push(artifact);
    const { main, post } = await mainThenPost(artifact, () => undefined);
    expect(post.code, post.stdout).toBe(0);
    const { readZip } = await import('../../src/engine/evidence/zip.js');
    const zip = readZip(artifact.uploads[0]!.zip);
    const evidence = JSON.parse(zip.get('evidence.json')!.toString('utf8')) as {
      validation: { note: string };
    };
    expect(evidence.validation.note).toContain(
      `matched the ${main.state['evidence-digest']!} the main step sealed`,
    );
    expect(evidence.validation.note).toMatch(/not verified further/);
  });
});

// ------------------------------------------------------------------ item 10: time limits

describe.concurrent('servers that accept and never answer (item 10)', () => {
  it('a contents request that never answers fails the main step closed', async () => {
    const silent = await startSilentServer();
    const r = await runAction({
      workflow: 'ci.yml',
      sha: 'c'.repeat(40),
      job: 'test',
      event: 'push',
      api: silent.url,
      env: { AGENT_GATE_TIME_SCALE: '60' },
      timeoutMs: 30_000,
    });
    expectFailedStep(
      r,
      /^agent-gate: (cannot read \.github\/agent-gate\.yml .*no answer within 2 s \(GET http:\/\/127\.0\.0\.1:\d+\/repos\/acme\/app\/contents\/|reading the policy did not finish within 20 s)/,
    );
    expect(silent.requests.length).toBeGreaterThan(0);
  });

  it('CreateArtifact that never answers fails the post step, and the pack stays on disk', async () => {
    const artifact = await startArtifactServer();
    others.push(artifact);
    const silent = await startSilentServer();
    const ws = makeWorkspace({ '.github/workflows/fix.yml': example('claude-fix-issue.yml') });
    const api = await servers.start({ jobs: [], checkRuns: [] });
    const base: RunOptions = {
      workflow: 'fix.yml',
      sha: ws.sha,
      job: 'fix',
      event: 'issue_comment',
      eventPayload: { issue: { number: 3 }, sender: { login: 'octocat' } },
      workspace: ws.dir,
      api: api.url,
      inputs: { approval: 'environment', token: TOKEN },
      env: {
        ...artifact.env,
        ACTIONS_RESULTS_URL: `${silent.url}/`,
        AGENT_GATE_TIME_SCALE: '60',
      },
    };
    const main = await runAction(base);
    expect(main.code).toBe(0);
    const post = await runAction({
      ...base,
      entry: 'post',
      runnerTemp: main.runnerTemp,
      state: main.state,
      timeoutMs: 30_000,
    });
    expect(post.code).toBe(1);
    const pack = main.outputs['evidence-path']!;
    expect(errors(post), post.stdout).toEqual([
      `agent-gate (post): evidence upload failed for artifact "${main.outputs['evidence-name']}" (the evidence pack is kept at ${pack}): the artifact service did not finish the upload within 5 s`,
    ]);
    expect(silent.requests.some((q) => q.includes('CreateArtifact'))).toBe(true);
    expect(post.tempFiles.has(join(pack, 'evidence.json'))).toBe(true);
  });
});

// ------------------------------------------------------------------ item 13: rate limits

describe.concurrent('rate limits are waited out as GitHub says (item 13)', () => {
  const SHA = 'e'.repeat(40);
  const run = (api: string) =>
    runAction({
      workflow: 'ci.yml',
      sha: SHA,
      job: 'test',
      event: 'push',
      api,
      env: { AGENT_GATE_TIME_SCALE: '60' },
      timeoutMs: 30_000,
    });

  it('a 429 with retry-after: 30 waits 30 s (of the scaled clock), then goes on', async () => {
    const api = await servers.start({
      contents: { [SHA]: { '.github/workflows/ci.yml': example('ci.yml') } },
      faults: [
        {
          match: /workflows%2Fci\.yml/,
          times: 1,
          status: 429,
          message: 'Too Many Requests',
          headers: { 'retry-after': '30' },
        },
      ],
    });
    const r = await run(api.url);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^rate limited on GET \S+; retry 1 in 30s$/m);
    expect(api.requests.filter((q) => q.url.includes('ci.yml')).map((q) => q.status)).toEqual([
      429, 200,
    ]);
  });

  it('a primary limit (remaining 0) waits until x-ratelimit-reset', async () => {
    const reset = Math.floor(Date.now() / 1000) + 30;
    const api = await servers.start({
      contents: { [SHA]: { '.github/workflows/ci.yml': example('ci.yml') } },
      faults: [
        {
          match: /workflows%2Fci\.yml/,
          times: 1,
          status: 403,
          message: 'API rate limit exceeded',
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
        },
      ],
    });
    const r = await run(api.url);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^rate limited on GET \S+; retry 1 in (2\d|3[0-2])s$/m);
  });

  it('a wait longer than the phase budget fails closed at once, with a sentence', async () => {
    const api = await servers.start({
      contents: { [SHA]: { '.github/workflows/ci.yml': example('ci.yml') } },
      faults: [
        {
          match: /workflows%2Fci\.yml/,
          times: Infinity,
          status: 429,
          message: 'Too Many Requests',
          headers: { 'retry-after': '3600' },
        },
      ],
    });
    const r = await run(api.url);
    expectFailedStep(
      r,
      /rate limited on GET \S+: GitHub asks to wait 3600 s, more than the 300 s left to wait in this step/,
    );
    expect(
      api.requests.filter((q) => q.url.includes('ci.yml')),
      JSON.stringify(api.requests.map((q) => [q.url, q.status])),
    ).toHaveLength(1);
  });
});

// ------------------------------------------------------------------ item 13: odd answers

describe.concurrent('odd API answers end in a sentence, never a raw TypeError (item 13)', () => {
  const SHA = 'f'.repeat(40);

  it('a files listing of the wrong shape fails closed, naming the files API', async () => {
    const ws = makeWorkspace({ '.github/workflows/ci.yml': example('ci.yml') });
    const api = await servers.start({
      faults: [{ match: /\/pulls\/7\/files/, times: Infinity, status: 200, message: 'odd' }],
    });
    const r = await runAction({
      workflow: 'ci.yml',
      sha: ws.sha,
      job: 'test',
      event: 'pull_request',
      eventPayload: {
        number: 7,
        pull_request: {
          number: 7,
          base: { sha: BASE, repo: { full_name: 'acme/app' } },
          head: { sha: ws.sha, repo: { full_name: 'acme/app' } },
        },
      },
      workspace: ws.dir,
      api: api.url,
    });
    expectFailedStep(
      r,
      'agent-gate: the files API answered entry 1 without a file name, so the change cannot be judged',
    );
  });

  it('a tree answer without entries fails closed, naming the trees API', async () => {
    const api = await servers.start({
      contents: { [SHA]: { '.github/workflows/ci.yml': example('ci.yml') } },
      faults: [{ match: /\/git\/trees\//, times: Infinity, status: 200, message: 'odd' }],
    });
    const r = await runAction({
      workflow: 'ci.yml',
      sha: SHA,
      job: 'test',
      event: 'push',
      api: api.url,
    });
    expectFailedStep(
      r,
      `agent-gate: cannot list the repository tree at ${SHA} through the API: the git trees API answered without a list of entries (\`tree\`)`,
    );
    expect(r.stdout).not.toMatch(/TypeError|Cannot read properties/);
  });
});
