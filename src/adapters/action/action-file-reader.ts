/**
 * Where the action reads the files behind `uses:`: local references at the workflow's commit
 * through the same git-then-API reader as the workflow, remote ones through the contents API
 * at a commit SHA — a tag or branch is resolved to its commit once and recorded. Files are
 * cached by SHA for the run; every request has a timeout. Whatever cannot be read is reported
 * missing with why (the inventory makes it an opaque path), never skipped.
 */
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { GitHubClient } from '../github/client.js';
import { FULL_SHA, readFileAtCommit, resolveCommitSha } from '../github/repo-contents.js';
import type {
  FileReader,
  FileRef,
  FileResult,
} from '../../engine/inventory/resolve/action-files.js';
import { fileKey } from '../../engine/inventory/resolve/action-files.js';
import { MAX_SOURCE_BYTES } from '../../engine/workflow/source.js';
import type { RepoFileReader } from './repo-files.js';

/** Each contents / commits request gives up after this long. */
export const ACTION_FILE_TIMEOUT_MS = 15_000;

export interface ActionFileSources {
  readonly files: RepoFileReader;
  readonly workflowSha: string;
  readonly client: () => Promise<GitHubClient>;
  /** Filled with each tag or branch resolved: `owner/repo@v1` → commit SHA. */
  readonly resolved: Map<string, string>;
  readonly timeoutMs?: number;
  /** The running gate action (same repository and ref): read from its directory on disk. */
  readonly self?: { readonly repository: string; readonly ref: string; readonly dir: string };
}

export function actionFileReader(s: ActionFileSources): FileReader {
  const bySha = new Map<string, Promise<FileResult>>();
  return async (refs) => {
    const local = refs.filter((r) => r.kind === 'local').map((r) => r.path);
    if (local.length > 0) s.files.preload(s.workflowSha, local);
    const out = new Map<string, FileResult>();
    for (const ref of refs) out.set(fileKey(ref), await readOne(ref, s, bySha));
    return out;
  };
}

async function readOne(
  ref: FileRef,
  s: ActionFileSources,
  bySha: Map<string, Promise<FileResult>>,
): Promise<FileResult> {
  if (ref.kind === 'local') {
    try {
      const file = await s.files.read(ref.path, s.workflowSha);
      return file
        ? { text: file.text, display: ref.path, sha: s.workflowSha }
        : { missing: `${ref.path}: no such file at ${s.workflowSha.slice(0, 12)}` };
    } catch (error) {
      return { missing: `${ref.path}: ${(error as Error).message}` };
    }
  }
  const own = fromSelf(ref, s.self);
  if (own) return own;
  const [owner = '', repo = ''] = ref.repo.split('/');
  const timeout = s.timeoutMs ?? ACTION_FILE_TIMEOUT_MS;
  let sha: string;
  try {
    sha = await resolveSha(s, owner, repo, ref.ref, timeout);
  } catch (error) {
    return {
      missing: `${ref.repo}@${ref.ref}: cannot resolve the ref (${(error as Error).message})`,
    };
  }
  const key = `${ref.repo}@${sha}:${ref.path}`;
  let pending = bySha.get(key);
  if (!pending) {
    pending = fetchContent(s, owner, repo, ref.path, sha, timeout);
    bySha.set(key, pending);
  }
  return pending;
}

/**
 * The gate's own step (`uses:` naming exactly the repository and ref the runner downloaded
 * for this step) is read from `GITHUB_ACTION_PATH`: no request, and no opaque path for a
 * private action repository the job's token cannot read.
 */
function fromSelf(ref: FileRef, self: ActionFileSources['self']): FileResult | undefined {
  if (ref.kind === 'local' || !self) return undefined;
  if (ref.repo.toLowerCase() !== self.repository.toLowerCase() || ref.ref !== self.ref)
    return undefined;
  const path = normalize(ref.path);
  if (path.startsWith('..') || path.startsWith('/')) return undefined;
  try {
    const text = readFileSync(join(self.dir, path), 'utf8');
    if (Buffer.byteLength(text) > MAX_SOURCE_BYTES)
      return {
        missing: `${ref.repo}/${path}@${self.ref}: over the ${MAX_SOURCE_BYTES}-byte limit`,
      };
    return { text, display: `${ref.repo}/${path}@${self.ref}`, sha: self.ref };
  } catch {
    // The runner's copy at this exact ref is the action: a file it lacks does not exist there.
    return { missing: `${ref.repo}/${path}@${self.ref}: no such file in the action's directory` };
  }
}

async function resolveSha(
  s: ActionFileSources,
  owner: string,
  repo: string,
  ref: string,
  timeout: number,
): Promise<string> {
  if (FULL_SHA.test(ref)) return ref.toLowerCase();
  const name = `${owner}/${repo}@${ref}`;
  const known = s.resolved.get(name);
  if (known) return known;
  const sha = await resolveCommitSha(await s.client(), owner, repo, ref, timeout);
  s.resolved.set(name, sha);
  return sha;
}

async function fetchContent(
  s: ActionFileSources,
  owner: string,
  repo: string,
  path: string,
  sha: string,
  timeout: number,
): Promise<FileResult> {
  const where = `${owner}/${repo}/${path}@${sha.slice(0, 12)}`;
  let client: GitHubClient;
  try {
    client = await s.client();
  } catch (error) {
    return { missing: `${where}: cannot read through the API (${(error as Error).message})` };
  }
  const file = await readFileAtCommit(client, owner, repo, path, sha, {
    timeoutMs: timeout,
    maxBytes: MAX_SOURCE_BYTES,
  });
  if ('missing' in file) return { missing: `${where}: ${file.missing}` };
  return { text: file.text, display: `${owner}/${repo}/${path}@${sha}`, sha };
}
