/** The approval clock's speed-up for test harnesses. */
/**
 * AGENT_GATE_TIME_SCALE, validated: an integer 1..3600, honoured only against a loopback API
 * (a test harness) — on a real runner it could only burn the repository's API budget.
 */
export function timeScale(value: string | undefined, apiUrl: string): number {
  if (value === undefined || value === '') return 1;
  const host = (() => {
    try {
      return new URL(apiUrl).hostname;
    } catch {
      return '';
    }
  })();
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host))
    throw new Error(
      `AGENT_GATE_TIME_SCALE is a testing knob and only works against a loopback API (GITHUB_API_URL is ${apiUrl})`,
    );
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 3600)
    throw new Error(`AGENT_GATE_TIME_SCALE must be a whole number from 1 to 3600 (got ${value})`);
  return n;
}

/**
 * How long the network may hold a step: one request, the main step's reading phase (policy,
 * workflow, pull request files, repository files, a record of approvals), the post step's
 * phase (outcome, check runs, signing, upload) and the upload alone. Divided by the time
 * scale, so a test against a loopback server that never answers ends in a fraction of it.
 */
export interface Budgets {
  readonly requestMs: number;
  readonly readPhaseMs: number;
  readonly postPhaseMs: number;
  readonly uploadMs: number;
  /** The longest total rate-limit wait GitHub may ask for (told time, not scaled). */
  readonly rateLimitWaitMs: number;
}

export function budgets(scale: number): Budgets {
  // Each has a floor: the time scale speeds up the approval clock in tests, and a loaded
  // test machine must not turn a slow loopback answer into a retry or a failed phase.
  const scaled = (ms: number, floor: number): number => Math.max(ms / scale, floor);
  return {
    requestMs: scaled(30_000, 2_000),
    readPhaseMs: scaled(5 * 60_000, 20_000),
    postPhaseMs: scaled(20 * 60_000, 20_000),
    uploadMs: scaled(5 * 60_000, 5_000),
    rateLimitWaitMs: 5 * 60_000,
  };
}

/**
 * The work, or an error naming `what` when it does not settle within `ms`. The abandoned
 * work may still hold a socket: the entries end the process once the step is decided.
 */
export async function withinBudget<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not finish within ${Math.round(ms / 100) / 10} s`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
