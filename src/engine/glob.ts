/**
 * Glob matching for names (logins, branches, environments, secrets, `uses:` refs):
 * `*` matches any run of characters, `?` one character; everything else is literal.
 */
const cache = new Map<string, RegExp>();

export function globToRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  const key = `${caseInsensitive ? 'i' : 's'}:${pattern}`;
  let re = cache.get(key);
  if (!re) {
    const body = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    re = new RegExp(`^${body}$`, caseInsensitive ? 'i' : '');
    cache.set(key, re);
  }
  return re;
}

export function matchesGlob(value: string, pattern: string, caseInsensitive = false): boolean {
  return globToRegExp(pattern, caseInsensitive).test(value);
}

export function matchesAnyGlob(
  value: string,
  patterns: readonly string[],
  caseInsensitive = false,
): boolean {
  return patterns.some((p) => matchesGlob(value, p, caseInsensitive));
}

/**
 * A name "looks like" a pattern when the whole name or one of its words matches
 * (`prod*` matches `prod-eu` and `AWS_PROD_KEY`, not `preprod`).
 */
export function nameLooksLike(name: string, patterns: readonly string[]): boolean {
  if (matchesAnyGlob(name, patterns, true)) return true;
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .some((word) => matchesAnyGlob(word, patterns, true));
}
