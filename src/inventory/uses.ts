/**
 * Parses `uses:` references (step actions, docker images, local actions, reusable
 * workflows) and says whether each is pinned to an immutable commit or digest.
 */
import type { UsesRef } from './types.js';
import type { SourceLocation } from '../errors.js';

const FULL_SHA = /^[0-9a-f]{40}$/i;

export function parseUses(
  raw: string,
  options: { jobLevel: boolean; step: number | undefined; at: SourceLocation },
): UsesRef {
  const value = raw.trim();
  const base = { raw: value, step: options.step, at: options.at };
  if (value.startsWith('docker://')) {
    const image = value.slice('docker://'.length);
    return {
      ...base,
      kind: 'docker',
      name: image.split('@')[0] ?? image,
      ref: undefined,
      pinned: /@sha256:[0-9a-f]{64}$/i.test(image),
    };
  }
  if (isLocalUses(value)) {
    // Local: the code comes from the same checkout as the workflow.
    return { ...base, kind: 'local', name: value, ref: undefined, pinned: true };
  }
  const at = value.lastIndexOf('@');
  const name = at > 0 ? value.slice(0, at) : value;
  const ref = at > 0 ? value.slice(at + 1) : undefined;
  const reusable = options.jobLevel || /\/\.github\/workflows\/[^/]+\.ya?ml$/i.test(name);
  return {
    ...base,
    kind: reusable ? 'reusable-workflow' : 'action',
    name,
    ref,
    pinned: ref !== undefined && FULL_SHA.test(ref),
  };
}

/** A `uses:` that names code in the same checkout as the workflow. */
export function isLocalUses(raw: string): boolean {
  const value = raw.trim();
  return value.startsWith('./') || value.startsWith('../') || value.startsWith('$/');
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
