/**
 * Reads committed files from the workspace's git object database — the authentic content of
 * a commit, whatever an earlier step did to the working tree. Tree lookups are batched (one
 * `git ls-tree` for several paths) because every process spawn is paid on every gated run.
 * Replacement objects and lazy fetches are disabled so nothing but the real objects count.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../engine/errors.js';
import { MAX_SOURCE_BYTES } from '../../engine/workflow/source.js';

export type GitRead =
  | { readonly kind: 'found'; readonly text: string }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unavailable' };

type TreeEntry =
  | { readonly kind: 'symlink' }
  | { readonly kind: 'blob'; readonly oid: string }
  | { readonly kind: 'absent' }
  | { readonly kind: 'no-commit' };

export interface LocalGit {
  /** Resolves the tree entries of several paths at once (later reads hit the cache). */
  preload(ref: string, paths: readonly string[]): void;
  read(ref: string, path: string): GitRead;
  /** Whether the path is in the commit (and how), without reading it; undefined when git cannot tell. */
  has(ref: string, path: string): 'file' | 'symlink' | 'absent' | undefined;
  /** The files directly in a directory of the commit; undefined when git cannot tell. */
  list(ref: string, dir: string): readonly string[] | undefined;
}

export function localGit(workspace: string | undefined): LocalGit {
  const usable = workspace !== undefined && existsSync(join(workspace, '.git'));
  /** What `${ref}\0${path}` is: a blob, not in the commit, or the commit is not here. */
  const entries = new Map<string, TreeEntry>();
  const git = (args: string[]): Buffer =>
    execFileSync('git', ['-c', 'core.fsmonitor=false', '-C', workspace ?? '.', ...args], {
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: MAX_SOURCE_BYTES + 1,
      timeout: 15_000,
      env: {
        ...process.env,
        GIT_NO_REPLACE_OBJECTS: '1',
        GIT_TERMINAL_PROMPT: '0',
        GIT_NO_LAZY_FETCH: '1',
      },
    });

  const lookUp = (ref: string, paths: readonly string[]): void => {
    const missing = paths.filter((p) => !entries.has(`${ref}\0${p}`));
    if (missing.length === 0) return;
    let listing: string;
    try {
      // Trees only: an error means the commit is not here; a path not listed is not in it.
      listing = git(['ls-tree', '-z', '--full-tree', ref, '--', ...missing]).toString('utf8');
    } catch {
      for (const p of missing) entries.set(`${ref}\0${p}`, { kind: 'no-commit' });
      return;
    }
    for (const p of missing) entries.set(`${ref}\0${p}`, { kind: 'absent' });
    for (const line of listing.split('\0')) {
      const m = /^(\d+) (\w+) ([0-9a-f]{40,64})\t(.*)$/s.exec(line);
      if (!m?.[4]) continue;
      if (m[1] === '120000') {
        entries.set(`${ref}\0${m[4]}`, { kind: 'symlink' });
        continue;
      }
      entries.set(
        `${ref}\0${m[4]}`,
        m[2] === 'blob' && m[3] ? { kind: 'blob', oid: m[3] } : { kind: 'absent' },
      );
    }
  };

  return {
    preload(ref, paths) {
      if (usable && isSha(ref)) lookUp(ref, paths);
    },
    list(ref, dir) {
      if (!usable || !isSha(ref)) return undefined;
      let listing: string;
      try {
        listing = git(['ls-tree', '-z', '--full-tree', ref, '--', `${dir}/`]).toString('utf8');
      } catch {
        return undefined;
      }
      return listing
        .split('\0')
        .map((line) => /^\d+ blob [0-9a-f]{40,64}\t(.*)$/s.exec(line)?.[1])
        .filter((p): p is string => p !== undefined);
    },
    has(ref, path) {
      if (!usable || !isSha(ref)) return undefined;
      lookUp(ref, [path]);
      const entry = entries.get(`${ref}\0${path}`);
      if (entry === undefined || entry.kind === 'no-commit') return undefined;
      return entry.kind === 'blob' ? 'file' : entry.kind;
    },
    read(ref, path) {
      if (!usable || !isSha(ref)) return { kind: 'unavailable' };
      lookUp(ref, [path]);
      const entry = entries.get(`${ref}\0${path}`);
      if (entry === undefined || entry.kind === 'no-commit') return { kind: 'unavailable' };
      if (entry.kind === 'absent') return { kind: 'absent' };
      if (entry.kind === 'symlink')
        throw new InputError(`${path}@${ref} is a symlink; not followed`);
      try {
        return { kind: 'found', text: git(['cat-file', 'blob', entry.oid]).toString('utf8') };
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code === 'ENOBUFS') {
          throw new InputError(`${path}@${ref}: over the ${MAX_SOURCE_BYTES}-byte limit`, {
            cause,
          });
        }
        // The tree names it but the object is not here (a partial clone): ask the API.
        return { kind: 'unavailable' };
      }
    },
  };
}

function isSha(ref: string): boolean {
  return /^[0-9a-f]{40}$/i.test(ref);
}
