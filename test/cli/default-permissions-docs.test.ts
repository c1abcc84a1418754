/**
 * Issue 11.2: `--default-permissions` is documented where a user looks — `scan --help`
 * (and `evaluate --help`) and the README's CLI section — together with the policy setting
 * `repository: { default-permissions: read }` that states it once for an organisation.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';

async function help(command: string): Promise<string> {
  let out = '';
  const code = await runCli([command, '--help'], {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    now: () => new Date('2026-11-21T00:00:00Z'),
  });
  expect(code).toBe(0);
  return out.replace(/\s+/g, ' ');
}

describe('--default-permissions is documented', () => {
  it.each(['scan', 'evaluate'])(
    '`%s --help` lists the flag, its values and the policy setting',
    async (command) => {
      const text = await help(command);
      expect(text).toContain('--default-permissions read|write|unknown');
      expect(text).toMatch(/unknown \(the default\) assumes write/);
      expect(text).toContain('repository: { default-permissions: read }');
    },
  );

  it('the README documents the flag, the precedence, and the policy setting', () => {
    const readme = readFileSync('README.md', 'utf8');
    const flat = readme.replace(/\s+/g, ' ');
    expect(readme).toMatch(/^agent-gate scan .*\[--default-permissions read\|write\|unknown\]/m);
    expect(flat).toMatch(
      /- `--default-permissions read\|write\|unknown` — the repository's default `GITHUB_TOKEN` permissions/,
    );
    expect(flat).toContain('`repository: { default-permissions: read }`');
    expect(flat).toContain('**Precedence**');
  });
});
