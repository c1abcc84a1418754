/**
 * Finds the workflow files `scan` looks at: `<dir>/.github/workflows/*.y{a,}ml` (top level
 * only, as GitHub does); for a directory without one, its own YAML files when it holds
 * workflows directly (like examples/) — action metadata files are never workflows; or a
 * file given directly.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';

const ACTION_METADATA = /^action\.ya?ml$/i;

export function discoverWorkflows(target: string): string[] {
  if (!existsSync(target)) throw new InputError(`${target}: no such file or directory`);
  if (statSync(target).isFile()) return [target];
  const nested = join(target, '.github', 'workflows');
  if (existsSync(nested) && statSync(nested).isDirectory()) return yamlFiles(nested);
  if (existsSync(join(target, '.github'))) return [];
  return yamlFiles(target).filter((f) => !ACTION_METADATA.test(f.slice(f.lastIndexOf('/') + 1)));
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
    .map((e) => join(dir, e.name))
    .sort();
}
