/**
 * Every parser takes hostile text without throwing: a few thousand seeded random strings
 * per format (random syntax soup, and mutations of the real fixtures). A thrown error
 * caught by the last-resort guard shows up as an "internal error" warning, so that is a
 * failure too: the guard is a safety net, not the way parsers handle bad input.
 */
import { describe, expect, it } from 'vitest';
import {
  parseInlineToolConfig,
  parseToolConfig,
} from '../../../src/engine/inventory/tools/parse-tool-config.js';
import type { ToolConfigFormat } from '../../../src/engine/inventory/tools/types.js';
import { readToml } from '../../../src/engine/inventory/tools/toml.js';
import { fixture } from './helpers.js';

/** mulberry32: a small seeded PRNG, so a failure reproduces. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = '{}[]"\',:=#/*\\\n\r\t .-_$@abcxyz019urlcommandmcpServers\uFEFF\u00e9\ud83d';
const TOKENS = [
  '"mcpServers"',
  '"servers"',
  '"command"',
  '"args"',
  '"env"',
  '"url"',
  '"""',
  "'''",
  '[mcp_servers.a]',
  '[[x]]',
  '${X}',
  'true',
  '0x1f',
  '/*',
  '//',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '=',
  '\n',
  '"hooks"',
  '"permissions"',
  '"mcp"',
];
const FIXTURES: readonly [string, ToolConfigFormat][] = [
  ['positive.mcp.json', 'mcp-json'], ['vscode-mcp.jsonc', 'vscode-mcp'], ['cursor-mcp.json', 'cursor-mcp'],
  ['copilot-mcp.json', 'copilot-mcp'], ['gemini-settings.json', 'gemini-settings'], ['codex-config.toml', 'codex-toml'],
  ['claude-settings.json', 'claude-settings'], ['opencode.jsonc', 'opencode-json'],
]; // prettier-ignore

const LOCATED = /^(f|\.github\/workflows\/w\.yml):\d+:\d+: /;

function randomText(rand: () => number, base: string): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  if (rand() < 0.6) {
    const parts: string[] = [];
    const n = Math.floor(rand() * 60);
    for (let k = 0; k < n; k++) parts.push(rand() < 0.5 ? pick([...ALPHABET]) : pick(TOKENS));
    return parts.join('');
  }
  let text = base;
  const edits = 1 + Math.floor(rand() * 6);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(rand() * (text.length + 1));
    const op = rand();
    if (op < 0.4) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 8));
    else if (op < 0.8) text = text.slice(0, at) + pick(TOKENS) + text.slice(at);
    else text = text.slice(0, at) + pick([...ALPHABET]) + text.slice(at + 1);
  }
  return text;
}

describe('fuzz: parsers never throw', () => {
  it.each(FIXTURES)('%s (%s): 2,000 seeded inputs', (name, format) => {
    const rand = prng(0x5eed ^ (name.length * 7919));
    const base = fixture(name);
    const at = { path: '.github/workflows/w.yml', line: 3, column: 9 };
    const problems: string[] = [];
    for (let n = 0; n < 2000; n++) {
      const text = randomText(rand, base);
      // The YAML parser costs ~1 ms per file-sized input: every 4th input also goes inline.
      const results = [parseToolConfig(text, 'f', format)];
      if (n % 4 === 0) results.push(parseInlineToolConfig(text, 'settings', at));
      for (const result of results) {
        // expect() per input is slow; collect, then assert once (with the inputs that failed).
        const bad = result.warnings.filter((w) => w.includes('internal error') || !LOCATED.test(w));
        if (bad.length > 0 || !Array.isArray(result.servers))
          problems.push(`${JSON.stringify(text)} → ${bad.join('; ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the TOML reader reports, never throws, on 5,000 seeded strings', () => {
    const rand = prng(42);
    const base = fixture('codex-config.toml');
    let errors = 0;
    for (let n = 0; n < 5000; n++) {
      const doc = readToml(randomText(rand, base));
      errors += doc.errors.filter((e) => !(e.line > 0 && e.column > 0)).length;
    }
    expect(errors).toBe(0);
  });
});
