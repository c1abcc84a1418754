/**
 * Hostile inputs, timed: the inputs the tests feed the shell splitter, the command
 * classifier, the CODEOWNERS matcher and the redaction table to rule out catastrophic
 * backtracking. The tests assert what comes out; how long it takes is measured here, where a
 * loaded machine cannot turn it into a failure (npm run bench:hostile).
 */
import { bench, describe } from 'vitest';
import { ownersOf, parseCodeowners } from '../src/engine/inventory/codeowners.js';
import { classifyScript } from '../src/engine/inventory/commands.js';
import { splitCommands } from '../src/engine/inventory/shell.js';
import { redactText } from '../src/engine/evidence/redact.js';

/** The same seeded xorshift strings for every run. */
function scripts(alphabet: readonly string[], count: number, maxLen: number): string[] {
  let seed = 0x2545f491;
  const random = (n: number): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    const len = 1 + random(maxLen);
    for (let k = 0; k < len; k++) s += alphabet[random(alphabet.length)] ?? '';
    out.push(s);
  }
  return out;
}

const SHELL = [
  "'",
  '"',
  '$(',
  ')',
  '`',
  '|',
  '&&',
  '||',
  ';',
  '\n',
  '<<EOF',
  'EOF',
  '\\',
  '${',
  '}',
  ' ',
  'a',
  'rm -rf /',
  'gh pr merge --admin',
  'bash -c ',
  'eval ',
  'sudo ',
  '*',
  '/',
  '2>&1',
];
const shellInputs = scripts(SHELL, 3000, 60);

describe('hostile inputs', () => {
  bench('splitCommands × 3000 random scripts', () => {
    for (const s of shellInputs) splitCommands(s);
  });

  bench('classifyScript × 3000 random scripts', () => {
    for (const s of shellInputs) classifyScript(s);
  });

  const { rules } = parseCodeowners(
    `${'a*'.repeat(40)}b @o\n${'**/a/'.repeat(30)}b @o`,
    'CODEOWNERS',
  );
  bench('CODEOWNERS hostile patterns', () => {
    ownersOf(rules, 'a'.repeat(5000));
    ownersOf(rules, `${'a/'.repeat(400)}c`);
  });

  const hostile = [
    'TOKEN'.repeat(40_000),
    'a.'.repeat(100_000),
    'http://a:'.repeat(20_000),
    'Authorization: Bearer '.repeat(10_000),
    `${'A'.repeat(100_000)}=`,
  ];
  bench('redactText on long hostile runs', () => {
    for (const text of hostile) redactText(text);
  });
});
