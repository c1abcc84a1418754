/**
 * One severity vocabulary (issue 12 item 8): every gated path line of the text report carries
 * the same severity word that the SARIF rule of that path carries (`properties.severity`).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';

async function cli(...argv: string[]): Promise<string> {
  let out = '';
  await runCli(argv, {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    now: () => new Date('2026-11-21T00:00:00Z'),
  });
  return out;
}

describe('severity words', () => {
  it('text path lines and SARIF rules say the same word for the same policy rule', async () => {
    const examples = join(process.cwd(), 'examples');
    const text = await cli('scan', examples);
    const sarif = JSON.parse(await cli('scan', examples, '--format', 'sarif')) as {
      runs: { tool: { driver: { rules: { id: string; properties?: { severity?: string } }[] } } }[];
    };
    const sarifWord = new Map<string, string>();
    for (const run of sarif.runs)
      for (const rule of run.tool.driver.rules)
        if (rule.properties?.severity) sarifWord.set(rule.id, rule.properties.severity);
    const lines = [...text.matchAll(/ \[([a-z0-9-]+)\] \((info|low|medium|high|critical)\)$/gm)];
    expect(lines.length).toBeGreaterThan(0);
    for (const [, rule, word] of lines) expect([rule, sarifWord.get(rule!)]).toEqual([rule, word]);
  });
});
