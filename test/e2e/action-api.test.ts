/**
 * End-to-end: what the bundle asks the REST API — the workflow at GITHUB_WORKFLOW_SHA when
 * there is no git checkout, the policy at the pull request's base commit, every page of a
 * pull request's files — and how it survives server errors and secondary rate limits.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  apiServers,
  commitFiles,
  example,
  makeWorkspace,
  plainWorkspace,
  removeTempDirs,
  runAction,
} from './harness.js';
import type { ApiServer } from './harness.js';
import { expectFailedStep, findingsOf } from './assertions.js';
import { readReport } from '../cli/json-report.js';

const servers = apiServers();
afterAll(async () => {
  await servers.closeAll();
  removeTempDirs();
});

const TOKEN = 'ghs_apiToken0042';
const SHA = 'c'.repeat(40);
const contentsUrl = (path: string, ref: string): string =>
  `/repos/acme/app/contents/${encodeURIComponent(path)}?ref=${ref}`;
const log = (api: ApiServer): string[] =>
  api.requests.map((q) => `${q.method} ${q.url} ${q.status}`);
/** A policy that blocks everything no rule allows: its effect cannot be mistaken for baseline's. */
const BLOCK_ALL_POLICY = 'version: 1\ndefault: blocked\n';

// First in the file: it spends ~15 s in the client's retry back-off, and the other tests run meanwhile.
describe.concurrent('an API that keeps failing', () => {
  it('fails the step, blocked, after the 3 retries of a 500', { timeout: 40_000 }, async () => {
    const api = await servers.start({
      contents: { [SHA]: { '.github/workflows/ci.yml': example('ci.yml') } },
      faults: [{ match: /\/contents\//, times: Infinity, status: 500 }],
    });
    const r = await runAction({
      workflow: 'ci.yml',
      sha: SHA,
      job: 'test',
      event: 'push',
      api: api.url,
      timeoutMs: 35_000,
    });
    expectFailedStep(
      r,
      `agent-gate: cannot read .github/agent-gate.yml at ${SHA} through the API: Server Error`,
    );
    expect(api.requests.map((q) => q.status)).toEqual([500, 500, 500, 500]);
  });
});

describe.concurrent('workflow read through the contents API (no git checkout)', () => {
  it('asks for the file at GITHUB_WORKFLOW_SHA with the token and the raw media type, retrying a 500', async () => {
    const api = await servers.start({
      contents: { [SHA]: { '.github/workflows/ci.yml': example('ci.yml') } },
      faults: [{ match: /workflows%2Fci\.yml/, times: 1, status: 500 }],
    });
    const r = await runAction({
      workflow: 'ci.yml',
      sha: SHA,
      job: 'test',
      event: 'push',
      api: api.url,
      inputs: { token: TOKEN },
    });
    expect(r.code).toBe(0);
    expect(r.outputs.decision).toBe('allow');
    expect(r.stdout).toContain(
      `Evaluating .github/workflows/ci.yml@${SHA.slice(0, 12)} (read via api)`,
    );
    expect(log(api)).toEqual([
      `GET ${contentsUrl('.github/agent-gate.yml', SHA)} 404`,
      `GET ${contentsUrl('.github/workflows/ci.yml', SHA)} 500`,
      `GET ${contentsUrl('.github/workflows/ci.yml', SHA)} 200`,
      `GET /repos/acme/app/git/trees/${SHA}?recursive=true 200`,
    ]);
    for (const q of api.requests) {
      expect(q.headers.authorization).toBe(`token ${TOKEN}`);
      if (q.url.includes('/contents/'))
        expect(q.headers.accept).toBe('application/vnd.github.v3.raw');
    }
  });

  it('waits out a secondary rate limit (403, retry-after: 1) and goes on', async () => {
    const api = await servers.start({
      contents: { [SHA]: { '.github/workflows/ci.yml': example('ci.yml') } },
      faults: [
        {
          match: /workflows%2Fci\.yml/,
          times: 1,
          status: 403,
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          headers: { 'retry-after': '1' },
        },
      ],
    });
    const r = await runAction({
      workflow: 'ci.yml',
      sha: SHA,
      job: 'test',
      event: 'push',
      api: api.url,
    });
    expect(r.code).toBe(0);
    expect(r.outputs.decision).toBe('allow');
    expect(log(api).slice(1)).toEqual([
      `GET ${contentsUrl('.github/workflows/ci.yml', SHA)} 403`,
      `GET ${contentsUrl('.github/workflows/ci.yml', SHA)} 200`,
      `GET /repos/acme/app/git/trees/${SHA}?recursive=true 200`,
    ]);
    expect(r.stdout).toMatch(/^secondary rate limit on GET \S+; retry 1 in 1s$/m);
  });

  // An earlier step may leave an allowed-looking file in the workspace: only the commit counts.
  const tampered = { '.github/workflows/ci.yml': example('ci.yml') };
  it.each([
    ['a directory that is not a git repository', () => plainWorkspace(tampered)],
    ['a clone that does not hold the commit', () => makeWorkspace(tampered).dir],
  ])('reads the API copy at the commit, not the file in %s', async (_, workspace) => {
    const api = await servers.start({
      contents: {
        [SHA]: {
          '.github/workflows/ci.yml': example('nightly-agent.yml').replace('autopilot:', 'test:'),
        },
      },
    });
    const r = await runAction({
      workflow: 'ci.yml',
      sha: SHA,
      job: 'test',
      event: 'push',
      workspace: workspace(),
      api: api.url,
    });
    expect(r.outputs.decision).toBe('blocked');
    expect(r.stdout).toContain('(read via api)');
    expect(log(api)).toEqual([
      `GET ${contentsUrl('.github/agent-gate.yml', SHA)} 404`,
      `GET ${contentsUrl('.github/workflows/ci.yml', SHA)} 200`,
      `GET /repos/acme/app/git/trees/${SHA}?recursive=true 200`,
    ]);
  });
});

describe.concurrent('pull_request events', () => {
  const BASE = 'b'.repeat(40);
  // 150 files; the workflow file is on page 2, so a client that stops after page 1 misses it.
  const FILES = [
    ...Array.from({ length: 120 }, (_, i) => `src/file-${i}.ts`),
    '.github/workflows/ci.yml',
    ...Array.from({ length: 29 }, (_, i) => `docs/page-${i}.md`),
  ];
  const payload = (head: string, base = BASE): unknown => ({
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      user: { login: 'alice', type: 'User' },
      base: { sha: base, ref: 'main', repo: { full_name: 'acme/app' } },
      head: { sha: head, ref: 'feature', repo: { full_name: 'acme/app' } },
    },
    repository: { full_name: 'acme/app', default_branch: 'main' },
    sender: { login: 'alice' },
  });

  it('lists every page of the changed files and finds the workflow change (baseline policy)', async () => {
    const ws = makeWorkspace({ '.github/workflows/ci.yml': example('ci.yml') });
    const api = await servers.start({ pullFiles: { 7: FILES } });
    const r = await runAction({
      workflow: 'ci.yml',
      sha: ws.sha,
      job: 'test',
      event: 'pull_request',
      eventPayload: payload(ws.sha),
      workspace: ws.dir,
      api: api.url,
    });
    expect(r.code).toBe(1);
    expect(r.outputs.decision).toBe('approval-required');
    expect(findingsOf(r)).toEqual([
      {
        ruleId: 'approve-modify-workflow',
        decision: 'approval-required',
        message:
          "modify-workflow: the pull request changes a workflow file: .github/workflows/ci.yml — Changes to workflows, actions, CODEOWNERS or the gate's policy need a human approval.",
        job: 'test',
        location: { path: '.github/workflows/ci.yml', line: 10, column: 3 },
      },
    ]);
    expect(r.summary).toContain('Policy <code>preset:baseline</code>');
    expect(log(api)).toEqual([
      // The policy is looked up at the base commit (not in the local clone, so through the API).
      `GET ${contentsUrl('.github/agent-gate.yml', BASE)} 404`,
      'GET /repos/acme/app/pulls/7/files?per_page=100 200',
      'GET /repos/acme/app/pulls/7/files?per_page=100&page=2 200',
    ]);
  });

  it('records who wrote the pull request and the dependencies it adds in the BOM', async () => {
    const ws = makeWorkspace({
      '.github/workflows/ci.yml': example('ci.yml'),
      '.github/CODEOWNERS': '* @acme/devs\n.github/workflows/ @acme/platform\n',
    });
    const files = [
      {
        filename: 'package.json',
        status: 'modified',
        patch:
          '@@ -2,3 +2,4 @@\n   "dependencies": {\n+    "evil-pkg": "1.0.0",\n     "yaml": "^2.0.0"\n   }\n',
      },
      { filename: 'go.mod', status: 'modified' },
    ];
    const api = await servers.start({ pullFiles: { 7: files } });
    const event = payload(ws.sha) as { pull_request: { user: { login: string; type: string } } };
    event.pull_request.user = { login: 'copilot-swe-agent[bot]', type: 'Bot' };
    const r = await runAction({
      workflow: 'ci.yml',
      sha: ws.sha,
      job: 'test',
      event: 'pull_request',
      eventPayload: event,
      workspace: ws.dir,
      api: api.url,
    });
    const report = readReport(r.tempFiles.get(r.outputs['report-path'] ?? '') ?? '{}') as {
      bom: { workflows: { jobs: { owner: unknown; change: unknown }[] }[] };
    };
    const job = report.bom.workflows[0]!.jobs[0]!;
    expect(job.owner).toEqual({ owners: ['@acme/platform'], file: '.github/CODEOWNERS', line: 2 });
    expect(job.change).toEqual({
      author: 'copilot-swe-agent[bot]',
      authorKind: 'agent',
      sensitive: [],
      newDependencies: [
        {
          file: 'package.json',
          ecosystem: 'npm',
          name: 'evil-pkg',
          version: '1.0.0',
          line: 3,
          note: null,
        },
      ],
      unknownDependencies: [{ file: 'go.mod', reason: expect.any(String) }],
    });
  });

  it('counts the old name of a renamed file: moving a workflow away is a workflow change', async () => {
    const ws = makeWorkspace({ '.github/workflows/ci.yml': example('ci.yml') });
    const renamed = {
      filename: 'docs/old-release.yml',
      previous_filename: '.github/workflows/release.yml',
    };
    const api = await servers.start({ pullFiles: { 7: ['README.md', renamed] } });
    const r = await runAction({
      workflow: 'ci.yml',
      sha: ws.sha,
      job: 'test',
      event: 'pull_request',
      eventPayload: payload(ws.sha),
      workspace: ws.dir,
      api: api.url,
    });
    expect(r.outputs.decision).toBe('approval-required');
    expect(findingsOf(r).map((f) => f.message.split(' — ')[0])).toEqual([
      'modify-workflow: the pull request changes a workflow file: .github/workflows/release.yml',
    ]);
  });

  it('reads the policy from a central repository (policy-repository) and never from this one', async () => {
    const ws = makeWorkspace({
      '.github/workflows/ci.yml': example('ci.yml'),
      '.github/agent-gate.yml': 'version: 1\ndefault: allow\n',
    });
    const central = 'c0ffee0000000000000000000000000000000001';
    const api = await servers.start({
      pullFiles: { 7: ['.github/agent-gate.yml'] },
      otherRepos: { 'acme/policies': { [central]: { 'ci/agent-gate.yml': BLOCK_ALL_POLICY } } },
    });
    const r = await runAction({
      workflow: 'ci.yml',
      sha: ws.sha,
      job: 'test',
      event: 'pull_request',
      eventPayload: payload(ws.sha),
      workspace: ws.dir,
      api: api.url,
      inputs: { 'policy-repository': `acme/policies@${central}`, policy: 'ci/agent-gate.yml' },
    });
    expect(r.code).toBe(1);
    expect(r.outputs.decision).toBe('blocked');
    expect(log(api)).toContain(
      `GET /repos/acme/policies/contents/ci%2Fagent-gate.yml?ref=${central} 200`,
    );
    expect(log(api).filter((l) => l.includes('/repos/acme/app/contents/'))).toEqual([]);
    // The repository's own policy file is not the gate's policy: changing it is no policy change.
    expect(r.summary).not.toContain("gate's own policy file");
  });

  it('fails closed when the central policy cannot be read', async () => {
    const ws = makeWorkspace({ '.github/workflows/ci.yml': example('ci.yml') });
    const api = await servers.start({ pullFiles: { 7: ['README.md'] } });
    const r = await runAction({
      workflow: 'ci.yml',
      sha: ws.sha,
      job: 'test',
      event: 'pull_request',
      eventPayload: payload(ws.sha),
      workspace: ws.dir,
      api: api.url,
      inputs: { 'policy-repository': 'acme/policies@main' },
    });
    expect(r.code).toBe(1);
    expect(r.outputs.decision).toBe('blocked');
    expect(r.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /cannot read the central policy acme\/policies\/\.github\/agent-gate\.yml@main/,
    );
  });

  it('uses the policy file as it is at the base commit', async () => {
    const ws = makeWorkspace({ '.github/workflows/ci.yml': example('ci.yml') });
    const api = await servers.start({
      pullFiles: { 7: ['README.md'] },
      contents: { [BASE]: { '.github/agent-gate.yml': BLOCK_ALL_POLICY } },
    });
    const r = await runAction({
      workflow: 'ci.yml',
      sha: ws.sha,
      job: 'test',
      event: 'pull_request',
      eventPayload: payload(ws.sha),
      workspace: ws.dir,
      api: api.url,
    });
    expect(r.code).toBe(1);
    expect(r.outputs.decision).toBe('blocked');
    expect(r.summary).toContain('Policy <code>.github/agent-gate.yml</code>');
    expect(log(api)[0]).toBe(`GET ${contentsUrl('.github/agent-gate.yml', BASE)} 200`);
    expect(log(api).filter((l) => l.includes('/contents/') && !l.includes(`ref=${BASE}`))).toEqual(
      [],
    );
  });

  it('ignores a policy file that exists at the head commit and in the working tree but not at the base', async () => {
    const ws = makeWorkspace({ '.github/workflows/ci.yml': example('ci.yml') });
    const head = commitFiles(ws.dir, { '.github/agent-gate.yml': BLOCK_ALL_POLICY });
    const api = await servers.start({ pullFiles: { 7: ['.github/agent-gate.yml'] } });
    const pr = await runAction({
      workflow: 'ci.yml',
      sha: head,
      job: 'test',
      event: 'pull_request',
      eventPayload: payload(head, ws.sha),
      workspace: ws.dir,
      api: api.url,
    });
    expect(pr.outputs.decision).toBe('approval-required');
    expect(pr.summary).toContain('Policy <code>preset:baseline</code>');
    expect(findingsOf(pr).map((f) => f.ruleId)).toEqual(['approve-modify-workflow']);
    // Both commits are in the clone: nothing but the file list comes from the API.
    expect(log(api)).toEqual(['GET /repos/acme/app/pulls/7/files?per_page=100 200']);

    // Control: on a push of the same commit the file is trusted, and it does block.
    const push = await runAction({
      workflow: 'ci.yml',
      sha: head,
      job: 'test',
      event: 'push',
      workspace: ws.dir,
      api: api.url,
    });
    expect(push.outputs.decision).toBe('blocked');
    expect(push.summary).toContain('Policy <code>.github/agent-gate.yml</code>');
  });
});
