/**
 * End-to-end: the shipped bundle on the example workflows, read from a local git checkout,
 * through the runner contract (exit code, GITHUB_OUTPUT, job summary, annotations).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  apiServers,
  example,
  lineOf,
  makeWorkspace,
  removeTempDirs,
  ROOT,
  runAction,
} from './harness.js';
import type { ApiServer, RunOptions, RunResult } from './harness.js';
import { findingsOf } from './assertions.js';

const servers = apiServers();
afterAll(async () => {
  await servers.closeAll();
  removeTempDirs();
});

const TABLE_HEADER = '| Workflow | Job | Decision | Agents | Unattended | Needs attention |';
const issueComment = {
  action: 'created',
  issue: { number: 5, user: { login: 'alice' } },
  comment: { body: '@claude fix this', user: { login: 'mallory' } },
  repository: { full_name: 'acme/app', default_branch: 'main' },
  sender: { login: 'mallory' },
};

/** Runs one example workflow committed at .github/workflows/<file> in a git workspace. */
async function runExample(
  file: string,
  job: string,
  event: string,
  extra: Partial<RunOptions> = {},
): Promise<RunResult & { api: ApiServer }> {
  const api = await servers.start();
  const ws = makeWorkspace({ [`.github/workflows/${file}`]: example(file) });
  return {
    ...(await runAction({
      workflow: file,
      sha: ws.sha,
      job,
      event,
      workspace: ws.dir,
      api: api.url,
      ...extra,
    })),
    api,
  };
}

describe.concurrent('allowed job (examples/ci.yml, push)', () => {
  it('succeeds with decision=allow, an empty finding list, the summary table and a report file', async () => {
    const r = await runExample('ci.yml', 'test', 'push', {
      eventPayload: { ref: 'refs/heads/main', repository: { full_name: 'acme/app' } },
    });
    expect(r.code).toBe(0);
    expect(r.outputs.decision).toBe('allow');
    expect(r.outputs['findings-count']).toBe('0');
    expect(r.outputs.findings).toBe('[]');
    expect(r.summary).toContain('## agent-gate: ✅ allow');
    expect(r.summary).toContain(TABLE_HEADER);
    expect(r.summary).toContain(
      '| <code>.github/workflows/ci.yml</code> | <code>test</code> | ✅ allow | — | no | — |',
    );
    expect(r.annotations).toEqual([]);
    expect(r.stdout).toContain('(read via git)');
    // The workflow and the (absent) policy came from git: no API call at all.
    expect(r.api.requests).toEqual([]);
    // One directory per job run and gate step: <job>-<digest of the job run>-<attempt>.
    const reportPath = r.outputs['report-path']!;
    expect(reportPath).toMatch(
      new RegExp(`^${join(r.runnerTemp, 'agent-gate')}/test-[0-9a-f]{8}-1/report\\.json$`),
    );
    expect((JSON.parse(readFileSync(reportPath, 'utf8')) as { decision: string }).decision).toBe(
      'allow',
    );
  });
});

describe.concurrent('approval-required job (examples/claude-fix-issue.yml, issue_comment)', () => {
  const file = 'claude-fix-issue.yml';
  const at = lineOf(example(file), 'contents: write');
  const finding = {
    title: 'agent-gate: approval-required (approve-unattended-branch-write)',
    file: `.github/workflows/${file}`,
    line: String(at.line),
    col: String(at.col),
  };

  it('fails by default (approval: fail), with a warning at the `contents: write` line', async () => {
    const r = await runExample(file, 'fix', 'issue_comment', { eventPayload: issueComment });
    expect(at).toEqual({ line: 7, col: 3 });
    expect(r.code).toBe(1);
    expect(r.outputs.decision).toBe('approval-required');
    expect(r.outputs['findings-count']).toBe('1');
    expect(r.annotations.filter((a) => a.level === 'warning')).toEqual([
      expect.objectContaining({ properties: finding }),
    ]);
    const errors = r.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(
      /^agent-gate: approval required\n\.github\/workflows\/claude-fix-issue\.yml:7:3 \[approve-unattended-branch-write\]/,
    );
    expect(r.summary).toContain('## agent-gate: ⏸️ approval required');
    expect(r.summary).toContain(
      '**approve\\-unattended\\-branch\\-write** (medium) — <code>.github/workflows/claude-fix-issue.yml:7:3</code> (job <code>fix</code>)',
    );
  });

  it('succeeds with approval: environment and hands decision=approval-required on', async () => {
    const r = await runExample(file, 'fix', 'issue_comment', {
      eventPayload: issueComment,
      inputs: { approval: 'environment' },
    });
    expect(r.code).toBe(0);
    expect(r.outputs.decision).toBe('approval-required');
    const gating = r.annotations.filter((a) => a.level !== 'notice' || !a.properties.file);
    expect(gating.map((a) => a.level)).toEqual(['warning', 'notice']);
    expect(gating[0]!.properties).toEqual(finding);
  });

  it('succeeds in audit mode and only reports', async () => {
    const r = await runExample(file, 'fix', 'issue_comment', {
      eventPayload: issueComment,
      inputs: { mode: 'audit' },
    });
    expect(r.code).toBe(0);
    expect(r.outputs.decision).toBe('approval-required');
    expect(r.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(r.annotations.at(-1)).toEqual({
      level: 'notice',
      properties: {},
      message: 'agent-gate (audit mode): the decision is approval-required; not enforced',
    });
  });
});

describe.concurrent('blocked job (examples/nightly-agent.yml, schedule)', () => {
  const file = 'nightly-agent.yml';
  const at = lineOf(example(file), 'gh pr merge --admin');

  it('fails with decision=blocked and an error annotation at the `gh pr merge --admin` command', async () => {
    const r = await runExample(file, 'autopilot', 'schedule', {
      eventPayload: { schedule: '0 3 * * *' },
    });
    expect(at).toEqual({ line: 18, col: 14 });
    expect(r.code).toBe(1);
    expect(r.outputs.decision).toBe('blocked');
    const located = r.annotations.filter(
      (a) => a.level === 'error' && a.properties.file !== undefined,
    );
    // The most severe first: the agent running with permissions bypassed on a schedule is
    // critical, the `--admin` merge high (GitHub drops annotations past 10 per level).
    expect(located.map((a) => a.properties)).toEqual([
      {
        // `claude --dangerously-skip-permissions`: the agent rule blocks it too.
        title: 'agent-gate: blocked (agent-permissions-bypassed)',
        file: `.github/workflows/${file}`,
        line: '15',
        col: '62',
      },
      {
        title: 'agent-gate: blocked (block-bypass-checks)',
        file: `.github/workflows/${file}`,
        line: '18',
        col: '14',
      },
    ]);
    expect(r.annotations.at(-1)!.message).toMatch(
      /^agent-gate: blocked\n\.github\/workflows\/nightly-agent\.yml:18:14 \[block-bypass-checks\]/,
    );
    expect(r.summary).toContain(
      '| <code>.github/workflows/nightly-agent.yml</code> | <code>autopilot</code> | ⛔ blocked |',
    );
  });

  it('is still decided blocked, but does not fail, in audit mode', async () => {
    const r = await runExample(file, 'autopilot', 'schedule', { inputs: { mode: 'audit' } });
    expect(r.code).toBe(0);
    expect(r.outputs.decision).toBe('blocked');
  });
});

describe.concurrent('untrusted text in the workflow', () => {
  const text = readFileSync(join(ROOT, 'test/fixtures/e2e/untrusted-names.yml'), 'utf8');

  it('forges no workflow command or output and puts no raw HTML in the summary', async () => {
    const api = await servers.start();
    const ws = makeWorkspace({ '.github/workflows/untrusted.yml': text });
    const r = await runAction({
      workflow: 'untrusted.yml',
      sha: ws.sha,
      job: 'merge',
      event: 'push',
      workspace: ws.dir,
      api: api.url,
      inputs: { jobs: 'all' },
    });
    expect(r.code).toBe(1);
    expect(r.outputs.decision).toBe('blocked');
    expect(Object.keys(r.outputs).sort()).toEqual([
      'approval-url',
      'approved',
      'approved-by',
      'decision',
      'evidence-name',
      'evidence-path',
      'findings',
      'findings-count',
      'policy-digest',
      'report-path',
    ]);
    // The runner trims a line before it looks for `::`, so indentation does not protect.
    const lines = r.stdout.split(/\r?\n/).map((l) => l.trimStart());
    expect(lines.filter((l) => l.startsWith('::set-output'))).toEqual([]);
    // The only commands are the token mask and the annotations the gate means to emit.
    const commands = lines.filter((l) => l.startsWith('::')).map((l) => /^::[a-z-]+/.exec(l)![0]);
    expect(commands.filter((c) => c !== '::notice')).toEqual([
      '::add-mask',
      '::error',
      '::error',
      '::error',
    ]);
    expect(lines.filter((l) => l.startsWith('::add-mask::'))).toEqual([
      '::add-mask::ghs_e2eDefaultToken000',
    ]);
    // Untrusted text never starts a log line of its own (even defused, it could fake one).
    expect(lines.filter((l) => /^:\u200b?:set-output|^<script/.test(l))).toEqual([]);
    expect(r.summary).not.toMatch(/<script/i);
    expect(r.summary).toContain('&lt;script&gt;alert(4)&lt;/script&gt;');
    // Both jobs were decided, the hostile job key included.
    expect(findingsOf(r).map((f) => f.job)).toEqual([
      'merge',
      'evil\n::set-output name=decision::allow\n<script>alert(4)</script>',
    ]);
  });
});

describe.concurrent('secret canary', () => {
  const canary = 'ghs_canary123456789';

  it('uses the token for the API but echoes it nowhere except the ::add-mask:: command', async () => {
    // No git repository: the workflow is read through the API, so the token really is used.
    const sha = '1'.repeat(40);
    const api = await servers.start({
      contents: {
        [sha]: { '.github/workflows/claude-fix-issue.yml': example('claude-fix-issue.yml') },
      },
    });
    const r = await runAction({
      workflow: 'claude-fix-issue.yml',
      sha,
      job: 'fix',
      event: 'issue_comment',
      eventPayload: issueComment,
      api: api.url,
      inputs: { token: canary },
    });
    expect(r.outputs.decision).toBe('approval-required');
    // Policy lookup, workflow, repository tree (for CODEOWNERS and agent config).
    expect(api.requests.map((q) => q.headers.authorization)).toEqual([
      `token ${canary}`,
      `token ${canary}`,
      `token ${canary}`,
    ]);
    const stdoutLines = r.stdout.split('\n').filter((l) => l.includes(canary));
    expect(stdoutLines).toEqual([`::add-mask::${canary}`]);
    expect(r.stderr).not.toContain(canary);
    expect(JSON.stringify(r.outputs)).not.toContain(canary);
    expect(r.summary).not.toContain(canary);
    expect(
      [...r.tempFiles].filter(([, content]) => content.includes(canary)).map(([path]) => path),
    ).toEqual([]);
  });

  it('echoes it nowhere when the API call fails either', async () => {
    const sha = '2'.repeat(40);
    const api = await servers.start({
      faults: [{ match: /\/contents\//, times: Infinity, status: 401, message: 'Bad credentials' }],
    });
    const r = await runAction({
      workflow: 'ci.yml',
      sha,
      job: 'test',
      event: 'push',
      api: api.url,
      inputs: { token: canary },
    });
    expect(r.code).toBe(1);
    expect(r.outputs.decision).toBe('blocked');
    expect(r.annotations.at(-1)!.message).toBe(
      `agent-gate: cannot read .github/agent-gate.yml at ${sha} through the API: Bad credentials`,
    );
    expect(r.stdout.split('\n').filter((l) => l.includes(canary))).toEqual([
      `::add-mask::${canary}`,
    ]);
    expect(r.stderr).not.toContain(canary);
    expect(
      [...r.tempFiles].filter(([, content]) => content.includes(canary)).map(([path]) => path),
    ).toEqual([]);
  });
});
