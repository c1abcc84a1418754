/**
 * `agent-gate scan --github <owner>[/<repo>] …`: the repositories of organisations, users or
 * single repositories read through the REST API at their default branch head, decided
 * exactly as `scan <dir>` decides a directory holding the same files (the same discovery
 * rules, snapshot and script readers, policy lookup and engine). Repositories are handed to
 * the engine one at a time as they arrive (a few are read ahead); an owner or repository
 * that cannot be read is a located error in the report and makes the run exit 2 — never a
 * silently skipped repository.
 *
 * How paths read: each repository's files show under `<owner>/<repo>/…` (the display root),
 * so a directory scan run where `<owner>/<repo>` is a checkout gives the same paths; SARIF's
 * root URI is the repository's web address at the scanned commit instead of a file URI.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { InputError, describeError, normalizeError } from '../../engine/errors.js';
import { createClient } from '../github/client.js';
import { getRepository, headSha, listRepositories, readTree } from '../github/org-repos.js';
import type { RepoRef, RestApi } from '../github/org-repos.js';
import { RestCache } from '../github/rest-cache.js';
import { escapeLogText } from '../../engine/escape.js';
import type { FileError } from '../../engine/report/report.js';
import { timeScale } from '../action/time-scale.js';
import type { Command } from './args.js';
import { checkOutDir } from './emit-report.js';
import { StreamedReport } from './stream-report.js';
import { evaluateRepository } from './github-evaluate.js';
import type { ScanSettings } from './github-evaluate.js';
import { PolicyResolver } from './repo-policy.js';
import { startProgress } from './progress.js';
import type { CliIo } from './run-cli.js';
import { RepoTree } from './github-repo-files.js';
import { discoverIn } from './discover.js';
import { DEFAULT_API_URL, FetchSession } from './fetch-session.js';
import { environmentsFromFile } from '../../engine/context/environment-protection.js';
import { readTextFile } from './fs-policy-reader.js';
import { planShard } from '../../engine/report/shard-split.js';
import { ShardPositionLog } from '../../engine/report/shard-doc.js';
import type { ShardInfo } from '../../engine/report/shard-doc.js';
import { shardOptions } from './shard-options.js';

type ScanArgs = Extract<Command, { name: 'scan' }>;

/** What a test (or the bench) may replace: the clock, the waits and the limits. */
export interface GithubScanDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  /** Longest time one request may take (default 30 s). */
  readonly requestTimeoutMs?: number;
  /** Repositories read ahead while one is decided. */
  readonly readAhead?: number;
  /** Called with the cache's hit counts at the end (bench, tests). */
  readonly onDone?: (stats: {
    readonly hits: RestCache['hits'];
    readonly repositories: number;
  }) => void;
}

const DEFAULT_READ_AHEAD = 8;
/**
 * An org scan outlives GitHub's hourly budget: it waits out each rate limit (up to an hour
 * each, as GitHub says) for as long as this in total; interrupted, it resumes from --cache.
 */
const MAX_RATE_LIMIT_WAIT_MS = 12 * 60 * 60_000;

export async function githubScanCommand(
  command: ScanArgs,
  io: CliIo,
  deps: GithubScanDeps = { env: io.env ?? {} },
): Promise<number> {
  checkOutDir(command.options.out, command.options.format);
  const github = command.github;
  const { network } = command.options;
  const token = network.token ?? deps.env.GITHUB_TOKEN ?? '';
  if (token === '')
    throw new InputError('scan --github needs an API token: set GITHUB_TOKEN or pass --token');
  const apiUrl = network.apiUrl ?? deps.env.GITHUB_API_URL ?? DEFAULT_API_URL;
  checkApiUrl(apiUrl);
  const scale = scaleFrom(deps.env.AGENT_GATE_TIME_SCALE, apiUrl);
  const cache = new RestCache(cacheDir(github.cache));
  const client = await createClient({
    token,
    baseUrl: apiUrl,
    timeScale: scale,
    maxRateLimitWaitMs: MAX_RATE_LIMIT_WAIT_MS,
    // GitHub's answer for a repository without commits: final, not a failure to retry.
    doNotRetry: [409],
    log: (m) => io.stderr(`agent-gate: ${escapeLogText(m)}\n`),
    ...(deps.requestTimeoutMs !== undefined ? { requestTimeoutMs: deps.requestTimeoutMs } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  });
  const api: RestApi = { client, cache };
  const settings: ScanSettings = {
    command,
    resolver: new PolicyResolver(command.options.policy),
    now: io.now(),
    rules: io.rules,
    // --fetch: remote actions and reusable workflows read into --actions-cache, as for a directory.
    session: command.options.fetch
      ? FetchSession.open(command.options.actionsCache, network, deps.env, io)
      : undefined,
    environments:
      command.environments === undefined
        ? undefined
        : environmentsFromFile(readTextFile(command.environments), command.environments),
  };
  const progress = startProgress(io, undefined, {
    quiet: command.options.quiet,
    unit: 'repositories',
  });
  // --shard i/n: the whole list first (the split needs it), then only this shard's part.
  const shard = command.shard ? await planGithubShard(api, command) : undefined;
  // For each repository, in order: its evaluations to the report's writers, then dropped.
  const report = await StreamedReport.open(command.options, io);
  try {
    const errors: FileError[] = [];
    // Where each element of the report came from, in the whole list (ShardInfo, shard-doc.ts).
    const log = new ShardPositionLog();
    const fail = (error: FileError, position: number): void => {
      errors.push(error);
      report.error(error);
      log.fileErrors.push(position);
    };
    let count = 0;
    for await (const item of readAhead(
      shard ? assignedOf(shard) : repositories(api, github.targets, github),
      (repo) => fetchRepo(api, repo),
      deps.readAhead ?? DEFAULT_READ_AHEAD,
    )) {
      const position = item.repo ? (shard?.positionOf.get(item.repo.fullName) ?? -1) : -1;
      if ('error' in item) {
        fail(item.error, position);
        continue;
      }
      count += 1;
      progress.tick(item.repo.fullName);
      try {
        const result = await evaluateRepository(item.fetched, settings);
        for (const e of result.errors) fail(e, position);
        report.evaluated(result.evaluations);
        for (const e of result.evaluations) log.evaluation(e, position);
        report.repository(result.scope, result.errors);
        log.repositories.push(position);
      } catch (thrown) {
        fail(repoError(item.repo.fullName, thrown), position);
      }
    }
    progress.done();
    settings.session?.finish();
    deps.onDone?.({ hits: cache.hits, repositories: count });
    if (!report.hasRepositories && !shard) {
      for (const e of errors) io.stderr(`agent-gate: ${escapeLogText(e.message)}\n`);
      if (errors.length === 0) io.stderr('agent-gate: --github: no repositories to scan\n');
      return 2;
    }
    const fallback = report.hasRepositories
      ? undefined
      : (await settings.resolver.forRoot(undefined)).policy;
    if (!shard || !command.shard) return report.finish(fallback);
    const info: ShardInfo = {
      ...command.shard,
      total: shard.listed.length,
      assigned: shard.assigned,
      positions: log.positions(),
      options: {
        ...(await shardOptions(command, settings.resolver)),
        repositoryList: shard.listDigest,
      },
    };
    return report.finish(fallback, info);
  } finally {
    report.dispose();
  }
}

/** One shard's part of the listed repositories (`--shard i/n` with `--github`). */
interface GithubShard {
  /** Every repository listed, in listing order: positions index this list. */
  readonly listed: readonly RepoRef[];
  /** Positions of this shard's repositories, in listing order. */
  readonly assigned: readonly number[];
  readonly positionOf: ReadonlyMap<string, number>;
  /**
   * SHA-256 of the full names in listing order: shards of one scan list the same. The owners
   * named and the archived / forks filters decide that list, so they need no option of their own.
   */
  readonly listDigest: string;
}

/**
 * Lists every repository named (1 request per 100 of an owner's), then splits them with
 * planShard by full name (weight 1: sizes are known only from each tree). Positions are
 * listing positions — owners in command-line order, each owner's repositories sorted by name
 * as the API lists them — so `merge` puts the shards back in the order one unsharded scan
 * reports them; a list that differs between shards (order included) makes `merge` refuse
 * them. A listing that fails leaves the split undefined: the shard fails (exit 2).
 */
async function planGithubShard(api: RestApi, command: ScanArgs): Promise<GithubShard> {
  const listed: RepoRef[] = [];
  for await (const item of repositories(api, command.github.targets, command.github)) {
    if ('error' in item)
      throw new InputError(`--shard: cannot list the repositories to split: ${item.error.message}`);
    listed.push(item.repo);
  }
  const plan = planShard(
    listed.map((repo) => ({ key: repo.fullName })),
    command.shard,
  );
  const assigned = plan.assigned
    .map((p) => plan.indexAt(p) ?? -1)
    .filter((i) => i >= 0)
    .sort((a, b) => a - b);
  return {
    listed,
    assigned,
    positionOf: new Map(listed.map((repo, i) => [repo.fullName, i])),
    listDigest: createHash('sha256')
      .update(listed.map((repo) => repo.fullName).join('\n'))
      .digest('hex'),
  };
}

function* assignedOf(shard: GithubShard): Generator<Listed> {
  for (const position of shard.assigned) {
    const repo = shard.listed[position];
    if (repo) yield { repo };
  }
}

/** A repository read from the API, ready for the engine. */
export interface FetchedRepo {
  readonly repo: RepoRef;
  /** Undefined for an empty repository. */
  readonly tree: RepoTree | undefined;
  /** Workflow and action files (repository paths), as discover.ts finds them. */
  readonly files: readonly string[];
}

async function fetchRepo(api: RestApi, repo: RepoRef): Promise<FetchedRepo> {
  const sha = await headSha(api, repo);
  if (sha === undefined) return { repo, tree: undefined, files: [] };
  const tree = new RepoTree(api, repo, sha, await readTree(api, repo, sha));
  const files = discoverIn(tree.listing(), '', { looseYaml: false });
  // What every scan of it reads: its workflows and actions, then (as the engine asks) the rest.
  tree.prefetch(files);
  return { repo, tree, files };
}

type Listed = { readonly repo: RepoRef } | { readonly error: FileError };

/** The repositories named on the command line, owners listed page by page, in order. */
async function* repositories(
  api: RestApi,
  targets: readonly string[],
  filters: ScanArgs['github'],
): AsyncGenerator<Listed> {
  const seen = new Set<string>();
  for (const target of targets) {
    const [owner = '', name] = target.split('/');
    try {
      const listed =
        name === undefined
          ? listRepositories(api, owner, filters)
          : single(getRepository(api, owner, name));
      for await (const repo of listed) {
        const key = repo.fullName.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        yield { repo };
      }
    } catch (thrown) {
      yield { error: repoError(target, thrown) };
    }
  }
}

async function* single(repo: Promise<RepoRef>): AsyncGenerator<RepoRef> {
  yield await repo;
}

/**
 * Reads up to `ahead` repositories while the current one is decided, handing them on in
 * listing order; a repository whose reading failed becomes its located error.
 */
async function* readAhead(
  listed: AsyncIterator<Listed> | Iterator<Listed>,
  read: (repo: RepoRef) => Promise<FetchedRepo>,
  ahead: number,
): AsyncGenerator<
  | { readonly repo: RepoRef; readonly fetched: FetchedRepo }
  | { readonly repo?: RepoRef; readonly error: FileError }
> {
  type Pending = Promise<
    { repo: RepoRef; fetched: FetchedRepo } | { repo?: RepoRef; error: FileError }
  >;
  const queue: Pending[] = [];
  let exhausted = false;
  const fill = async (): Promise<void> => {
    while (!exhausted && queue.length < ahead) {
      const next = await listed.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      const item = next.value;
      if ('error' in item) {
        queue.push(Promise.resolve(item));
        continue;
      }
      const pending = read(item.repo).then(
        (fetched) => ({ repo: item.repo, fetched }),
        (thrown: unknown) => ({ repo: item.repo, error: repoError(item.repo.fullName, thrown) }),
      );
      queue.push(pending);
    }
  };
  for (;;) {
    await fill();
    const head = queue.shift();
    if (!head) return;
    yield await head;
  }
}

function repoError(where: string, thrown: unknown): FileError {
  const error = normalizeError(thrown);
  const text = error instanceof InputError ? describeError(error) : error.message;
  return { path: where, message: text.startsWith(`${where}`) ? text : `${where}: ${text}` };
}

/** https, or http to this machine only: the token is never sent in the clear. */
function checkApiUrl(apiUrl: string): void {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new InputError(`--api-url must be an https URL (got ${apiUrl})`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw new InputError(
      `--api-url must be an https URL (http only to this machine), got ${apiUrl}: the token is never sent in the clear`,
    );
}

function cacheDir(dir: string | undefined): string | undefined {
  if (dir === undefined) return undefined;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (cause) {
    throw new InputError(
      `--cache ${dir}: cannot use it (${(cause as NodeJS.ErrnoException).code ?? String(cause)})`,
      { cause },
    );
  }
  return dir;
}

function scaleFrom(value: string | undefined, apiUrl: string): number {
  try {
    return timeScale(value, apiUrl);
  } catch (cause) {
    throw new InputError((cause as Error).message, { cause });
  }
}
