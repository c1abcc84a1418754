/**
 * Which GitHub repository a directory on disk is (`owner/name`), for what the action knows
 * from GITHUB_REPOSITORY: a local action `./P` of repository R *is* the remote action `R/P`
 * (claude-code-action's `./base-action` is the agent `anthropics/claude-code-action/
 * base-action`), and `if: github.repository == '…'` can be evaluated. In order: the checkout's
 * `origin` remote (`.git/config`, also through a worktree's `.git` file), then a directory
 * named `owner__name` — how mirrors of many repositories lay them out; GitHub owner names
 * cannot contain `_`, so the double underscore cannot be misread. Undefined otherwise.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';

const NAME = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

export function repositoryIdentity(root: string): string | undefined {
  return fromGitRemote(root) ?? fromDirectoryName(root);
}

function fromDirectoryName(root: string): string | undefined {
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)__([A-Za-z0-9._-]+)$/.exec(
    basename(resolve(root)),
  );
  return m ? `${m[1]}/${m[2]}` : undefined;
}

function fromGitRemote(root: string): string | undefined {
  const config = gitConfigPath(root);
  if (config === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(config, 'utf8');
  } catch {
    return undefined;
  }
  let inOrigin = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('[')) inOrigin = /^\[remote\s+"origin"\]$/.test(line);
    else if (inOrigin) {
      const url = /^url\s*=\s*(.+)$/.exec(line)?.[1]?.trim();
      if (url !== undefined) return repositoryOfUrl(url);
    }
  }
  return undefined;
}

/** `git@github.com:o/r.git`, `https://github.com/o/r(.git)`, `ssh://git@host/o/r` → `o/r`. */
export function repositoryOfUrl(url: string): string | undefined {
  const path =
    /^[\w.-]+@[\w.-]+:(.+)$/.exec(url)?.[1] ?? /^[a-z+]+:\/\/[^/]+\/(.+)$/i.exec(url)?.[1];
  if (path === undefined) return undefined;
  const name = path.replace(/\/+$/, '').replace(/\.git$/, '');
  return NAME.test(name) ? name : undefined;
}

/** `.git/config`, or for a worktree (`.git` is a file) its common directory's config. */
function gitConfigPath(root: string): string | undefined {
  const dotGit = join(root, '.git');
  try {
    if (!existsSync(dotGit)) return undefined;
    if (statSync(dotGit).isDirectory()) return join(dotGit, 'config');
    const gitdir = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
    if (gitdir === undefined) return undefined;
    const dir = isAbsolute(gitdir) ? gitdir : join(root, gitdir);
    const common = join(dir, 'commondir');
    const base = existsSync(common) ? resolve(dir, readFileSync(common, 'utf8').trim()) : dir;
    return join(base, 'config');
  } catch {
    return undefined;
  }
}
