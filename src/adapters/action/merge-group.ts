/**
 * Merge queue runs (`merge_group`): the queued commit contains the change being merged, so
 * the policy is read at the merge group's base (`merge_group.base_sha`, the target branch
 * as it is), and what the group changes — base…head, through the compare API — is analysed
 * like a pull request's changed files. A payload without both SHAs, a comparison that fails
 * or one the API cuts short is an error: the gate never assumes "nothing changed".
 */
import type { ChangedFile } from '../../engine/context/run-context.js';
import { InputError } from '../../engine/errors.js';
import type { GitHubClient } from '../github/client.js';

export interface MergeGroup {
  readonly baseSha: string;
  readonly headSha: string;
  readonly headRef: string | undefined;
}

/** The compare API lists at most this many files, with no way to page past them. */
export const COMPARE_FILE_LIMIT = 300;
const SHA = /^[0-9a-f]{40}$/i;

export function mergeGroupOf(payload: unknown): MergeGroup {
  const group = (payload as { merge_group?: Record<string, unknown> } | null)?.merge_group;
  const baseSha = group?.base_sha;
  const headSha = group?.head_sha;
  if (typeof baseSha !== 'string' || !SHA.test(baseSha))
    throw new InputError(
      'merge_group event without merge_group.base_sha: cannot read the policy from the base commit',
    );
  if (typeof headSha !== 'string' || !SHA.test(headSha))
    throw new InputError(
      'merge_group event without merge_group.head_sha: cannot list what the merge group changes',
    );
  const headRef = typeof group?.head_ref === 'string' ? group.head_ref : undefined;
  return { baseSha, headSha, headRef };
}

export async function listMergeGroupFiles(
  client: GitHubClient,
  owner: string,
  repo: string,
  group: MergeGroup,
): Promise<ChangedFile[]> {
  const range = `${group.baseSha.slice(0, 12)}…${group.headSha.slice(0, 12)}`;
  let files: readonly {
    filename: string;
    status: string;
    previous_filename?: string;
    patch?: string;
  }[];
  try {
    const { data } = await client.rest.repos.compareCommitsWithBasehead({
      owner,
      repo,
      basehead: `${group.baseSha}...${group.headSha}`,
    });
    if (!Array.isArray(data.files))
      throw new Error('the comparison lists no files (GitHub leaves them out of very large diffs)');
    files = data.files;
  } catch (cause) {
    throw new InputError(
      `cannot list what merge group ${range} changes: ${(cause as Error).message}`,
      { cause },
    );
  }
  if (files.length >= COMPARE_FILE_LIMIT)
    throw new InputError(
      `merge group ${range} changes ${files.length} or more files; the compare API lists at most ${COMPARE_FILE_LIMIT}, so the changes cannot all be seen; a smaller merge group size keeps each comparison within the limit`,
    );
  return files.map((f) => ({
    filename: f.filename,
    status: f.status,
    previousFilename: f.previous_filename,
    patch: f.patch,
  }));
}
