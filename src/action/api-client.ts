/**
 * The API client of a step, created on first use: runs that never call the API never load
 * Octokit. Rate-limit waits are logged.
 */
import * as core from '@actions/core';
import { createClient } from '../github/client.js';
import type { GitHubClient } from '../github/client.js';

export function lazyClient(token: string, baseUrl: string): () => Promise<GitHubClient> {
  let client: Promise<GitHubClient> | undefined;
  return () => (client ??= createClient({ token, baseUrl, log: (m) => core.info(m) }));
}
