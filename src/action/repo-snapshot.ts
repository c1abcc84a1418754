/**
 * Collects the repository files the inventory reads (CODEOWNERS, agent and MCP config) at a
 * commit, through the same git-then-API reader as the workflow. A file that cannot be read
 * is a warning in the snapshot; a repository that cannot be listed is an error (fail closed).
 */
import { MAX_REPO_FILE_BYTES, REPO_FILE_PATHS } from '../inventory/repo-snapshot.js';
import type { RepoSnapshot } from '../inventory/repo-snapshot.js';
import type { RepoFileReader } from './repo-files.js';

export async function readRepoSnapshotAt(
  files: RepoFileReader,
  ref: string,
): Promise<RepoSnapshot> {
  const found = new Map<string, string>();
  const warnings: string[] = [];
  const unread: string[] = [];
  for (const { path, symlink } of await files.existing(ref, REPO_FILE_PATHS)) {
    if (symlink) {
      unread.push(path);
      warnings.push(`${path}: a symlink, not followed`);
      continue;
    }
    const file = await files.read(path, ref);
    if (!file) continue;
    if (Buffer.byteLength(file.text) > MAX_REPO_FILE_BYTES) {
      unread.push(path);
      warnings.push(`${path}: over the ${MAX_REPO_FILE_BYTES}-byte limit, not read`);
      continue;
    }
    found.set(path, file.text);
  }
  return { files: found, warnings, unread, complete: true, root: '' };
}
