/** Reads the workflow files of the shared corpus (../shared/corpus/<repo>/.github/workflows). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusFile } from './run-fuzz.js';

/** Files larger than this are left out: the fuzz is about shapes, not size. */
const MAX_BYTES = 48_000;

export function loadCorpus(root: string): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const repo of readdirSync(root).sort()) {
    const dir = join(root, repo, '.github', 'workflows');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (!/\.ya?ml$/.test(name) || !statSync(full).isFile() || statSync(full).size > MAX_BYTES)
        continue;
      files.push({ path: `${repo}/.github/workflows/${name}`, text: readFileSync(full, 'utf8') });
    }
  }
  return files;
}
