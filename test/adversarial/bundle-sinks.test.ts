/**
 * Through the bundle (dist/index.js and dist/post/index.js, as the runner runs them):
 * secret canaries and bidi controls reach no sink — log lines, annotations, job summary,
 * step outputs, the approval request posted as a PR comment, the evidence files of the main
 * and the post step (evidence.json, bom.json, findings.sarif, summary.md, manifest.json) —
 * and a change to a file the trusted policy extends needs approval. Issue 14 items 4, 8, 9.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startApprovalServer } from '../e2e/approval-server.js';
import type { ApprovalServer, PostedRequestView } from '../e2e/approval-server.js';
import { commitFiles, makeWorkspace, removeTempDirs, runAction } from '../e2e/harness.js';
import type { RunResult } from '../e2e/harness.js';
import { BIDI_CHAR, CANARY, CANARY_WORKFLOW } from './canary-workflow.js';

const servers: ApprovalServer[] = [];
afterAll(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  removeTempDirs();
});

const TOKEN = 'ghs_adversarialToken0042';
const JOBS = [
  {
    id: 1,
    name: 'test',
    status: 'in_progress',
    run_attempt: 1,
    runner_name: 'runner-7',
    steps: [{ name: 'agent-gate', status: 'completed', conclusion: 'success', number: 1 }],
  },
];
const POLICY = "version: 1\nextends: baseline\napproval:\n  approvers: ['alice']\n";

async function pullRequest(files: Record<string, string>, changed: readonly string[]) {
  const ws = makeWorkspace(files);
  const head = commitFiles(
    ws.dir,
    Object.fromEntries(changed.map((f) => [f, `${files[f] ?? ''}\n# changed\n`])),
  );
  const server = await startApprovalServer({
    permissions: { alice: 'write', octocat: 'admin' },
    teams: {},
    pullFiles: { 7: [...changed] },
    pulls: { 7: { headSha: head, baseSha: ws.sha, title: 'Update', author: { login: 'mallory' } } },
    jobs: JOBS,
    checkRuns: [],
  });
  servers.push(server);
  const options = {
    workflow: 'ci.yml',
    sha: head,
    job: 'test',
    event: 'pull_request',
    eventPayload: {
      action: 'synchronize',
      number: 7,
      pull_request: {
        number: 7,
        title: 'Update',
        user: { login: 'mallory', type: 'User' },
        base: { sha: ws.sha, ref: 'main', repo: { full_name: 'acme/app' } },
        head: { sha: head, ref: 'feature', repo: { full_name: 'acme/app' } },
      },
      repository: { full_name: 'acme/app', default_branch: 'main' },
      sender: { login: 'mallory' },
    },
    workspace: ws.dir,
    api: server.url,
    inputs: { approval: 'wait', token: TOKEN, evidence: 'file' },
    env: { AGENT_GATE_TIME_SCALE: '120' },
    timeoutMs: 25_000,
  };
  return { server, options };
}

/** Every text a person or a later step can see from one run. */
function sinks(r: RunResult): Record<string, string> {
  return {
    stdout: r.stdout,
    stderr: r.stderr,
    summary: r.summary,
    outputs: JSON.stringify(r.outputs),
    annotations: JSON.stringify(r.annotations),
    ...Object.fromEntries(r.tempFiles),
  };
}

describe.concurrent('bundle sinks', () => {
  it(
    'no canary and no bidi control reaches the log, summary, outputs, PR comment or evidence',
    { timeout: 60_000 },
    async () => {
      const { server, options } = await pullRequest(
        { '.github/workflows/ci.yml': CANARY_WORKFLOW, '.github/agent-gate.yml': POLICY },
        ['.github/workflows/ci.yml'],
      );
      let posted: PostedRequestView | undefined;
      void server.onRequestPosted((p) => {
        posted = p;
        server.comment(7, { login: 'alice' }, `/agent-gate approve ${p.prefix}`);
      }, 300);
      const main = await runAction(options);
      expect(main.code, `${main.stdout}\n${main.stderr}\n${server.log().join('\n')}`).toBe(0);
      const post = await runAction({
        ...options,
        entry: 'post',
        runnerTemp: main.runnerTemp,
        state: main.state,
      });
      expect(post.code, `${post.stdout}\n${post.stderr}`).toBe(0);

      const all = {
        ...sinks(main),
        ...Object.fromEntries(Object.entries(sinks(post)).map(([k, v]) => [`post:${k}`, v])),
      };
      all['pr comment'] = posted?.body ?? '';
      expect(posted?.body).toContain('approve');
      const packFiles = Object.keys(all)
        .filter((k) => /pack[\\/]/.test(k))
        .map((k) => k.split(/[\\/]/).pop());
      expect(packFiles).toEqual(
        expect.arrayContaining([
          'evidence.json',
          'bom.json',
          'findings.sarif',
          'summary.md',
          'manifest.json',
        ]),
      );
      for (const [where, text] of Object.entries(all)) {
        expect(text, where).not.toMatch(CANARY);
        if (!where.endsWith('.json') && !where.endsWith('.sarif'))
          expect(text, where).not.toMatch(BIDI_CHAR);
      }
      // The values were there to leak: the log and summary say where they were redacted, and
      // show the bidi controls as code points.
      expect(main.stdout).toContain('(redacted)');
      expect(main.summary).toMatch(/\\?\(redacted\\?\)/);
      expect(main.summary).toMatch(/\\?\[U\\?\+202E\\?\]/);
      // No workflow command was forged.
      expect(main.annotations.map((a) => a.message).join('\n')).not.toContain('forged');
    },
  );

  it(
    'the findings output is \\u-escaped JSON: no shell, Markdown or runner metacharacter',
    { timeout: 60_000 },
    async () => {
      const { options } = await pullRequest(
        { '.github/workflows/ci.yml': CANARY_WORKFLOW, '.github/agent-gate.yml': POLICY },
        ['.github/workflows/ci.yml'],
      );
      const r = await runAction({ ...options, inputs: { ...options.inputs, approval: 'fail' } });
      expect(r.outputs.decision).toBe('approval-required');
      const raw = r.outputs.findings ?? '';
      expect(raw.length).toBeGreaterThan(2);
      expect(raw).not.toMatch(/[`$'<>&\n]|::/);
      expect(raw).not.toMatch(BIDI_CHAR);
      const parsed = JSON.parse(raw) as { ruleId: string; message: string }[];
      expect(parsed.map((f) => f.ruleId)).toContain('approve-modify-workflow');
      expect(parsed.some((f) => f.message.includes('`'))).toBe(true);
    },
  );

  it(
    'a pull request that changes a file the trusted policy extends needs approval; another file does not',
    { timeout: 60_000 },
    async () => {
      const files = {
        '.github/workflows/ci.yml':
          'on: pull_request\npermissions: { contents: read }\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
        '.github/agent-gate.yml': 'version: 1\nextends: ./gate/base.yml\n',
        '.github/gate/base.yml': 'version: 1\nextends: baseline\n',
        'src/app.ts': 'export {};\n',
      };
      const changing = async (file: string) => {
        const { options } = await pullRequest(files, [file]);
        return runAction({ ...options, inputs: { ...options.inputs, approval: 'fail' } });
      };
      const [base, other] = await Promise.all([
        changing('.github/gate/base.yml'),
        changing('src/app.ts'),
      ]);
      expect(base.outputs.decision, base.stdout).toBe('approval-required');
      expect(base.outputs.findings).toContain('gate\\u0027s policy is built from');
      expect(other.outputs.decision, other.stdout).toBe('allow');
    },
  );
});
