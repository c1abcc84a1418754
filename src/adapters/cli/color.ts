/**
 * Colour for the text report on a terminal: decision marks and the final decision line.
 * Applied to the rendered text (the renderer stays plain); callers decide whether the
 * terminal wants colour (a TTY, and no NO_COLOR).
 */

const RED = '\u001b[31m';
const YELLOW = '\u001b[33m';
const GREEN = '\u001b[32m';
const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';

const MARKS: readonly [RegExp, string][] = [
  [/✗ (blocked|error)\b/g, RED],
  [/! approval\b/g, YELLOW],
  [/✓ allow\b/g, GREEN],
  [/→ BLOCKED\b/g, RED],
  [/→ APPROVAL-REQUIRED\b/g, YELLOW],
  [/→ ALLOW\b/g, GREEN],
];

export function colorize(text: string): string {
  let out = text;
  for (const [pattern, colour] of MARKS) out = out.replace(pattern, (m) => `${colour}${m}${RESET}`);
  return out.replace(/^Decision: (\S+)/m, (m, word: string) => {
    const colour = word === 'BLOCKED' ? RED : word === 'ALLOW' ? GREEN : YELLOW;
    return `${BOLD}${colour}${m}${RESET}`;
  });
}
