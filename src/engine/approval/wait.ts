/**
 * `approval: wait`: post one approval request (a PR comment on pull-request events, else an
 * issue assigned to the listed approvers), then poll until an authorized approver approves,
 * one denies, the timeout passes or the job is cancelled. Re-runs reuse the request of the
 * same digest or supersede older ones of the same workflow job; the request is edited to
 * show the outcome at the end (an issue is also closed). Any API failure that outlives the
 * client's retries and a few spaced polls ends in `error` — never in approved.
 *
 * Everything the loop touches is injected (wait-types.ts): clock, sleep, cancellation, API,
 * log; the action adapter (src/adapters/action/approval-wait.ts) gives the real ones, tests fakes.
 */
import { parseApprovers } from './judge.js';
import { DEFAULT_POLL, budgetWait, nextPollDelay, type PollOptions } from './poll-schedule.js';
import { approverLabel, outcomeBanner, renderClosed } from './render-request.js';
import { digestPrefix, requestDigest } from './request-digest.js';
import {
  ApprovalApiError,
  type ApproverFacts,
  type Judgement,
  type PostedRequest,
} from './types.js';
import { approversReach, decide, ensureRequest, observe, type WaitContext } from './wait-steps.js';
import type { ApprovalOutcome, WaitDeps, WaitState } from './wait-types.js';
import { escapeLogText } from '../escape.js';

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
  const ctx: WaitContext = {
    deps,
    digest,
    specs,
    source,
    minApprovals,
    deadline,
    facts: new Map<string, ApproverFacts>(),
  };
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
  const reach = await track(() => approversReach(ctx));
  for (const warning of reach.warnings) log.warning(clean(warning));
  if (reach.never) return finish('error', reach.never);

  try {
    const ensured = await track(() => ensureRequest(ctx, reach));
    request = ensured.posted;
    if (ensured.reviewsAsked) reviewsAsked = ensured.reviewsAsked;
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
        track(() => observe(ctx, posted)),
        signal,
      );
      perPoll = Math.max(1, api.requests - before);
      last = await track(() => decide(ctx, seen.reviews, seen.comments, posted));
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
