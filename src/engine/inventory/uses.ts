/**
 * `uses:` references as inventory records (the parse itself is the model's,
 * workflow/uses-reference.ts) and action-name matching against the catalogs.
 */
import type { UsesRef } from './types.js';
import type { SourceLocation } from '../errors.js';
import { isLocalUses, parseUsesReference, type UsesReference } from '../workflow/uses-reference.js';

export { isLocalUses };

/** The inventory's record of a parsed reference: where it is (key order kept for reports). */
export function usesRecord(
  reference: UsesReference,
  step: number | undefined,
  at: SourceLocation,
): UsesRef {
  const { raw, ...parsed } = reference;
  return { raw, step, at, ...parsed };
}

/** Parses a `uses:` that is not on the model (an action file's list) into a record. */
export function parseUses(
  raw: string,
  options: { jobLevel: boolean; step: number | undefined; at: SourceLocation },
): UsesRef {
  return usesRecord(parseUsesReference(raw, options.jobLevel), options.step, options.at);
}

/** `owner/repo/path` → lower-case name for prefix matching against catalogs. */
export function normalizeActionName(name: string): string {
  let normal = NORMAL_NAMES.get(name);
  if (normal === undefined) {
    normal = name.toLowerCase().replace(/\/+$/, '');
    if (NORMAL_NAMES.size >= 50_000) NORMAL_NAMES.clear();
    NORMAL_NAMES.set(name, normal);
  }
  return normal;
}

/** Catalog entries are matched against every `uses:`: each name is normalised once. */
const NORMAL_NAMES = new Map<string, string>();

/** True when `name` is `prefix` or lies under it (`owner/repo` covers `owner/repo/sub`). */
export function actionMatches(name: string, prefix: string): boolean {
  const n = normalizeActionName(name);
  const p = normalizeActionName(prefix);
  return n === p || n.startsWith(`${p}/`);
}
