/**
 * Reads the protection of the decided jobs' environments through
 * `GET /repos/{owner}/{repo}/environments/{name}`, each request bounded by a timeout. A
 * failed lookup (no token, 403, 404, 5xx, timeout, an unknown shape) is recorded as
 * unreadable with the reason: the engine then keeps the decision it makes without it.
 */
import {
  environmentFromResponse,
  unreadableEnvironment,
} from '../context/environment-protection.js';
import type { EnvironmentFacts } from '../context/environment-protection.js';
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
      const api = await client();
      const response = await api.request(
        'GET /repos/{owner}/{repo}/environments/{environment_name}',
        {
          owner,
          repo,
          environment_name: name,
          // One retry at most: a lookup that keeps failing is answered "unreadable", quickly.
          request: { signal: AbortSignal.timeout(timeoutMs), retries: 1 },
        },
      );
      out[name] = environmentFromResponse(response.data, 'api', owner);
    } catch (cause) {
      out[name] = unreadableEnvironment(name, 'api', describeFailure(cause, timeoutMs));
    }
  }
  return out;
}

function describeFailure(cause: unknown, timeoutMs: number): string {
  const e = cause as { status?: unknown; name?: unknown; message?: unknown };
  if (
    e?.name === 'TimeoutError' ||
    e?.name === 'AbortError' ||
    /abort|timeout/i.test(String(e?.message))
  )
    return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  const status = typeof e?.status === 'number' ? `HTTP ${e.status}: ` : '';
  const message = typeof e?.message === 'string' ? e.message : String(cause);
  return `${status}${message}`.slice(0, 300);
}
