/**
 * Finds the workflow files `scan` looks at: `<dir>/.github/workflows/*.y{a,}ml` (top level
 * only, as GitHub does), or the YAML files of a directory that is itself a workflows
 * directory, or a file given directly.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';

export function discoverWorkflows(target: string): string[] {
  if (!existsSync(target)) throw new InputError(`${target}: no such file or directory`);
  if (statSync(target).isFile()) return [target];
  const nested = join(target, '.github', 'workflows');
  const dir = existsSync(nested) && statSync(nested).isDirectory() ? nested : target;
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
    .map((e) => join(dir, e.name))
    .sort();
}
