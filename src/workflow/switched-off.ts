/** Jobs and steps switched off as written: a literal `if: false` never runs. */

/** `if: false`, `if: ${{ false }}`, `if: false && …` — a condition that is false as written. */
export function isSwitchedOff(condition: string | undefined): boolean {
  if (condition === undefined) return false;
  const bare = condition
    .trim()
    .replace(/^\$\{\{([\s\S]*)\}\}$/, '$1')
    .trim();
  // `false && x || y` is `(false && x) || y`: only a conjunction without `||` is dead.
  return (
    /^false$/.test(bare) ||
    /^\(\s*false\s*\)$/.test(bare) ||
    (/^false\s*&&/.test(bare) && !bare.includes('||'))
  );
}
