/**
 * Finds the files `scan` looks at: `<dir>/.github/workflows/*.y{a,}ml` (top level only, as
 * GitHub does) and the repository's action files (`<dir>/action.y{a,}ml`,
 * `action.y{a,}ml` under `<dir>/.github/actions/`), evaluated like workflows; for a directory
 * without one, its own YAML files when it holds
 * workflows directly (like examples/) — action metadata files are never workflows; or a
 * file given directly.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import type { FileError } from '../report/report.js';
import { findRepoRoot } from './repo-policy.js';

const ACTION_METADATA = /^action\.ya?ml$/i;

export function discoverWorkflows(target: string): string[] {
  if (!existsSync(target)) throw new InputError(`${target}: no such file or directory`);
  if (statSync(target).isFile()) return [target];
  const nested = join(target, '.github', 'workflows');
  const actions = [
    ...yamlFiles(target).filter((f) => ACTION_METADATA.test(basename(f))),
    ...actionFiles(join(target, '.github', 'actions'), 0),
  ];
  if (existsSync(nested) && statSync(nested).isDirectory())
    return [...yamlFiles(nested), ...actions];
  if (existsSync(join(target, '.github'))) return actions;
  return [...yamlFiles(target).filter((f) => !ACTION_METADATA.test(basename(f))), ...actions];
}

const MAX_ACTION_DEPTH = 4;

/** `action.y{a,}ml` files under `dir` (a few levels deep; links not followed). */
function actionFiles(dir: string, depth: number): string[] {
  if (depth > MAX_ACTION_DEPTH || !existsSync(dir) || !statSync(dir).isDirectory()) return [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  return [
    ...entries
      .filter((e) => e.isFile() && ACTION_METADATA.test(e.name))
      .map((e) => join(dir, e.name)),
    ...entries
      .filter((e) => e.isDirectory())
      .flatMap((e) => actionFiles(join(dir, e.name), depth + 1)),
  ];
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
    .map((e) => join(dir, e.name))
    .sort();
}

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
