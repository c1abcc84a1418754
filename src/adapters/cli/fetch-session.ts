/**
 * One run's fetching through the REST API (`agent-gate fetch`, `scan --fetch`): the token and
 * API URL, the lock of the actions cache, a lazily created client (timeouts, retries and
 * rate-limit waits from src/adapters/github/client.ts), and what happened per reference. At the end
 * the lock is written with where each reference is used, and every failure is reported with
 * its location — a failed reference is an opaque path in the scan, never an allow.
 */
import type { SourceLocation } from '../../engine/errors.js';
import { InputError } from '../../engine/errors.js';
import { timeScale } from '../action/time-scale.js';
import { createClient } from '../github/client.js';
import type { GitHubClient } from '../github/client.js';
import type { ActionFiles, FileReader } from '../../engine/inventory/resolve/action-files.js';
import { parseUses } from '../../engine/inventory/uses.js';
import { escapeLogText } from '../../engine/escape.js';
import type { Step, Workflow } from '../../engine/workflow/model.js';
import { locate } from '../../engine/workflow/source.js';
import type { SourceFile, YamlPath } from '../../engine/workflow/source.js';
import { noteFrom, readLock, writeLock } from './actions-cache.js';
import type { Lock } from './actions-cache.js';
import { fetchingFileReader, newFetchLog } from './fetch-action-files.js';
import type { FetchLog } from './fetch-action-files.js';

export const DEFAULT_API_URL = 'https://api.github.com';
/** One request's limit (divided by AGENT_GATE_TIME_SCALE against a loopback API). */
const REQUEST_TIMEOUT_MS = 30_000;
/** Retries of a request that failed with a server error or timed out. */
const RETRIES = 2;

export interface NetworkOptions {
  readonly token: string | undefined;
  readonly apiUrl: string | undefined;
}

export class FetchSession {
  readonly lock: Lock;
  readonly log: FetchLog = newFetchLog();
  /** `owner/repo@ref` → where it is used (`file:line`), in scan order. */
  private readonly usedAt = new Map<string, string[]>();
  private client: Promise<GitHubClient> | undefined;
  private readonly timeoutMs: number;
  private readonly scale: number;

  constructor(
    readonly cacheDir: string,
    private readonly token: string,
    private readonly apiUrl: string,
    private readonly now: () => Date,
    scale: number,
    private readonly stderr: (text: string) => void,
  ) {
    this.lock = readLock(cacheDir);
    this.scale = scale;
    this.timeoutMs = Math.max(REQUEST_TIMEOUT_MS / scale, 100);
  }

  /** The session the flags and environment describe; a usage error when one is missing. */
  static open(
    cacheDir: string | undefined,
    net: NetworkOptions,
    env: Readonly<Record<string, string | undefined>>,
    io: { readonly now: () => Date; readonly stderr: (text: string) => void },
  ): FetchSession {
    if (cacheDir === undefined)
      throw new InputError('fetching needs --actions-cache <dir> (where the files are kept)');
    const token = net.token ?? env.GITHUB_TOKEN ?? env.GH_TOKEN;
    if (!token)
      throw new InputError(
        'fetching needs a token: --token <token> or GITHUB_TOKEN in the environment',
      );
    const apiUrl = net.apiUrl ?? (env.GITHUB_API_URL || DEFAULT_API_URL);
    if (!/^https?:\/\//.test(apiUrl))
      throw new InputError(`--api-url must be an http(s) URL, got \`${apiUrl}\``);
    let scale: number;
    try {
      scale = timeScale(env.AGENT_GATE_TIME_SCALE, apiUrl);
    } catch (error) {
      throw new InputError((error as Error).message);
    }
    return new FetchSession(cacheDir, token, apiUrl, io.now, scale, io.stderr);
  }

  /** The reader for one repository (local references resolve under `root`). */
  reader(root: string | undefined, resolved: Map<string, string>): FileReader {
    return fetchingFileReader(
      {
        root,
        cacheDir: this.cacheDir,
        lock: this.lock,
        resolved,
        client: () => this.getClient(),
        overallTimeoutMs: this.timeoutMs * (RETRIES + 2),
        now: this.now,
      },
      this.log,
    );
  }

  /** Records where the remote references of a workflow and of what it reached are used. */
  noteUses(root: Workflow, files: ActionFiles): void {
    const sources: { source: SourceFile; steps: [YamlPath, Step][]; jobs: Workflow['jobs'] }[] = [];
    const ofWorkflow = (w: Workflow) => ({
      source: w.source,
      jobs: w.jobs,
      steps: w.jobs.flatMap((j) => j.steps.map((s): [YamlPath, Step] => [s.at, s])),
    });
    sources.push(ofWorkflow(root));
    for (const file of files.files.values()) {
      if (file.kind === 'workflow') sources.push(ofWorkflow(file.workflow));
      if (file.kind === 'action')
        sources.push({
          source: file.action.source,
          jobs: [],
          steps: file.action.steps.map((s): [YamlPath, Step] => [s.at, s]),
        });
    }
    for (const { source, jobs, steps } of sources) {
      for (const job of jobs)
        if (job.uses) this.note(job.uses, true, locate(source, [...job.at, 'uses']));
      for (const [at, step] of steps)
        if (step.uses) this.note(step.uses, false, locate(source, [...at, 'uses']));
    }
  }

  private note(raw: string, jobLevel: boolean, at: SourceLocation): void {
    const uses = parseUses(raw, { jobLevel, step: undefined, at });
    if (uses.kind === 'local' || uses.kind === 'docker' || uses.ref === undefined) return;
    const [owner, repo] = uses.name.split('/');
    if (!owner || !repo) return;
    const key = `${owner}/${repo}@${uses.ref}`;
    const list = this.usedAt.get(key) ?? [];
    const where = `${at.path}:${at.line}`;
    if (!list.includes(where)) list.push(where);
    this.usedAt.set(key, list);
  }

  /**
   * Writes the lock (with where each reference is used), says what was fetched and what
   * failed. Returns the number of references that failed.
   */
  finish(): number {
    for (const [key, from] of this.usedAt) noteFrom(this.lock, key, from);
    writeLock(this.cacheDir, this.lock);
    const { resolvedNow, stored, failures } = this.log;
    for (const [name, why] of [...failures].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const key = name.replace(/^([^/]+\/[^/@]+)(?:\/[^@]*)?@/, '$1@');
      const from = this.usedAt.get(key)?.[0];
      this.stderr(
        `agent-gate: fetch: ${escapeLogText(name)}${from ? ` (used at ${escapeLogText(from)})` : ''}: ${escapeLogText(why)} — it stays an opaque path\n`,
      );
    }
    this.stderr(
      `agent-gate: fetch: ${stored.length} file(s) stored, ${resolvedNow.size} ref(s) resolved and recorded in ${this.cacheDir}, ${failures.size} reference(s) failed\n`,
    );
    return failures.size;
  }

  private getClient(): Promise<GitHubClient> {
    return (this.client ??= createClient({
      token: this.token,
      baseUrl: this.apiUrl,
      retries: RETRIES,
      requestTimeoutMs: this.timeoutMs,
      timeScale: this.scale,
      log: (m) => this.stderr(`agent-gate: fetch: ${escapeLogText(m)}\n`),
    }));
  }
}
