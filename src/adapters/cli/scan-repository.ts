/**
 * One repository of a directory scan, decided: its policy, its snapshot, each workflow read,
 * parsed once and evaluated (each trigger). The unit of work the scan loop hands out — run in
 * this thread or in a worker of the pool (scan-pool.ts); either way the result is plain data
 * and the loop consumes results in the scan's order, so the report is the same bytes.
 */
import { InputError, describeError, fileErrorOf, normalizeError } from '../../engine/errors.js';
import type { EnvironmentFacts } from '../../engine/context/environment-protection.js';
import { evaluateEachTrigger } from '../../engine/evaluate-triggers.js';
import type { Evaluation } from '../../engine/evaluate.js';
import { gatherActionFiles } from '../../engine/inventory/resolve/action-files.js';
import type { ParsedFile } from '../../engine/inventory/resolve/action-files.js';
import { policyFilesRead } from '../../engine/policy/load-policy.js';
import type { FileError, RepositoryScope } from '../../engine/report/report.js';
import type { Rule } from '../../engine/rules/types.js';
import { parseWorkflowOrAction } from '../../engine/workflow/action-file.js';
import type { Command } from './args.js';
import { scanContext } from './event-context.js';
import type { FetchSession } from './fetch-session.js';
import { diskFileReader } from './fs-action-files.js';
import { readTextFile } from './fs-policy-reader.js';
import { readRepoSnapshot, readScriptFiles, repoRootOf } from './fs-repo-snapshot.js';
import { repositoryIdentity } from './repo-identity.js';
import type { PolicyResolver } from './repo-policy.js';
import { insideRepo, rootUri } from './repo-policy.js';

type ScanArgs = Extract<Command, { name: 'scan' }>;

/** A repository to scan: its root and its workflow / action files (discover.ts). */
export interface ScanTarget {
  readonly root: string;
  readonly files: readonly string[];
}

/** What every repository of one scan shares. */
export interface RepositoryScanContext {
  readonly command: ScanArgs;
  readonly resolver: PolicyResolver;
  readonly environments: Readonly<Record<string, EnvironmentFacts>> | undefined;
  /** `--fetch`: the REST session (this thread only); undefined: offline. */
  readonly session?: FetchSession;
  /** One instant for the whole scan: every workflow is judged at the same time. */
  readonly now: Date;
  readonly rules?: readonly Rule<unknown>[];
}

/** A repository's part of the report, in the order the single-thread scan produced it. */
export interface RepositoryResult {
  readonly evaluations: readonly Evaluation[];
  readonly errors: readonly FileError[];
  /** Undefined when the repository could not be scanned at all (its error says why). */
  readonly scope: Omit<RepositoryScope, 'category'> | undefined;
}

export async function scanRepository(
  target: ScanTarget,
  ctx: RepositoryScanContext,
  tick: (file: string) => void = () => undefined,
): Promise<RepositoryResult> {
  const { command } = ctx;
  const unscanned = (thrown: unknown): RepositoryResult => {
    for (const file of target.files) tick(file);
    return { evaluations: [], errors: [repositoryError(target.root, thrown)], scope: undefined };
  };
  // A repository whose policy cannot be loaded is an error of that repository; the scan
  // goes on with the others (and exits 2).
  let resolvedPolicy: Awaited<ReturnType<PolicyResolver['forRoot']>>;
  try {
    resolvedPolicy = await ctx.resolver.forRoot(target.root);
  } catch (thrown) {
    return unscanned(thrown);
  }
  const { policy, repoFile } = resolvedPolicy;
  const context = scanContext({
    policy,
    policyFile: repoFile,
    defaultPermissions: command.defaultPermissions,
    repository: command.options.repository ?? repositoryIdentity(target.root),
    environments: ctx.environments,
    policyFiles: repoRelative(target.root, policyFilesRead(policy)),
  });
  // One repository snapshot per scanned repository, shared by its workflows.
  const snapshotRoot = repoRootOf(target.files[0] ?? '');
  let repo: ReturnType<typeof readRepoSnapshot> | undefined;
  try {
    repo = snapshotRoot === undefined ? undefined : readRepoSnapshot(snapshotRoot);
  } catch (thrown) {
    return unscanned(thrown);
  }
  const evaluations: Evaluation[] = [];
  const errors: FileError[] = [];
  const workflows: RepositoryScope['workflows'][number][] = [];
  const resolved = new Map<string, string>();
  const reader =
    ctx.session?.reader(target.root, resolved) ??
    diskFileReader({ root: target.root, cacheDir: command.options.actionsCache, resolved });
  const parsedFiles = new Map<string, ParsedFile>();
  // Each file parsed once, up front: a `workflow_run` trigger is judged by the events of the
  // repository's other workflows (by name and path).
  type Read =
    | { file: string; text: string; parsed: ReturnType<typeof parseWorkflowOrAction> }
    | { file: string; thrown: unknown };
  const read = target.files.map((file): Read => {
    try {
      const text = readTextFile(file);
      return { file, text, parsed: parseWorkflowOrAction(file, text) };
    } catch (thrown) {
      return { file, thrown };
    }
  });
  const workflowEvents: Record<string, readonly string[]> = {};
  for (const r of read) {
    if (!('parsed' in r) || !('jobs' in r.parsed)) continue;
    const events = [...new Set(r.parsed.triggers.map((t) => t.event))];
    const repoPath = insideRepo(target.root, r.file) ?? r.file;
    workflowEvents[repoPath] = events;
    if (r.parsed.name !== undefined) workflowEvents[r.parsed.name] = events;
  }
  const repoContext = { ...context, workflowEvents };
  for (const r of read) {
    const file = r.file;
    tick(file);
    const repoPath = insideRepo(target.root, file) ?? file;
    workflows.push({ path: file, repoPath });
    try {
      if (!('parsed' in r)) throw r.thrown;
      const { text, parsed } = r;
      const actionFiles = await gatherActionFiles([parsed], reader, resolved, parsedFiles);
      ctx.session?.noteUses(parsed, actionFiles);
      // The scripts its steps run, read once per repository as workflows ask for them.
      if (repo) repo = readScriptFiles(repo, parsed);
      evaluations.push(
        ...evaluateEachTrigger(
          {
            path: file,
            text,
            parsed,
            actionFiles,
            policy,
            context: repoContext,
            now: ctx.now,
            rules: ctx.rules,
            repo,
            repoPath: snapshotRoot === undefined ? undefined : repoPath,
          },
          command.allTriggers,
        ),
      );
    } catch (thrown) {
      // A file that cannot be evaluated is reported (and makes the scan fail, exit 2);
      // it never stops the other files.
      errors.push(fileErrorOf(file, thrown));
    }
  }
  return {
    evaluations,
    errors,
    scope: { root: target.root, rootUri: rootUri(target.root), policy, workflows },
  };
}

/** A repository that could not be scanned at all, named by its root. */
export function repositoryError(root: string, thrown: unknown): FileError {
  const error = normalizeError(thrown);
  return {
    path: root,
    message:
      error instanceof InputError
        ? `${root}: repository not scanned: ${describeError(error)}`
        : `${root}: internal error while reading this repository, not scanned: ${error.message}`,
  };
}

/** The policy files inside the repository, as repository paths (a change to one is gated). */
export function repoRelative(root: string, files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const rel = insideRepo(root, file);
    return rel === undefined ? [] : [rel];
  });
}
