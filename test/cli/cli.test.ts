import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
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

describe('exit codes', () => {
  it.each([
    ['examples/ci.yml', 0, 'allow'],
    ['examples/claude-review.yml', 0, 'allow'],
    ['examples/claude-fix-issue.yml', 3, 'approval-required'],
    ['examples/release.yml', 3, 'approval-required'],
    ['examples/nightly-agent.yml', 1, 'blocked'],
  ])('evaluate %s → exit %i (%s)', async (file, code, decision) => {
    const r = await cli('evaluate', '--workflow', file, '--format', 'json');
    expect(r.code).toBe(code);
    const doc = readReport(r.out) as {
      schemaVersion: number;
      decision: string;
      jobs: { id: string; decision: string; agents: unknown[] }[];
      findings: { location: { path: string; line: number } }[];
    };
    expect(doc.schemaVersion).toBe(1);
    expect(doc.decision).toBe(decision);
    expect(doc.jobs.every((j) => Array.isArray(j.agents))).toBe(true);
    expect(doc.findings.every((f) => f.location.path === file && f.location.line > 0)).toBe(true);
  });

  it('scan of the examples is blocked overall and lists every job', async () => {
    const r = await cli('scan', 'examples', '--format', 'json');
    expect(r.code).toBe(1);
    const doc = readReport(r.out) as { jobs: { id: string; decision: string }[] };
    expect(doc.jobs.map((j) => `${j.id}:${j.decision}`)).toEqual([
      'test:allow',
      'fix:approval-required',
      'review:allow',
      'autopilot:blocked',
      'publish:approval-required',
    ]);
  });

  it('--job limits the decision to that job; --event and --actor feed the context', async () => {
    const r = await cli(
      'evaluate',
      '--workflow',
      'examples/claude-review.yml',
      '--job',
      'review',
      '--event',
      'pull_request',
      '--actor',
      'renovate[bot]',
      '--format',
      'json',
    );
    const doc = readReport(r.out) as {
      bom: { workflows: { jobs: { triggers: string[]; unattendedReasons: string[] }[] }[] };
    };
    const job = doc.bom.workflows[0]!.jobs[0]!;
    expect(job.triggers).toEqual(['pull_request']);
    expect(job.unattendedReasons).toContain('actor renovate[bot] is a bot or agent');
  });

  it('--changed-file makes a workflow change a modify-workflow path', async () => {
    const r = await cli(
      'evaluate',
      '--workflow',
      'examples/ci.yml',
      '--changed-file',
      '.github/workflows/ci.yml',
    );
    expect(r.code).toBe(3);
    expect(r.out).toMatch(
      /modify-workflow .*the pull request changes a workflow file: \.github\/workflows\/ci\.yml \[approve-modify-workflow\]/,
    );
  });
});

describe('formats', () => {
  it('text is readable and names locations', async () => {
    const r = await cli('evaluate', '--workflow', 'examples/nightly-agent.yml');
    expect(r.out).toMatch(/job autopilot → BLOCKED/);
    expect(r.out).toMatch(/✗ blocked\s+bypass-checks\s+examples\/nightly-agent\.yml:18:14/);
    expect(r.out).toMatch(/Decision: BLOCKED .*exit 1/);
  });

  it('sarif and markdown render; --out writes all three files', async () => {
    const out = tempDir();
    const r = await cli(
      'evaluate',
      '--workflow',
      'examples/release.yml',
      '--format',
      'sarif',
      '--out',
      out,
    );
    const sarif = JSON.parse(r.out) as {
      version: string;
      runs: { results: { ruleId: string; level: string }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0]!.results.map((x) => [x.ruleId, x.level]);
    expect(results.filter(([, level]) => level !== 'note')).toEqual([
      ['approve-publish', 'warning'],
      ['approve-opaque-with-credentials', 'warning'],
    ]);
    expect(results.filter(([, level]) => level === 'note').length).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toMatch(
      /^## agent-gate: ⏸️ approval required/,
    );
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))).toMatchObject({
      decision: 'approval-required',
    });
  });
});

describe('bad input is a clear error with exit 2', () => {
  it.each([
    [['frobnicate'], /unknown command: frobnicate/],
    [['evaluate'], /evaluate needs --workflow/],
    [
      ['evaluate', '--workflow', 'examples/ci.yml', '--format', 'yaml'],
      /--format must be one of: text, json, sarif, markdown, github, html \(got yaml\)/,
    ],
    [['evaluate', '--workflow', 'examples/ci.yml', '--bogus'], /unknown option: --bogus/],
    [['evaluate', '--workflow', 'missing.yml'], /missing\.yml: cannot read \(ENOENT\)/],
    [
      ['evaluate', '--workflow', 'examples/ci.yml', '--job', 'nope'],
      /examples\/ci\.yml:9:1: unknown job `nope`; the workflow has: test/,
    ],
    [
      ['evaluate', '--workflow', 'examples/ci.yml', '--policy', 'nope.yml'],
      /cannot read policy file nope\.yml/,
    ],
    [['scan', 'no-such-dir'], /no-such-dir: no such file or directory/],
  ])('%j', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('malformed YAML and invalid policies name file:line:column', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yml'), 'on: push\njobs:\n  a:\n    steps: [\n');
    writeFileSync(
      join(dir, 'policy.yml'),
      'version: 1\nrules:\n  - id: x\n    when: { class: publish, klass: 1 }\n    decision: nope\n    reason: r\n',
    );
    const yaml = await cli('evaluate', '--workflow', join(dir, 'bad.yml'));
    expect(yaml.code).toBe(2);
    expect(yaml.err).toMatch(new RegExp(`${join(dir, 'bad.yml')}:\\d+:\\d+: invalid YAML`));
    const policy = await cli('validate', join(dir, 'policy.yml'));
    expect(policy.code).toBe(2);
    expect(policy.err).toContain(
      `${join(dir, 'policy.yml')}:4:29: invalid policy: rules.0.when: unknown key \`klass\``,
    );
    expect(policy.err).toContain(
      `${join(dir, 'policy.yml')}:5:15: rules.0.decision: must be one of: allow, approval-required, blocked`,
    );
  });

  it('an unparsable file in a scan is an input error (exit 2), the others still reported', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'good.yml'),
      'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: make }]\n',
    );
    writeFileSync(join(dir, 'bad.yml'), 'on: push\njobs: [\n');
    const r = await cli('scan', dir, '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.yml:\d+:\d+: invalid YAML/);
    const doc = readReport(r.out) as {
      decision: string;
      jobs: { id: string; decision: string }[];
      errors: { path: string; message: string }[];
    };
    expect(doc.jobs.map((j) => `${j.id}:${j.decision}`)).toEqual(['a:allow']);
    expect(doc.errors).toEqual([
      {
        path: join(dir, 'bad.yml'),
        message: expect.stringMatching(/bad\.yml:\d+:\d+: invalid YAML/),
      },
    ]);
  });

  it('validate accepts the presets and the examples policy', async () => {
    const r = await cli('validate', 'baseline', 'strict');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/baseline: valid/);
  });
});

describe('the bundled CLI (dist/cli/index.js)', () => {
  it('runs as the package bin with the same exit codes', () => {
    const help = spawnSync(process.execPath, ['dist/cli/index.js', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(
      /Exit codes: 0 allow · 1 blocked · 2 usage or input error · 3 approval-required/,
    );
    const run = spawnSync(
      process.execPath,
      ['dist/cli/index.js', 'evaluate', '--workflow', 'examples/release.yml'],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(3);
    const bad = spawnSync(
      process.execPath,
      ['dist/cli/index.js', 'evaluate', '--workflow', 'examples/ci.yml', '--job', 'x'],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(2);
    expect(readFileSync('dist/cli/index.js', 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(
      true,
    );
  });
});

describe('rules', () => {
  it('lists the detection-rule catalog as text, JSON and Markdown', async () => {
    const text = await cli('rules');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^excessive-permissions\s+high\s+high\s+baseline allow/m);
    const json = await cli('rules', '--format', 'json');
    const rules = JSON.parse(json.out) as { id: string; defaults: Record<string, string> }[];
    expect(rules.length).toBeGreaterThanOrEqual(26);
    expect(rules.find((r) => r.id === 'agent-permissions-bypassed')?.defaults).toEqual({
      baseline: 'blocked',
      strict: 'blocked',
    });
    const md = await cli('rules', '--format', 'markdown');
    expect(md.out).toMatch(/^# Detection rules/);
    expect((await cli('rules', '--format', 'sarif')).code).toBe(2);
    expect((await cli('rules', 'extra')).code).toBe(2);
  });
});
