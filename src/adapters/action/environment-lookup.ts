/**
 * Reads the protection of the decided jobs' environments through
 * `GET /repos/{owner}/{repo}/environments/{name}`, each request bounded by a timeout. A 404
 * means the environment does not exist yet (GitHub creates it unprotected when the job runs):
 * it is recorded as read and unprotected, with that note. A failed lookup (no token, 403,
 * 5xx, timeout, an unknown shape) is recorded as unreadable with the reason: the engine then
 * keeps the decision it makes without it.
 */
import {
  absentEnvironment,
  environmentFromResponse,
  unreadableEnvironment,
} from '../../engine/context/environment-protection.js';
import type { EnvironmentFacts } from '../../engine/context/environment-protection.js';
import type { GitHubClient } from '../github/client.js';

/** Per request; the lookup must never hold the job. */
export const ENVIRONMENT_TIMEOUT_MS = 10_000;

export async function readEnvironments(
  client: () => Promise<GitHubClient>,
  owner: string,
  repo: string,
  names: readonly string[],
  timeoutMs = ENVIRONMENT_TIMEOUT_MS,
): Promise<Record<string, EnvironmentFacts>> {
  const out: Record<string, EnvironmentFacts> = {};
  for (const name of [...new Set(names)]) {
    try {
      out[name] = environmentFromResponse(
        await fetchOnce(client, owner, repo, name, timeoutMs),
        'api',
        owner,
      );
    } catch (cause) {
      // 404: no such environment yet — GitHub creates it unprotected when the job runs.
      out[name] =
        (cause as { status?: unknown }).status === 404
          ? absentEnvironment(name, 'api')
          : unreadableEnvironment(name, 'api', describeFailure(cause));
    }
  }
  return out;
}

/** One GET; a server error (5xx) is asked once more, anything else is the answer. */
async function fetchOnce(
  client: () => Promise<GitHubClient>,
  owner: string,
  repo: string,
  name: string,
  timeoutMs: number,
): Promise<unknown> {
  const api = await client();
  const get = async (): Promise<unknown> => {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await api.request(
        'GET /repos/{owner}/{repo}/environments/{environment_name}',
        {
          owner,
          repo,
          environment_name: name,
          // The client's own retries back off for seconds; this lookup must stay quick.
          request: { signal, retries: 0 },
        },
      );
      return response.data;
    } catch (cause) {
      if (signal.aborted) throw new LookupTimeout(timeoutMs);
      throw cause;
    }
  };
  try {
    return await get();
  } catch (cause) {
    const status = (cause as { status?: unknown }).status;
    if (!(cause instanceof LookupTimeout) && typeof status === 'number' && status >= 500)
      return await get();
    throw cause;
  }
}

/** The request got no answer in time (never retried: that would only double the wait). */
class LookupTimeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms)} ms`}`);
  }
}

function describeFailure(cause: unknown): string {
  if (cause instanceof LookupTimeout) return cause.message;
  const e = cause as { status?: unknown; message?: unknown };
  const status = typeof e?.status === 'number' ? `HTTP ${e.status}: ` : '';
  const message = typeof e?.message === 'string' ? e.message : String(cause);
  return `${status}${message}`.slice(0, 300);
}
