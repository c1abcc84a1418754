/**
 * `evaluate` (one workflow) and `scan` (every workflow of one or more repositories): each
 * repository is decided by the policy the action would use for it (see repo-policy.ts), and
 * one file that cannot be read or parsed is reported without stopping the others.
 */
import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { environmentsFromFile } from '../../engine/context/environment-protection.js';
import type { EnvironmentFacts } from '../../engine/context/environment-protection.js';
import { evaluateWorkflow } from '../../engine/evaluate.js';
import { effectiveDefaultPermissions } from '../../engine/policy/default-permissions.js';
import { policyFilesRead } from '../../engine/policy/load-policy.js';
import { buildReport } from '../../engine/report/report.js';
import type { FileError, RepositoryScope } from '../../engine/report/report.js';
import type { Command, CommonOptions } from './args.js';
import { FetchSession } from './fetch-session.js';
import { discoverTargets } from './discover.js';
import { ShardPositionLog } from '../../engine/report/shard-doc.js';
import type { ShardInfo } from '../../engine/report/shard-doc.js';
import { planShard } from '../../engine/report/shard-split.js';
import { shardOptions } from './shard-options.js';
import { diskFileReader } from './fs-action-files.js';
import { gatherActionFiles } from '../../engine/inventory/resolve/action-files.js';
import { parseWorkflowOrAction } from '../../engine/workflow/action-file.js';
import { emitReport, checkOutDir } from './emit-report.js';
import { StreamedReport } from './stream-report.js';
import { cliContext } from './event-context.js';
import { readRepoSnapshot, readScriptFiles, repoRootOf } from './fs-repo-snapshot.js';
import { repoRelative, scanRepository } from './scan-repository.js';
import type { RepositoryResult, RepositoryScanContext, ScanTarget } from './scan-repository.js';
import { defaultJobs, scanInPool, workerHeapMb } from './scan-pool.js';
import { readTextFile } from './fs-policy-reader.js';
import { repositoryIdentity } from './repo-identity.js';
import { startProgress } from './progress.js';
import type { Progress } from './progress.js';
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
  const report = await StreamedReport.open(command.options, io);
  try {
    return await scanInto(report, command, io);
  } finally {
    report.dispose();
  }
}

/**
 * The scan loop: for each repository, in order (from this thread or the pool), its
 * evaluations go to the report's writers (`report.evaluated`) and are dropped, then the
 * repository ends (`report.repository`); errors as they are met (`report.error`).
 */
async function scanInto(report: StreamedReport, command: ScanArgs, io: CliIo): Promise<number> {
  const resolver = new PolicyResolver(command.options.policy);
  const environments = environmentsOption(command.environments);
  const discovered: FileError[] = [];
  const session = openFetch(command.options, io);
  const targets = discoverTargets(command.dirs, discovered);
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
  const log = new ShardPositionLog();
  const errors: FileError[] = [];
  const fail = (error: FileError, position: number): void => {
    errors.push(error);
    report.error(error);
    log.fileErrors.push(position);
  };
  // Errors of no one repository (a path with no workflows) are reported by shard 1 only.
  if (!command.shard || command.shard.index === 1) for (const e of discovered) fail(e, -1);
  const total = assigned.reduce((n, i) => n + (targetAt(i)?.files.length ?? 0), 0);
  const progress = startProgress(io, total, { quiet: command.options.quiet });
  const order = assigned.flatMap((position) => {
    const target = targetAt(position);
    return target === undefined ? [] : [{ position, target }];
  });
  const now = io.now();
  // Each repository's result, in the scan's order: from this thread, or from the pool.
  const results = scanResults(
    order.map((o) => o.target),
    { command, resolver, environments, session, now, rules: io.rules },
    io,
    progress,
  );
  const categories: string[] = [];
  let k = 0;
  for await (const result of results) {
    const { position } = order[k++]!;
    for (const e of result.errors) fail(e, position);
    // The hand-off: this repository's evaluations to the writers, in scan order, then dropped.
    report.evaluated(result.evaluations);
    for (const e of result.evaluations) log.evaluation(e, position);
    if (result.scope === undefined) continue;
    const category = scanCategory(result.scope.root, targets.length, categories);
    categories.push(category);
    report.repository({ ...result.scope, category }, result.errors);
    log.repositories.push(position);
  }
  progress.done();
  session?.finish();
  if (!report.hasRepositories && !command.shard) {
    // Nothing could be decided: say why on stderr and fail closed.
    for (const e of errors) io.stderr(`agent-gate: ${e.message}\n`);
    return 2;
  }
  const fallback = report.hasRepositories ? undefined : (await resolver.forRoot(undefined)).policy;
  if (!command.shard) return report.finish(fallback);
  const shard: ShardInfo = {
    ...command.shard,
    total: targets.length,
    assigned,
    positions: log.positions(),
    options: {
      ...(await shardOptions(command, resolver)),
      repositoryList: plan.listDigest,
    },
  };
  return report.finish(fallback, shard);
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

/** One code-scanning category per repository (several runs in one upload must differ). */
function scanCategory(root: string, count: number, earlier: readonly string[]): string {
  if (count === 1) return 'agent-gate/scan/';
  const name = basename(root.replace(/[\\/]+$/, '')) || 'repository';
  const taken = earlier.filter((c) => c.startsWith(`agent-gate/scan/${name}`)).length;
  return `agent-gate/scan/${name}${taken > 0 ? `-${taken + 1}` : ''}/`;
}

/**
 * The repositories' results in the scan's order. `--jobs N` (N > 1) decides them in a pool of
 * worker threads when it can: the bundled CLI (the workers run it), more than one repository,
 * no `--fetch` session (its REST client lives in this thread) and the registry's rules.
 */
function scanResults(
  targets: readonly ScanTarget[],
  ctx: RepositoryScanContext,
  io: CliIo,
  progress: Progress,
): AsyncGenerator<RepositoryResult> {
  const workers = Math.min(ctx.command.jobs ?? defaultJobs(), targets.length);
  if (workers > 1 && io.workerScript !== undefined && !ctx.session && !ctx.rules)
    return ticked(
      scanInPool(targets, {
        script: io.workerScript,
        workers,
        command: ctx.command,
        now: ctx.now,
        maxHeapMb: workerHeapMb(io.env),
      }),
      targets,
      progress,
    );
  return inThread(targets, ctx, progress);
}

async function* inThread(
  targets: readonly ScanTarget[],
  ctx: RepositoryScanContext,
  progress: Progress,
): AsyncGenerator<RepositoryResult> {
  for (const target of targets) yield await scanRepository(target, ctx, (f) => progress.tick(f));
}

/** The pool's results, each repository's files ticked as its result comes in. */
async function* ticked(
  results: AsyncGenerator<RepositoryResult>,
  targets: readonly ScanTarget[],
  progress: Progress,
): AsyncGenerator<RepositoryResult> {
  let k = 0;
  for await (const result of results) {
    for (const file of targets[k++]?.files ?? []) progress.tick(file);
    yield result;
  }
}
