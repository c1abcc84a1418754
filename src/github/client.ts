/**
 * The REST client: Octokit from @actions/github with the retry and throttling plugins.
 * Loaded lazily — runs that never call the API never pay for importing it.
 */
import type { getOctokit as GetOctokit } from '@actions/github';

export type GitHubClient = ReturnType<typeof GetOctokit>;

export interface ClientOptions {
  readonly token: string;
  readonly baseUrl: string;
  /** Retries of a request after a rate limit or server error. */
  readonly retries?: number;
  readonly log?: (message: string) => void;
}

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
  /** Both limits: wait as GitHub says (retry-after / reset), a bounded number of times. */
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      count: number,
    ): boolean => {
      log(`${kind} on ${request.method} ${request.url}; retry ${count + 1} in ${retryAfter}s`);
      return count < retries;
    };
  return getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      retry: { retries },
      throttle: {
        onRateLimit: onLimit('rate limited'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
      },
    },
    retry,
    throttling,
  );
}
