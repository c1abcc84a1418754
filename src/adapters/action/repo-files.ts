/**
 * Reads a file of the repository as it is at a given commit — the authentic content, not
 * whatever an earlier step left in the working tree: first from the local git object
 * database (no network), else through the contents API, else it fails (fail closed).
 * "Does not exist" is only ever said by git's tree or the API's 404, never by an error.
 */
import { InputError } from '../../engine/errors.js';
import type { GitHubClient } from '../github/client.js';
import { MAX_SOURCE_BYTES } from '../../engine/workflow/source.js';
import { localGit } from './local-git.js';

export interface RepoFileReader {
  /** The file at `ref`, or undefined when it does not exist there. */
  read(path: string, ref: string): Promise<{ text: string; via: 'git' | 'api' } | undefined>;
  /** Hints the paths about to be read at `ref`, so the local lookup is one git call. */
  preload(ref: string, paths: readonly string[]): void;
  /**
   * Which of `paths` exist at `ref`: one git call, or one recursive tree request to the API
   * (when GitHub truncates the tree, every path is returned and read() decides).
   */
  existing(
    ref: string,
    paths: readonly string[],
  ): Promise<readonly { path: string; symlink: boolean }[]>;
  /**
   * The files directly in `dir` at `ref` (git, else the contents API); throws when it cannot
   * be listed. Optional: a reader without it cannot tell the repository's other workflows.
   */
  list?(ref: string, dir: string): Promise<readonly string[]>;
}

export interface RepoFileOptions {
  readonly workspace: string | undefined;
  readonly owner: string;
  readonly repo: string;
  readonly client: () => Promise<GitHubClient>;
}

export function repoFileReader(options: RepoFileOptions): RepoFileReader {
  const git = localGit(options.workspace);
  const trees = new Map<string, Promise<Map<string, boolean> | 'truncated'>>();
  const listTree = async (ref: string): Promise<Map<string, boolean> | 'truncated'> => {
    const client = await options.client();
    try {
      const { data } = await client.rest.git.getTree({
        owner: options.owner,
        repo: options.repo,
        tree_sha: ref,
        recursive: 'true',
      });
      if (data?.truncated) return 'truncated';
      if (!Array.isArray(data?.tree))
        throw new Error('the git trees API answered without a list of entries (`tree`)');
      return new Map(
        data.tree
          .filter((e) => e?.type === 'blob' && typeof e.path === 'string')
          .map((e) => [e.path, e.mode === '120000']),
      );
    } catch (cause) {
      throw new InputError(
        `cannot list the repository tree at ${ref} through the API: ${(cause as Error).message}`,
        { cause },
      );
    }
  };
  return {
    preload: (ref, paths) => git.preload(ref, paths),
    async existing(ref, paths) {
      git.preload(ref, paths);
      const local = paths.map((path) => ({ path, has: git.has(ref, path) }));
      if (local.every((l) => l.has !== undefined)) {
        return local
          .filter((l) => l.has !== 'absent')
          .map((l) => ({ path: l.path, symlink: l.has === 'symlink' }));
      }
      // One tree listing per ref for the whole run (the snapshot and the script reader share it).
      let listing = trees.get(ref);
      if (!listing) {
        listing = listTree(ref);
        trees.set(ref, listing);
      }
      const blobs = await listing;
      if (blobs === 'truncated') return paths.map((path) => ({ path, symlink: false }));
      return paths
        .filter((p) => blobs.has(p))
        .map((path) => ({ path, symlink: blobs.get(path) === true }));
    },
    async list(ref, dir) {
      const local = git.list(ref, dir);
      if (local !== undefined) return local;
      const client = await options.client();
      try {
        const { data } = await client.rest.repos.getContent({
          owner: options.owner,
          repo: options.repo,
          path: dir,
          ref,
        });
        if (!Array.isArray(data))
          throw new Error(`${dir} is not a directory (the contents API did not list it)`);
        return data
          .filter((e) => e?.type === 'file' && typeof e.path === 'string')
          .map((e) => e.path);
      } catch (cause) {
        if ((cause as { status?: number }).status === 404) return [];
        throw new InputError(
          `cannot list ${dir} at ${ref} through the API: ${(cause as Error).message}`,
          { cause },
        );
      }
    },
    async read(path, ref) {
      const local = git.read(ref, path);
      if (local.kind === 'absent') return undefined;
      if (local.kind === 'found') return { text: local.text, via: 'git' };
      const client = await options.client();
      try {
        const response = await client.rest.repos.getContent({
          owner: options.owner,
          repo: options.repo,
          path,
          ref,
          mediaType: { format: 'raw' },
        });
        const text = typeof response.data === 'string' ? response.data : undefined;
        if (text === undefined)
          throw new InputError(`${path}@${ref}: the contents API did not return a file`);
        if (Buffer.byteLength(text) > MAX_SOURCE_BYTES)
          throw new InputError(`${path}@${ref}: over the ${MAX_SOURCE_BYTES}-byte limit`);
        return { text, via: 'api' };
      } catch (cause) {
        if ((cause as { status?: number }).status === 404) return undefined;
        if (cause instanceof InputError) throw cause;
        throw new InputError(
          `cannot read ${path} at ${ref} through the API: ${(cause as Error).message}`,
          { cause },
        );
      }
    },
  };
}
