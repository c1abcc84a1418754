/**
 * Finds the files `scan` looks at: `<dir>/.github/workflows/*.y{a,}ml` (top level only, as
 * GitHub does) and the repository's action files (`<dir>/action.y{a,}ml`,
 * `action.y{a,}ml` under `<dir>/.github/actions/`), evaluated like workflows; for a directory
 * without one, its own YAML files when it holds
 * workflows directly (like examples/) — action metadata files are never workflows; or a
 * file given directly. The rules are one function over a directory listing, so a repository
 * read through the API (`scan --github`, a git tree) is searched exactly as one on disk.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../engine/errors.js';
import type { FileError } from '../../engine/report/report.js';
import { findRepoRoot } from './repo-policy.js';

const ACTION_METADATA = /^action\.ya?ml$/i;

/** A read-only view of a directory tree: on disk, or a repository's git tree. */
export interface DirectoryListing {
  isDirectory(path: string): boolean;
  exists(path: string): boolean;
  /** The entries directly in `dir` (no links followed). */
  entries(dir: string): readonly { name: string; file: boolean; directory: boolean }[];
  join(dir: string, name: string): string;
}

export interface DiscoverOptions {
  /**
   * A directory without `.github/` may hold workflows directly (like examples/). A repository
   * read through the API never does: its root YAML files are not workflows.
   */
  readonly looseYaml: boolean;
}

export function discoverWorkflows(target: string): string[] {
  if (!existsSync(target)) throw new InputError(`${target}: no such file or directory`);
  if (statSync(target).isFile()) return [target];
  return discoverIn(diskListing, target, { looseYaml: true });
}

/** The workflow and action files of the repository at `target` in `listing`. */
export function discoverIn(
  listing: DirectoryListing,
  target: string,
  options: DiscoverOptions,
): string[] {
  const nested = listing.join(listing.join(target, '.github'), 'workflows');
  const actions = [
    ...yamlFiles(listing, target).filter((f) => ACTION_METADATA.test(basename(f))),
    ...actionFiles(listing, listing.join(listing.join(target, '.github'), 'actions'), 0),
  ];
  if (listing.isDirectory(nested)) return [...yamlFiles(listing, nested), ...actions];
  if (listing.exists(listing.join(target, '.github')) || !options.looseYaml) return actions;
  return [
    ...yamlFiles(listing, target).filter((f) => !ACTION_METADATA.test(basename(f))),
    ...actions,
  ];
}

const MAX_ACTION_DEPTH = 4;

/** `action.y{a,}ml` files under `dir` (a few levels deep; links not followed). */
function actionFiles(listing: DirectoryListing, dir: string, depth: number): string[] {
  if (depth > MAX_ACTION_DEPTH || !listing.isDirectory(dir)) return [];
  const entries = [...listing.entries(dir)].sort((a, b) => a.name.localeCompare(b.name));
  return [
    ...entries
      .filter((e) => e.file && ACTION_METADATA.test(e.name))
      .map((e) => listing.join(dir, e.name)),
    ...entries
      .filter((e) => e.directory)
      .flatMap((e) => actionFiles(listing, listing.join(dir, e.name), depth + 1)),
  ];
}

function yamlFiles(listing: DirectoryListing, dir: string): string[] {
  return listing
    .entries(dir)
    .filter((e) => e.file && /\.ya?ml$/i.test(e.name))
    .map((e) => listing.join(dir, e.name))
    .sort();
}

const diskListing: DirectoryListing = {
  isDirectory: (path) => existsSync(path) && statSync(path).isDirectory(),
  exists: (path) => existsSync(path),
  entries: (dir) =>
    readdirSync(dir, { withFileTypes: true }).map((e) => ({
      name: e.name,
      file: e.isFile(),
      directory: e.isDirectory(),
    })),
  join,
};

/** The files of each repository named (one entry per repository root). */
export interface ScanTarget {
  readonly root: string;
  readonly files: string[];
}

/**
 * Groups the workflow files of the named paths by repository; a path without any is
 * recorded as an error (and skipped).
 */
export function discoverTargets(dirs: readonly string[], errors: FileError[]): ScanTarget[] {
  const targets: ScanTarget[] = [];
  for (const dir of dirs) {
    const files = discoverWorkflows(dir);
    if (files.length === 0) {
      errors.push({
        path: dir,
        message: `${dir}: no workflow files (looked for .github/workflows/*.yml and YAML workflows directly in it; to scan several repositories, name each one)`,
      });
      continue;
    }
    const first = files[0] ?? dir;
    const root = findRepoRoot(first) ?? (files.length === 1 && first === dir ? dirname(dir) : dir);
    const same = targets.find((t) => t.root === root);
    if (same) same.files.push(...files.filter((f) => !same.files.includes(f)));
    else targets.push({ root, files });
  }
  return targets;
}
