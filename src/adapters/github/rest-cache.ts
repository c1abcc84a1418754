/**
 * The org scan's cache: answers to conditional requests (ETag + body, so a `304 Not
 * Modified` is served from it), repository trees by commit SHA and file contents by git blob
 * SHA. Blobs in memory for one run; with a directory (`scan --github … --cache DIR`) all on disk,
 * so a run that was interrupted resumes without reading again what it already has. Every
 * file is written to a temporary name and renamed, so a kill never leaves a torn entry; a
 * blob read from disk is checked against its SHA (a corrupt entry is read again).
 * Memory stays bounded whatever the organisation's size: answers and trees are not held
 * (each is asked for once per run), and only the most recently used blobs are (files shared
 * by many repositories stay; the rest is on disk, or read again without --cache).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A conditional answer: its validator and the data it carried. */
export interface CachedAnswer {
  readonly etag: string;
  readonly data: unknown;
  /** The `link` header's `rel="next"` page was present. */
  readonly more?: boolean;
}

/** One blob of a repository tree (symlinks and files; directories and submodules left out). */
export interface TreeBlob {
  readonly path: string;
  readonly sha: string;
  /** Git mode: '120000' is a symlink. */
  readonly mode: string;
  readonly size: number;
}

const SHA = /^[0-9a-f]{40}$/;
/** Blob texts held in memory at most (a few MB of workflow-sized files). */
const MAX_BLOBS_HELD = 2000;

export class RestCache {
  /** Recently used blob texts, oldest first (a Map keeps insertion order). */
  private readonly blobs = new Map<string, string>();
  /** What the run served from the cache instead of reading it (for the bench and tests). */
  readonly hits = { answers: 0, trees: 0, blobs: 0 };

  /** `dir` undefined: memory only. */
  constructor(private readonly dir: string | undefined) {}

  /** Each request is made once per run: answers are kept on disk only (--cache). */
  answer(key: string): CachedAnswer | undefined {
    const stored = this.readJson(join('http', digest(key)));
    return isAnswer(stored) ? stored : undefined;
  }

  storeAnswer(key: string, answer: CachedAnswer): void {
    this.writeFile(join('http', digest(key)), JSON.stringify(answer));
  }

  tree(commitSha: string): readonly TreeBlob[] | undefined {
    const key = commitSha.toLowerCase();
    if (!SHA.test(key)) return undefined;
    const stored = this.readJson(join('trees', key));
    if (!Array.isArray(stored) || !stored.every(isTreeBlob)) return undefined;
    this.hits.trees += 1;
    return stored;
  }

  storeTree(commitSha: string, blobs: readonly TreeBlob[]): void {
    const key = commitSha.toLowerCase();
    if (SHA.test(key)) this.writeFile(join('trees', key), JSON.stringify(blobs));
  }

  /** The text of a blob, only when its content still hashes to `sha`. */
  blob(sha: string): string | undefined {
    const key = sha.toLowerCase();
    let text = this.blobs.get(key);
    if (text === undefined && SHA.test(key) && this.dir !== undefined) {
      try {
        const bytes = readFileSync(join(this.dir, 'blobs', key.slice(0, 2), key));
        if (gitBlobSha(bytes) === key) text = bytes.toString('utf8');
      } catch {
        // Not cached (or unreadable): read it again.
      }
    }
    if (text !== undefined) {
      this.hits.blobs += 1;
      this.remember(key, text);
    }
    return text;
  }

  storeBlob(sha: string, bytes: Buffer): void {
    const key = sha.toLowerCase();
    this.remember(key, bytes.toString('utf8'));
    if (SHA.test(key)) this.writeFile(join('blobs', key.slice(0, 2), key), bytes);
  }

  private remember(key: string, text: string): void {
    this.blobs.delete(key);
    this.blobs.set(key, text);
    if (this.blobs.size > MAX_BLOBS_HELD) {
      const oldest = this.blobs.keys().next().value;
      if (oldest !== undefined) this.blobs.delete(oldest);
    }
  }

  private readJson(name: string): unknown {
    if (this.dir === undefined) return undefined;
    try {
      return JSON.parse(readFileSync(join(this.dir, name), 'utf8'));
    } catch {
      return undefined;
    }
  }

  private writeFile(name: string, data: string | Buffer): void {
    if (this.dir === undefined) return;
    const path = join(this.dir, name);
    const temp = `${path}.${process.pid}.tmp`;
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(temp, data);
    renameSync(temp, path);
  }
}

/** Git's object name of a blob: SHA-1 over `blob <size>\0<content>`. */
export function gitBlobSha(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

function digest(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function isAnswer(value: unknown): value is CachedAnswer {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as CachedAnswer).etag === 'string' &&
    'data' in value
  );
}

function isTreeBlob(value: unknown): value is TreeBlob {
  const v = value as TreeBlob;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.path === 'string' &&
    typeof v.sha === 'string' &&
    typeof v.mode === 'string' &&
    typeof v.size === 'number'
  );
}
