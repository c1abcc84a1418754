/**
 * How long to wait before the next poll. The GITHUB_TOKEN has 1,000 requests per hour per
 * repository, shared by every workflow of the repository, so a wait may spend at most
 * `budgetPerHour` (120) of them in any hour, counting every request: polls, pages, retries,
 * 304s, membership and permission checks, and posting the request.
 *
 * - Start fast (15 s: an approver who is already looking gets a quick answer), then back
 *   off by 1.5× per quiet poll up to a steady interval that spends `steadyShare` of the
 *   budget (2 requests per poll → 75 s).
 * - A sliding one-hour window over the real request times is the hard cap: the next poll
 *   waits until it fits in the budget, whatever happened before.
 * - `retry-after`, an exhausted primary rate limit and failed polls push the next poll out.
 */

export interface PollOptions {
  readonly initialMs: number;
  readonly factor: number;
  readonly maxMs: number;
  readonly budgetPerHour: number;
  /** Share of the budget the steady interval spends; the rest is headroom. */
  readonly steadyShare: number;
  /** Below this many remaining primary requests, wait for the reset. */
  readonly rateLimitReserve: number;
  /** First wait after a failed poll; doubles per consecutive failure. */
  readonly failureMs: number;
}

export const DEFAULT_POLL: PollOptions = {
  initialMs: 15_000,
  factor: 1.5,
  maxMs: 5 * 60_000,
  budgetPerHour: 120,
  steadyShare: 0.8,
  rateLimitReserve: 50,
  failureMs: 30_000,
};

const HOUR = 3_600_000;

export interface PollInput {
  /** ms since the epoch */
  readonly now: number;
  /** When each request of this wait was made (ms), oldest first. */
  readonly requestTimes: readonly number[];
  /** Requests the next poll is expected to make (those of the last one). */
  readonly requestsPerPoll: number;
  /** Consecutive polls that saw nothing new. */
  readonly quietPolls: number;
  /** Consecutive polls that failed. */
  readonly failures: number;
  readonly retryAfterMs?: number | undefined;
  readonly rateLimit?: { readonly remaining: number; readonly resetAt: number } | undefined;
}

/** The interval a long quiet wait settles at for this many requests per poll. */
export function steadyIntervalMs(requestsPerPoll: number, options = DEFAULT_POLL): number {
  const spend =
    (Math.max(1, requestsPerPoll) * HOUR) / (options.budgetPerHour * options.steadyShare);
  return Math.min(options.maxMs, Math.max(options.initialMs, Math.ceil(spend)));
}

export function nextPollDelay(input: PollInput, options = DEFAULT_POLL): number {
  const perPoll = Math.max(1, input.requestsPerPoll);
  const steady = steadyIntervalMs(perPoll, options);
  let delay = Math.min(steady, options.initialMs * options.factor ** Math.max(0, input.quietPolls));
  if (input.failures > 0)
    delay = Math.max(delay, Math.min(options.maxMs, options.failureMs * 2 ** (input.failures - 1)));
  if (input.retryAfterMs !== undefined) delay = Math.max(delay, input.retryAfterMs);
  if (input.rateLimit && input.rateLimit.remaining <= options.rateLimitReserve)
    delay = Math.max(delay, input.rateLimit.resetAt - input.now + 1_000);
  return Math.ceil(Math.max(delay, budgetWait(input, perPoll, options)));
}

/**
 * The wait until `perPoll` more requests fit in the last hour: the oldest requests must
 * have left the window (now + wait − 1 h, now + wait].
 */
export function budgetWait(
  input: Pick<PollInput, 'now' | 'requestTimes'>,
  perPoll: number,
  options = DEFAULT_POLL,
): number {
  const times = [...input.requestTimes].sort((a, b) => a - b);
  const excess = times.length + perPoll - options.budgetPerHour;
  if (excess <= 0) return 0;
  const mustLeave = times[excess - 1];
  return mustLeave === undefined ? 0 : Math.max(0, mustLeave + HOUR - input.now + 1);
}
