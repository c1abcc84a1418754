/**
 * Where the CLI reads the files behind `uses:`: local references from the repository on disk
 * (never through a symlink out of it), remote ones from an actions cache directory
 * (`--actions-cache DIR`, laid out as actions-cache.ts says: files by commit SHA, a tag read
 * through the lock file `agent-gate fetch` records). Offline: nothing is fetched here, and a
 * remote file not in the cache is reported missing (the inventory makes it an opaque path).
 */
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type {
  FileReader,
  FileRef,
  FileResult,
} from '../../engine/inventory/resolve/action-files.js';
import { fileKey } from '../../engine/inventory/resolve/action-files.js';
import { MAX_SOURCE_BYTES } from '../../engine/workflow/source.js';
import { FULL_SHA } from '../github/repo-contents.js';
import { readLock } from './actions-cache.js';
import type { Lock } from './actions-cache.js';
const SAFE_SEGMENT = /^[A-Za-z0-9._-]+$/;

export interface DiskSources {
  /** The repository root local references resolve in (undefined: unknown). */
  readonly root: string | undefined;
  /** The actions cache; undefined when remote files are not available (offline default). */
  readonly cacheDir: string | undefined;
  /** Filled with the tags resolved to SHAs through the cache's refs files. */
  readonly resolved: Map<string, string>;
  /** The cache's lock (read from `cacheDir` when not given). */
  readonly lock?: Lock;
}

export function diskFileReader(sources: DiskSources): FileReader {
  let lock = sources.lock;
  return (refs) => {
    if (lock === undefined && sources.cacheDir !== undefined) lock = readLock(sources.cacheDir);
    const withLock = { ...sources, lock };
    const out = new Map<string, FileResult>();
    for (const ref of refs) out.set(fileKey(ref), readRef(ref, withLock));
    return Promise.resolve(out);
  };
}

/** One file from the repository or the cache, or why not (never the network). */
export function readRef(ref: FileRef, s: DiskSources): FileResult {
  if (ref.kind === 'local') {
    if (s.root === undefined)
      return {
        missing: `${ref.path}: the repository root is unknown (file not under .github/workflows/)`,
      };
    return readInside(s.root, ref.path, ref.path);
  }
  const [owner, repo] = ref.repo.split('/');
  if (!owner || !repo || !SAFE_SEGMENT.test(owner) || !SAFE_SEGMENT.test(repo))
    return { missing: `${ref.repo}: not a repository name` };
  if (s.cacheDir === undefined)
    return {
      missing: `${ref.repo}@${ref.ref} is not fetched (remote files are read only from --actions-cache DIR; offline by default)`,
    };
  let sha = ref.ref;
  if (!FULL_SHA.test(ref.ref)) {
    if (!/^[\w./-]+$/.test(ref.ref) || ref.ref.split('/').includes('..'))
      return { missing: `${ref.repo}@${ref.ref}: not a ref name` };
    const recorded = s.lock?.get(`${ref.repo}@${ref.ref}`)?.sha;
    const pinned =
      recorded === undefined
        ? readInside(join(s.cacheDir, owner, repo, 'refs'), ref.ref, `refs/${ref.ref}`)
        : { text: recorded, display: '' };
    if ('missing' in pinned)
      return {
        missing: `${ref.repo}@${ref.ref} is not in the actions cache ${s.cacheDir} (run \`agent-gate fetch\` or scan with --fetch)`,
      };
    sha = pinned.text.trim();
    if (!FULL_SHA.test(sha))
      return { missing: `${ref.repo}@${ref.ref}: cached ref is not a commit SHA` };
    s.resolved.set(`${ref.repo}@${ref.ref}`, sha);
  }
  const dir = join(s.cacheDir, owner, repo, sha.toLowerCase());
  const found = readInside(dir, ref.path, `${ref.repo}@${sha}/${ref.path}`);
  if ('missing' in found)
    return {
      missing: `${ref.repo}/${ref.path}@${ref.ref} is not in the actions cache ${s.cacheDir}`,
    };
  return { ...found, sha };
}

/** A file under `root`, refusing links out of it and oversized files. */
function readInside(root: string, path: string, display: string): FileResult {
  const full = join(root, path);
  try {
    const realRoot = realpathSync(root);
    const target = realpathSync(full);
    const rel = relative(realRoot, target);
    if (rel.startsWith(`..${sep}`) || rel === '..' || rel.startsWith(sep))
      return { missing: `${display}: symlink to a file outside the repository, not followed` };
    const stat = lstatSync(target);
    if (!stat.isFile()) return { missing: `${display}: not a regular file` };
    if (stat.size > MAX_SOURCE_BYTES) return { missing: `${display}: over the size limit` };
    return { text: readFileSync(target, 'utf8'), display: displayPath(root, path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      missing:
        code === 'ENOENT' || code === 'ENOTDIR'
          ? `${display}: no such file`
          : `${display}: cannot read (${code ?? String(error)})`,
    };
  }
}

function displayPath(root: string, path: string): string {
  return root === '.' || root === '' ? path : join(root, path);
}
