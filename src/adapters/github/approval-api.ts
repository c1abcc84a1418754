/**
 * The `approval: wait` port (src/engine/approval/types.ts `ApprovalApi`) over GitHub's REST
 * endpoints: requests as PR comments or labelled issues, reviews, comments since the request,
 * and approver facts (team membership, collaborator permission) asked per candidate login only
 * and cached for the wait. HTTP, pagination, ETags and error mapping are the transport's
 * (approval-transport.ts).
 */
import type { GitHubClient } from './client.js';
import { createApprovalTransport, ok, query, type Response } from './approval-transport.js';
import { REQUEST_LABEL, parseMarker } from '../../engine/approval/render-request.js';
import { ApprovalApiError } from '../../engine/approval/types.js';
import type {
  Actor,
  ApprovalApi,
  ObservedComment,
  ObservedReview,
  Permission,
  PostedRequest,
  RequestTarget,
  TeamState,
} from '../../engine/approval/types.js';

export interface ApprovalApiOptions {
  readonly owner: string;
  readonly repo: string;
  readonly log?: (message: string) => void;
  /** Aborts polls in flight (job cancellation); writes are never aborted. */
  readonly signal?: AbortSignal;
  /** More pages than this of one list is an error (a runaway thread). */
  readonly maxPages?: number;
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

/** GitHub accepts at most 10 assignees on an issue. */
const MAX_ASSIGNEES = 10;

export function createApprovalApi(client: GitHubClient, options: ApprovalApiOptions): ApprovalApi {
  const { owner, repo } = options;
  const log = options.log ?? (() => undefined);
  const http = createApprovalTransport(client, options);
  const { send, list } = http;
  const repoPath = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
  const teams = new Map<string, TeamState>();
  const permissions = new Map<string, Permission>();

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
      return http.requests;
    },
    get rateLimit() {
      return http.rateLimit;
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
