/**
 * The owner of a workflow: the CODEOWNERS file GitHub would use (the first that exists of
 * its three locations) and its last rule matching the workflow's repository path.
 */
import { CODEOWNERS_LOCATIONS, ownersOf, parseCodeowners } from './codeowners.js';
import { displayPath } from './repo-snapshot.js';
import type { RepoSnapshot } from './repo-snapshot.js';
import type { Owner } from './types.js';

export function workflowOwner(
  repo: RepoSnapshot,
  repoPath: string | undefined,
): { owner: Owner | undefined; warnings: string[] } {
  const file = CODEOWNERS_LOCATIONS.find((f) => repo.files.has(f));
  if (!file || repoPath === undefined) return { owner: undefined, warnings: [] };
  const parsed = parseCodeowners(repo.files.get(file) ?? '', displayPath(repo, file));
  const match = ownersOf(parsed.rules, repoPath);
  return {
    owner:
      match && match.owners.length > 0
        ? { owners: match.owners, file, line: match.line }
        : undefined,
    warnings: parsed.warnings,
  };
}
