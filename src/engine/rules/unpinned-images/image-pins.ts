/**
 * Container image references: whether one is pinned by digest, carries only a tag, or
 * names no tag at all (Docker then pulls `latest`). Also expands `${{ matrix.x }}` when the
 * job's matrix lists the values literally, so those images are judged one by one.
 */
import { hasExpression } from '../../workflow/expressions/fences.js';
export type ImagePin = 'digest' | 'tag' | 'latest' | 'none' | 'dynamic';

const DIGEST = /@sha256:[0-9a-f]{64}$/i;

export function imagePin(image: string): ImagePin {
  const ref = image.trim();
  if (hasExpression(ref)) return 'dynamic';
  if (DIGEST.test(ref)) return 'digest';
  if (ref.includes('@')) return 'tag'; // another digest algorithm or a malformed one: not sha256
  const lastSlash = ref.lastIndexOf('/');
  const colon = ref.indexOf(':', lastSlash + 1);
  if (colon < 0) return 'none';
  return ref.slice(colon + 1).toLowerCase() === 'latest' ? 'latest' : 'tag';
}

/**
 * The literal values an image expression can take, when it is exactly one
 * `${{ matrix.<key> }}` (or `matrix.<key>` inside a literal prefix/suffix) and the matrix
 * lists that key's values (and `include:` entries) as strings; undefined otherwise.
 */
export function expandMatrix(image: string, matrix: unknown): string[] | undefined {
  const m = /\$\{\{\s*matrix\.([A-Za-z_][\w-]*)\s*\}\}/.exec(image);
  if (!m?.[1] || (image.match(/\$\{\{/g) ?? []).length !== 1) return undefined;
  if (typeof matrix !== 'object' || matrix === null || Array.isArray(matrix)) return undefined;
  const data = matrix as Record<string, unknown>;
  const key = m[1];
  const values: unknown[] = [];
  const listed = data[key];
  if (listed !== undefined) {
    if (!Array.isArray(listed)) return undefined;
    values.push(...(listed as unknown[]));
  }
  const include = data.include;
  if (include !== undefined) {
    if (!Array.isArray(include)) return undefined;
    for (const row of include as unknown[]) {
      if (typeof row === 'object' && row !== null && key in row)
        values.push((row as Record<string, unknown>)[key]);
    }
  }
  const strings = values.filter((v): v is string => typeof v === 'string');
  if (strings.length === 0 || strings.length !== values.length) return undefined;
  return [...new Set(strings)].map((v) => image.replace(m[0], v));
}
