/**
 * Collects the repository files the inventory reads from a directory on disk, without
 * following symlinks that lead outside the repository and without reading oversized files.
 */
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { MAX_REPO_FILE_BYTES, REPO_FILE_PATHS } from '../inventory/repo-snapshot.js';
import type { RepoSnapshot } from '../inventory/repo-snapshot.js';

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
    const full = join(root, path);
    try {
      lstatSync(full);
      // Any component may be a link (`.claude` → /etc): resolve the whole path, then check.
      const target = realpathSync(full);
      const rel = relative(realRoot, target);
      if (rel.startsWith(`..${sep}`) || rel === '..' || rel.startsWith(sep)) {
        unread.push(path);
        warnings.push(`${path}: symlink to a file outside the repository, not followed`);
        continue;
      }
      const stat = lstatSync(target);
      const size = stat.size;
      if (!stat.isFile()) {
        unread.push(path);
        warnings.push(`${path}: not a regular file, not read`);
        continue;
      }
      if (size > MAX_REPO_FILE_BYTES) {
        unread.push(path);
        warnings.push(
          `${path}: ${size} bytes, over the ${MAX_REPO_FILE_BYTES}-byte limit, not read`,
        );
        continue;
      }
      files.set(path, readFileSync(target, 'utf8'));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      unread.push(path);
      warnings.push(`${path}: cannot read (${code ?? String(error)})`);
    }
  }
  return { files, warnings, unread, complete: true, root };
}

/** The repository root of a workflow file: two levels above `.github/workflows/`. */
export function repoRootOf(workflowPath: string): string | undefined {
  const parts = workflowPath.split(/[\\/]/);
  const i = parts.lastIndexOf('workflows');
  if (i >= 1 && parts[i - 1] === '.github') return parts.slice(0, i - 1).join(sep) || '.';
  return undefined;
}
