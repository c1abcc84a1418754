/**
 * The plain data of a parsed workflow (aliases resolved): the value at a YAML path and every
 * string scalar under a value with its path. Bounded depth, so a hostile document cannot
 * recurse without end.
 */
import type { YamlPath } from './source.js';

const MAX_DEPTH = 64;

/** Every string scalar under `data` (the plain-data form of the YAML node at `path`). */
export function walkStrings(
  data: unknown,
  path: YamlPath,
  out: { path: YamlPath; value: string }[] = [],
  depth = 0,
): { path: YamlPath; value: string }[] {
  if (depth > MAX_DEPTH) return out;
  if (typeof data === 'string') out.push({ path, value: data });
  else if (Array.isArray(data))
    data.forEach((v, i) => walkStrings(v, [...path, i], out, depth + 1));
  else if (data !== null && typeof data === 'object') {
    for (const [k, v] of Object.entries(data as Record<string, unknown>))
      walkStrings(v, [...path, k], out, depth + 1);
  }
  return out;
}

/** The plain data at `path` in the workflow's document (aliases resolved). */
export function dataAt(root: unknown, path: YamlPath): unknown {
  let node = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}
