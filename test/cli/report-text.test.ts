/**
 * Reading the text report: gated jobs in full, allowed jobs one line each (a count with
 * --quiet), reasons grouped, the checklist band only for agent jobs, each agent once, paths
 * relative to the working directory.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { tempDir } from '../helpers.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => new Date('2026-11-21T00:00:00Z'),
  });
  return { code, out, err };
}

describe('text report', () => {
  it('gated jobs in full, allowed ones in one line, relative paths, grouped reasons', async () => {
    const r = await cli('scan', join(process.cwd(), 'examples'));
    expect(r.code).toBe(1);
    // Paths under the working directory are shown relative to it.
    expect(r.out).not.toContain(process.cwd());
    expect(r.out).toMatch(/^examples\/ci\.yml \(on push; also pull_request → allow\)$/m);
    // The allowed CI job: one line, no details.
    expect(r.out).toMatch(/^ {2}✓ job test → allow \(\d+ paths\)$/m);
    // A gated job keeps its details.
    expect(r.out).toMatch(/^ {2}job autopilot → BLOCKED$/m);
    expect(r.out).toMatch(/^ {4}credentials: /m);
    expect(r.out).toMatch(
      /^Reasons \(\d+ of \d+ jobs gated: \d+ blocked, \d+ approval-required\):$/m,
    );
    expect(r.out).toMatch(
      /^ +\d+ jobs?: blocked destructive \[block-destructive\]|^ +\d+ jobs?: /m,
    );
  });

  it('--quiet counts the allowed jobs instead', async () => {
    const r = await cli('scan', 'examples', '--quiet');
    expect(r.out).not.toMatch(/✓ job test → allow/);
    expect(r.out).toMatch(/^ {2}✓ 1 allowed job$/m);
    expect(r.out).toMatch(/^ {2}job autopilot → BLOCKED$/m);
  });

  it('the checklist band only for jobs that run an agent', async () => {
    const r = await cli('scan', 'examples', '--verbose');
    const blocks = r.out.split(/\n(?= {2}job )/);
    const release = blocks.find((b) => b.startsWith('  job publish'));
    const agent = blocks.find((b) => b.startsWith('  job autopilot'));
    expect(release).toBeDefined();
    expect(release).not.toContain('checklist:');
    expect(agent).toContain('checklist:');
  });

  it('counts the decisions resting on the assumed repository default', async () => {
    const dir = tempDir('agent-gate-text-');
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(
      join(dir, '.github/workflows/ci.yml'),
      'on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: make }]\n  b:\n    runs-on: x\n    permissions: { contents: read }\n    steps: [{ run: make }]\n',
    );
    const unknown = await cli('scan', dir);
    expect(unknown.out).toContain(
      'Assumption: 1 job uses the repository default token, unknown and assumed write; 1 of them gated on it',
    );
    expect(unknown.out).toMatch(/^ +1 job: +repository default token assumed write — state it/m);
    const read = await cli('scan', dir, '--default-permissions', 'read');
    expect(read.out).not.toContain('Assumption:');
    expect(read.code).toBe(0);
  });
});
