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

/**
 * Reads `<ref>:<path>` from the local object database: the text; `absent` when the commit is
 * here and the path is not in its tree; `unavailable` when git, the repository, the commit or
 * the blob itself is not here (a partial clone), so the caller asks the API instead.
 * Replacement objects are ignored so an earlier step cannot swap the content; an oversized
 * file is an error, never "absent".
 */
function readFromGit(
  workspace: string | undefined,
  path: string,
  ref: string,
): { kind: 'found'; text: string } | { kind: 'absent' } | { kind: 'unavailable' } {
  if (!workspace || !existsSync(join(workspace, '.git')) || !/^[0-9a-f]{40}$/i.test(ref)) {
    return { kind: 'unavailable' };
  }
  const git = (args: string[]): Buffer =>
    execFileSync('git', ['-c', 'core.fsmonitor=false', '-C', workspace, ...args], {
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
  let entry: string;
  try {
    // Trees only: tells "commit missing" (error) from "path not in the commit" (no output).
    entry = git(['ls-tree', '-z', '--full-tree', ref, '--', path]).toString('utf8');
  } catch {
    return { kind: 'unavailable' };
  }
  const match = /^\d+ blob ([0-9a-f]{40,64})\t/.exec(entry);
  if (!entry) return { kind: 'absent' };
  if (!match?.[1]) throw new InputError(`${path} at ${ref} is not a regular file`);
  try {
    return { kind: 'found', text: git(['cat-file', 'blob', match[1]]).toString('utf8') };
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOBUFS') {
      throw new InputError(`${path}@${ref}: over the ${MAX_SOURCE_BYTES}-byte limit`, { cause });
    }
    return { kind: 'unavailable' };
  }
}
