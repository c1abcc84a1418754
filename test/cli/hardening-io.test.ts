/**
 * Regressions of issue 14 (hardening, round 2) through the CLI: deep documents end in a
 * located error, never a stack overflow (item 11); legacy `##[` runner commands in names are
 * escaped in the text output (item 12); a job switched off with `if: false` is skipped, not
 * decided (item 14; main decides this through its run-conditions plan, kept here as a regression).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { escapeLogText, escapeMarkdown } from '../../src/engine/escape.js';
import { MAX_NESTING_DEPTH } from '../../src/engine/workflow/source.js';
import { tempDir } from '../helpers.js';
import { readReport } from './json-report.js';

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

const HEAD = [
  'name: deep',
  'on: push',
  'permissions:',
  '  contents: read',
  'jobs:',
  '  a:',
  '    runs-on: ubuntu-latest',
];

/** `levels` block mappings inside each other under the job's `env:` (k0 on line 11). */
function blockDeep(levels: number): string {
  const lines = [...HEAD, '    steps:', '      - run: echo', '    env:'];
  for (let i = 0; i < levels; i++) lines.push(`${' '.repeat(6 + i)}k${i}:`);
  lines.push(`${' '.repeat(6 + levels)}v: 1`);
  return `${lines.join('\n')}\n`;
}

function write(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

describe('deep documents (item 11)', () => {
  it('2,500 nested mappings: a located error, exit 2, no stack overflow', async () => {
    const dir = tempDir();
    const file = write(dir, 'deep.yml', blockDeep(2500));
    const r = await cli('evaluate', '--workflow', file);
    expect(r.code).toBe(2);
    // The root mapping is level 1, jobs' 2, the job's 3, env's (holding k0) 4: the mapping
    // holding k61 (line 11 + 61, column 7 + 61) is the 65th.
    expect(r.err).toBe(
      `agent-gate: ${file}:72:68: mappings and sequences nest deeper than ${MAX_NESTING_DEPTH} levels here; the file is refused rather than read\n`,
    );
    expect(r.err).not.toMatch(/call stack|internal error/i);
  });

  it('deep flow collections in a workflow and in a policy are located too', async () => {
    const dir = tempDir();
    const flow = write(
      dir,
      'flow.yml',
      `${[...HEAD, '    steps:', '      - run: echo', `    env: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}`].join('\n')}\n`,
    );
    const r = await cli('evaluate', '--workflow', flow);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`${flow}:10:\\d+: mappings and sequences nest deeper`));
    const policy = write(
      dir,
      'policy.yml',
      `version: 1\nrules: ${'['.repeat(3000)}${']'.repeat(3000)}\n`,
    );
    const v = await cli('validate', policy);
    expect(v.code).toBe(2);
    expect(v.err).toMatch(new RegExp(`${policy}:2:\\d+: mappings and sequences nest deeper`));
  });

  it('a scan reports the deep file and still decides the others', async () => {
    const dir = tempDir();
    write(dir, '.github/workflows/deep.yml', blockDeep(2500));
    write(
      dir,
      '.github/workflows/ok.yml',
      `${[...HEAD, '    steps:', '      - run: npm test'].join('\n')}\n`,
    );
    const r = await cli('scan', dir, '--format', 'json');
    const doc = readReport(r.out) as {
      jobs: { id: string; decision: string }[];
      errors?: { path?: string; message?: string }[];
    };
    expect(JSON.stringify(doc)).toContain('nest deeper than 64 levels');
    expect(doc.jobs.map((j) => j.decision)).toEqual(['allow']);
  });

  it(`${MAX_NESTING_DEPTH - 5} levels are read as usual`, async () => {
    const dir = tempDir();
    const file = write(dir, 'ok.yml', blockDeep(MAX_NESTING_DEPTH - 5));
    const r = await cli('evaluate', '--workflow', file);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('legacy runner commands (item 12)', () => {
  it('the one escape function neutralises `##[` as it does `::`', () => {
    for (const cmd of ['##[error]x', 'a ##[add-mask]secret', '##[set-output name=x;]y']) {
      expect(escapeLogText(cmd)).not.toContain('##[');
      expect(escapeMarkdown(cmd)).not.toContain('##[');
    }
    expect(escapeLogText('::error::x')).not.toContain('::');
    expect(escapeLogText('issue #12 [fixed]')).toBe('issue #12 [fixed]');
  });

  it('names from the workflow reach the text output without a runnable `##[` command', async () => {
    const dir = tempDir();
    const file = write(
      dir,
      '##[error]wf.yml',
      [
        'name: "##[error]workflow name"',
        'on: push',
        'jobs:',
        '  build:',
        '    name: "##[set-output name=x;]job name"',
        '    runs-on: ubuntu-latest',
        '    environment: "##[add-mask]production"',
        '    steps:',
        '      - name: "##[error]step"',
        '        run: npm publish',
        '      - uses: anthropics/claude-code-action@v1',
        '        with:',
        `          mcp_config: '{"mcpServers": {"##[error]srv": {"command": "npx", "args": ["x"]}}}'`,
        '',
      ].join('\n'),
    );
    const r = await cli('evaluate', '--workflow', file, '--verbose');
    expect(r.code).not.toBe(2);
    expect(r.out).toContain('#\u200b#[');
    expect(r.out + r.err).not.toContain('##[');
    const scan = await cli('scan', dir, '--verbose');
    expect(scan.out + scan.err).not.toContain('##[');
  });
});

describe('jobs switched off with `if: false` (item 14)', () => {
  const workflow = (condition: string): string =>
    [
      'on: push',
      'permissions:',
      '  contents: read',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: npm test',
      '  nuke:',
      `    if: ${condition}`,
      '    runs-on: ubuntu-latest',
      '    permissions:',
      '      contents: write',
      '    steps:',
      '      - run: gh pr merge --admin 1',
      '',
    ].join('\n');

  it('a literal `if: false` job is recorded as skipped and does not block the others', async () => {
    const dir = tempDir();
    for (const condition of ['false', '${{ false }}', "false && github.ref == 'x'"]) {
      const file = write(dir, 'off.yml', workflow(condition));
      const r = await cli('evaluate', '--workflow', file);
      expect(r.code, `${condition}\n${r.out}${r.err}`).toBe(0);
      expect(r.out).toMatch(/job nuke → allow — cannot run: .*false/);
      const json = readReport(
        (await cli('evaluate', '--workflow', file, '--format', 'json')).out,
      ) as {
        decision: string;
        jobs: { id: string; decision: string }[];
      };
      expect(json.decision).toBe('allow');
    }
  });

  it('a condition that can be true still blocks', async () => {
    const dir = tempDir();
    for (const condition of [
      'github.ref == "refs/heads/main"',
      'false || true',
      "${{ 'false' }}",
    ]) {
      const file = write(dir, 'on.yml', workflow(condition));
      const r = await cli('evaluate', '--workflow', file);
      expect(r.code, condition).toBe(1);
      expect(r.out).toContain('job nuke → BLOCKED');
    }
  });
});
