/**
 * What a pull request changes that matters to the gate: who wrote it (human, bot or
 * agent), files that change CI itself, and dependencies it adds. Built only when the run
 * knows the changed files; a manifest without a diff is "unknown", never "nothing new".
 */
import type { RunContext } from '../context/run-context.js';
import { AGENT_BOT_LOGINS } from './agent-catalog.js';
import { sensitiveChanges } from './changed-files.js';
import { dependencyChanges } from './dependency-changes.js';
import type { ChangeAnalysis } from './types.js';

export function analyseChange(context: RunContext): ChangeAnalysis | undefined {
  if (!context.changedFiles) return undefined;
  const files =
    context.changedFilePatches ??
    context.changedFiles.map((filename) => ({ filename, status: 'modified', patch: undefined }));
  const deps = dependencyChanges(files);
  const author = context.pullRequest?.author;
  return {
    author,
    authorKind: authorKind(author, context.pullRequest?.authorType),
    sensitive: sensitiveChanges(context.changedFiles, context.policyFile, context.policyFiles),
    newDependencies: deps.added,
    unknownDependencies: deps.unknown,
  };
}

function authorKind(
  login: string | undefined,
  type: string | undefined,
): ChangeAnalysis['authorKind'] {
  if (!login) return 'unknown';
  const normal = login.toLowerCase();
  // GraphQL drops the [bot] suffix; the catalog lists logins with it.
  if (AGENT_BOT_LOGINS.has(normal) || AGENT_BOT_LOGINS.has(`${normal}[bot]`)) return 'agent';
  if (type === 'Bot' || normal.endsWith('[bot]')) return 'bot';
  return 'human';
}
