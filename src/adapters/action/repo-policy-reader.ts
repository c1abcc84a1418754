/**
 * The policy reader for the action: policy files are read from the repository at a trusted
 * commit (the pull request's base, or the workflow's own commit), never from the working
 * tree a pull request controls. Relative `extends` stay inside the repository.
 */
import { posix } from 'node:path';
import { InputError } from '../../engine/errors.js';
import type { PolicyReader } from '../../engine/policy/load-policy.js';
import type { RepoFileReader } from './repo-files.js';

export function repoPolicyReader(
  files: RepoFileReader,
  ref: string,
): PolicyReader & { exists(path: string): Promise<boolean> } {
  const cache = new Map<string, string | undefined>();
  const fetch = async (path: string): Promise<string | undefined> => {
    if (!cache.has(path)) cache.set(path, (await files.read(path, ref))?.text);
    return cache.get(path);
  };
  return {
    async read(path) {
      const text = await fetch(repoPath(path));
      if (text === undefined)
        throw new InputError(`policy file ${path} does not exist at ${ref.slice(0, 12)}`);
      return text;
    },
    resolve: (from, ref2) => repoPath(posix.join(posix.dirname(from), ref2)),
    async exists(path) {
      return (await fetch(repoPath(path))) !== undefined;
    },
  };
}

function repoPath(path: string): string {
  const normal = posix.normalize(path.replace(/\\/g, '/')).replace(/^\.\//, '');
  if (normal.startsWith('../') || normal === '..' || posix.isAbsolute(normal)) {
    throw new InputError(`policy path ${path} is outside the repository`);
  }
  return normal;
}
