/**
 * The reader behind `agent-gate fetch` and `scan --fetch`: the cache first (offline reader),
 * then the REST API for what it lacks — a tag or branch resolved once to its commit SHA and
 * recorded in the lock, each file read at that SHA and stored under it, then read back from
 * the cache so a later offline scan sees exactly the same file. Every failure (404, 403,
 * rate limit, timeout) is recorded per reference and returned as a missing file with its why,
 * which the inventory makes an opaque path; nothing here throws for one reference.
 */
import { basename, dirname } from 'node:path';
import type { GitHubClient } from '../github/client.js';
import { readFileAtCommit, resolveCommitSha } from '../github/repo-contents.js';
import type {
  FileReader,
  FileRef,
  FileResult,
} from '../../engine/inventory/resolve/action-files.js';
import { fileKey } from '../../engine/inventory/resolve/action-files.js';
import { MAX_SOURCE_BYTES } from '../../engine/workflow/source.js';
import type { Lock } from './actions-cache.js';
import { storeFile } from './actions-cache.js';
import { readRef } from './fs-action-files.js';

/** Requests in flight at once (gentle on the API budget, quick on a cold cache). */
const CONCURRENCY = 4;

export interface FetchSources {
  readonly root: string | undefined;
  readonly cacheDir: string;
  readonly lock: Lock;
  /** Filled with the tags resolved (as the offline reader does): `owner/repo@v1` → sha. */
  readonly resolved: Map<string, string>;
  readonly client: () => Promise<GitHubClient>;
  /** The bound on one reference's request with its retries (each try has its own). */
  readonly overallTimeoutMs: number;
  readonly now: () => Date;
}

/** What one fetch did: per reference, fetched files or why not. */
export interface FetchLog {
  /** `owner/repo@ref` → tag resolution done now (not read from the lock). */
  readonly resolvedNow: Set<string>;
  /** Files read through the API and stored: `owner/repo/path@sha`. */
  readonly stored: string[];
  /** `owner/repo[/dir]@ref` → why it could not be fetched. */
  readonly failures: Map<string, string>;
}

export function newFetchLog(): FetchLog {
  return { resolvedNow: new Set(), stored: [], failures: new Map() };
}

export function fetchingFileReader(s: FetchSources, log: FetchLog): FileReader {
  const shas = new Map<string, Promise<string | { why: string }>>();
  return async (refs) => {
    const disk = { root: s.root, cacheDir: s.cacheDir, resolved: s.resolved, lock: s.lock };
    const out = new Map<string, FileResult>();
    // Candidates of one reference (action.yml, action.yaml) are tried in order, one at a time.
    const groups = new Map<string, FileRef[]>();
    for (const ref of refs) {
      if (ref.kind === 'local') {
        out.set(fileKey(ref), readRef(ref, disk));
        continue;
      }
      if (!fetchable(ref)) {
        // Not a name the API or the cache layout can take: the offline reader says why.
        const why = readRef(ref, disk);
        out.set(fileKey(ref), why);
        if ('missing' in why) log.failures.set(referenceName(ref), why.missing);
        continue;
      }
      const name = referenceName(ref);
      groups.set(name, [...(groups.get(name) ?? []), ref]);
    }
    // A reference the cache holds (any of its candidates) is not fetched again.
    for (const [name, candidates] of groups) {
      const cached = candidates.map((ref) => readRef(ref, disk));
      if (cached.every((r) => 'missing' in r)) continue;
      candidates.forEach((ref, i) => out.set(fileKey(ref), cached[i] ?? { missing: 'not read' }));
      groups.delete(name);
    }
    const queue = [...groups.entries()];
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [name, candidates] = next;
        const why = await fetchReference(candidates, s, shas, log);
        for (const ref of candidates) out.set(fileKey(ref), readRef(ref, disk));
        if (why !== undefined) {
          log.failures.set(name, why);
          for (const ref of candidates) out.set(fileKey(ref), { missing: `${name}: ${why}` });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
    return out;
  };
}

const SAFE_SEGMENT = /^[A-Za-z0-9._-]+$/;

/** Owner, repository, ref and path safe to request and to store under the cache directory. */
function fetchable(ref: Extract<FileRef, { kind: 'remote' }>): boolean {
  const [owner = '', repo = '', ...rest] = ref.repo.split('/');
  return (
    rest.length === 0 &&
    SAFE_SEGMENT.test(owner) &&
    SAFE_SEGMENT.test(repo) &&
    ![owner, repo].some((p) => /^\.+$/.test(p)) &&
    /^[\w./-]+$/.test(ref.ref) &&
    !ref.ref.split('/').some((p) => p === '..' || p === '.' || p === '') &&
    !ref.path.startsWith('/') &&
    !ref.path.split('/').some((p) => p === '..' || p === '.' || p === '')
  );
}

/** `owner/repo[/dir]@ref`: what a `uses:` names (an action directory, or a workflow file). */
function referenceName(ref: Extract<FileRef, { kind: 'remote' }>): string {
  const path = /^action\.ya?ml$/i.test(basename(ref.path)) ? dirname(ref.path) : ref.path;
  return `${ref.repo}${path === '.' || path === '' ? '' : `/${path}`}@${ref.ref}`;
}

/** Fetches the first candidate that exists; undefined when one was stored, else why not. */
async function fetchReference(
  candidates: readonly FileRef[],
  s: FetchSources,
  shas: Map<string, Promise<string | { why: string }>>,
  log: FetchLog,
): Promise<string | undefined> {
  const first = candidates[0];
  if (first === undefined || first.kind !== 'remote') return 'not a remote reference';
  const [owner = '', repo = ''] = first.repo.split('/');
  const key = `${first.repo}@${first.ref}`;
  let pending = shas.get(key);
  if (!pending) {
    pending = resolveOnce(s, owner, repo, first.ref, key, log);
    shas.set(key, pending);
  }
  const sha = await pending;
  if (typeof sha !== 'string') return sha.why;
  const misses: string[] = [];
  for (const ref of candidates) {
    if (ref.kind !== 'remote') continue;
    let client: GitHubClient;
    try {
      client = await s.client();
    } catch (error) {
      return (error as Error).message;
    }
    const file = await readFileAtCommit(client, owner, repo, ref.path, sha, {
      timeoutMs: s.overallTimeoutMs,
      maxBytes: MAX_SOURCE_BYTES,
    });
    if ('text' in file) {
      storeFile(s.cacheDir, ref.repo, sha, ref.path, file.text);
      log.stored.push(`${ref.repo}/${ref.path}@${sha}`);
      return undefined;
    }
    misses.push(`${ref.path}: ${describe(file.missing, file.status)}`);
    if (file.status !== 404) break;
  }
  return `at ${sha.slice(0, 12)}: ${misses.join('; ')}`;
}

async function resolveOnce(
  s: FetchSources,
  owner: string,
  repo: string,
  ref: string,
  key: string,
  log: FetchLog,
): Promise<string | { why: string }> {
  const recorded = s.lock.get(key)?.sha;
  if (recorded) return recorded;
  try {
    const sha = await resolveCommitSha(await s.client(), owner, repo, ref, s.overallTimeoutMs);
    if (sha !== ref.toLowerCase()) {
      s.lock.set(key, { sha, resolvedAt: s.now().toISOString(), from: [] });
      s.resolved.set(key, sha);
      log.resolvedNow.add(key);
    }
    return sha;
  } catch (error) {
    const status = (error as { status?: number }).status;
    return {
      why: `cannot resolve the ref: ${describe((error as Error).message, status)}`,
    };
  }
}

/** The API's answer in a sentence a user can act on. */
function describe(message: string, status: number | undefined): string {
  if (status === 404)
    return `${message} (404: no such repository, ref or file, or the token cannot see it)`;
  if (status === 401) return `${message} (401: the token is not valid)`;
  if (status === 403) return `${message} (403: forbidden or rate limited)`;
  return message;
}
