/**
 * Issue 13.4: the hexagon boundary is drawn per folder — everything under src/ is engine
 * except the adapter folders — so a new engine file or folder is covered without editing the
 * lint config. The boundary block is taken from the real eslint.config.js (its own `files` /
 * `ignores`) and run, without type information, on the same offending text at new paths.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

type Block = { files?: unknown; ignores?: unknown; rules?: Record<string, unknown> };

const OFFENDING = [
  "import { getInput } from '@actions/core';",
  "import { readFileSync } from 'node:fs';",
  "import { run } from '../adapters/cli/run-cli.js';",
  'export const x = (): string => getInput(String(readFileSync)) + String(process.env.X) + String(run);',
  '',
].join('\n');

async function ruleHits(filePath: string): Promise<string[]> {
  const url = new URL('../../eslint.config.js', import.meta.url).href;
  const config = ((await import(url)) as { default: Block[] }).default;
  const boundary = config.filter(
    (b) => b.rules && ('no-restricted-imports' in b.rules || 'no-restricted-properties' in b.rules),
  );
  expect(boundary.length).toBeGreaterThan(0);
  const eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
      ...(boundary as ESLint.Options['overrideConfig'][]),
    ] as ESLint.Options['overrideConfig'],
  });
  const [result] = await eslint.lintText(OFFENDING, { filePath });
  return result!.messages.map((m) => `${m.ruleId ?? 'parse'}:${m.line}`);
}

describe('engine boundary lint', () => {
  it.each(['src/engine/new-folder/probe.ts', 'src/engine/probe.ts', 'src/probe.ts'])(
    'bad: a new engine file at %s may not import @actions/*, do I/O, read process.env or import an adapter',
    async (path) => {
      expect(await ruleHits(path)).toEqual([
        'no-restricted-imports:1',
        'no-restricted-imports:2',
        'no-restricted-imports:3',
        'no-restricted-properties:4',
      ]);
    },
  );

  it.each(['src/adapters/action/probe.ts', 'src/adapters/cli/probe.ts'])(
    'good: the same text in an adapter (%s) is allowed',
    async (path) => {
      expect(await ruleHits(path)).toEqual([]);
    },
  );
});
