/** "Did you mean" for names a policy gets wrong: the nearest known names by edit distance. */

/** The known names closest to `name` (at most three), or none when nothing is close. */
export function nearest(name: string, known: readonly string[]): string[] {
  const lower = name.toLowerCase();
  const scored = known
    .map((k) => ({ k, d: distance(lower, k.toLowerCase()) }))
    .filter(
      ({ k, d }) =>
        d <= Math.max(2, Math.floor(k.length / 3)) ||
        k.toLowerCase().includes(lower) ||
        (lower.length >= 4 && lower.includes(k.toLowerCase())),
    )
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k));
  return scored.slice(0, 3).map((s) => s.k);
}

/** ` (did you mean `a`, `b`?)`, or '' when nothing is close. */
export function didYouMean(name: string, known: readonly string[]): string {
  const near = nearest(name, known);
  return near.length > 0 ? ` (did you mean ${near.map((n) => `\`${n}\``).join(', ')}?)` : '';
}

/** Levenshtein distance (names are short: the quadratic table is fine). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
