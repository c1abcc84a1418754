/**
 * `evaluate` (one workflow) and `scan` (every workflow of one or more repositories): each
 * repository is decided by the policy the action would use for it (see repo-policy.ts), and
 * one file that cannot be read or parsed is reported without stopping the others.
 */
import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { InputError, describeError, fileErrorOf, normalizeError } from '../../engine/errors.js';
import { environmentsFromFile } from '../../engine/context/environment-protection.js';
import type { EnvironmentFacts } from '../../engine/context/environment-protection.js';
import { evaluateWorkflow } from '../../engine/evaluate.js';
import { evaluateEachTrigger } from '../../engine/evaluate-triggers.js';
import { effectiveDefaultPermissions } from '../../engine/policy/default-permissions.js';
import { policyFilesRead } from '../../engine/policy/load-policy.js';
import type { Evaluation } from '../../engine/evaluate.js';
import { buildReport } from '../../engine/report/report.js';
import type { FileError, RepositoryScope } from '../../engine/report/report.js';
import type { Command, CommonOptions } from './args.js';
import { FetchSession } from './fetch-session.js';
import { discoverTargets } from './discover.js';
import type { ShardInfo } from '../../engine/report/shard-doc.js';
import { planShard } from '../../engine/report/shard-split.js';
import { shardOptions } from './shard-options.js';
import { diskFileReader } from './fs-action-files.js';
import { gatherActionFiles } from '../../engine/inventory/resolve/action-files.js';
import type { ParsedFile } from '../../engine/inventory/resolve/action-files.js';
import { parseWorkflowOrAction } from '../../engine/workflow/action-file.js';
import { emitReport, checkOutDir } from './emit-report.js';
import { cliContext } from './event-context.js';
import { readRepoSnapshot, readScriptFiles, repoRootOf } from './fs-repo-snapshot.js';
import { readTextFile } from './fs-policy-reader.js';
import { repositoryIdentity } from './repo-identity.js';
import { startProgress } from './progress.js';
import { githubScanCommand } from './github-scan.js';
import { PolicyResolver, findRepoRoot, insideRepo, rootUri } from './repo-policy.js';
import type { CliIo } from './run-cli.js';

type EvaluateArgs = Extract<Command, { name: 'evaluate' }>;
type ScanArgs = Extract<Command, { name: 'scan' }>;

export async function evaluateCommand(command: EvaluateArgs, io: CliIo): Promise<number> {
  checkOutDir(command.options.out, command.options.format);
  const root = findRepoRoot(command.workflow) ?? dirname(command.workflow);
  const { policy, repoFile } = await new PolicyResolver(command.options.policy).forRoot(root);
  const context = {
    ...cliContext({
      ...command,
      defaultPermissions: effectiveDefaultPermissions(policy, command.defaultPermissions),
      policyFile: repoFile,
      repository: command.options.repository ?? repositoryIdentity(root),
    }),
    environments: environmentsOption(command.environments),
    policyFiles: repoRelative(root, policyFilesRead(policy)),
  };
  const snapshotRoot = repoRootOf(command.workflow);
  const repoPath = insideRepo(root, command.workflow) ?? command.workflow;
  const text = readTextFile(command.workflow);
  // Composite actions and reusable workflows: local ones from the repository, remote ones
  // from --actions-cache (offline otherwise); each file parsed once.
  const parsed = parseWorkflowOrAction(command.workflow, text);
  const resolved = new Map<string, string>();
  const session = openFetch(command.options, io);
  const actionFiles = await gatherActionFiles(
    [parsed],
    session?.reader(root, resolved) ??
      diskFileReader({ root, cacheDir: command.options.actionsCache, resolved }),
    resolved,
  );
  session?.noteUses(parsed, actionFiles);
  session?.finish();
  const evaluation = evaluateWorkflow({
    path: command.workflow,
    text,
    parsed,
    actionFiles,
    // The scripts its steps run (package.json, Makefiles, shell scripts), read from disk.
    repo:
      snapshotRoot === undefined
        ? undefined
        : readScriptFiles(readRepoSnapshot(snapshotRoot), parsed),
    repoPath: snapshotRoot === undefined ? undefined : repoPath,
    policy,
    context,
    jobs: command.jobs.length > 0 ? command.jobs : undefined,
    now: io.now(),
    rules: io.rules,
  });
  const jobs = command.jobs.length > 0 ? `:${[...command.jobs].sort().join(',')}` : '';
  const scope: RepositoryScope = {
    root,
    rootUri: rootUri(root),
    policy,
    workflows: [{ path: command.workflow, repoPath }],
    category: `agent-gate/${repoPath}${jobs}/`,
  };
  return emitReport(buildReport(policy, [evaluation], [], [scope]), command.options, io);
}

export async function scanCommand(command: ScanArgs, io: CliIo): Promise<number> {
  if (command.github.targets.length > 0) return githubScanCommand(command, io);
  checkOutDir(command.options.out, command.options.format);
  const resolver = new PolicyResolver(command.options.policy);
  const environments = environmentsOption(command.environments);
  const errors: FileError[] = [];
  const session = openFetch(command.options, io);
  const targets = discoverTargets(command.dirs, errors);
  // --shard i/n: this shard's part of the list (positions index it in canonical order).
  const plan = planShard(
    targets.map((t) => ({
      key: repositoryKey(t.root),
      tiebreak: t.root,
      weight: bytesOf(t.files),
    })),
    command.shard,
  );
  const { assigned } = plan;
  const targetAt = (position: number): (typeof targets)[number] | undefined =>
    targets[plan.indexAt(position) ?? -1];
  // Errors of no one repository (a path with no workflows) are reported by shard 1 only.
  if (command.shard && command.shard.index !== 1) errors.length = 0;
  const errorPositions: number[] = errors.map(() => -1);
  const evaluationPositions: number[] = [];
  const scopePositions: number[] = [];
  const total = assigned.reduce((n, i) => n + (targetAt(i)?.files.length ?? 0), 0);
  const progress = startProgress(io, total, { quiet: command.options.quiet });
  const evaluations: Evaluation[] = [];
  const scopes: RepositoryScope[] = [];
  for (const position of assigned) {
    const target = targetAt(position);
    if (target === undefined) continue;
    const tagged = (): void => {
      while (errorPositions.length < errors.length) errorPositions.push(position);
      while (evaluationPositions.length < evaluations.length) evaluationPositions.push(position);
    };
    // A repository whose policy cannot be loaded is an error of that repository; the scan
    // goes on with the others (and exits 2).
    let resolvedPolicy: Awaited<ReturnType<PolicyResolver['forRoot']>>;
    try {
      resolvedPolicy = await resolver.forRoot(target.root);
    } catch (thrown) {
      errors.push(repositoryError(target.root, thrown));
      for (const file of target.files) progress.tick(file);
      tagged();
      continue;
    }
    const { policy, repoFile } = resolvedPolicy;
    const context = {
      ...cliContext({
        event: undefined,
        eventPath: undefined,
        actor: undefined,
        changedFiles: [],
        defaultPermissions: effectiveDefaultPermissions(policy, command.defaultPermissions),
        policyFile: repoFile,
        repository: command.options.repository ?? repositoryIdentity(target.root),
      }),
      environments,
      policyFiles: repoRelative(target.root, policyFilesRead(policy)),
    };
    // One repository snapshot per scanned repository, shared by its workflows.
    const snapshotRoot = repoRootOf(target.files[0] ?? '');
    let repo: ReturnType<typeof readRepoSnapshot> | undefined;
    try {
      repo = snapshotRoot === undefined ? undefined : readRepoSnapshot(snapshotRoot);
    } catch (thrown) {
      errors.push(repositoryError(target.root, thrown));
      for (const file of target.files) progress.tick(file);
      tagged();
      continue;
    }
    const workflows: RepositoryScope['workflows'][number][] = [];
    const resolved = new Map<string, string>();
    const reader =
      session?.reader(target.root, resolved) ??
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
      progress.tick(file);
      const repoPath = insideRepo(target.root, file) ?? file;
      workflows.push({ path: file, repoPath });
      try {
        if (!('parsed' in r)) throw r.thrown;
        const { text, parsed } = r;
        const actionFiles = await gatherActionFiles([parsed], reader, resolved, parsedFiles);
        session?.noteUses(parsed, actionFiles);
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
              now: io.now(),
              rules: io.rules,
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
    scopes.push({
      root: target.root,
      rootUri: rootUri(target.root),
      policy,
      workflows,
      category: scanCategory(target.root, targets.length, scopes),
    });
    scopePositions.push(position);
    tagged();
  }
  progress.done();
  session?.finish();
  if (scopes.length === 0 && !command.shard) {
    // Nothing could be decided: say why on stderr and fail closed.
    for (const e of errors) io.stderr(`agent-gate: ${e.message}\n`);
    return 2;
  }
  const first = scopes[0]?.policy ?? (await resolver.forRoot(undefined)).policy;
  const report = buildReport(first, evaluations, errors, scopes);
  if (!command.shard) return emitReport(report, command.options, io);
  const shard: ShardInfo = {
    ...command.shard,
    total: targets.length,
    assigned,
    repositories: scopePositions,
    evaluations: evaluationPositions,
    fileErrors: errorPositions,
    options: {
      ...(await shardOptions(command, resolver)),
      repositoryList: plan.listDigest,
    },
  };
  return emitReport({ ...report, shard }, command.options, io);
}

/** The work a repository stands for: its workflow files' size (parsing is linear in it). */
function bytesOf(files: readonly string[]): number {
  return files.reduce((n, file) => {
    try {
      return n + statSync(file).size;
    } catch {
      return n + 1; // unreadable: reported when the shard reads it
    }
  }, 0);
}

/** A repository's identity for the shard split: its directory's name, not where it lies. */
function repositoryKey(root: string): string {
  return basename(resolve(root));
}

/** A repository that could not be scanned at all, named by its root. */
function repositoryError(root: string, thrown: unknown): FileError {
  const error = normalizeError(thrown);
  return {
    path: root,
    message:
      error instanceof InputError
        ? `${root}: repository not scanned: ${describeError(error)}`
        : `${root}: internal error while reading this repository, not scanned: ${error.message}`,
  };
}

/** `--fetch`: the REST session that fills the actions cache; undefined: offline. */
function openFetch(options: CommonOptions, io: CliIo): FetchSession | undefined {
  return options.fetch
    ? FetchSession.open(options.actionsCache, options.network, io.env ?? {}, io)
    : undefined;
}

/** `--environments <file>`: protection facts by name; undefined (unknown) without the flag. */
function environmentsOption(
  file: string | undefined,
): Readonly<Record<string, EnvironmentFacts>> | undefined {
  return file === undefined ? undefined : environmentsFromFile(readTextFile(file), file);
}

/** The policy files inside the repository, as repository paths (a change to one is gated). */
function repoRelative(root: string, files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const rel = insideRepo(root, file);
    return rel === undefined ? [] : [rel];
  });
}

/** One code-scanning category per repository (several runs in one upload must differ). */
function scanCategory(root: string, count: number, earlier: readonly RepositoryScope[]): string {
  if (count === 1) return 'agent-gate/scan/';
  const name = basename(root.replace(/[\\/]+$/, '')) || 'repository';
  const taken = earlier.filter((s) => s.category.startsWith(`agent-gate/scan/${name}`)).length;
  return `agent-gate/scan/${name}${taken > 0 ? `-${taken + 1}` : ''}/`;
}
