/**
 * A loopback GitHub for the `approval: wait` loop: the REST endpoints it uses (issue and PR
 * comments, issues, PR reviews, team memberships, collaborator permission) over state that a
 * test scripts over fake time. It answers like GitHub where it matters to the loop: pages
 * with `link` headers (per_page ≤ 100), `since` on comments, ETags with 304 on
 * If-None-Match, rate-limit headers, 404 JSON, 422 for unassignable assignees, and faults
 * (500 bursts, 429 / 403 secondary limits with retry-after) for the first N matching
 * requests. Timestamps come from the fake clock, at GitHub's one-second precision.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitForApproval } from '../../src/engine/approval/wait.js';
import type { ApprovalOutcome } from '../../src/engine/approval/wait-types.js';
import { renderMarker } from '../../src/engine/approval/render-request.js';
import { requestDigest } from '../../src/engine/approval/request-digest.js';
import type { RequestSubject, RequestTarget } from '../../src/engine/approval/types.js';
import { createApprovalApi } from '../../src/adapters/github/approval-api.js';
import { createClient } from '../../src/adapters/github/client.js';
import type { ApprovalSettings } from '../../src/engine/policy/types.js';

export const OWNER = 'acme';
export const REPO = 'app';
const REPO_PATH = `/repos/${OWNER}/${REPO}`;
const WEB = `https://github.com/${OWNER}/${REPO}`;

export interface FakeUser {
  readonly login: string;
  readonly type?: 'User' | 'Bot' | 'Organization';
}

export interface FakeComment {
  id: number;
  user: { login: string; type: string } | null;
  body: string;
  created_at: string;
  updated_at: string;
  html_url: string;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  user: { login: string; type: string };
  assignees: string[];
  labels: string[];
  isPull: boolean;
  created_at: string;
  updated_at: string;
  html_url: string;
  comments: FakeComment[];
}

export interface FakeReview {
  id: number;
  user: { login: string; type: string } | null;
  state: string;
  commit_id: string;
  submitted_at: string;
  html_url: string;
  body: string;
}

export interface Fault {
  readonly match: RegExp;
  readonly method?: string;
  readonly times: number;
  readonly status: number;
  readonly message?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface When {
  readonly at?: number;
  readonly edited?: boolean;
}

export interface LoggedRequest {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly ifNoneMatch: string | undefined;
  /** Fake time of the request (ms). */
  readonly at: number;
}

// ---------------------------------------------------------------- fake clock

export interface FakeClock {
  readonly now: () => Date;
  /** ms since start */
  readonly elapsed: () => number;
  /** Runs `fn` when fake time reaches start + `afterMs`. */
  readonly at: (afterMs: number, fn: () => void) => void;
  /** Instant sleep: advances fake time, running due events; stops early on abort. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly sleeps: number[];
}

export const START = Date.parse('2026-03-02T09:00:00Z');

export function fakeClock(start = START): FakeClock {
  let now = start;
  const events: { at: number; fn: () => void; seq: number }[] = [];
  const sleeps: number[] = [];
  let seq = 0;
  const runDue = (until: number, signal?: AbortSignal): void => {
    for (;;) {
      events.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = events[0];
      if (!next || next.at > until) break;
      events.shift();
      now = Math.max(now, next.at);
      next.fn();
      if (signal?.aborted) return;
    }
    now = Math.max(now, until);
  };
  return {
    now: () => new Date(now),
    elapsed: () => now - start,
    at: (afterMs, fn) => {
      events.push({ at: start + afterMs, fn, seq: seq++ });
      if (start + afterMs <= now) runDue(now);
    },
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      if (!signal?.aborted) runDue(now + ms, signal);
      // Let sockets and timers run, as a real sleep would.
      await new Promise((resolve) => setImmediate(resolve));
    },
    sleeps,
  };
}

// ---------------------------------------------------------------- server

export interface FakeGitHub {
  readonly url: string;
  readonly clock: FakeClock;
  readonly requests: LoggedRequest[];
  readonly issues: Map<number, FakeIssue>;
  readonly reviews: Map<number, FakeReview[]>;
  /** `org/slug` → login → state */
  readonly teams: Record<string, Record<string, 'active' | 'pending'>>;
  /** login → permission (`maintain` is answered as permission write, role_name maintain). */
  readonly permissions: Record<string, string>;
  /** Logins that may be assigned; undefined = anyone. */
  assignable: Set<string> | undefined;
  /** The token's identity: author of everything the client creates. */
  tokenUser: FakeUser;
  faults: Fault[];
  pull(number: number): FakeIssue;
  /** `at`: fake time (ms) of the comment, default now; `edited`: edited a minute later. */
  comment(thread: number, user: FakeUser | null, body: string, options?: When): FakeComment;
  review(
    pull: number,
    user: FakeUser | null,
    state: string,
    commitId: string,
    options?: When,
  ): FakeReview;
  /** Requests whose path matches. */
  count(match?: RegExp): number;
  close(): Promise<void>;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function userJson(user: FakeUser): { login: string; type: string } {
  return { login: user.login, type: user.type ?? (/\[bot\]$/.test(user.login) ? 'Bot' : 'User') };
}

export async function startFakeGitHub(clock: FakeClock = fakeClock()): Promise<FakeGitHub> {
  const requests: LoggedRequest[] = [];
  const issues = new Map<number, FakeIssue>();
  const reviews = new Map<number, FakeReview[]>();
  const faultHits = new Map<Fault, number>();
  let nextId = 1000;
  let nextNumber = 1;
  let remaining = 1000;
  let base = '';

  const now = (): string => iso(clock.now().getTime());
  const newIssue = (fields: Partial<Omit<FakeIssue, 'user'>> & { user: FakeUser }): FakeIssue => {
    const number = fields.number ?? nextNumber++;
    nextNumber = Math.max(nextNumber, number + 1);
    const issue: FakeIssue = {
      number,
      title: fields.title ?? `issue ${number}`,
      body: fields.body ?? '',
      state: 'open',
      state_reason: null,
      user: userJson(fields.user),
      assignees: fields.assignees ?? [],
      labels: fields.labels ?? [],
      isPull: fields.isPull ?? false,
      created_at: now(),
      updated_at: now(),
      html_url: `${WEB}/${fields.isPull ? 'pull' : 'issues'}/${number}`,
      comments: [],
    };
    issues.set(number, issue);
    return issue;
  };
  const issueJson = (i: FakeIssue): Record<string, unknown> => ({
    id: i.number + 500_000,
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.state_reason,
    user: i.user,
    assignees: i.assignees.map((login) => ({ login, type: 'User' })),
    labels: i.labels.map((name) => ({ name })),
    created_at: i.created_at,
    updated_at: i.updated_at,
    html_url: i.html_url,
    ...(i.isPull ? { pull_request: { url: `${base}${REPO_PATH}/pulls/${i.number}` } } : {}),
  });
  const addComment = (
    thread: number,
    user: FakeUser | null,
    body: string,
    options: When = {},
  ): FakeComment => {
    const issue = issues.get(thread);
    if (!issue) throw new Error(`no issue ${thread}`);
    const id = nextId++;
    const edited = options.edited ?? false;
    const created = options.at ?? clock.now().getTime();
    const comment: FakeComment = {
      id,
      user: user ? userJson(user) : null,
      body,
      created_at: iso(created),
      updated_at: iso(edited ? created + 60_000 : created),
      html_url: `${issue.html_url}#issuecomment-${id}`,
    };
    issue.comments.push(comment);
    return comment;
  };

  const server: FakeGitHub = {
    url: '',
    clock,
    requests,
    issues,
    reviews,
    teams: {},
    permissions: {},
    assignable: undefined,
    tokenUser: { login: 'github-actions[bot]', type: 'Bot' },
    faults: [],
    pull(number) {
      reviews.set(number, reviews.get(number) ?? []);
      return newIssue({
        number,
        isPull: true,
        title: 'Agent change',
        user: { login: 'agent-bot[bot]' },
      });
    },
    comment: addComment,
    review(pull, user, state, commitId, options = {}) {
      const list = reviews.get(pull);
      if (!list) throw new Error(`no pull ${pull}`);
      const id = nextId++;
      const review: FakeReview = {
        id,
        user: user ? userJson(user) : null,
        state,
        commit_id: commitId,
        submitted_at: options.at === undefined ? now() : iso(options.at),
        html_url: `${WEB}/pull/${pull}#pullrequestreview-${id}`,
        body: '',
      };
      list.push(review);
      return review;
    },
    count: (match) => requests.filter((r) => !match || match.test(r.url)).length,
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.close((e) => (e ? reject(e) : resolve()));
        http.closeAllConnections();
      }),
  };

  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', base);
    const method = req.method ?? 'GET';
    const ifNoneMatch = req.headers['if-none-match'];
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const input = (text ? JSON.parse(text) : {}) as Record<string, unknown>;

    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      if (status !== 304) remaining = Math.max(0, remaining - 1);
      requests.push({
        method,
        url: `${url.pathname}${url.search}`,
        status,
        ifNoneMatch: typeof ifNoneMatch === 'string' ? ifNoneMatch : undefined,
        at: clock.now().getTime(),
      });
      const rate = {
        'x-ratelimit-limit': '1000',
        'x-ratelimit-remaining': String(remaining),
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-ratelimit-resource': 'core',
      };
      if (status === 304 || status === 204) {
        res.writeHead(status, { ...rate, ...headers }).end();
        return;
      }
      res
        .writeHead(status, {
          'content-type': 'application/json; charset=utf-8',
          ...rate,
          ...headers,
        })
        .end(JSON.stringify(body));
    };
    const notFound = (): void =>
      send(404, {
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest',
        status: '404',
      });
    /** A list: pages, link header, ETag and 304. */
    const list = (items: readonly unknown[]): void => {
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30) || 30, 100);
      const page = Number(url.searchParams.get('page') ?? 1) || 1;
      const last = Math.max(1, Math.ceil(items.length / perPage));
      const slice = items.slice((page - 1) * perPage, page * perPage);
      const link = (p: number): string => {
        const next = new URL(url);
        next.searchParams.set('page', String(p));
        return next.href;
      };
      const headers: Record<string, string> = {};
      if (page < last)
        headers.link = `<${link(page + 1)}>; rel="next", <${link(last)}>; rel="last"`;
      const body = JSON.stringify(slice);
      const etag = `W/"${createHash('sha256')
        .update(body + (headers.link ?? ''))
        .digest('hex')
        .slice(0, 32)}"`;
      if (ifNoneMatch === etag) return send(304, undefined, { etag });
      send(200, slice, { ...headers, etag });
    };

    const path = url.pathname;
    const fault = server.faults.find(
      (f) =>
        f.match.test(`${path}${url.search}`) &&
        (f.method === undefined || f.method === method) &&
        (faultHits.get(f) ?? 0) < f.times,
    );
    if (fault) {
      faultHits.set(fault, (faultHits.get(fault) ?? 0) + 1);
      return send(
        fault.status,
        { message: fault.message ?? 'Server Error', documentation_url: 'https://docs.github.com' },
        { ...fault.headers },
      );
    }

    let m: RegExpExecArray | null;
    if (path === `${REPO_PATH}/issues` && method === 'GET') {
      const state = url.searchParams.get('state') ?? 'open';
      const labels = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
      const found = [...issues.values()]
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => labels.every((l) => i.labels.includes(l)))
        .sort((a, b) =>
          url.searchParams.get('direction') === 'asc' ? a.number - b.number : b.number - a.number,
        );
      return list(found.map(issueJson));
    }
    if (path === `${REPO_PATH}/issues` && method === 'POST') {
      const assignees = Array.isArray(input.assignees) ? (input.assignees as string[]) : [];
      const bad = assignees.filter((a) => server.assignable && !server.assignable.has(a));
      if (bad.length > 0)
        return send(422, {
          message: 'Validation Failed',
          errors: [{ resource: 'Issue', field: 'assignees', code: 'invalid', value: bad[0] }],
        });
      const issue = newIssue({
        title: str(input.title),
        body: str(input.body),
        assignees,
        labels: Array.isArray(input.labels) ? (input.labels as string[]) : [],
        user: server.tokenUser,
      });
      return send(201, issueJson(issue));
    }
    if ((m = /^\/repos\/acme\/app\/issues\/(\d+)$/.exec(path)) && method === 'PATCH') {
      const issue = issues.get(Number(m[1]));
      if (!issue) return notFound();
      if (typeof input.body === 'string') issue.body = input.body;
      if (input.state === 'closed' || input.state === 'open') issue.state = input.state;
      if (typeof input.state_reason === 'string') issue.state_reason = input.state_reason;
      issue.updated_at = now();
      return send(200, issueJson(issue));
    }
    if ((m = /^\/repos\/acme\/app\/issues\/(\d+)\/comments$/.exec(path))) {
      const issue = issues.get(Number(m[1]));
      if (!issue) return notFound();
      if (method === 'POST') {
        const comment = addComment(issue.number, server.tokenUser, str(input.body));
        return send(201, comment);
      }
      const since = url.searchParams.get('since');
      return list(
        issue.comments.filter((c) => !since || Date.parse(c.updated_at) >= Date.parse(since)),
      );
    }
    if ((m = /^\/repos\/acme\/app\/issues\/comments\/(\d+)$/.exec(path)) && method === 'PATCH') {
      const id = Number(m[1]);
      const comment = [...issues.values()].flatMap((i) => i.comments).find((c) => c.id === id);
      if (!comment) return notFound();
      comment.body = str(input.body);
      comment.updated_at = now();
      return send(200, comment);
    }
    if ((m = /^\/repos\/acme\/app\/pulls\/(\d+)\/reviews$/.exec(path)) && method === 'GET') {
      const list0 = reviews.get(Number(m[1]));
      return list0 ? list(list0) : notFound();
    }
    if ((m = /^\/orgs\/([^/]+)\/teams\/([^/]+)$/.exec(path)) && method === 'GET') {
      // The team itself: visible to this token when the fake knows it.
      return server.teams[`${m[1]}/${m[2]}`] ? send(200, { slug: m[2], name: m[2] }) : notFound();
    }
    if ((m = /^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/.exec(path))) {
      const team = server.teams[`${m[1]}/${m[2]}`];
      const state = team?.[decodeURIComponent(m[3] ?? '')];
      if (!state) return notFound();
      return send(200, { url: `${base}${path}`, role: 'member', state });
    }
    if ((m = /^\/repos\/acme\/app\/collaborators\/([^/]+)\/permission$/.exec(path))) {
      const login = decodeURIComponent(m[1] ?? '');
      const role = server.permissions[login];
      if (!role) return notFound();
      const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
      return send(200, { permission, role_name: role, user: { login, type: 'User' } });
    }
    notFound();
  };

  const http = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      res.writeHead(500).end(JSON.stringify({ message: String(error) }));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return Object.assign(server, { url: base });
}

// ---------------------------------------------------------------- a wait against it

export const HEAD = '5f3c2a9e0b7d4c1f8a6e2d9b0c3f7a1e4d8b6c20';
export const OLD_HEAD = '0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9d0';

export const SUBJECT: RequestSubject = {
  repository: `${OWNER}/${REPO}`,
  runId: '4242',
  runAttempt: 1,
  job: 'agent',
  headSha: HEAD,
  bomDigest: `sha256:${'b'.repeat(64)}`,
  policyDigest: `sha256:${'c'.repeat(64)}`,
  paths: [
    {
      id: 'agent/publish/1',
      class: 'publish',
      reason: 'npm publish with NPM_TOKEN',
      location: '.github/workflows/agent.yml:30:9',
    },
  ],
};

export interface Scenario {
  readonly target?: 'pull-request' | 'issue';
  readonly approvers?: readonly string[] | undefined;
  readonly minApprovals?: number;
  readonly timeoutMinutes?: number;
  readonly codeowners?: readonly string[];
  readonly actor?: string;
  readonly triggeringActor?: string;
  readonly subject?: Partial<RequestSubject>;
  /** An open request of the same digest already exists (posted this long before the start). */
  readonly existingRequest?: number;
  readonly retries?: number;
  readonly maxFailures?: number;
}

export interface Harness {
  readonly gh: FakeGitHub;
  readonly clock: FakeClock;
  readonly subject: RequestSubject;
  readonly digest: string;
  /** What approvers type: the first 12 hex digits. */
  readonly prefix: string;
  /** The PR (pull-request target) or undefined. */
  readonly pr: number | undefined;
  readonly cancel: AbortController;
  readonly logs: string[];
  run(): Promise<ApprovalOutcome>;
  /** The thread answers go to (after run() posted the request: the PR, or the issue). */
  thread(): number;
  /** Runs `fn` at `minutes` after the start (fake time). */
  at(minutes: number, fn: () => void): void;
}

/** The users every scenario knows: who may approve and who may not. */
export function seedUsers(gh: FakeGitHub): void {
  Object.assign(gh.permissions, {
    octocat: 'write',
    alice: 'write',
    bob: 'write',
    mallory: 'write',
    carol: 'read',
    dave: 'admin',
    erin: 'maintain',
    frank: 'write',
    'deploy-bot': 'write',
  });
  gh.teams['acme/security'] = { alice: 'active', bob: 'pending' };
}

export async function harness(scenario: Scenario = {}): Promise<Harness> {
  const clock = fakeClock();
  const gh = await startFakeGitHub(clock);
  seedUsers(gh);
  const subject: RequestSubject = { ...SUBJECT, ...scenario.subject };
  const digest = requestDigest(subject);
  const targetKind = scenario.target ?? 'pull-request';
  const pr = targetKind === 'pull-request' ? 7 : undefined;
  if (pr !== undefined) gh.pull(pr);
  const cancel = new AbortController();
  const logs: string[] = [];
  let requestThread: number | undefined;
  const target: RequestTarget =
    pr !== undefined ? { kind: 'pull-request', number: pr } : { kind: 'issue' };
  const approval: ApprovalSettings = {
    approvers:
      'approvers' in scenario ? scenario.approvers : ['octocat', '@acme/security', 'dave', 'erin'],
    minApprovals: scenario.minApprovals ?? 1,
    timeoutMinutes: scenario.timeoutMinutes ?? 60,
  };

  if (scenario.existingRequest !== undefined) {
    const body = [
      renderMarker({
        digest,
        runId: subject.runId,
        runAttempt: subject.runAttempt,
        job: subject.job,
        workflow: WORKFLOW,
        state: 'open',
      }),
      'an earlier post of this very request',
    ].join('\n');
    // Posted by the token's identity before the wait starts.
    const before = clock.now().getTime() - scenario.existingRequest * 60_000;
    if (pr !== undefined) gh.comment(pr, gh.tokenUser, body, { at: before });
    else requestThread = createIssueDirect(gh, body, before).number;
  }

  const client = await createClient({
    token: 'ghs_test',
    baseUrl: gh.url,
    retries: scenario.retries ?? 3,
    log: (m) => logs.push(`client: ${m}`),
  });
  const api = createApprovalApi(client, {
    owner: OWNER,
    repo: REPO,
    signal: cancel.signal,
    log: (m) => logs.push(`api: ${m}`),
  });
  return {
    gh,
    clock,
    subject,
    digest,
    prefix: digest.slice('sha256:'.length, 'sha256:'.length + 12),
    pr,
    cancel,
    logs,
    at: (minutes, fn) => clock.at(minutes * 60_000, fn),
    thread() {
      if (pr !== undefined) return pr;
      if (requestThread !== undefined) return requestThread;
      const issue = [...gh.issues.values()].find((i) => !i.isPull && i.state === 'open');
      if (!issue) throw new Error('no request issue yet');
      return (requestThread = issue.number);
    },
    run: () =>
      waitForApproval({
        api,
        subject,
        workflow: WORKFLOW,
        runUrl: `https://github.com/${OWNER}/${REPO}/actions/runs/${subject.runId}`,
        target,
        actor: scenario.actor ?? 'dave',
        triggeringActor: scenario.triggeringActor ?? 'erin',
        approval,
        codeowners: scenario.codeowners,
        now: clock.now,
        sleep: clock.sleep,
        signal: cancel.signal,
        log: {
          info: (m) => logs.push(`info: ${m}`),
          warning: (m) => logs.push(`warning: ${m}`),
        },
        ...(scenario.maxFailures !== undefined ? { maxFailures: scenario.maxFailures } : {}),
      }),
  };
}

export const WORKFLOW = '.github/workflows/agent.yml';

function createIssueDirect(gh: FakeGitHub, body: string, at: number): FakeIssue {
  const number = Math.max(0, ...gh.issues.keys()) + 1;
  const issue: FakeIssue = {
    number,
    title: 'agent-gate: approval needed',
    body,
    state: 'open',
    state_reason: null,
    user: { login: gh.tokenUser.login, type: gh.tokenUser.type ?? 'Bot' },
    assignees: [],
    labels: ['agent-gate'],
    isPull: false,
    created_at: iso(at),
    updated_at: iso(at),
    html_url: `${WEB}/issues/${number}`,
    comments: [],
  };
  gh.issues.set(number, issue);
  return issue;
}
