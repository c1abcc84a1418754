/**
 * The API client of a step, created on first use: runs that never call the API never load
 * Octokit. Rate-limit waits are logged; each request and the rate-limit waits are bounded.
 */
import * as core from './runner-commands.js';
import { createClient } from '../github/client.js';
import type { GitHubClient } from '../github/client.js';
import type { Budgets } from './time-scale.js';

export function lazyClient(
  token: string,
  baseUrl: string,
  scale = 1,
  limits?: Budgets,
): () => Promise<GitHubClient> {
  let client: Promise<GitHubClient> | undefined;
  return () =>
    (client ??= createClient({
      token,
      baseUrl,
      log: (m) => core.info(m),
      timeScale: scale,
      ...(limits
        ? { requestTimeoutMs: limits.requestMs, maxRateLimitWaitMs: limits.rateLimitWaitMs }
        : {}),
    }));
}
