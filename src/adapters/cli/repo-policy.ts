/**
 * Which policy decides a repository on disk, the way the action decides it: `--policy` when
 * given, else the repository's own `.github/agent-gate.yml`, else the baseline preset. The
 * repository is found from the workflow file (never from the current directory), so
 * `evaluate` and `scan` read the same policy the action would.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPolicy, isPresetName } from '../../engine/policy/load-policy.js';
import type { Policy } from '../../engine/policy/types.js';
import { repoRootOf } from './fs-repo-snapshot.js';
import { fsPolicyReader } from './fs-policy-reader.js';
import { DEFAULT_POLICY_FILE } from '../../engine/policy/policy-file.js';

export { DEFAULT_POLICY_FILE };

/**
 * The repository a workflow file belongs to: two levels above `.github/workflows/`, else the
 * nearest ancestor holding `.git` or a `.github` directory; undefined outside any repository.
 */
export function findRepoRoot(workflowPath: string): string | undefined {
  const direct = repoRootOf(workflowPath);
  if (direct !== undefined) return direct;
  let dir = dirname(resolve(workflowPath));
  for (;;) {
    if (existsSync(join(dir, '.git')) || isDirectory(join(dir, '.github')))
      return relativeOrAbsolute(dir, workflowPath);
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface ResolvedPolicy {
  readonly policy: Policy;
  /** The policy file inside the repository (`modify-workflow` when a change touches it). */
  readonly repoFile: string | undefined;
}

/** Loads each policy once per run, however many repositories share it. */
export class PolicyResolver {
  private readonly cache = new Map<string, Promise<Policy>>();

  constructor(private readonly given: string | undefined) {}

  async forRoot(root: string | undefined): Promise<ResolvedPolicy> {
    if (this.given !== undefined) {
      const repoFile =
        isPresetName(this.given) || root === undefined ? undefined : insideRepo(root, this.given);
      return { policy: await this.load(this.given), repoFile };
    }
    if (root !== undefined) {
      const file = join(root, DEFAULT_POLICY_FILE);
      if (existsSync(file)) return { policy: await this.load(file), repoFile: DEFAULT_POLICY_FILE };
    }
    return { policy: await this.load('baseline'), repoFile: undefined };
  }

  private load(ref: string): Promise<Policy> {
    const key = isPresetName(ref) ? `preset:${ref}` : resolve(ref);
    let policy = this.cache.get(key);
    if (!policy) {
      policy = loadPolicy(ref, fsPolicyReader);
      this.cache.set(key, policy);
    }
    return policy;
  }
}

/** The root as an absolute `file://` URI ending in `/`. */
export function rootUri(root: string): string {
  const href = pathToFileURL(resolve(root)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** `file`'s path inside `root` with forward slashes, or undefined when it lies outside. */
export function insideRepo(root: string, file: string): string | undefined {
  const rel = relative(resolve(root), resolve(file));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Keeps a relative spelling when the workflow was named relatively (shorter reports). */
function relativeOrAbsolute(dir: string, workflowPath: string): string {
  if (isAbsolute(workflowPath)) return dir;
  return relative(process.cwd(), dir) || '.';
}
