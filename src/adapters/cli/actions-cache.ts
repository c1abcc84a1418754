/**
 * The actions cache on disk (`--actions-cache DIR`), as `agent-gate fetch` fills it and
 * `scan` / `evaluate` read it:
 *
 *   DIR/agent-gate.lock.json            the record: `owner/repo@ref` → commit SHA, when it was
 *                                       resolved and from which workflow file:line(s)
 *   DIR/<owner>/<repo>/<sha>/<path>     the files, stored by commit SHA only
 *   DIR/<owner>/<repo>/refs/<ref>       (read only) a SHA written by hand, for caches filled
 *                                       without `fetch`
 *
 * A tag or branch is resolved once: later runs read the SHA the record holds, never the tag.
 * A lock file that cannot be read is an input error (the scan would otherwise read nothing
 * and call it "not fetched").
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from '../../engine/errors.js';
import { FULL_SHA } from '../github/repo-contents.js';

export const LOCK_FILE = 'agent-gate.lock.json';
const LOCK_VERSION = 1;
/** Where-used locations kept per reference (the first ones, in scan order). */
const MAX_FROM = 5;

export interface LockEntry {
  readonly sha: string;
  /** ISO time the ref was resolved through the API. */
  readonly resolvedAt: string;
  /** `file:line` of the `uses:` that named this ref. */
  readonly from: readonly string[];
}

export type Lock = Map<string, LockEntry>;

/** The record of a cache directory; empty when the file does not exist yet. */
export function readLock(cacheDir: string): Lock {
  const file = join(cacheDir, LOCK_FILE);
  if (!existsSync(file)) return new Map();
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError(`${file}: not a readable lock file (${(error as Error).message})`);
  }
  const refs = (data as { refs?: unknown } | null)?.refs;
  if (
    (data as { schemaVersion?: unknown }).schemaVersion !== LOCK_VERSION ||
    refs === null ||
    typeof refs !== 'object' ||
    Array.isArray(refs)
  )
    throw new InputError(`${file}: not an agent-gate lock file (schemaVersion ${LOCK_VERSION})`);
  const lock: Lock = new Map();
  for (const [name, raw] of Object.entries(refs as Record<string, unknown>)) {
    const e = raw as Partial<LockEntry> | null;
    if (
      !/^[^@\s]+\/[^@\s]+@\S+$/.test(name) ||
      e === null ||
      typeof e !== 'object' ||
      typeof e.sha !== 'string' ||
      !FULL_SHA.test(e.sha)
    )
      throw new InputError(`${file}: entry \`${name}\` does not record a commit SHA`);
    lock.set(name, {
      sha: e.sha.toLowerCase(),
      resolvedAt: typeof e.resolvedAt === 'string' ? e.resolvedAt : '',
      from: Array.isArray(e.from) ? e.from.filter((f): f is string => typeof f === 'string') : [],
    });
  }
  return lock;
}

/**
 * Writes the record (sorted, whole file replaced at once). Entries another run wrote since
 * this one read the file (parallel shards filling one cache) are kept; this run's win.
 */
export function writeLock(cacheDir: string, lock: Lock): void {
  mkdirSync(cacheDir, { recursive: true });
  const merged: Lock = readLock(cacheDir);
  for (const [name, e] of lock) {
    const theirs = merged.get(name);
    merged.set(
      name,
      theirs?.sha === e.sha
        ? { ...e, from: [...new Set([...e.from, ...theirs.from])].slice(0, MAX_FROM) }
        : e,
    );
  }
  const refs = Object.fromEntries(
    [...merged.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, e]) => [
        name,
        { sha: e.sha, resolvedAt: e.resolvedAt, from: e.from.slice(0, MAX_FROM) },
      ]),
  );
  const file = join(cacheDir, LOCK_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ schemaVersion: LOCK_VERSION, refs }, null, 2)}\n`);
  renameSync(tmp, file);
}

/** Adds where-used locations to an entry (kept unique, the first few). */
export function noteFrom(lock: Lock, name: string, from: readonly string[]): void {
  const e = lock.get(name);
  if (!e) return;
  const merged = [...new Set([...e.from, ...from])].slice(0, MAX_FROM);
  lock.set(name, { ...e, from: merged });
}

/** Stores one fetched file under its commit SHA. */
export function storeFile(
  cacheDir: string,
  repo: string,
  sha: string,
  path: string,
  text: string,
): void {
  const [owner = '', name = ''] = repo.split('/');
  const target = join(cacheDir, owner, name, sha.toLowerCase(), path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
}
