/**
 * Reads a file of the repository as it is at a given commit — the authentic content, not
 * whatever an earlier step left in the working tree: first from the local git object
 * database (no network), else through the contents API, else it fails (fail closed).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import type { GitHubClient } from '../github/client.js';
import { MAX_SOURCE_BYTES } from '../workflow/source.js';

export interface RepoFileReader {
  /** The file at `ref`, or undefined when it does not exist there. */
  read(path: string, ref: string): Promise<{ text: string; via: 'git' | 'api' } | undefined>;
}

export interface RepoFileOptions {
  readonly workspace: string | undefined;
  readonly owner: string;
  readonly repo: string;
  readonly client: () => Promise<GitHubClient>;
}

export function repoFileReader(options: RepoFileOptions): RepoFileReader {
  return {
    async read(path, ref) {
      const local = readFromGit(options.workspace, path, ref);
      if (local === 'absent') return undefined;
      if (local !== 'unavailable') return { text: local, via: 'git' };
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
        if (text === undefined) throw new InputError(`${path}@${ref}: the contents API did not return a file`);
        if (Buffer.byteLength(text) > MAX_SOURCE_BYTES) throw new InputError(`${path}@${ref}: over the ${MAX_SOURCE_BYTES}-byte limit`);
        return { text, via: 'api' };
      } catch (cause) {
        if ((cause as { status?: number }).status === 404) return undefined;
        if (cause instanceof InputError) throw cause;
        throw new InputError(`cannot read ${path} at ${ref} through the API: ${(cause as Error).message}`, { cause });
      }
    },
  };
}

/**
 * `git cat-file` of `<ref>:<path>`: the text; `absent` when the commit is here but the path
 * is not in it; `unavailable` when git, the repository or the commit is not here.
 * Replacement objects are ignored so an earlier step cannot swap the content.
 */
function readFromGit(workspace: string | undefined, path: string, ref: string): string | 'absent' | 'unavailable' {
  if (!workspace || !existsSync(join(workspace, '.git')) || !/^[0-9a-f]{40}$/i.test(ref)) return 'unavailable';
  const git = (args: string[]): Buffer =>
    execFileSync('git', ['-c', 'core.fsmonitor=false', '-C', workspace, ...args], {
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: MAX_SOURCE_BYTES + 1,
      timeout: 15_000,
      env: { ...process.env, GIT_NO_REPLACE_OBJECTS: '1', GIT_TERMINAL_PROMPT: '0' },
    });
  try {
    git(['cat-file', '-e', `${ref}^{commit}`]);
  } catch {
    return 'unavailable';
  }
  try {
    return git(['cat-file', 'blob', `${ref}:${path}`]).toString('utf8');
  } catch {
    return 'absent';
  }
}
