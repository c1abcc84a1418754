/**
 * `approval: wait`: post one approval request (a PR comment on pull-request events, else an
 * issue assigned to the listed approvers), then poll until an authorized approver approves,
 * one denies, the timeout passes or the job is cancelled. Re-runs reuse the request of the
 * same digest or supersede older ones of the same workflow job; the request is edited to
 * show the outcome at the end (an issue is also closed). Any API failure that outlives the
 * client's retries and a few spaced polls ends in `error` — never in approved.
 *
 * Everything the loop touches is injected (clock, sleep, cancellation, API, log), so tests
 * run it against a loopback server with a fake clock.
 */
import { loginKey, sameLogin } from '../approval/login.js';
import type { ApprovalRecord } from '../evidence/types.js';
import type { ApprovalSettings } from '../policy/types.js';
import { escapeLogText } from '../report/escape.js';
import { judge, nextFact, parseApprovers } from '../approval/judge.js';
import { DEFAULT_POLL, budgetWait, nextPollDelay } from '../approval/poll-schedule.js';
import type { PollOptions } from '../approval/poll-schedule.js';
import {
  approverLabel,
  outcomeBanner,
  parseMarker,
  renderClosed,
  renderRequest,
  renderTitle,
} from '../approval/render-request.js';
import { digestPrefix, requestDigest } from '../approval/request-digest.js';
import { reachApprovers } from '../approval/reach.js';
import type { Reach } from '../approval/reach.js';
import { ApprovalApiError } from '../approval/types.js';
import type {
  Approval,
  ApprovalApi,
  ApproverFacts,
  ApproverSpec,
  Denial,
  Ignored,
  Judgement,
  ObservedComment,
  ObservedReview,
  PostedRequest,
  RequestSubject,
  RequestTarget,
} from '../approval/types.js';

export interface WaitLog {
  readonly info: (message: string) => void;
  readonly warning: (message: string) => void;
}

export interface WaitDeps {
  readonly api: ApprovalApi;
  readonly subject: RequestSubject;
  /** Workflow file of the job, e.g. `.github/workflows/agent.yml`. */
  readonly workflow: string;
  readonly runUrl?: string | undefined;
  readonly target: RequestTarget;
  readonly actor: string | undefined;
  /** The pull request's (or issue's) author: cannot approve either. */
  readonly author?: string | undefined;
  readonly triggeringActor: string | undefined;
  /** The policy's `approval:` section. */
  readonly approval: ApprovalSettings;
  /** Overrides `approval.timeoutMinutes` (an action input). */
  readonly timeoutMinutes?: number | undefined;
  /** CODEOWNERS owners of the workflow file: the approvers when the policy lists none. */
  readonly codeowners?: readonly string[] | undefined;
  readonly now: () => Date;
  /** Resolves after `ms`, or early (resolve or reject) when `signal` aborts. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Aborted when the job is cancelled. */
  readonly signal: AbortSignal;
  readonly log: WaitLog;
  readonly poll?: Partial<PollOptions>;
  /** Who posts requests with this token; only its requests are reused. */
  readonly requestAuthor?: string;
  /** Consecutive failed polls (after the client's retries) before giving up. */
  readonly maxFailures?: number;
}

export type WaitState = 'approved' | 'denied' | 'timed-out' | 'cancelled' | 'error';

export interface ApprovalOutcome {
  readonly state: WaitState;
  readonly approvedBy: readonly string[];
  readonly approvals: readonly Approval[];
  readonly denial: Denial | undefined;
  readonly url: string | undefined;
  /** `sha256:<hex>` */
  readonly digest: string;
  readonly requestedAt: string | undefined;
  readonly decidedAt: string;
  /** HTTP requests made by the wait (retries and 304s included). */
  readonly requests: number;
  readonly polls: number;
  readonly ignored: readonly Ignored[];
  /** One line for the log and the summary. */
  readonly message: string;
}

export const DEFAULT_REQUEST_AUTHOR = 'github-actions[bot]';
const MAX_IGNORED = 200;

export async function waitForApproval(deps: WaitDeps): Promise<ApprovalOutcome> {
  const { api, signal, log, target } = deps;
  const options: PollOptions = { ...DEFAULT_POLL, ...deps.poll };
  const maxFailures = deps.maxFailures ?? 3;
  const t0 = deps.now().getTime();
  const timeoutMinutes = deps.timeoutMinutes ?? deps.approval.timeoutMinutes;
  const deadline = t0 + timeoutMinutes * 60_000;
  const digest = requestDigest(deps.subject);
  const minApprovals = Math.max(1, deps.approval.minApprovals);
  const source = deps.approval.approvers === undefined ? 'codeowners' : 'policy';
  const { specs, skipped } = parseApprovers(deps.approval.approvers ?? deps.codeowners ?? []);
  if (skipped.length > 0)
    log.warning(
      `approvers that are not a login or org/team are skipped: ${clean(skipped.join(', '))}`,
    );

  const times: number[] = [];
  const facts = new Map<string, ApproverFacts>();
  let request: PostedRequest | undefined;
  let polls = 0;
  let last: Judgement | undefined;
  /** The review request on a pull request, in flight beside the polls (it never rejects). */
  let reviewsAsked: Promise<void> = Promise.resolve();

  /** Runs one API step and records when its requests were made. */
  const track = async <T>(step: () => Promise<T>): Promise<T> => {
    const before = api.requests;
    try {
      return await step();
    } finally {
      const at = deps.now().getTime();
      for (let i = before; i < api.requests; i++) times.push(at);
    }
  };

  const finish = async (state: WaitState, detail: string): Promise<ApprovalOutcome> => {
    await reviewsAsked;
    const decidedAt = deps.now().toISOString();
    const approvals = last?.approvals ?? [];
    if (request) {
      const banner = outcomeBanner(state, {
        by:
          state === 'approved'
            ? approvals.map((a) => a.login)
            : state === 'denied' && last?.denial
              ? [last.denial.login]
              : [],
        ...(state === 'denied' && last?.denial?.reason ? { reason: last.denial.reason } : {}),
        ...(state === 'error' ? { reason: detail } : {}),
        at: decidedAt,
      });
      try {
        await track(() =>
          api.updateRequest(
            request!,
            renderClosed(request!.body, banner),
            request!.kind === 'issue'
              ? { reason: state === 'approved' ? 'completed' : 'not_planned' }
              : undefined,
          ),
        );
      } catch (error) {
        log.warning(`could not update the approval request ${request.url}: ${message(error)}`);
      }
    }
    const approvedBy = state === 'approved' ? approvals.map((a) => a.login) : [];
    const outcome: ApprovalOutcome = {
      state,
      approvedBy,
      approvals: state === 'approved' ? approvals : [],
      denial: state === 'denied' ? last?.denial : undefined,
      url: request?.url,
      digest,
      requestedAt: request?.createdAt,
      decidedAt,
      requests: api.requests,
      polls,
      ignored: (last?.ignored ?? []).slice(0, MAX_IGNORED),
      message: detail,
    };
    if (state === 'approved') log.info(`approval ${state}: ${clean(detail)}`);
    else log.warning(`approval ${state}: ${clean(detail)}`);
    return outcome;
  };

  if (specs.length === 0)
    return finish(
      'error',
      source === 'codeowners'
        ? 'no approvers: the policy lists none (approval.approvers) and no CODEOWNERS rule names a user or team for the workflow'
        : 'no approvers: approval.approvers has no login or org/team',
    );
  if (specs.every((s) => s.kind === 'user') && specs.length < minApprovals)
    return finish(
      'error',
      `min-approvals is ${minApprovals} but only ${specs.length} approver(s) are listed`,
    );
  if (signal.aborted)
    return finish('cancelled', 'the job was cancelled before the request was posted');
  // Who can be reached and can count — said at the start, and a wait nobody can ever satisfy
  // ends here instead of at its timeout.
  const reach = await track(() => approversReach());
  for (const warning of reach.warnings) log.warning(clean(warning));
  if (reach.never) return finish('error', reach.never);

  try {
    request = await track(() => ensureRequest());
  } catch (error) {
    return finish('error', `could not post the approval request: ${message(error)}`);
  }
  log.info(
    `approval requested: ${request.url} (digest ${digestPrefix(digest)}, ${minApprovals} approval(s) from ${specs.map(approverLabel).join(', ')}, until ${new Date(deadline).toISOString()})`,
  );

  let quiet = 0;
  let failures = 0;
  let retryAfterMs: number | undefined;
  let perPoll = target.kind === 'pull-request' ? 2 : 1;
  let fingerprint = '';
  for (;;) {
    if (signal.aborted) return finish('cancelled', 'the job was cancelled');
    const posted = request;
    try {
      const before = api.requests;
      // A cancel does not wait for an in-flight poll (its retries could outlast the runner's
      // grace period before SIGTERM): the request is closed at once.
      const seen = await untilAborted(
        track(() => observe(posted)),
        signal,
      );
      perPoll = Math.max(1, api.requests - before);
      last = await track(() => decide(seen.reviews, seen.comments, posted));
      polls++;
      failures = 0;
      retryAfterMs = undefined;
      const print = seen.fingerprint;
      quiet = print === fingerprint ? quiet + 1 : 0;
      fingerprint = print;
    } catch (error) {
      if (signal.aborted) return finish('cancelled', 'the job was cancelled');
      const err = asApiError(error);
      failures++;
      if (!err.transient || failures > maxFailures)
        return finish(
          'error',
          `polling failed${failures > 1 ? ` ${failures} times in a row` : ''}: ${err.message}`,
        );
      retryAfterMs = err.retryAfterMs;
      log.warning(
        `poll failed (${failures}/${maxFailures}), trying again later: ${clean(err.message)}`,
      );
    }
    if (last?.state === 'approved')
      return finish(
        'approved',
        `approved by ${last.approvals.map((a) => `${a.login} (${a.how})`).join(', ')}`,
      );
    if (last?.state === 'denied' && last.denial)
      return finish(
        'denied',
        `denied by ${last.denial.login}${last.denial.reason ? `: ${last.denial.reason}` : ''}`,
      );

    const now = deps.now().getTime();
    if (now >= deadline)
      return finish(
        'timed-out',
        `no decision after ${timeoutMinutes} minute(s): ${last?.approvals.length ?? 0} of ${minApprovals} approval(s)`,
      );
    const recent = times.filter((t) => t > now - 3_600_000);
    times.splice(0, times.length, ...recent);
    let delay = nextPollDelay(
      {
        now,
        requestTimes: times,
        requestsPerPoll: perPoll,
        quietPolls: quiet,
        failures,
        retryAfterMs,
        rateLimit: api.rateLimit,
      },
      options,
    );
    if (now + delay > deadline) {
      // One last look at the deadline, if the budget allows it.
      const finalFits = budgetWait({ now: deadline, requestTimes: times }, perPoll, options) === 0;
      delay = deadline - now;
      if (!finalFits) {
        await sleepQuietly(deps, delay);
        if (signal.aborted) return finish('cancelled', 'the job was cancelled');
        return finish(
          'timed-out',
          `no decision after ${timeoutMinutes} minute(s): ${last?.approvals.length ?? 0} of ${minApprovals} approval(s)`,
        );
      }
    }
    await sleepQuietly(deps, delay);
  }

  async function ensureRequest(): Promise<PostedRequest> {
    const found = await api.findRequests(target);
    const mine = found.filter((r) => {
      const m = parseMarker(r.body);
      return (
        m !== undefined &&
        m.state === 'open' &&
        r.open &&
        m.job === deps.subject.job &&
        (m.workflow === undefined || m.workflow === deps.workflow)
      );
    });
    // A request found by its marker is reused when it is this token's and of this digest
    // (a restarted attempt); everything else of this workflow job is superseded below.
    const trusted = deps.requestAuthor ?? DEFAULT_REQUEST_AUTHOR;
    const reuse = mine.find(
      (r) => parseMarker(r.body)?.digest === digest && sameLogin(r.author?.login, trusted),
    );
    let posted: PostedRequest;
    if (reuse) {
      posted = reuse;
      log.info(`reusing the approval request ${reuse.url} of the same digest`);
    } else {
      const input = {
        subject: deps.subject,
        digest,
        workflow: deps.workflow,
        runUrl: deps.runUrl,
        target,
        approvers: specs,
        approversSource: source,
        minApprovals,
        deadline: new Date(deadline).toISOString(),
        actor: deps.actor,
        triggeringActor: deps.triggeringActor,
        mentions: reach.mentions,
      } as const;
      posted = await api.createRequest(target, {
        title: renderTitle(input),
        body: renderRequest(input),
        assignees: specs.flatMap((s) => (s.kind === 'user' ? [s.login] : [])),
      });
      // Not awaited here: a second write waits out the client's spacing of writes (1 s),
      // which must not delay the first look for an answer. `finish` awaits it.
      if (target.kind === 'pull-request') reviewsAsked = requestReviews(target.number);
    }
    // Earlier requests of this workflow job, posted with this token: they no longer wait.
    const self = posted.author?.login;
    for (const old of mine) {
      if (old.kind === posted.kind && old.id === posted.id) continue;
      if (!sameLogin(old.author?.login, self)) continue;
      const banner = outcomeBanner('superseded', {
        link: posted.url,
        at: deps.now().toISOString(),
      });
      try {
        await api.updateRequest(
          old,
          renderClosed(old.body, banner),
          old.kind === 'issue' ? { reason: 'not_planned' } : undefined,
        );
        log.info(`superseded the earlier approval request ${old.url}`);
      } catch (error) {
        log.warning(`could not supersede ${old.url}: ${message(error)}`);
      }
    }
    return posted;
  }

  async function approversReach(): Promise<Reach> {
    const teams = new Map<string, 'visible' | 'hidden'>();
    for (const spec of specs) {
      if (spec.kind !== 'team' || !api.teamVisibility) continue;
      const name = `${spec.org}/${spec.slug}`;
      try {
        teams.set(name.toLowerCase(), await api.teamVisibility(spec.org, spec.slug));
      } catch (error) {
        // Not an answer: membership is still checked for every approval that arrives.
        log.warning(`could not tell whether team ${name} is readable: ${message(error)}`);
      }
    }
    return reachApprovers({
      specs,
      teams,
      excluded: [deps.actor, deps.triggeringActor, deps.author],
      minApprovals,
      owner: deps.subject.repository.split('/')[0] ?? '',
    });
  }

  /** Asks the approvers for a review of the pull request; a refusal is logged, not fatal. */
  async function requestReviews(pull: number): Promise<void> {
    const users = reach.reviewers.filter((u) => u.toLowerCase() !== deps.author?.toLowerCase());
    if (!api.requestReviewers || users.length + reach.teamReviewers.length === 0) return;
    const who = [...users, ...reach.teamReviewers.map((t) => `team ${t}`)].join(', ');
    try {
      await api.requestReviewers(pull, users, reach.teamReviewers);
      log.info(`requested a review of pull request #${pull} from ${clean(who)}`);
    } catch (error) {
      log.warning(`could not request a review from ${clean(who)}: ${message(error)}`);
    }
  }

  async function observe(posted: PostedRequest): Promise<{
    reviews: ObservedReview[];
    comments: ObservedComment[];
    fingerprint: string;
  }> {
    const reviews = target.kind === 'pull-request' ? await api.listReviews(target.number) : [];
    // Comments updated since the request: everything that can count (and edits of older ones).
    const comments = await api.listComments(posted.thread, posted.createdAt);
    const fingerprint = [
      ...reviews.map((r) => `r${r.id}:${r.state}`),
      ...comments.map((c) => `c${c.id}:${c.updatedAt}`),
    ].join(',');
    return { reviews, comments, fingerprint };
  }

  async function decide(
    reviews: readonly ObservedReview[],
    comments: readonly ObservedComment[],
    posted: PostedRequest,
  ): Promise<Judgement> {
    const input = {
      request: {
        digest,
        createdAt: posted.createdAt,
        headSha: deps.subject.headSha,
        actor: deps.actor,
        triggeringActor: deps.triggeringActor,
        author: deps.author,
      },
      approvers: specs,
      minApprovals,
      facts,
      reviews,
      comments,
    };
    let judgement = judge(input);
    for (let round = 0; judgement.unresolved.length > 0 && round < 3; round++) {
      for (const login of judgement.unresolved) await resolve(login, specs);
      judgement = judge(input);
    }
    return judgement;
  }

  async function resolve(login: string, approvers: readonly ApproverSpec[]): Promise<void> {
    const key = loginKey(login) ?? login;
    let known: ApproverFacts = facts.get(key) ?? { permission: undefined, teams: {} };
    for (
      let need = nextFact(login, approvers, known);
      need;
      need = nextFact(login, approvers, known)
    ) {
      if (need.kind === 'team') {
        const state = await api.teamMembership(need.org, need.slug, login);
        known = {
          ...known,
          teams: { ...known.teams, [`${need.org}/${need.slug}`.toLowerCase()]: state },
        };
      } else {
        known = { ...known, permission: await api.permission(login) };
      }
      facts.set(key, known);
    }
  }
}

async function sleepQuietly(deps: WaitDeps, ms: number): Promise<void> {
  if (ms <= 0 || deps.signal.aborted) return;
  try {
    await deps.sleep(ms, deps.signal);
  } catch {
    // Aborted: the loop sees signal.aborted.
  }
}

/** The promise's result, or a rejection as soon as the signal aborts (the work goes on unobserved). */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(new Error('cancelled'));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error('cancelled'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** A real sleep that ends early when the signal aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export interface SignalSource {
  readonly on: (event: NodeJS.Signals, listener: () => void) => unknown;
  readonly off: (event: NodeJS.Signals, listener: () => void) => unknown;
  readonly kill: (pid: number, signal: NodeJS.Signals) => unknown;
  readonly pid: number;
}

/**
 * The runner signals the step's process when the job is cancelled (SIGINT, then SIGTERM):
 * the first signal aborts the returned signal, so the wait closes its request and returns
 * `cancelled`. A second signal restores the default handling and re-raises (exit).
 */
export function cancelOnSignals(
  proc: SignalSource = process,
  signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'],
): { readonly signal: AbortSignal; readonly dispose: () => void } {
  const controller = new AbortController();
  const handlers = new Map<NodeJS.Signals, () => void>();
  const dispose = (): void => {
    for (const [name, handler] of handlers) proc.off(name, handler);
    handlers.clear();
  };
  for (const name of signals) {
    const handler = (): void => {
      if (!controller.signal.aborted) {
        controller.abort(new Error(`received ${name}`));
        return;
      }
      dispose();
      proc.kill(proc.pid, name);
    };
    handlers.set(name, handler);
    proc.on(name, handler);
  }
  return { signal: controller.signal, dispose };
}

/** The step outputs `approved`, `approved-by`, `approval-url`. */
export function approvalOutputs(outcome: ApprovalOutcome): {
  approved: 'true' | 'false';
  'approved-by': string;
  'approval-url': string;
} {
  return {
    approved: outcome.state === 'approved' ? 'true' : 'false',
    'approved-by': outcome.approvedBy.join(','),
    'approval-url': outcome.url ?? '',
  };
}

/** The evidence pack's approval record of a wait. */
export function approvalRecord(outcome: ApprovalOutcome): ApprovalRecord {
  return {
    mode: 'wait',
    // An error never decided anything: the approval is still required.
    status: outcome.state === 'error' ? 'required' : outcome.state,
    requestDigest: outcome.digest,
    requestUrl: outcome.url,
    approvals: outcome.approvals.map((a) => ({
      login: a.login,
      at: a.at,
      how: a.how === 'review' ? 'pull request review' : 'approve command (comment)',
      digest: outcome.digest,
    })),
    ignored: outcome.ignored.map((i) => ({ login: i.login, why: i.why })),
    note: outcome.message,
  };
}

function asApiError(error: unknown): ApprovalApiError {
  if (error instanceof ApprovalApiError) return error;
  return new ApprovalApiError(message(error), undefined, undefined, { cause: error });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function clean(text: string): string {
  return escapeLogText(text);
}
