/**
 * `approval: wait` — the data the engine works on. Pure types: the request the gate posts,
 * what GitHub shows back (reviews, comments), what is known about a would-be approver, and
 * the port the wait loop talks to the API through (implemented in src/adapters/github/approval-api.ts).
 */

/** One approval-required action path, as the request lists it. */
export interface RequestPath {
  /** `<job>/<class>/<n>` */
  readonly id: string;
  readonly class: string;
  readonly reason: string;
  /** `path:line:column` in the workflow. */
  readonly location: string;
}

/** What an approval is bound to: the request digest is computed over exactly this. */
export interface RequestSubject {
  /** `owner/name` */
  readonly repository: string;
  readonly runId: string;
  readonly runAttempt: number;
  readonly job: string;
  /** The commit approvers approve: the PR head on pull-request events, else GITHUB_SHA. */
  readonly headSha: string;
  /** `sha256:<hex>` of the job's Agent Action BOM. */
  readonly bomDigest: string;
  /** `sha256:<hex>` of the policy (Policy.digest). */
  readonly policyDigest: string;
  readonly paths: readonly RequestPath[];
}

/** Where the request lives: a comment on the pull request, or an issue of its own. */
export type RequestTarget =
  { readonly kind: 'pull-request'; readonly number: number } | { readonly kind: 'issue' };

/** What the hidden marker of a posted request says. */
export interface RequestMarker {
  readonly digest: string;
  readonly runId: string;
  readonly runAttempt: number;
  readonly job: string;
  /** The workflow file; absent in markers that do not name it. */
  readonly workflow: string | undefined;
  /** `closed`: superseded, decided or cancelled — no longer waiting. */
  readonly state: 'open' | 'closed';
}

/** A request (comment or issue) found on GitHub or just posted. */
export interface PostedRequest {
  readonly kind: 'comment' | 'issue';
  /** Comment id, or issue number. */
  readonly id: number;
  /** The issue (or pull request) number whose comments carry the answers. */
  readonly thread: number;
  readonly url: string;
  readonly createdAt: string;
  readonly author: Actor | undefined;
  readonly body: string;
  /** Issues only: whether the issue is open. */
  readonly open: boolean;
}

export interface Actor {
  readonly login: string;
  /** `User`, `Bot`, `Organization`, … as the API says. */
  readonly type: string;
}

/** A pull request review as the API lists it (GET …/pulls/{n}/reviews). */
export interface ObservedReview {
  readonly id: number;
  readonly user: Actor | undefined;
  /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING */
  readonly state: string;
  readonly commitId: string | undefined;
  readonly submittedAt: string | undefined;
  readonly url: string;
}

/** An issue or pull request comment (GET …/issues/{n}/comments). */
export interface ObservedComment {
  readonly id: number;
  readonly user: Actor | undefined;
  readonly body: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly url: string;
}

/** An entry of `approval.approvers` (or a CODEOWNERS owner of the workflow). */
export type ApproverSpec =
  | { readonly kind: 'user'; readonly login: string }
  | { readonly kind: 'team'; readonly org: string; readonly slug: string };

export type TeamState = 'active' | 'pending' | 'none' | 'unknown';

/** `permission` of GET …/collaborators/{u}/permission, or `unknown` when unreadable. */
export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none' | 'unknown';

/** What the API said about one login; resolved only for candidates, cached for the wait. */
export interface ApproverFacts {
  readonly permission: Permission | undefined;
  /** By `org/slug`. Teams not asked (yet) are absent. */
  readonly teams: Readonly<Record<string, TeamState>>;
}

/** The posted request as the judge needs it. */
export interface JudgedRequest {
  /** `sha256:<hex>` */
  readonly digest: string;
  readonly createdAt: string;
  readonly headSha: string;
  readonly actor: string | undefined;
  readonly triggeringActor: string | undefined;
  /** The author of the pull request (or issue) the run is about: no self-approval either. */
  readonly author?: string | undefined;
}

export interface Approval {
  readonly login: string;
  readonly how: 'review' | 'command';
  readonly at: string;
  readonly url: string;
}

export interface Denial {
  readonly login: string;
  readonly at: string;
  readonly url: string;
  readonly reason: string | undefined;
}

export interface Ignored {
  readonly login: string;
  readonly why: string;
  readonly url?: string;
}

export interface Judgement {
  readonly state: 'pending' | 'approved' | 'denied';
  /** Valid approvals, one per login, oldest first. */
  readonly approvals: readonly Approval[];
  readonly denial?: Denial;
  readonly ignored: readonly Ignored[];
  /** Logins whose answer would count if their facts said so: resolve them and judge again. */
  readonly unresolved: readonly string[];
}

/** The port of the wait loop to GitHub. Every method may throw (fail closed). */
export interface ApprovalApi {
  /** HTTP requests made so far, retries and 304s included. */
  readonly requests: number;
  /** Requests carrying the agent-gate marker: PR comments, or open issues with the label. */
  findRequests(target: RequestTarget): Promise<PostedRequest[]>;
  createRequest(
    target: RequestTarget,
    content: { readonly title: string; readonly body: string; readonly assignees: string[] },
  ): Promise<PostedRequest>;
  /** Replaces the body; `close` also closes an issue (a comment cannot be closed). */
  updateRequest(
    request: PostedRequest,
    body: string,
    close?: { readonly reason: 'completed' | 'not_planned' },
  ): Promise<void>;
  /** Issues only: adds a comment to the request's thread. */
  comment(request: PostedRequest, body: string): Promise<void>;
  listReviews(pull: number): Promise<ObservedReview[]>;
  listComments(thread: number, since: string | undefined): Promise<ObservedComment[]>;
  teamMembership(org: string, slug: string, login: string): Promise<TeamState>;
  permission(login: string): Promise<Permission>;
  /**
   * Whether this token can see a team at all (GET /orgs/{org}/teams/{slug}): the default
   * GITHUB_TOKEN cannot read an organization's teams (404), so their members can never count.
   */
  teamVisibility?(org: string, slug: string): Promise<'visible' | 'hidden'>;
  /** Asks for reviews on a pull request (POST …/pulls/{n}/requested_reviewers). */
  requestReviewers?(
    pull: number,
    users: readonly string[],
    teams: readonly string[],
  ): Promise<void>;
  /** The last rate-limit headers seen, if any. */
  readonly rateLimit: { readonly remaining: number; readonly resetAt: number } | undefined;
}

/** An API call that failed after the client's own retries. */
export class ApprovalApiError extends Error {
  constructor(
    message: string,
    /** HTTP status; undefined for network errors. */
    readonly status: number | undefined,
    /** What `retry-after` (or the rate-limit reset) asked for, in ms. */
    readonly retryAfterMs: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ApprovalApiError';
  }

  /** Worth another poll later: server errors, rate limits, network failures. */
  get transient(): boolean {
    return (
      this.status === undefined ||
      this.status >= 500 ||
      this.status === 429 ||
      (this.status === 403 && this.retryAfterMs !== undefined)
    );
  }
}
