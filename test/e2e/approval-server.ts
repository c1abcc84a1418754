/**
 * One loopback GitHub for the `approval: wait` / `approval: record` e2e runs of the bundle.
 * It composes, without changing them:
 *
 * - test/e2e/api-server.ts (startApiServer): contents, git trees, pull request files, jobs,
 *   check runs — what the action reads to decide and what the post step reads;
 * - test/approval/fake-github.ts (startFakeGitHub): the stateful approval endpoints — issues,
 *   issue comments (POST, PATCH, `since`, pages, ETag → 304), PR reviews, team memberships,
 *   collaborator permission — on a real-time clock instead of the unit tests' fake clock;
 *
 * behind one front server that also answers the run's approval history
 * (GET …/actions/runs/{id}/approvals, paginated, with ETags), labels and the pull request
 * itself, injects faults (429 / secondary-limit 403 with retry-after, bursts of 500s) before
 * any route, logs every exchange with its request body, and runs scripted events ("when the
 * request comment appears, alice approves 1 s later") after each request it answers.
 */
import { createHash } from 'node:crypto';
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseMarker } from '../../src/engine/approval/render-request.js';
import type { RequestMarker } from '../../src/engine/approval/types.js';
import { startFakeGitHub } from '../approval/fake-github.js';
import type {
  FakeClock,
  FakeComment,
  FakeGitHub,
  FakeReview,
  FakeUser,
} from '../approval/fake-github.js';
import { startApiServer } from './api-server.js';
import type { ApiRoutes, ApiServer } from './api-server.js';

export type { FakeComment, FakeIssue, FakeReview, FakeUser } from '../approval/fake-github.js';

const REPO = '/repos/acme/app';
const WEB = 'https://github.com/acme/app';

export interface ApprovalFault {
  /** Matched against path and query. */
  readonly match: RegExp;
  readonly method?: string;
  /** How many matching requests fail (after `skip`); Infinity = forever. */
  readonly times: number;
  /** Matching requests let through before the fault starts. */
  readonly skip?: number;
  /** The fault is armed only while this holds (e.g. once the request is posted). */
  readonly when?: () => boolean;
  readonly status: number;
  readonly message?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Slow answers: matching requests are answered (normally) only after `ms`. */
export interface Latency {
  readonly match: RegExp;
  readonly method?: string;
  readonly ms: number;
  readonly when?: () => boolean;
}

/** An entry of GET …/actions/runs/{id}/approvals (the environment review history). */
export interface RunApproval {
  readonly state: 'approved' | 'rejected' | 'pending';
  readonly user: FakeUser;
  readonly environments: readonly string[];
  readonly comment?: string;
}

export interface PullSpec {
  readonly title?: string;
  readonly author?: FakeUser;
  readonly headSha: string;
  readonly baseSha?: string;
}

export interface ApprovalServerOptions extends Omit<ApiRoutes, 'faults'> {
  /** Pull requests that exist (comments and reviews go to them). */
  readonly pulls?: Readonly<Record<number, PullSpec>>;
  /** login → repository role (admin, maintain, write, triage, read). */
  readonly permissions?: Readonly<Record<string, string>>;
  /** `org/slug` → login → membership state. */
  readonly teams?: Readonly<Record<string, Readonly<Record<string, 'active' | 'pending'>>>>;
  /** Run id → the run's approval history, oldest first. */
  readonly runApprovals?: Readonly<Record<string, readonly RunApproval[]>>;
  readonly faults?: readonly ApprovalFault[];
  /**
   * Teams (`org/slug`) the token cannot see, as with the default GITHUB_TOKEN: GET of the team
   * answers 404. Teams of `teams` are visible otherwise; unknown teams are 404 anyway.
   */
  readonly hiddenTeams?: readonly string[];
}

/** A POST …/pulls/{n}/requested_reviewers the action sent. */
export interface ReviewRequest {
  readonly pull: number;
  readonly reviewers: readonly string[];
  readonly teamReviewers: readonly string[];
}

export interface Exchange {
  readonly method: string;
  /** Path and query as sent. */
  readonly url: string;
  readonly status: number;
  /** Request body (JSON text of POST / PATCH), '' for none. */
  readonly body: string;
  readonly ifNoneMatch: string | undefined;
  readonly authorization: string | undefined;
  /** Who answered: a fault, the approval fake, the api server or this front server. */
  readonly by: 'fault' | 'approval' | 'api' | 'front';
  /** Date.now() when answered. */
  readonly at: number;
}

/** A request the action posted (a PR comment or an issue), as it is now. */
export interface PostedRequestView {
  readonly kind: 'comment' | 'issue';
  /** Comment id or issue number. */
  readonly id: number;
  /** Where answers go (the PR or the issue number). */
  readonly thread: number;
  readonly body: string;
  readonly marker: RequestMarker;
  /** What approvers type: the first 12 hex digits of the digest. */
  readonly prefix: string;
  readonly open: boolean;
  readonly url: string;
  readonly labels: readonly string[];
  readonly issueState: 'open' | 'closed' | undefined;
  readonly stateReason: string | null | undefined;
}

export interface ApprovalServer {
  readonly url: string;
  readonly gh: FakeGitHub;
  readonly api: ApiServer;
  /** Every exchange the front server answered, in order. */
  readonly requests: readonly Exchange[];
  /** Mutable: tests may add faults while the action runs. */
  readonly faults: ApprovalFault[];
  /** Mutable: slow answers. */
  readonly latency: Latency[];
  /** Requests held back by `latency` right now. */
  readonly slowInFlight: () => number;
  /** Run id → approval history (mutable). */
  readonly runApprovals: Map<string, RunApproval[]>;
  /** Labels that exist in the repository. */
  readonly labels: Set<string>;
  /** Review requests on pull requests, in order. */
  readonly reviewRequests: readonly ReviewRequest[];
  /** The most requests that were open (marker state open) at once, checked after every exchange. */
  readonly maxOpen: () => number;
  /** Requests (marker) posted with the token, in posting order; PR comments then issues. */
  requestsPosted(): PostedRequestView[];
  /** Those whose marker still says open (and, for issues, the issue is open). */
  openRequests(): PostedRequestView[];
  /**
   * Runs `fn` `delayMs` after `predicate` first holds (checked now and after every exchange).
   * Resolves with `fn`'s result once it ran.
   */
  when<T>(predicate: () => boolean, fn: () => T, delayMs?: number): Promise<T>;
  /** `when` the first request is posted: `fn` gets it. */
  onRequestPosted<T>(fn: (posted: PostedRequestView) => T, delayMs?: number): Promise<T>;
  /** A comment by `user` on the request's thread (now). */
  comment(thread: number, user: FakeUser | null, body: string): FakeComment;
  review(pull: number, user: FakeUser | null, state: string, commitId: string): FakeReview;
  /** Exchanges whose path matches (and method, when given). */
  count(match: RegExp, method?: string): number;
  /** `METHOD url status` lines, for failure messages. */
  log(): string[];
  close(): Promise<void>;
}

/** fake-github's clock interface on the real clock: GitHub's timestamps are wall-clock. */
function realClock(): FakeClock {
  const start = Date.now();
  return {
    now: () => new Date(),
    elapsed: () => Date.now() - start,
    at: (afterMs, fn) => void setTimeout(fn, Math.max(0, start + afterMs - Date.now())),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    sleeps: [],
  };
}

/** Paths the approval fake answers; everything else but the front's own goes to api-server. */
const APPROVAL_PATHS = [
  /^\/repos\/acme\/app\/issues(\/\d+)?$/,
  /^\/repos\/acme\/app\/issues\/\d+\/comments$/,
  /^\/repos\/acme\/app\/issues\/comments\/\d+$/,
  /^\/repos\/acme\/app\/pulls\/\d+\/reviews$/,
  /^\/orgs\/[^/]+\/teams\/[^/]+\/memberships\/[^/]+$/,
  /^\/repos\/acme\/app\/collaborators\/[^/]+\/permission$/,
];

export async function startApprovalServer(
  options: ApprovalServerOptions = {},
): Promise<ApprovalServer> {
  const api = await startApiServer({
    ...(options.contents ? { contents: options.contents } : {}),
    ...(options.pullFiles ? { pullFiles: options.pullFiles } : {}),
    ...(options.jobs ? { jobs: options.jobs } : {}),
    ...(options.checkRuns ? { checkRuns: options.checkRuns } : {}),
  });
  const gh = await startFakeGitHub(realClock());
  Object.assign(gh.permissions, options.permissions ?? {});
  for (const [team, members] of Object.entries(options.teams ?? {}))
    gh.teams[team] = { ...members };
  const pulls = new Map<number, PullSpec>(
    Object.entries(options.pulls ?? {}).map(([n, spec]) => [Number(n), spec]),
  );
  for (const [number, spec] of pulls) {
    const issue = gh.pull(number);
    if (spec.title !== undefined) issue.title = spec.title;
    if (spec.author) issue.user = { login: spec.author.login, type: spec.author.type ?? 'User' };
  }

  const requests: Exchange[] = [];
  const faults: ApprovalFault[] = [...(options.faults ?? [])];
  const faultHits = new Map<ApprovalFault, number>();
  const latency: Latency[] = [];
  let slowInFlight = 0;
  const runApprovals = new Map<string, RunApproval[]>(
    Object.entries(options.runApprovals ?? {}).map(([id, list]) => [id, [...list]]),
  );
  const labels = new Set<string>();
  const reviewRequests: ReviewRequest[] = [];
  const hiddenTeams = new Set((options.hiddenTeams ?? []).map((t) => t.toLowerCase()));
  const triggers: { predicate: () => boolean; fire: () => void }[] = [];
  let maxOpen = 0;
  let closed = false;
  let base = '';

  const posted = (): PostedRequestView[] => {
    const token = gh.tokenUser.login.toLowerCase();
    const views: PostedRequestView[] = [];
    const issues = [...gh.issues.values()].sort((a, b) => a.number - b.number);
    for (const issue of issues.filter((i) => i.isPull)) {
      for (const c of issue.comments) {
        const marker = parseMarker(c.body);
        if (!marker || c.user?.login.toLowerCase() !== token) continue;
        views.push({
          kind: 'comment',
          id: c.id,
          thread: issue.number,
          body: c.body,
          marker,
          prefix: marker.digest.slice('sha256:'.length, 'sha256:'.length + 12),
          open: marker.state === 'open',
          url: c.html_url,
          labels: [],
          issueState: undefined,
          stateReason: undefined,
        });
      }
    }
    for (const issue of issues.filter((i) => !i.isPull)) {
      const marker = parseMarker(issue.body);
      if (!marker || issue.user.login.toLowerCase() !== token) continue;
      views.push({
        kind: 'issue',
        id: issue.number,
        thread: issue.number,
        body: issue.body,
        marker,
        prefix: marker.digest.slice('sha256:'.length, 'sha256:'.length + 12),
        open: marker.state === 'open' && issue.state === 'open',
        url: issue.html_url,
        labels: [...issue.labels],
        issueState: issue.state,
        stateReason: issue.state_reason,
      });
    }
    return views;
  };
  const afterExchange = (): void => {
    maxOpen = Math.max(maxOpen, posted().filter((p) => p.open).length);
    checkTriggers();
  };
  const checkTriggers = (): void => {
    for (const t of [...triggers]) {
      if (!t.predicate()) continue;
      triggers.splice(triggers.indexOf(t), 1);
      t.fire();
    }
  };

  /** A list answered like GitHub: pages with `link`, an ETag, 304 on If-None-Match. */
  const sendList = (
    url: URL,
    ifNoneMatch: string | undefined,
    items: readonly unknown[],
    send: (status: number, body: string, headers?: Record<string, string>) => void,
  ): void => {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30) || 30, 100);
    const page = Number(url.searchParams.get('page') ?? 1) || 1;
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    const link = (p: number): string => {
      const next = new URL(url);
      next.searchParams.set('page', String(p));
      return next.href;
    };
    if (page < last) headers.link = `<${link(page + 1)}>; rel="next", <${link(last)}>; rel="last"`;
    const body = JSON.stringify(slice);
    const etag = `W/"${createHash('sha256')
      .update(body + (headers.link ?? ''))
      .digest('hex')
      .slice(0, 32)}"`;
    if (ifNoneMatch === etag) return send(304, '', { etag });
    send(200, body, { ...headers, etag });
  };

  /** The front's own routes; false when it does not own the path. */
  const own = (
    method: string,
    url: URL,
    ifNoneMatch: string | undefined,
    input: Record<string, unknown>,
    send: (status: number, body: string, headers?: Record<string, string>) => void,
  ): boolean => {
    const path = url.pathname;
    const notFound = (): void => send(404, JSON.stringify({ message: 'Not Found', status: '404' }));
    let m: RegExpExecArray | null;
    if (
      (m = /^\/repos\/acme\/app\/actions\/runs\/(\d+)\/approvals$/.exec(path)) &&
      method === 'GET'
    ) {
      const history = runApprovals.get(m[1]!) ?? [];
      const items = history.map((a, i) => ({
        state: a.state,
        comment: a.comment ?? '',
        user: {
          login: a.user.login,
          id: 1000 + i,
          type: a.user.type ?? (/\[bot\]$/.test(a.user.login) ? 'Bot' : 'User'),
          site_admin: false,
        },
        environments: a.environments.map((name, j) => ({
          id: 77 + j,
          node_id: `EN_${name}`,
          name,
          url: `${base}${REPO}/environments/${encodeURIComponent(name)}`,
          html_url: `${WEB}/deployments/activity_log?environments_filter=${encodeURIComponent(name)}`,
          created_at: '2026-01-01T00:00:00Z',
          updated_at: '2026-01-01T00:00:00Z',
        })),
      }));
      sendList(url, ifNoneMatch, items, send);
      return true;
    }
    if ((m = /^\/repos\/acme\/app\/actions\/runs\/(\d+)$/.exec(path)) && method === 'GET') {
      send(
        200,
        JSON.stringify({
          id: Number(m[1]),
          run_attempt: 1,
          actor: { login: 'octocat', type: 'User' },
          triggering_actor: { login: 'octocat', type: 'User' },
          html_url: `${WEB}/actions/runs/${m[1]}`,
        }),
      );
      return true;
    }
    if ((m = /^\/repos\/acme\/app\/pulls\/(\d+)$/.exec(path)) && method === 'GET') {
      const spec = pulls.get(Number(m[1]));
      const issue = gh.issues.get(Number(m[1]));
      if (!spec || !issue) {
        notFound();
        return true;
      }
      send(
        200,
        JSON.stringify({
          number: issue.number,
          title: issue.title,
          state: issue.state,
          user: issue.user,
          html_url: issue.html_url,
          head: { sha: spec.headSha, ref: 'feature', repo: { full_name: 'acme/app' } },
          base: { sha: spec.baseSha ?? '', ref: 'main', repo: { full_name: 'acme/app' } },
        }),
      );
      return true;
    }
    if ((m = /^\/orgs\/([^/]+)\/teams\/([^/]+)$/.exec(path)) && method === 'GET') {
      const name = `${decodeURIComponent(m[1]!)}/${decodeURIComponent(m[2]!)}`;
      if (!gh.teams[name] || hiddenTeams.has(name.toLowerCase())) notFound();
      else
        send(200, JSON.stringify({ id: 7, slug: m[2], name: m[2], organization: { login: m[1] } }));
      return true;
    }
    if (
      (m = /^\/repos\/acme\/app\/pulls\/(\d+)\/requested_reviewers$/.exec(path)) &&
      method === 'POST'
    ) {
      const pull = Number(m[1]);
      const reviewers = Array.isArray(input.reviewers) ? (input.reviewers as string[]) : [];
      const teamReviewers = Array.isArray(input.team_reviewers)
        ? (input.team_reviewers as string[])
        : [];
      const author = gh.issues.get(pull)?.user.login.toLowerCase();
      if (reviewers.some((r) => r.toLowerCase() === author)) {
        send(
          422,
          JSON.stringify({ message: 'Review cannot be requested from pull request author.' }),
        );
        return true;
      }
      reviewRequests.push({ pull, reviewers, teamReviewers });
      send(
        201,
        JSON.stringify({
          number: pull,
          requested_reviewers: reviewers.map((login) => ({ login })),
        }),
      );
      return true;
    }
    if (path === `${REPO}/labels` && method === 'GET') {
      sendList(url, ifNoneMatch, [...labels].map(labelJson), send);
      return true;
    }
    if (path === `${REPO}/labels` && method === 'POST') {
      const name = typeof input.name === 'string' ? input.name : '';
      if (!name || labels.has(name)) {
        send(
          422,
          JSON.stringify({ message: 'Validation Failed', errors: [{ code: 'already_exists' }] }),
        );
        return true;
      }
      labels.add(name);
      send(201, JSON.stringify(labelJson(name)));
      return true;
    }
    if ((m = /^\/repos\/acme\/app\/labels\/([^/]+)$/.exec(path)) && method === 'GET') {
      const name = decodeURIComponent(m[1]!);
      if (labels.has(name)) send(200, JSON.stringify(labelJson(name)));
      else notFound();
      return true;
    }
    if ((m = /^\/repos\/acme\/app\/issues\/(\d+)\/labels$/.exec(path))) {
      const issue = gh.issues.get(Number(m[1]));
      if (!issue) {
        notFound();
        return true;
      }
      if (method === 'POST') {
        const add = Array.isArray(input.labels) ? (input.labels as string[]) : [];
        for (const l of add) {
          labels.add(l);
          if (!issue.labels.includes(l)) issue.labels.push(l);
        }
      }
      sendList(url, ifNoneMatch, issue.labels.map(labelJson), send);
      return true;
    }
    return false;
  };

  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', base);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const text = raw.toString('utf8');
    const ifNoneMatch = header(req.headers['if-none-match']);
    const log = (status: number, by: Exchange['by']): void => {
      requests.push({
        method,
        url: req.url ?? '',
        status,
        body: text,
        ifNoneMatch,
        authorization: header(req.headers.authorization),
        by,
        at: Date.now(),
      });
    };
    const finish = (): void => {
      if (!closed) afterExchange();
    };

    const target = `${url.pathname}${url.search}`;
    const slow = latency.find(
      (l) =>
        l.match.test(target) &&
        (l.method === undefined || l.method === method) &&
        (!l.when || l.when()),
    );
    if (slow) {
      slowInFlight++;
      if (!closed) checkTriggers();
      await new Promise((resolve) => setTimeout(resolve, slow.ms));
      slowInFlight--;
    }
    const fault = faults.find((f) => {
      if (!f.match.test(target) || (f.method !== undefined && f.method !== method)) return false;
      if (f.when && !f.when()) return false;
      return (faultHits.get(f) ?? 0) < (f.skip ?? 0) + f.times;
    });
    if (fault) {
      const hits = (faultHits.get(fault) ?? 0) + 1;
      faultHits.set(fault, hits);
      if (hits > (fault.skip ?? 0)) {
        log(fault.status, 'fault');
        res
          .writeHead(fault.status, {
            'content-type': 'application/json; charset=utf-8',
            'x-ratelimit-limit': '1000',
            'x-ratelimit-remaining': '900',
            'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
            'x-ratelimit-resource': 'core',
            ...fault.headers,
          })
          .end(
            JSON.stringify({
              message: fault.message ?? 'Server Error',
              documentation_url: 'https://docs.github.com/rest',
            }),
          );
        finish();
        return;
      }
    }

    let input: Record<string, unknown> = {};
    try {
      input = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      // Forwarded as is; the backend answers.
    }
    const ownSend = (status: number, body: string, headers: Record<string, string> = {}): void => {
      log(status, 'front');
      res
        .writeHead(status, {
          ...(status === 304 ? {} : { 'content-type': 'application/json; charset=utf-8' }),
          'x-ratelimit-limit': '1000',
          'x-ratelimit-remaining': '900',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
          ...headers,
        })
        .end(status === 304 ? undefined : body);
    };
    if (own(method, url, ifNoneMatch, input, ownSend)) return finish();

    const by = APPROVAL_PATHS.some((p) => p.test(url.pathname)) ? 'approval' : 'api';
    // Issues created with a label: GitHub creates a missing label on the fly.
    if (by === 'approval' && method === 'POST' && url.pathname === `${REPO}/issues`)
      for (const l of Array.isArray(input.labels) ? (input.labels as string[]) : []) labels.add(l);
    const upstream = new URL(by === 'approval' ? gh.url : api.url);
    const { status, headers, body } = await forward(upstream, req, raw);
    log(status, by);
    // Links point at the backend: rewrite them to the front, as GitHub's would be.
    if (typeof headers.link === 'string')
      headers.link = headers.link.split(upstream.origin).join(base);
    res.writeHead(status, headers).end(body);
    finish();
  };

  const http = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(JSON.stringify({ message: String(error) }));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const when = <T>(predicate: () => boolean, fn: () => T, delayMs = 0): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const fire = (): void => {
        setTimeout(() => {
          if (closed) return reject(new Error('server closed before the scripted event'));
          try {
            resolve(fn());
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        }, delayMs);
      };
      if (predicate()) fire();
      else triggers.push({ predicate, fire });
    });

  return {
    url: base,
    gh,
    api,
    requests,
    faults,
    latency,
    slowInFlight: () => slowInFlight,
    runApprovals,
    labels,
    reviewRequests,
    maxOpen: () => maxOpen,
    requestsPosted: posted,
    openRequests: () => posted().filter((p) => p.open),
    when,
    onRequestPosted: (fn, delayMs) =>
      when(
        () => posted().length > 0,
        () => fn(posted()[0]!),
        delayMs,
      ),
    comment: (thread, user, body) => gh.comment(thread, user, body),
    review: (pull, user, state, commitId) => gh.review(pull, user, state, commitId),
    count: (match, method) =>
      requests.filter((r) => match.test(r.url) && (method === undefined || r.method === method))
        .length,
    log: () => requests.map((r) => `${r.method} ${r.url} ${r.status}`),
    async close() {
      closed = true;
      triggers.splice(0);
      await Promise.all([
        new Promise<void>((resolve, reject) => {
          http.close((e) => (e ? reject(e) : resolve()));
          http.closeAllConnections();
        }),
        gh.close(),
        api.close(),
      ]);
    },
  };
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function labelJson(name: string): Record<string, unknown> {
  return { id: 1, node_id: `LA_${name}`, name, color: 'ededed', default: false, description: null };
}

/** Sends the request on to a backend and buffers its answer. */
function forward(
  upstream: URL,
  req: IncomingMessage,
  body: Buffer,
): Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: upstream.host };
    delete headers['content-length'];
    delete headers.connection;
    const out = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...headers, 'content-length': String(body.length) },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const h: Record<string, string | string[]> = {};
          for (const [k, v] of Object.entries(res.headers)) {
            if (v === undefined || k === 'connection' || k === 'keep-alive') continue;
            if (k === 'transfer-encoding' || k === 'content-length') continue;
            h[k] = v;
          }
          resolve({ status: res.statusCode ?? 502, headers: h, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}
