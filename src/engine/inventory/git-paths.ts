/**
 * What a write-branch action path does to git, read from the details the command classifier
 * gives it (command-table.ts, commands.ts: "merges a pull request", "pushes to …"): whether
 * it merges a pull request, and whether it pushes to the default branch (`main` / `master`).
 */
import type { ActionPath } from './types.js';

const PUSHES = /\b(?:pushes|force-pushes|writes a file|creates or moves|merges into)\b/;
const DEFAULT_BRANCH = /(?:^|\/)(?:main|master)$/;
const MERGES_PR = /\bmerges a pull request\b/;

export function mergesPullRequest(p: ActionPath): boolean {
  return p.class === 'write-branch' && MERGES_PR.test(p.reason);
}

export function pushesToDefault(paths: readonly ActionPath[]): ActionPath[] {
  return paths.filter(
    (p) =>
      p.class === 'write-branch' &&
      p.target !== undefined &&
      DEFAULT_BRANCH.test(p.target) &&
      PUSHES.test(p.reason),
  );
}
