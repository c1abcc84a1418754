/**
 * The REST client: Octokit from @actions/github with the retry and throttling plugins.
 * Loaded lazily — runs that never call the API never pay for importing it.
 *
 * Every request is bounded (no answer within `requestTimeoutMs` is an error, retried like a
 * server error), and rate limits are waited out as GitHub says — `retry-after`, else
 * `x-ratelimit-reset` when `x-ratelimit-remaining` is 0, else a minute for a secondary limit —
 * never longer in total than `maxRateLimitWaitMs`: a wait that would pass it fails now.
 */
import type { getOctokit as GetOctokit } from '@actions/github';

export type GitHubClient = ReturnType<typeof GetOctokit>;

export interface ClientOptions {
  readonly token: string;
  readonly baseUrl: string;
  /** Retries of a request after a rate limit or server error. */
  readonly retries?: number;
  /** Further statuses that are an answer, not a failure to retry (e.g. 409: an empty repository). */
  readonly doNotRetry?: readonly number[];
  readonly log?: (message: string) => void;
  /** Longest time one request may take, first byte to last (default 30 s). */
  readonly requestTimeoutMs?: number;
  /** Longest total rate-limit wait this client accepts (default 5 min): the phase budget. */
  readonly maxRateLimitWaitMs?: number;
  /** AGENT_GATE_TIME_SCALE: told waits and retry back-off pass this many times faster. */
  readonly timeScale?: number;
  /** How to wait (tests give a fake clock); default setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 5 * 60_000;
/** A secondary rate limit without `retry-after`: GitHub asks for at least a minute. */
const SECONDARY_FALLBACK_S = 60;

export async function createClient(options: ClientOptions): Promise<GitHubClient> {
  if (!options.token)
    throw new Error('no API token: set the `token` input (it defaults to github.token)');
  const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
    import('@actions/github'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling'),
  ]);
  const retries = options.retries ?? 3;
  const log = options.log ?? (() => undefined);
  const scale = options.timeScale ?? 1;
  const timeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const octokit = getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      request: { fetch: boundedFetch(timeout) },
      // 429 is ours (below); the retry plugin keeps server errors and timeouts.
      retry: {
        retries,
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451, ...(options.doNotRetry ?? [])],
        retryAfterBaseValue: 1000 / scale,
      },
      // The throttling plugin paces requests; rate-limit errors are waited out below, once.
      throttle: { onRateLimit: () => false, onSecondaryRateLimit: () => false },
    },
    retry,
    throttling,
  );
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  let budget = options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS;
  octokit.hook.wrap('request', async (request, endpoint) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(endpoint);
      } catch (error) {
        const wait = rateLimitWait(error, now());
        if (!wait || attempt >= retries) throw error;
        const what = `${endpoint.method} ${endpoint.url}`;
        if (wait.seconds * 1000 > budget) {
          (error as Error).message =
            `${wait.kind} on ${what}: GitHub asks to wait ${wait.seconds} s, more than the ${Math.round(budget / 1000)} s left to wait in this step (${(error as Error).message})`;
          throw error;
        }
        budget -= wait.seconds * 1000;
        log(`${wait.kind} on ${what}; retry ${attempt + 1} in ${wait.seconds}s`);
        await sleep((wait.seconds * 1000) / scale);
      }
    }
  });
  return octokit;
}

/** How long a rate-limited answer asks to wait; undefined when it is not a rate limit. */
export function rateLimitWait(
  error: unknown,
  nowMs: number,
): { readonly kind: string; readonly seconds: number } | undefined {
  const e = error as {
    status?: unknown;
    message?: unknown;
    response?: { headers?: Record<string, unknown> };
  };
  if (e === null || typeof e !== 'object' || (e.status !== 403 && e.status !== 429))
    return undefined;
  const headers = e.response?.headers ?? {};
  const secondary = typeof e.message === 'string' && /\bsecondary rate\b/i.test(e.message);
  const kind = secondary ? 'secondary rate limit' : 'rate limited';
  const after = retryAfterSeconds(headers['retry-after'], nowMs);
  if (after !== undefined) return { kind, seconds: after };
  if (String(headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(headers['x-ratelimit-reset']);
    if (Number.isFinite(reset))
      return { kind, seconds: Math.max(0, Math.ceil(reset - nowMs / 1000)) + 1 };
  }
  if (secondary) return { kind, seconds: SECONDARY_FALLBACK_S };
  // A 429 says "too many requests" even without a header: back off as for a secondary limit.
  if (e.status === 429) return { kind, seconds: SECONDARY_FALLBACK_S };
  return undefined;
}

/** `retry-after`: whole seconds, or an HTTP date. */
function retryAfterSeconds(value: unknown, nowMs: number): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  if (/^\d{1,9}$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, Math.ceil((at - nowMs) / 1000)) : undefined;
}

/** fetch with a bound on each request (the caller's own abort signal still applies). */
function boundedFetch(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const limit = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, limit]) : limit;
    try {
      return await fetch(input, { ...init, signal });
    } catch (error) {
      if (limit.aborted && !init?.signal?.aborted)
        throw new Error(`no answer within ${seconds(timeoutMs)} (${requestName(input, init)})`, {
          cause: error,
        });
      throw error;
    }
  };
}

function requestName(input: Parameters<typeof fetch>[0], init: RequestInit | undefined): string {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return `${init?.method ?? 'GET'} ${url.replace(/\?.*$/, '')}`;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
