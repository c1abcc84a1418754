/**
 * Collects the repository files the inventory reads from a directory on disk, without
 * following symlinks that lead outside the repository and without reading oversized files.
 */
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { MAX_REPO_FILE_BYTES, REPO_FILE_PATHS } from '../../engine/inventory/repo-snapshot.js';
import type { RepoSnapshot } from '../../engine/inventory/repo-snapshot.js';
import {
  SCRIPT_READ_ROUNDS,
  scriptFilesWanted,
  withScriptFiles,
} from '../../engine/inventory/scripts/job-scripts.js';
import type { Workflow } from '../../engine/workflow/model.js';

export function readRepoSnapshot(root: string): RepoSnapshot {
  const files = new Map<string, string>();
  const warnings: string[] = [];
  const unread: string[] = [];
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch (error) {
    return {
      files,
      root,
      warnings: [
        `${root}: cannot read the repository (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      ],
      complete: false,
    };
  }
  for (const path of REPO_FILE_PATHS) {
    const read = readRepoFile(root, realRoot, path);
    if (read.kind === 'found') files.set(path, read.text);
    else if (read.kind === 'unread') {
      unread.push(path);
      warnings.push(read.warning);
    }
  }
  return { files, warnings, unread, complete: true, root };
}

type FileRead =
  | { readonly kind: 'found'; readonly text: string }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unread'; readonly warning: string };

/** One repository file, not following links out of the repository, within the size limit. */
function readRepoFile(root: string, realRoot: string, path: string): FileRead {
  const full = join(root, path);
  try {
    lstatSync(full);
    // Any component may be a link (`.claude` → /etc): resolve the whole path, then check.
    const target = realpathSync(full);
    const rel = relative(realRoot, target);
    if (rel.startsWith(`..${sep}`) || rel === '..' || rel.startsWith(sep))
      return {
        kind: 'unread',
        warning: `${path}: symlink to a file outside the repository, not followed`,
      };
    const stat = lstatSync(target);
    if (!stat.isFile()) return { kind: 'unread', warning: `${path}: not a regular file, not read` };
    if (stat.size > MAX_REPO_FILE_BYTES)
      return {
        kind: 'unread',
        warning: `${path}: ${stat.size} bytes, over the ${MAX_REPO_FILE_BYTES}-byte limit, not read`,
      };
    return { kind: 'found', text: readFileSync(target, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'absent' };
    return { kind: 'unread', warning: `${path}: cannot read (${code ?? String(error)})` };
  }
}

/**
 * The snapshot with the scripts the workflow's steps run (package.json, Makefiles, shell
 * scripts…) read from disk, level by level, as the engine asks for them.
 */
export function readScriptFiles(repo: RepoSnapshot, workflow: Workflow): RepoSnapshot {
  let realRoot: string;
  try {
    realRoot = realpathSync(repo.root);
  } catch {
    return repo;
  }
  let current = repo;
  for (let round = 0; round < SCRIPT_READ_ROUNDS; round++) {
    const wanted = scriptFilesWanted(workflow, current);
    if (wanted.length === 0) break;
    const found = new Map<string, string>();
    const absent: string[] = [];
    const unread: { path: string; warning: string }[] = [];
    for (const path of wanted) {
      const read = readRepoFile(repo.root, realRoot, path);
      if (read.kind === 'found') found.set(path, read.text);
      else if (read.kind === 'absent') absent.push(path);
      else unread.push({ path, warning: read.warning });
    }
    current = withScriptFiles(current, { found, absent, unread });
  }
  return current;
}

/** The repository root of a workflow file: two levels above `.github/workflows/`. */
export function repoRootOf(workflowPath: string): string | undefined {
  const parts = workflowPath.split(/[\\/]/);
  const i = parts.lastIndexOf('workflows');
  if (i >= 1 && parts[i - 1] === '.github') return parts.slice(0, i - 1).join(sep) || '.';
  return undefined;
}
