/**
 * Catalog patterns led by a word start `(?:^|[…])` are compiled with the lead as a lookbehind
 * (faster): on every probe script each compiled pattern matches exactly where the catalog's
 * own text does, and its matches end at the same places.
 */
import { describe, expect, it } from 'vitest';
import { AGENTS, compilePattern } from '../../src/engine/inventory/agent-catalog.js';

const WORDS = ['claude', 'gemini', 'copilot', 'codex', 'aider', 'opencode', 'cursor-agent', 'amp'];
const ARGS = [
  '-p "fix it"',
  '--print',
  '--prompt x',
  '--yolo',
  '-y',
  '--allow-all',
  'exec "go"',
  '--version',
  '',
];
const LEADS = [
  '',
  ' ',
  ';',
  '&&',
  '|',
  '(',
  '`',
  "'",
  '"',
  '/',
  'x',
  '-',
  '\n',
  '\r\n',
  '\u2028',
  'npx ',
  'npx @google/',
];

function probes(): string[] {
  const out: string[] = [];
  for (const word of WORDS)
    for (const lead of LEADS)
      for (const arg of ARGS) out.push(`echo start${lead}${word} ${arg}`, `${lead}${word} ${arg}`);
  return out;
}

const ends = (re: RegExp, text: string): number[] =>
  [...text.matchAll(new RegExp(re.source, `${re.flags}g`))].map((m) => m.index + m[0].length);

describe('compiled agent patterns', () => {
  const sources = AGENTS.flatMap((a) => a.entry.cli_patterns);
  const texts = probes();

  it('rewrites the word-start lead of some patterns and keeps their meaning', () => {
    const rewritten = sources.filter((s) => compilePattern(s).source !== new RegExp(s, 'm').source);
    expect(rewritten.length).toBeGreaterThan(5);
    const differ: string[] = [];
    for (const source of sources) {
      const raw = new RegExp(source, 'm');
      const compiled = compilePattern(source);
      for (const text of texts)
        if (
          compiled.test(text) !== raw.test(text) ||
          ends(compiled, text).join() !== ends(raw, text).join()
        )
          differ.push(`${source} on ${JSON.stringify(text)}`);
    }
    expect(differ).toEqual([]);
  });

  it('leaves a negated lead alone, and lets a line start match as `^` does', () => {
    expect(compilePattern('(?:^|[^a])b').source).toBe('(?:^|[^a])b');
    const led = compilePattern('(?:^|[;])claude\\b');
    expect(led.source).not.toBe('(?:^|[;])claude\\b');
    expect(led.test('echo\nclaude')).toBe(true);
    expect(led.test('echo;claude')).toBe(true);
    expect(led.test('claude')).toBe(true);
    expect(led.test('echo claude')).toBe(false);
    expect(led.test('xclaude')).toBe(false);
  });
});
