/**
 * The policy reader for local files (CLI, and the action when the policy is trusted on
 * disk): paths relative to the extending file, size-capped reads.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../../engine/errors.js';
import type { PolicyReader } from '../../engine/policy/load-policy.js';
import { MAX_SOURCE_BYTES } from '../../engine/workflow/source.js';

export function readTextFile(path: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new InputError(`${path}: not a file`);
    size = stat.size;
  } catch (cause) {
    if (cause instanceof InputError) throw cause;
    throw new InputError(
      `${path}: cannot read (${(cause as NodeJS.ErrnoException).code ?? String(cause)})`,
      { cause },
    );
  }
  if (size > MAX_SOURCE_BYTES)
    throw new InputError(`${path}: ${size} bytes, over the ${MAX_SOURCE_BYTES}-byte limit`);
  return readFileSync(path, 'utf8');
}

export const fsPolicyReader: PolicyReader = {
  read: (path) => Promise.resolve(readTextFile(path)),
  resolve: (from, ref) => resolve(dirname(from), ref),
};
