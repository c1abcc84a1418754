/**
 * A repository read through the API, seen by the scan the way it sees one on disk: a
 * directory listing of its tree (for discover.ts), the RepoFileReader the action's snapshot
 * readers take (CODEOWNERS, agent configuration, scripts), and the local `uses:` files. Blobs
 * are read once each, when first asked for (or warmed ahead by `prefetch`).
 * What differs from a directory on disk: a symlink is never followed (it is unread, an opaque
 * path), where on disk a link inside the repository is read.
 */
import type { RepoFileReader } from '../action/repo-files.js';
import type { RepoRef, RestApi } from '../github/org-repos.js';
import { readBlob } from '../github/org-repos.js';
import type { TreeBlob } from '../github/rest-cache.js';
import type {
  FileReader,
  FileRef,
  FileResult,
} from '../../engine/inventory/resolve/action-files.js';
import { fileKey } from '../../engine/inventory/resolve/action-files.js';
import { MAX_SOURCE_BYTES } from '../../engine/workflow/source.js';
import type { DirectoryListing } from './discover.js';

const SYMLINK = '120000';

export class RepoTree {
  private readonly blobs: Map<string, TreeBlob>;
  private readonly dirs = new Map<string, Map<string, { file: boolean; directory: boolean }>>();
  private readonly texts = new Map<string, Promise<string>>();

  constructor(
    private readonly api: RestApi,
    readonly repo: RepoRef,
    readonly sha: string,
    blobs: readonly TreeBlob[],
  ) {
    this.blobs = new Map(blobs.map((b) => [b.path, b]));
    for (const blob of blobs) {
      const parts = blob.path.split('/');
      for (let i = 0; i < parts.length; i++) {
        const dir = parts.slice(0, i).join('/');
        let entries = this.dirs.get(dir);
        if (!entries)
          this.dirs.set(dir, (entries = new Map<string, { file: boolean; directory: boolean }>()));
        const last = i === parts.length - 1;
        // A symlink is listed as neither a file nor a directory: discovery does not follow it.
        entries.set(parts[i] ?? '', { file: last && blob.mode !== SYMLINK, directory: !last });
      }
    }
  }

  blob(path: string): TreeBlob | undefined {
    return this.blobs.get(path);
  }

  /** The text of the file at `path` (which the tree holds), read once. */
  text(path: string): Promise<string> {
    const blob = this.blobs.get(path);
    if (!blob) return Promise.reject(new Error(`${path}: not in the tree`));
    let text = this.texts.get(path);
    if (!text) {
      text = readBlob(this.api, this.repo, blob);
      this.texts.set(path, text);
    }
    return text;
  }

  /** Starts reading these files now (errors surface when they are read). */
  prefetch(paths: readonly string[]): void {
    for (const path of paths) {
      const blob = this.blobs.get(path);
      if (blob && blob.mode !== SYMLINK) this.text(path).catch(() => undefined);
    }
  }

  /** The tree as a directory listing rooted at '' (repository paths, `/`-separated). */
  listing(): DirectoryListing {
    return {
      isDirectory: (path) => this.dirs.has(path),
      exists: (path) => this.dirs.has(path) || this.blobs.has(path),
      entries: (dir) =>
        [...(this.dirs.get(dir) ?? new Map<string, { file: boolean; directory: boolean }>())].map(
          ([name, kind]) => ({ name, ...kind }),
        ),
      join: (dir, name) => (dir === '' ? name : `${dir}/${name}`),
    };
  }

  /** The reader the snapshot and script readers take (`ref` is always this tree's commit). */
  fileReader(): RepoFileReader {
    return {
      preload: (_ref, paths) => this.prefetch(paths),
      existing: (_ref, paths) => {
        this.prefetch(paths);
        return Promise.resolve(
          paths.flatMap((path) => {
            const blob = this.blobs.get(path);
            return blob ? [{ path, symlink: blob.mode === SYMLINK }] : [];
          }),
        );
      },
      read: async (path) =>
        this.blobs.has(path) ? { text: await this.text(path), via: 'api' as const } : undefined,
    };
  }

  /**
   * Local `uses:` files from this tree, shown under `displayRoot` as the disk reader shows
   * them; remote ones through `remote` (the actions cache, as for a directory scan).
   */
  actionFileReader(displayRoot: string, remote: FileReader): FileReader {
    return async (refs) => {
      const out = new Map<string, FileResult>();
      const others = refs.filter((r) => r.kind !== 'local');
      if (others.length > 0) for (const [k, v] of await remote(others)) out.set(k, v);
      const local = refs.filter(
        (r): r is Extract<FileRef, { kind: 'local' }> => r.kind === 'local',
      );
      this.prefetch(local.map((r) => r.path));
      for (const ref of local) out.set(fileKey(ref), await this.localFile(ref.path, displayRoot));
      return out;
    };
  }

  private async localFile(path: string, displayRoot: string): Promise<FileResult> {
    const blob = this.blobs.get(path);
    if (!blob) return { missing: `${path}: no such file` };
    if (blob.mode === SYMLINK) return { missing: `${path}: a symlink, not followed` };
    if (blob.size > MAX_SOURCE_BYTES) return { missing: `${path}: over the size limit` };
    // A failed read is the repository's error (fail closed), not a missing file.
    return { text: await this.text(path), display: `${displayRoot}/${path}` };
  }
}
