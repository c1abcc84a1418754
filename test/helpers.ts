/** Shared test helpers: an in-memory policy reader and temp directories. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { InputError } from '../src/engine/errors.js';
import type { PolicyReader } from '../src/engine/policy/load-policy.js';

export function memoryReader(files: Record<string, string>): PolicyReader {
  return {
    read: (path) => {
      const text = files[path];
      return text === undefined
        ? Promise.reject(new InputError(`${path}: no such file`))
        : Promise.resolve(text);
    },
    resolve: (from, ref) => posix.normalize(posix.join(posix.dirname(from), ref)),
  };
}

export function tempDir(prefix = 'agent-gate-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function expectInputError(
  promise: Promise<unknown> | (() => unknown),
): Promise<InputError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}
