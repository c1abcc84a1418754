/**
 * Collects the repository files the inventory reads (CODEOWNERS, agent and MCP config) at a
 * commit, through the same git-then-API reader as the workflow. A file that cannot be read
 * is a warning in the snapshot; a repository that cannot be listed is an error (fail closed).
 */
import { MAX_REPO_FILE_BYTES, REPO_FILE_PATHS } from '../../engine/inventory/repo-snapshot.js';
import type { RepoSnapshot } from '../../engine/inventory/repo-snapshot.js';
import {
  SCRIPT_READ_ROUNDS,
  scriptFilesWanted,
  withScriptFiles,
} from '../../engine/inventory/scripts/job-scripts.js';
import type { Workflow } from '../../engine/workflow/model.js';
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

/**
 * The snapshot with the scripts the workflow's steps run (package.json, Makefiles, shell
 * scripts…) read at `ref`, level by level as the engine asks for them: one git call (or
 * one tree request) per level. Symlinks and oversized files are unread (opaque paths).
 */
export async function readScriptFilesAt(
  files: RepoFileReader,
  ref: string,
  repo: RepoSnapshot,
  workflow: Workflow,
): Promise<RepoSnapshot> {
  let current = repo;
  for (let round = 0; round < SCRIPT_READ_ROUNDS; round++) {
    const wanted = scriptFilesWanted(workflow, current);
    if (wanted.length === 0) break;
    const existing = new Map(
      (await files.existing(ref, wanted)).map((e) => [e.path, e.symlink] as const),
    );
    const found = new Map<string, string>();
    const absent: string[] = [];
    const unread: { path: string; warning: string }[] = [];
    for (const path of wanted) {
      const symlink = existing.get(path);
      if (symlink === undefined) {
        absent.push(path);
        continue;
      }
      if (symlink) {
        unread.push({ path, warning: `${path}: a symlink, not followed` });
        continue;
      }
      const file = await files.read(path, ref);
      if (!file) absent.push(path);
      else if (Buffer.byteLength(file.text) > MAX_REPO_FILE_BYTES)
        unread.push({ path, warning: `${path}: over the ${MAX_REPO_FILE_BYTES}-byte limit` });
      else found.set(path, file.text);
    }
    current = withScriptFiles(current, { found, absent, unread });
  }
  return current;
}
