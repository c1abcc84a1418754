/**
 * The `approval: wait` adapter over the REST client (src/github/client.ts: Octokit with the
 * retry and throttling plugins). Every list is paginated (per_page=100, `link: rel="next"`)
 * and fetched conditionally: the ETag and items of each page URL are kept, a 304 reuses them
 * (it does not count against the primary rate limit). Approver facts (team membership,
 * collaborator permission) are asked per candidate login only and cached for the wait.
 * Every HTTP request is counted, retries and 304s included.
 */
import type { GitHubClient } from './client.js';
import { REQUEST_LABEL, parseMarker } from '../approval/render-request.js';
import { ApprovalApiError } from '../approval/types.js';
import type {
  Actor,
  ApprovalApi,
  ObservedComment,
  ObservedReview,
  Permission,
  PostedRequest,
  RequestTarget,
  TeamState,
} from '../approval/types.js';

export interface ApprovalApiOptions {
  readonly owner: string;
  readonly repo: string;
  readonly log?: (message: string) => void;
  /** Aborts polls in flight (job cancellation); writes are never aborted. */
  readonly signal?: AbortSignal;
  /** More pages than this of one list is an error (a runaway thread). */
  readonly maxPages?: number;
}

interface Page {
  readonly etag: string | undefined;
  readonly items: readonly unknown[];
  readonly next: string | undefined;
}

interface RawUser {
  readonly login?: unknown;
  readonly type?: unknown;
}
interface RawComment {
  readonly id: number;
  readonly user?: RawUser | null;
  readonly body?: string | null;
  readonly created_at: string;
  readonly updated_at?: string;
  readonly html_url: string;
}
interface RawIssue extends RawComment {
  readonly number: number;
  readonly state?: string;
  readonly pull_request?: unknown;
}
interface RawReview {
  readonly id: number;
  readonly user?: RawUser | null;
  readonly state: string;
  readonly commit_id?: string | null;
  readonly submitted_at?: string | null;
  readonly html_url: string;
}

type Fetch = typeof globalThis.fetch;
type Response = { status: number; headers: Record<string, string | undefined>; data: unknown };

const PER_PAGE = 100;
/** GitHub accepts at most 10 assignees on an issue. */
const MAX_ASSIGNEES = 10;

export function createApprovalApi(client: GitHubClient, options: ApprovalApiOptions): ApprovalApi {
  const { owner, repo } = options;
  const log = options.log ?? (() => undefined);
  const maxPages = options.maxPages ?? 50;
  const repoPath = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
  const pages = new Map<string, Page>();
  const teams = new Map<string, TeamState>();
  const permissions = new Map<string, Permission>();
  let requests = 0;
  let rateLimit: { remaining: number; resetAt: number } | undefined;

  // The client's own fetch (the runner's proxy settings), counted per HTTP attempt: the
  // retry and throttling plugins call it again for each retry.
  const defaults = client.request.endpoint.DEFAULTS as { request?: { fetch?: Fetch } };
  const baseFetch: Fetch = defaults.request?.fetch ?? globalThis.fetch;
  const countingFetch: Fetch = (input, init) => {
    requests++;
    return baseFetch(input, init);
  };

  const noteRateLimit = (headers: Record<string, string | undefined> | undefined): void => {
    const remaining = Number(headers?.['x-ratelimit-remaining']);
    const reset = Number(headers?.['x-ratelimit-reset']);
    if (headers?.['x-ratelimit-remaining'] !== undefined && Number.isFinite(remaining))
      rateLimit = { remaining, resetAt: Number.isFinite(reset) ? reset * 1000 : 0 };
  };

  async function send(
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    params: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<Response | 'not-modified'> {
    try {
      const response = (await client.request(`${method} ${url}`, {
        ...params,
        headers,
        request: {
          fetch: countingFetch,
          ...(method === 'GET' && options.signal ? { signal: options.signal } : {}),
        },
      })) as unknown as Response;
      noteRateLimit(response.headers);
      return response;
    } catch (error) {
      const e = error as {
        status?: unknown;
        message?: unknown;
        response?: { headers?: Record<string, string | undefined> };
      };
      noteRateLimit(e.response?.headers);
      if (e.status === 304) return 'not-modified';
      throw apiError(`${method} ${url.replace(/^https?:\/\/[^/]+/, '')}`, error, e);
    }
  }

  /** Every page of a list, each fetched with If-None-Match when seen before. */
  async function list(url: string): Promise<unknown[]> {
    const items: unknown[] = [];
    let next: string | undefined = url;
    for (let n = 0; next !== undefined; n++) {
      if (n >= maxPages)
        throw new ApprovalApiError(`${url}: more than ${maxPages} pages`, undefined, undefined);
      const cached = pages.get(next);
      const response = await send(
        'GET',
        next,
        {},
        cached?.etag ? { 'if-none-match': cached.etag } : {},
      );
      let page: Page;
      if (response === 'not-modified' && cached && cached.items.length >= 100 && !cached.next) {
        // A full last page answers 304 even when a new item started the next page (the ETag
        // covers the body, not the Link header): ask once more without the condition.
        const fresh = await send('GET', next);
        if (fresh === 'not-modified') throw new ApprovalApiError(`${next}: unexpected 304`, 304, 0);
        page = {
          etag: fresh.headers.etag,
          items: Array.isArray(fresh.data) ? (fresh.data as unknown[]) : [],
          next: nextLink(fresh.headers.link),
        };
        pages.set(next, page);
      } else if (response === 'not-modified') {
        if (!cached) throw new ApprovalApiError(`${next}: 304 without a cached page`, 304, 0);
        page = cached;
      } else {
        page = {
          etag: response.headers.etag,
          items: Array.isArray(response.data) ? (response.data as unknown[]) : [],
          next: nextLink(response.headers.link),
        };
        pages.set(next, page);
      }
      items.push(...page.items);
      next = page.next;
    }
    return items;
  }

  const query = (path: string, q: Record<string, string | undefined>): string => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined) search.set(k, v);
    search.set('per_page', String(PER_PAGE));
    return `${path}?${search.toString()}`;
  };

  const fromIssue = (issue: RawIssue): PostedRequest => ({
    kind: 'issue',
    id: issue.number,
    thread: issue.number,
    url: issue.html_url,
    createdAt: issue.created_at,
    author: actor(issue.user),
    body: issue.body ?? '',
    open: issue.state !== 'closed',
  });
  const fromComment = (comment: RawComment, thread: number): PostedRequest => ({
    kind: 'comment',
    id: comment.id,
    thread,
    url: comment.html_url,
    createdAt: comment.created_at,
    author: actor(comment.user),
    body: comment.body ?? '',
    open: true,
  });

  return {
    get requests() {
      return requests;
    },
    get rateLimit() {
      return rateLimit;
    },

    async findRequests(target: RequestTarget): Promise<PostedRequest[]> {
      if (target.kind === 'pull-request') {
        const comments = (await list(
          query(`${repoPath}/issues/${target.number}/comments`, {}),
        )) as RawComment[];
        return comments
          .filter((c) => parseMarker(c.body ?? '') !== undefined)
          .map((c) => fromComment(c, target.number));
      }
      const issues = (await list(
        query(`${repoPath}/issues`, {
          state: 'open',
          labels: REQUEST_LABEL,
          sort: 'created',
          direction: 'desc',
        }),
      )) as RawIssue[];
      return issues
        .filter((i) => i.pull_request === undefined && parseMarker(i.body ?? '') !== undefined)
        .map(fromIssue);
    },

    async createRequest(target, content): Promise<PostedRequest> {
      if (target.kind === 'pull-request') {
        const response = await send('POST', `${repoPath}/issues/${target.number}/comments`, {
          body: content.body,
        });
        return fromComment(ok(response).data as RawComment, target.number);
      }
      const assignees = content.assignees.slice(0, MAX_ASSIGNEES);
      const create = (who: string[]): Promise<Response | 'not-modified'> =>
        send('POST', `${repoPath}/issues`, {
          title: content.title,
          body: content.body,
          labels: [REQUEST_LABEL],
          ...(who.length > 0 ? { assignees: who } : {}),
        });
      try {
        return fromIssue(ok(await create(assignees)).data as RawIssue);
      } catch (error) {
        // 422: an approver cannot be assigned (not a collaborator); the issue matters more.
        if (!(error instanceof ApprovalApiError) || error.status !== 422 || assignees.length === 0)
          throw error;
        log(`could not assign ${assignees.join(', ')} (${error.message}); creating it unassigned`);
        return fromIssue(ok(await create([])).data as RawIssue);
      }
    },

    async updateRequest(request, body, close): Promise<void> {
      if (request.kind === 'comment') {
        await send('PATCH', `${repoPath}/issues/comments/${request.id}`, { body });
        return;
      }
      await send('PATCH', `${repoPath}/issues/${request.id}`, {
        body,
        ...(close ? { state: 'closed', state_reason: close.reason } : {}),
      });
    },

    async comment(request, body): Promise<void> {
      await send('POST', `${repoPath}/issues/${request.thread}/comments`, { body });
    },

    async listReviews(pull: number): Promise<ObservedReview[]> {
      const reviews = (await list(query(`${repoPath}/pulls/${pull}/reviews`, {}))) as RawReview[];
      return reviews.map((r) => ({
        id: r.id,
        user: actor(r.user),
        state: r.state,
        commitId: r.commit_id ?? undefined,
        submittedAt: r.submitted_at ?? undefined,
        url: r.html_url,
      }));
    },

    async listComments(thread: number, since: string | undefined): Promise<ObservedComment[]> {
      const comments = (await list(
        query(`${repoPath}/issues/${thread}/comments`, { since }),
      )) as RawComment[];
      return comments.map((c) => ({
        id: c.id,
        user: actor(c.user),
        body: c.body ?? '',
        createdAt: c.created_at,
        updatedAt: c.updated_at ?? c.created_at,
        url: c.html_url,
      }));
    },

    async teamMembership(org: string, slug: string, login: string): Promise<TeamState> {
      const key = `${org}/${slug}/${login}`.toLowerCase();
      const known = teams.get(key);
      if (known) return known;
      let state: TeamState;
      try {
        const response = ok(
          await send(
            'GET',
            `/orgs/${encodeURIComponent(org)}/teams/${encodeURIComponent(slug)}/memberships/${encodeURIComponent(login)}`,
          ),
        );
        const s = (response.data as { state?: unknown }).state;
        state = s === 'active' ? 'active' : s === 'pending' ? 'pending' : 'none';
      } catch (error) {
        state = factError(error, `team ${org}/${slug}`, log);
      }
      teams.set(key, state);
      return state;
    },

    async teamVisibility(org: string, slug: string): Promise<'visible' | 'hidden'> {
      try {
        ok(await send('GET', `/orgs/${encodeURIComponent(org)}/teams/${encodeURIComponent(slug)}`));
        return 'visible';
      } catch (error) {
        // 404 (and a non-transient 403): this token cannot read the team. Anything else is
        // an error of the service, not an answer.
        if (
          error instanceof ApprovalApiError &&
          (error.status === 404 || (error.status === 403 && !error.transient))
        )
          return 'hidden';
        throw error;
      }
    },

    async requestReviewers(pull, users, teamSlugs): Promise<void> {
      ok(
        await send('POST', `${repoPath}/pulls/${pull}/requested_reviewers`, {
          reviewers: [...users],
          team_reviewers: [...teamSlugs],
        }),
      );
    },

    async permission(login: string): Promise<Permission> {
      const key = login.toLowerCase();
      const known = permissions.get(key);
      if (known) return known;
      let permission: Permission;
      try {
        const response = ok(
          await send('GET', `${repoPath}/collaborators/${encodeURIComponent(login)}/permission`),
        );
        const data = response.data as { permission?: unknown; role_name?: unknown };
        permission = data.role_name === 'maintain' ? 'maintain' : toPermission(data.permission);
      } catch (error) {
        permission =
          factError(error, `permission of ${login}`, log) === 'none' ? 'none' : 'unknown';
      }
      permissions.set(key, permission);
      return permission;
    },
  };
}

function ok(response: Response | 'not-modified'): Response {
  if (response === 'not-modified')
    throw new ApprovalApiError('unexpected 304 Not Modified', 304, undefined);
  return response;
}

/** 404: not a member / not a collaborator; 403 (not a rate limit): the token cannot see it. */
function factError(error: unknown, what: string, log: (m: string) => void): TeamState {
  if (error instanceof ApprovalApiError && error.status === 404) return 'none';
  if (error instanceof ApprovalApiError && error.status === 403 && !error.transient) {
    log(`cannot read ${what} (403: ${error.message}); it does not count`);
    return 'unknown';
  }
  throw error;
}

function toPermission(value: unknown): Permission {
  return value === 'admin' ||
    value === 'maintain' ||
    value === 'write' ||
    value === 'triage' ||
    value === 'read' ||
    value === 'none'
    ? value
    : 'unknown';
}

function actor(user: RawUser | null | undefined): Actor | undefined {
  if (!user || typeof user.login !== 'string') return undefined;
  return { login: user.login, type: typeof user.type === 'string' ? user.type : 'User' };
}

function nextLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="([^"]+)"/.exec(part);
    if (m?.[2]?.split(/\s+/).includes('next')) return m[1];
  }
  return undefined;
}

function apiError(
  what: string,
  error: unknown,
  e: {
    status?: unknown;
    message?: unknown;
    response?: { headers?: Record<string, string | undefined> };
  },
): ApprovalApiError {
  const status = typeof e.status === 'number' && e.status > 0 ? e.status : undefined;
  const headers = e.response?.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  const reset = Number(headers['x-ratelimit-reset']);
  const limited =
    (status === 403 || status === 429) &&
    (headers['retry-after'] !== undefined ||
      headers['x-ratelimit-remaining'] === '0' ||
      /rate limit/i.test(String(e.message)));
  const retryAfterMs = !limited
    ? undefined
    : Number.isFinite(retryAfter) && headers['retry-after'] !== undefined
      ? retryAfter * 1000
      : headers['x-ratelimit-remaining'] === '0' && Number.isFinite(reset)
        ? Math.max(0, reset * 1000 - Date.now())
        : 60_000;
  // AbortError and network failures have no HTTP status (Octokit reports 500 for aborts).
  const aborted = error instanceof Error && error.name === 'AbortError';
  return new ApprovalApiError(
    `${what}: ${aborted ? 'aborted' : String(e.message ?? error)}`,
    aborted ? undefined : status,
    retryAfterMs,
    { cause: error },
  );
}
