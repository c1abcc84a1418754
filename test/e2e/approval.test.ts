/**
 * End-to-end: `approval: wait` and `approval: record` through the committed bundle, against
 * one loopback GitHub (approval-server.ts) that scripts approvers over time and injects
 * faults. The action runs with AGENT_GATE_TIME_SCALE so that its 15 s polls and its minutes
 * of timeout pass in fractions of a second; approvers act in real time (the server's clock).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startApprovalServer } from './approval-server.js';
import type {
  ApprovalServer,
  ApprovalServerOptions,
  PostedRequestView,
} from './approval-server.js';
import { commitFiles, example, makeWorkspace, removeTempDirs, runAction } from './harness.js';
import type { PullFile, RunOptions, RunResult } from './harness.js';

const servers: ApprovalServer[] = [];
afterAll(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  removeTempDirs();
});

const TOKEN = 'ghs_approvalE2eToken0042';
/** 15 s polls every 0.125 s; a minute in 0.5 s. */
const SCALE = '120';
const COMMENTS = /^\/repos\/acme\/app\/issues\/7\/comments/;

/** Who is who: permissions and team memberships every scenario knows. */
const PEOPLE: Pick<ApprovalServerOptions, 'permissions' | 'teams'> = {
  permissions: {
    octocat: 'admin',
    alice: 'write',
    bob: 'write',
    carol: 'read',
    erin: 'write',
    frank: 'write',
    'deploy-bot': 'write',
  },
  teams: { 'acme/security': { erin: 'active', frank: 'pending' } },
};
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

const policy = (
  approvers: readonly string[] = ['alice', 'bob', 'octocat', '@acme/security'],
  more = '',
): string =>
  [
    'version: 1',
    'extends: baseline',
    'approval:',
    `  approvers: [${approvers.map((a) => `'${a}'`).join(', ')}]`,
    '  min-approvals: 1',
    '  timeout-minutes: 60',
    more,
  ].join('\n');

interface Scenario {
  readonly server: ApprovalServer;
  readonly options: RunOptions;
  readonly head: string;
  readonly tag: string;
}

let tags = 0;
function tag(): string {
  return `approval-e2e-${process.pid}-${++tags}`;
}

/**
 * A pull request (#7) that changes .github/workflows/ci.yml: approval-required under the
 * baseline (modify-workflow). The policy is committed at the base, the change at the head.
 */
async function pullRequest(
  o: {
    readonly policy?: string;
    readonly workflow?: string;
    readonly title?: string;
    readonly files?: readonly PullFile[];
    readonly inputs?: Readonly<Record<string, string>>;
    readonly env?: Readonly<Record<string, string | undefined>>;
    readonly server?: Partial<ApprovalServerOptions>;
  } = {},
): Promise<Scenario> {
  const workflow = o.workflow ?? example('ci.yml');
  const ws = makeWorkspace({
    '.github/workflows/ci.yml': workflow,
    '.github/agent-gate.yml': o.policy ?? policy(),
  });
  const head = commitFiles(ws.dir, { '.github/workflows/ci.yml': `${workflow}\n# changed\n` });
  const title = o.title ?? 'Update CI';
  const server = await startApprovalServer({
    ...PEOPLE,
    pullFiles: { 7: o.files ?? ['.github/workflows/ci.yml'] },
    pulls: { 7: { headSha: head, baseSha: ws.sha, title, author: { login: 'agent-bot[bot]' } } },
    jobs: JOBS,
    checkRuns: [],
    ...o.server,
  });
  servers.push(server);
  const t = tag();
  return {
    server,
    head,
    tag: t,
    options: {
      workflow: 'ci.yml',
      sha: head,
      job: 'test',
      event: 'pull_request',
      eventPayload: {
        action: 'synchronize',
        number: 7,
        pull_request: {
          number: 7,
          title,
          user: { login: 'agent-bot[bot]', type: 'Bot' },
          base: { sha: ws.sha, ref: 'main', repo: { full_name: 'acme/app' } },
          head: { sha: head, ref: 'feature', repo: { full_name: 'acme/app' } },
        },
        repository: { full_name: 'acme/app', default_branch: 'main' },
        sender: { login: 'octocat' },
      },
      workspace: ws.dir,
      api: server.url,
      inputs: { approval: 'wait', token: TOKEN, evidence: 'file', ...o.inputs },
      env: { AGENT_GATE_TIME_SCALE: SCALE, AGENT_GATE_E2E_TAG: t, ...o.env },
      timeoutMs: 25_000,
    },
  };
}

/**
 * An issue comment that starts an agent able to push (examples/claude-fix-issue.yml, job
 * fix): approval-required, and not a pull request event.
 */
async function issueComment(
  o: {
    readonly policy?: string;
    readonly inputs?: Readonly<Record<string, string>>;
    readonly env?: Readonly<Record<string, string | undefined>>;
    readonly server?: Partial<ApprovalServerOptions>;
  } = {},
): Promise<Scenario> {
  const ws = makeWorkspace({
    '.github/workflows/fix.yml': example('claude-fix-issue.yml'),
    ...(o.policy === undefined ? {} : { '.github/agent-gate.yml': o.policy }),
  });
  const server = await startApprovalServer({ ...PEOPLE, jobs: JOBS, checkRuns: [], ...o.server });
  servers.push(server);
  const t = tag();
  return {
    server,
    head: ws.sha,
    tag: t,
    options: {
      workflow: 'fix.yml',
      sha: ws.sha,
      job: 'fix',
      event: 'issue_comment',
      eventPayload: {
        action: 'created',
        issue: { number: 3, title: 'Bug', user: { login: 'carol' } },
        comment: { body: '@claude fix this', user: { login: 'octocat' } },
        repository: { full_name: 'acme/app', default_branch: 'main' },
        sender: { login: 'octocat' },
      },
      workspace: ws.dir,
      api: server.url,
      inputs: { approval: 'wait', token: TOKEN, evidence: 'file', ...o.inputs },
      env: { AGENT_GATE_TIME_SCALE: SCALE, AGENT_GATE_E2E_TAG: t, ...o.env },
      timeoutMs: 25_000,
    },
  };
}

/** The pid of this process's child that runs with AGENT_GATE_E2E_TAG=tag. */
function childPid(t: string): number {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const env = readFileSync(`/proc/${name}/environ`, 'utf8').split('\0');
      if (env.includes(`AGENT_GATE_E2E_TAG=${t}`)) return Number(name);
    } catch {
      // Gone, or not ours.
    }
  }
  throw new Error(`no child process tagged ${t}`);
}

/** Runs the bundle and sends it `signal` once `predicate` holds on the server. */
async function runAndSignal(
  s: Scenario,
  predicate: () => boolean,
  signal: NodeJS.Signals,
  options: RunOptions = s.options,
  t = s.tag,
): Promise<RunResult> {
  const run = runAction(options);
  await s.server.when(predicate, () => process.kill(childPid(t), signal), 300);
  return run;
}

function errors(r: RunResult): string[] {
  return r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
}

/** The approval record the main step left for the evidence pack (evidence-input.json). */
function inputRecord(r: RunResult): Record<string, unknown> {
  const file = [...r.tempFiles.keys()].find((p) => p.endsWith('evidence-input.json'));
  expect(file, 'evidence-input.json under RUNNER_TEMP').toBeDefined();
  return (JSON.parse(r.tempFiles.get(file!)!) as { approval: Record<string, unknown> }).approval;
}

/** The post step of the same job: the completed pack's evidence.json approval record. */
async function packRecord(s: Scenario, main: RunResult): Promise<Record<string, unknown>> {
  const post = await runAction({
    ...s.options,
    entry: 'post',
    runnerTemp: main.runnerTemp,
    state: main.state,
  });
  expect(post.code, `post step:\n${post.stdout}\n${post.stderr}`).toBe(0);
  const file = [...post.tempFiles.keys()].find((p) => p.endsWith(join('pack', 'evidence.json')));
  expect(file, 'pack/evidence.json').toBeDefined();
  return (JSON.parse(post.tempFiles.get(file!)!) as { approval: Record<string, unknown> }).approval;
}

const show = (r: RunResult, s: Scenario): string =>
  `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}\nserver:\n${s.server.log().join('\n')}`;

// ------------------------------------------------------------------ approval: wait, on a PR

describe.concurrent('approval: wait on a pull request', () => {
  it('posts one request, is approved by an approve command, edits the request, records it', async () => {
    const s = await pullRequest();
    let posted: PostedRequestView | undefined;
    void s.server.onRequestPosted((p) => {
      posted = p;
      s.server.comment(7, { login: 'alice' }, `/agent-gate approve ${p.prefix}`);
    }, 1500);
    const r = await runAction(s.options);
    expect(r.code, show(r, s)).toBe(0);
    expect(posted).toBeDefined();
    const final = s.server.requestsPosted();
    expect(final).toHaveLength(1);
    const request = final[0]!;
    expect(r.outputs).toMatchObject({
      decision: 'approval-required',
      approved: 'true',
      'approved-by': 'alice',
      'approval-url': request.url,
    });
    // Exactly one request posted (a comment on the PR), then edited once with the outcome.
    expect(s.server.count(/^\/repos\/acme\/app\/issues(\/\d+)?(\/comments)?(\?|$)/, 'POST')).toBe(
      1,
    );
    expect(s.server.count(COMMENTS, 'POST')).toBe(1);
    expect(s.server.count(new RegExp(`/issues/comments/${request.id}$`), 'PATCH')).toBe(1);
    expect(request.marker.state).toBe('closed');
    expect(request.body).toContain('✅ approved by <code>alice</code>');
    expect(request.body).not.toContain('/agent-gate approve');
    expect(s.server.maxOpen()).toBe(1);
    // Conditional polling: a list seen before is asked with If-None-Match and answered 304.
    expect(s.server.requests.some((q) => q.status === 304 && q.ifNoneMatch !== undefined)).toBe(
      true,
    );
    // Every approval request carries the token.
    for (const q of s.server.requests.filter((x) => x.by === 'approval'))
      expect(q.authorization).toBe(`token ${TOKEN}`);
    // The token is masked (add-mask) and never printed otherwise.
    expect(r.stdout.replace(`::add-mask::${TOKEN}`, '')).not.toContain(TOKEN);

    const record = {
      mode: 'wait',
      status: 'approved',
      requestDigest: request.marker.digest,
      requestUrl: request.url,
      approvals: [
        {
          login: 'alice',
          at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          how: expect.stringMatching(/comment|command/),
          digest: request.marker.digest,
        },
      ],
    };
    expect(inputRecord(r)).toMatchObject(record);
    expect(await packRecord(s, r)).toMatchObject(record);
  });

  it('is approved by a PR review APPROVED at the head SHA; older and stale reviews do not count', async () => {
    const s = await pullRequest();
    // Before the request: does not count, even at the head.
    s.server.gh.review(7, { login: 'alice' }, 'APPROVED', s.head, { at: Date.now() - 3_600_000 });
    void s.server.onRequestPosted(() => {
      s.server.review(7, { login: 'bob' }, 'APPROVED', 'e'.repeat(40)); // another commit
      setTimeout(() => s.server.review(7, { login: 'erin' }, 'APPROVED', s.head), 800);
    }, 800);
    const r = await runAction(s.options);
    expect(r.code, show(r, s)).toBe(0);
    expect(r.outputs.approved).toBe('true');
    expect(r.outputs['approved-by']).toBe('erin');
    const request = s.server.requestsPosted()[0]!;
    expect(request.body).toContain('✅ approved by <code>erin</code>');
    expect(inputRecord(r)).toMatchObject({
      mode: 'wait',
      status: 'approved',
      approvals: [{ login: 'erin', how: expect.stringMatching(/review/) }],
    });
    // Membership asked for the candidate only (erin is not listed by login).
    expect(s.server.count(/\/orgs\/acme\/teams\/security\/memberships\/erin$/)).toBeGreaterThan(0);
    expect(s.server.count(/\/teams\/[^/]+\/members(\?|$)/)).toBe(0);
  });

  it('fails on a deny command, with the reason, and says so on the request', async () => {
    const s = await pullRequest();
    void s.server.onRequestPosted(
      (p) => s.server.comment(7, { login: 'bob' }, `/agent-gate deny ${p.prefix} not today`),
      1000,
    );
    const r = await runAction(s.options);
    expect(r.code, show(r, s)).toBe(1);
    expect(r.outputs).toMatchObject({
      decision: 'approval-required',
      approved: 'false',
      'approved-by': '',
    });
    expect(errors(r).join('\n')).toMatch(/denied by bob: not today/);
    const request = s.server.requestsPosted()[0]!;
    expect(r.outputs['approval-url']).toBe(request.url);
    expect(request.marker.state).toBe('closed');
    expect(request.body).toContain('⛔ denied by <code>bob</code>: not today');
    expect(inputRecord(r)).toMatchObject({ mode: 'wait', status: 'denied', approvals: [] });
  });

  it.each([
    ['the input shortens the policy', '60', '1'],
    ['the policy is shorter than the input', '1', '30'],
  ])(
    'times out after 1 minute (%s), closes the request and fails',
    async (_, policyMinutes, inputMinutes) => {
      const s = await pullRequest({
        policy: policy(undefined).replace(
          'timeout-minutes: 60',
          `timeout-minutes: ${policyMinutes}`,
        ),
        inputs: { 'timeout-minutes': inputMinutes },
        env: { AGENT_GATE_TIME_SCALE: '200' },
      });
      const r = await runAction(s.options);
      expect(r.code, show(r, s)).toBe(1);
      expect(r.outputs).toMatchObject({ approved: 'false', 'approved-by': '' });
      expect(errors(r).join('\n')).toMatch(/no decision after 1 minute\(s\)/);
      // The shorter of the two timeouts decided: the message names 1 minute, not 30 or 60.
      const request = s.server.requestsPosted()[0]!;
      expect(request.marker.state).toBe('closed');
      expect(request.body).toContain('⌛ timed out');
      expect(inputRecord(r)).toMatchObject({ mode: 'wait', status: 'timed-out' });
    },
  );

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'closes the request with a note and fails when cancelled (%s) mid-wait',
    async (signal) => {
      const s = await pullRequest();
      const r = await runAndSignal(
        s,
        () => s.server.requestsPosted().length > 0 && s.server.count(COMMENTS, 'GET') >= 3,
        signal,
      );
      expect(r.code, show(r, s)).not.toBe(0);
      const request = s.server.requestsPosted()[0]!;
      expect(request.marker.state).toBe('closed');
      expect(request.body).toContain('✖️ closed — the job was cancelled');
      expect(request.body).not.toContain('/agent-gate approve');
      expect(r.outputs.approved ?? 'false').toBe('false');
      expect(s.server.openRequests()).toEqual([]);
      expect(inputRecord(r)).toMatchObject({ mode: 'wait', status: 'cancelled' });
    },
  );

  it('closes the request when cancelled while a poll is in flight, on SIGINT alone (the runner sends SIGTERM only 7.5 s later)', async () => {
    const s = await pullRequest();
    s.server.latency.push({
      match: COMMENTS,
      method: 'GET',
      ms: 1500,
      when: () => s.server.requestsPosted().length > 0,
    });
    const run = runAction(s.options);
    await s.server.when(
      () => s.server.slowInFlight() > 0,
      () => undefined,
    );
    // The runner sends SIGINT, then SIGTERM 7.5 s later: SIGINT alone must be enough, so it
    // is the only signal sent (no wall-clock race; a run that ignored it would not end).
    const pid = childPid(s.tag);
    process.kill(pid, 'SIGINT');
    const r = await run;
    const request = s.server.requestsPosted()[0]!;
    expect(request.body, show(r, s)).toContain('✖️ closed — the job was cancelled');
    expect(r.code).not.toBe(0);
  });

  it('ignores the approvals of the actor and of the triggering actor (self-approval)', async () => {
    const s = await pullRequest({ env: { GITHUB_TRIGGERING_ACTOR: 'erin' } });
    void s.server.onRequestPosted((p) => {
      s.server.comment(7, { login: 'octocat' }, `/agent-gate approve ${p.prefix}`);
      s.server.review(7, { login: 'octocat' }, 'APPROVED', s.head);
      s.server.comment(7, { login: 'erin' }, `/agent-gate approve ${p.prefix}`);
      setTimeout(
        () => s.server.comment(7, { login: 'alice' }, `/agent-gate approve ${p.prefix}`),
        1500,
      );
    }, 500);
    const r = await runAction(s.options);
    expect(r.code, show(r, s)).toBe(0);
    expect(r.outputs['approved-by']).toBe('alice');
    // The self-approvals were seen (polled) and did not end the wait.
    const alice = s.server.gh.issues.get(7)!.comments.find((c) => c.user?.login === 'alice')!;
    const firstPatch = s.server.requests.find((q) => q.method === 'PATCH')!;
    expect(firstPatch.at).toBeGreaterThanOrEqual(Date.parse(alice.created_at));
    expect(inputRecord(r)).toMatchObject({ approvals: [{ login: 'alice' }] });
  });

  it('ignores a bot, even a listed approver with write access', async () => {
    const s = await pullRequest({ policy: policy(['deploy-bot', 'alice']) });
    void s.server.onRequestPosted((p) => {
      s.server.comment(7, { login: 'deploy-bot', type: 'Bot' }, `/agent-gate approve ${p.prefix}`);
      s.server.review(7, { login: 'deploy-bot', type: 'Bot' }, 'APPROVED', s.head);
      s.server.comment(7, { login: 'github-actions[bot]' }, `/agent-gate approve ${p.prefix}`);
      setTimeout(
        () => s.server.comment(7, { login: 'alice' }, `/agent-gate approve ${p.prefix}`),
        1500,
      );
    }, 500);
    const r = await runAction(s.options);
    expect(r.code, show(r, s)).toBe(0);
    expect(r.outputs['approved-by']).toBe('alice');
  });

  it.each([
    [
      'a 429 with retry-after',
      { status: 429, message: 'Too Many Requests', headers: { 'retry-after': '1' }, times: 1 },
    ],
    [
      'a 403 secondary rate limit with retry-after',
      {
        status: 403,
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        headers: { 'retry-after': '1' },
        times: 1,
      },
    ],
    ['a burst of 500s', { status: 500, message: 'Server Error', times: 2 }],
  ])('survives %s while polling and still ends approved', async (_, fault) => {
    const s = await pullRequest();
    s.server.faults.push({
      ...fault,
      match: COMMENTS,
      method: 'GET',
      when: () => s.server.requestsPosted().length > 0,
    });
    void s.server.onRequestPosted(
      (p) => s.server.comment(7, { login: 'alice' }, `/agent-gate approve ${p.prefix}`),
      1000,
    );
    const r = await runAction(s.options);
    expect(r.code, show(r, s)).toBe(0);
    expect(r.outputs['approved-by']).toBe('alice');
    const polls = s.server.requests.filter((q) => COMMENTS.test(q.url) && q.method === 'GET');
    const failed = polls.filter((q) => q.by === 'fault');
    expect(failed).toHaveLength(fault.times);
    expect(failed.every((q) => q.status === fault.status)).toBe(true);
    // The failed poll was asked again (retried) and answered.
    const lastFault = s.server.requests.lastIndexOf(failed.at(-1)!);
    expect(
      s.server.requests
        .slice(lastFault + 1)
        .some((q) => q.url === failed.at(-1)!.url && q.by === 'approval'),
    ).toBe(true);
    // Still exactly one request posted.
    expect(s.server.count(COMMENTS, 'POST')).toBe(1);
  });

  it('fails closed when the request cannot be posted (403, not a rate limit)', async () => {
    const s = await pullRequest();
    s.server.faults.push({
      match: COMMENTS,
      method: 'POST',
      times: Infinity,
      status: 403,
      message: 'Resource not accessible by integration',
    });
    const r = await runAction(s.options);
    expect(r.code, show(r, s)).toBe(1);
    expect(r.outputs).toMatchObject({
      decision: 'approval-required',
      approved: 'false',
      'approved-by': '',
    });
    expect(errors(r).join('\n')).toMatch(/Resource not accessible by integration/);
    // A 403 that is not a rate limit is not retried: one attempt, nothing posted.
    expect(s.server.count(COMMENTS, 'POST')).toBe(1);
    expect(s.server.requestsPosted()).toEqual([]);
    expect(inputRecord(r)).toMatchObject({ mode: 'wait', status: 'required', approvals: [] });
  });

  it('never spams: a restarted attempt reuses its open request, a re-run supersedes it', async () => {
    const s = await pullRequest();
    const gets = (): number => s.server.count(COMMENTS, 'GET');

    // Attempt 1 dies without cleanup (SIGKILL) while waiting: its request stays open.
    const a = await runAndSignal(
      s,
      () => s.server.requestsPosted().length === 1 && gets() >= 3,
      'SIGKILL',
    );
    expect(a.code).toBeNull();
    const [first] = s.server.openRequests();
    expect(first?.marker).toMatchObject({ runAttempt: 1, state: 'open' });

    // The same attempt again (same digest): no new post, the open request is reused.
    const t2 = tag();
    const again = { ...s.options, env: { ...s.options.env, AGENT_GATE_E2E_TAG: t2 } };
    const getsBefore = gets();
    const b = await runAndSignal(s, () => gets() >= getsBefore + 3, 'SIGKILL', again, t2);
    expect(b.code).toBeNull();
    expect(s.server.count(COMMENTS, 'POST'), b.stdout).toBe(1);
    expect(b.stdout).toMatch(/reusing the approval request/);

    // A re-run (attempt 2): a new digest, a new request; the old one is superseded.
    const t3 = tag();
    const rerun = {
      ...s.options,
      env: { ...s.options.env, AGENT_GATE_E2E_TAG: t3, GITHUB_RUN_ATTEMPT: '2' },
    };
    let openWhenAnswered: PostedRequestView[] = [];
    void s.server.when(
      () => s.server.requestsPosted().length === 2 && s.server.openRequests().length === 1,
      () => {
        openWhenAnswered = s.server.openRequests();
        const current = openWhenAnswered[0]!;
        s.server.comment(7, { login: 'alice' }, `/agent-gate approve ${current.prefix}`);
      },
      500,
    );
    const c = await runAction(rerun);
    expect(c.code, show(c, s)).toBe(0);
    expect(s.server.count(COMMENTS, 'POST')).toBe(2);
    expect(openWhenAnswered).toHaveLength(1);
    expect(openWhenAnswered[0]!.marker.runAttempt).toBe(2);
    const [old, current] = s.server.requestsPosted();
    expect(old!.marker.state).toBe('closed');
    expect(old!.body).toMatch(/superseded/);
    expect(current!.marker.state).toBe('closed');
    expect(current!.marker.digest).not.toBe(old!.marker.digest);
    expect(s.server.openRequests()).toEqual([]);
    expect(c.outputs['approval-url']).toBe(current!.url);
  });

  it('escapes untrusted text (PR title, changed file name, job and step names) in the request', async () => {
    const hostile = '<img src=x onerror=alert(1)> @everyone | `x` ::set-output name=approved::true';
    const workflow = example('ci.yml').replace(
      /^(\s+)test:\n/m,
      `$1test:\n$1  name: "${hostile.replace(/"/g, '\\"')}"\n`,
    );
    const s = await pullRequest({
      title: hostile,
      workflow,
      files: ['.github/workflows/ci.yml', `.github/workflows/x<img src=x>@everyone|y.yml`],
    });
    let body = '';
    void s.server.onRequestPosted((p) => {
      body = p.body;
      s.server.comment(7, { login: 'bob' }, `/agent-gate deny ${p.prefix}`);
    }, 300);
    const r = await runAction(s.options);
    expect(r.code, show(r, s)).toBe(1);
    expect(body).not.toBe('');
    expect(body).not.toContain('<img');
    expect(body).not.toMatch(/@everyone/);
    expect(body).not.toContain('::set-output');
    // The hostile file name is shown, escaped (it is what needs approval).
    expect(body).toContain('&lt;img src=x&gt;');
    const posts = s.server.requests.filter((q) => q.method === 'POST' || q.method === 'PATCH');
    for (const q of posts) {
      expect(q.body).not.toContain('<img');
      expect(q.body).not.toMatch(/@everyone/);
    }
    for (const line of r.stdout.split('\n')) expect(line).not.toMatch(/^::set-output/);
  });
});

// ------------------------------------------------------------------ approval: wait, issue mode

describe.concurrent('approval: wait outside a pull request (issue mode)', () => {
  it('opens one labelled issue, is approved in it, and closes it as completed', async () => {
    const s = await issueComment({ policy: policy(['alice', 'bob', '@acme/security']) });
    void s.server.onRequestPosted(
      (p) => s.server.comment(p.thread, { login: 'alice' }, `/agent-gate approve ${p.prefix}`),
      1000,
    );
    const r = await runAction(s.options);
    expect(r.code, show(r, s)).toBe(0);
    expect(r.outputs).toMatchObject({ approved: 'true', 'approved-by': 'alice' });
    expect(s.server.count(/^\/repos\/acme\/app\/issues(\?|$)/, 'POST')).toBe(1);
    // Nothing was posted on the issue that triggered the run.
    expect(s.server.count(/\/issues\/3\//, 'POST')).toBe(0);
    const [issue] = s.server.requestsPosted();
    expect(issue).toMatchObject({ kind: 'issue', issueState: 'closed', stateReason: 'completed' });
    expect(issue!.labels).toContain('agent-gate');
    expect(issue!.marker.state).toBe('closed');
    expect(r.outputs['approval-url']).toBe(issue!.url);
    const created = JSON.parse(
      s.server.requests.find((q) => q.method === 'POST' && /\/issues$/.test(q.url))!.body,
    ) as { assignees?: string[]; labels?: string[]; title?: string };
    expect(created.labels).toEqual(['agent-gate']);
    expect(created.assignees).toEqual(['alice', 'bob']);
    expect(inputRecord(r)).toMatchObject({
      mode: 'wait',
      status: 'approved',
      requestUrl: issue!.url,
      approvals: [{ login: 'alice', digest: issue!.marker.digest }],
    });
  });

  it('closes its issue as not planned when cancelled', async () => {
    const s = await issueComment({ policy: policy(['alice']) });
    const r = await runAndSignal(
      s,
      () => s.server.requestsPosted().length > 0 && s.server.requests.length > 6,
      'SIGTERM',
    );
    expect(r.code, show(r, s)).not.toBe(0);
    const [issue] = s.server.requestsPosted();
    expect(issue).toMatchObject({ issueState: 'closed', stateReason: 'not_planned' });
    expect(issue!.body).toContain('the job was cancelled');
  });
});

// ------------------------------------------------------------------ approval: record

const approval = (
  login: string,
  state: 'approved' | 'rejected' = 'approved',
  environments: readonly string[] = ['production'],
  type?: 'User' | 'Bot',
) => ({ state, user: { login, ...(type ? { type } : {}) }, environments });

describe.concurrent('approval: record (environment reviewers)', () => {
  const record = (
    history: ReturnType<typeof approval>[],
    o: { policy?: string; env?: Record<string, string> } = {},
  ): Promise<Scenario> =>
    issueComment({
      ...(o.policy === undefined ? {} : { policy: o.policy }),
      inputs: { approval: 'record', environment: 'production' },
      ...(o.env ? { env: o.env } : {}),
      server: { runApprovals: { '4242': history } },
    });

  it('passes with the environment reviewer, over every page, ignoring other environments, bots and the actor', async () => {
    const filler = Array.from({ length: 110 }, () => approval('bob', 'approved', ['staging']));
    const s = await record([
      ...filler,
      approval('renovate[bot]', 'approved', ['production'], 'Bot'),
      approval('octocat'),
      approval('alice', 'approved', ['staging', 'production']),
    ]);
    const r = await runAction(s.options);
    expect(r.code, show(r, s)).toBe(0);
    expect(r.outputs).toMatchObject({
      decision: 'approval-required',
      approved: 'true',
      'approved-by': 'alice',
    });
    const pages = s.server.requests.filter((q) => /\/actions\/runs\/4242\/approvals/.test(q.url));
    expect(pages.map((q) => q.status)).toEqual([200, 200]);
    expect(pages[1]!.url).toMatch(/page=2/);
    expect(pages[0]!.authorization).toBe(`token ${TOKEN}`);
    // Nothing posted: the environment held the approval.
    expect(s.server.requests.filter((q) => q.method !== 'GET')).toEqual([]);
    const expected = {
      mode: 'record',
      status: 'approved',
      approvals: [{ login: 'alice', how: expect.stringMatching(/environment/) }],
    };
    expect(inputRecord(r)).toMatchObject(expected);
    expect(await packRecord(s, r)).toMatchObject(expected);
  });

  it('fails when a reviewer rejected the environment', async () => {
    const s = await record([approval('alice'), approval('bob', 'rejected')]);
    const r = await runAction(s.options);
    expect(r.code, show(r, s)).toBe(1);
    expect(r.outputs.approved).toBe('false');
    expect(errors(r).join('\n')).toMatch(/reject/i);
    expect(inputRecord(r)).toMatchObject({ mode: 'record', status: 'denied', approvals: [] });
  });

  it('fails when the history has no approval for the environment', async () => {
    const s = await record([approval('alice', 'approved', ['staging'])]);
    const r = await runAction(s.options);
    expect(r.code, show(r, s)).toBe(1);
    expect(r.outputs.approved).toBe('false');
    expect(errors(r).join('\n')).toContain(
      "no approval for environment production in the run's approval history",
    );
  });

  it('fails when only the actor and the triggering actor approved (self-approval)', async () => {
    const s = await record([approval('octocat'), approval('erin')], {
      env: { GITHUB_TRIGGERING_ACTOR: 'erin' },
    });
    const r = await runAction(s.options);
    expect(r.code, show(r, s)).toBe(1);
    expect(r.outputs.approved).toBe('false');
    expect(r.outputs['approved-by'] ?? '').toBe('');
    const rec = inputRecord(r) as { status: string; ignored?: { login: string; why: string }[] };
    expect(rec.status).toBe('required');
    expect(rec.ignored?.map((i) => i.login).sort()).toEqual(['erin', 'octocat']);
  });

  it('counts only listed users and active members of listed teams when the policy lists approvers', async () => {
    const teamPolicy = policy(['@acme/security', 'carol']);
    const ok = await record([approval('bob'), approval('frank'), approval('erin')], {
      policy: teamPolicy,
    });
    const r = await runAction(ok.options);
    expect(r.code, show(r, ok)).toBe(0);
    expect(r.outputs['approved-by']).toBe('erin');
    expect(ok.server.count(/\/orgs\/acme\/teams\/security\/memberships\/erin$/)).toBe(1);

    // bob is not listed nor a member; frank's membership is pending.
    const no = await record([approval('bob'), approval('frank')], { policy: teamPolicy });
    const n = await runAction(no.options);
    expect(n.code, show(n, no)).toBe(1);
    expect(n.outputs.approved).toBe('false');
  });

  it('needs min-approvals distinct approvers', async () => {
    const two = policy(['alice', 'bob']).replace('min-approvals: 1', 'min-approvals: 2');
    const ok = await record([approval('bob'), approval('alice'), approval('alice')], {
      policy: two,
    });
    const r = await runAction(ok.options);
    expect(r.code, show(r, ok)).toBe(0);
    expect(r.outputs['approved-by']?.split(',').sort()).toEqual(['alice', 'bob']);

    // The same approver twice is one approval.
    const short = await record([approval('alice'), approval('alice')], { policy: two });
    const n = await runAction(short.options);
    expect(n.code, show(n, short)).toBe(1);
    expect(n.outputs.approved).toBe('false');
  });

  it('passes an allowed job without reading the approval history', async () => {
    const ws = makeWorkspace({ '.github/workflows/ci.yml': example('ci.yml') });
    const server = await startApprovalServer({ runApprovals: { '4242': [] } });
    servers.push(server);
    const r = await runAction({
      workflow: 'ci.yml',
      sha: ws.sha,
      job: 'test',
      event: 'push',
      workspace: ws.dir,
      api: server.url,
      inputs: { approval: 'record', environment: 'production', token: TOKEN, evidence: 'file' },
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.decision).toBe('allow');
    expect(server.count(/\/approvals/)).toBe(0);
  });

  it('fails a blocked job', async () => {
    const ws = makeWorkspace({ '.github/workflows/nightly.yml': example('nightly-agent.yml') });
    const server = await startApprovalServer({ runApprovals: { '4242': [approval('alice')] } });
    servers.push(server);
    const r = await runAction({
      workflow: 'nightly.yml',
      sha: ws.sha,
      job: 'autopilot',
      event: 'schedule',
      workspace: ws.dir,
      api: server.url,
      inputs: { approval: 'record', environment: 'production', token: TOKEN, evidence: 'file' },
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.outputs.decision).toBe('blocked');
    expect(r.outputs.approved ?? 'false').toBe('false');
  });
});
