/**
 * Reading another repository at a commit through the REST API: a ref (tag, branch, short
 * SHA) resolved to its full commit SHA, and one file's text at a commit. Shared by the
 * action (remote actions and reusable workflows at run time) and the CLI (`agent-gate fetch`).
 * Each request carries its own timeout; an answer that is not what was asked for is an error.
 */
import type { GitHubClient } from './client.js';

export const FULL_SHA = /^[0-9a-f]{40}$/i;

/** The commit SHA a ref names (`GET /repos/{o}/{r}/commits/{ref}`, sha media type). */
export async function resolveCommitSha(
  client: GitHubClient,
  owner: string,
  repo: string,
  ref: string,
  timeoutMs: number,
): Promise<string> {
  if (FULL_SHA.test(ref)) return ref.toLowerCase();
  const { data } = await client.rest.repos.getCommit({
    owner,
    repo,
    ref,
    mediaType: { format: 'sha' },
    request: { signal: AbortSignal.timeout(timeoutMs) },
  });
  const sha = typeof data === 'string' ? (data as string).trim() : (data as { sha?: string }).sha;
  if (!sha || !FULL_SHA.test(sha)) throw new Error('the API did not return a commit SHA');
  return sha.toLowerCase();
}

export type FileAtCommit =
  | { readonly text: string }
  /** Why not: `no such file` for a 404, else the API's error in a sentence. */
  | { readonly missing: string; readonly status?: number };

/** One file's text at a commit (`GET /repos/{o}/{r}/contents/{path}?ref=sha`, raw). */
export async function readFileAtCommit(
  client: GitHubClient,
  owner: string,
  repo: string,
  path: string,
  sha: string,
  limits: { readonly timeoutMs: number; readonly maxBytes: number },
): Promise<FileAtCommit> {
  try {
    const response = await client.rest.repos.getContent({
      owner,
      repo,
      path,
      ref: sha,
      mediaType: { format: 'raw' },
      request: { signal: AbortSignal.timeout(limits.timeoutMs) },
    });
    const text = typeof response.data === 'string' ? response.data : undefined;
    if (text === undefined) return { missing: 'the contents API did not return a file' };
    if (Buffer.byteLength(text) > limits.maxBytes)
      return { missing: `over the ${limits.maxBytes}-byte limit` };
    return { text };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404) return { missing: 'no such file', status };
    return {
      missing: `cannot read through the API (${(error as Error).message})`,
      ...(typeof status === 'number' ? { status } : {}),
    };
  }
}
