/**
 * Issue 12 item 9 (and 12's `github` format): GitHub shows 10 error, 10 warning and 10 notice
 * annotations per step and drops the rest. The most severe come first within those limits,
 * the last notice says how many more there are, every value is escaped as the runner
 * decodes it, and findings that do not gate are not titled "allow".
 */
import { writeFileSync } from 'node:fs';
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

/** `n` jobs that each merge with --admin (blocked) and `n` that publish (approval). */
function crowdedWorkflow(n: number): string {
  const jobs: string[] = [];
  for (let i = 0; i < n; i++) {
    jobs.push(
      `  merge${i}:\n    runs-on: x\n    steps:\n      - run: gh pr merge --admin 100%`,
      `  publish${i}:\n    runs-on: x\n    steps:\n      - run: npm publish`,
    );
  }
  // One job, last in the file, whose agent runs with permissions bypassed and write access:
  // the most severe finding of all, which must not be the one GitHub drops.
  jobs.push(
    '  agent:\n    runs-on: x\n    permissions: { contents: write }\n    steps:\n      - run: claude -p "go" --dangerously-skip-permissions',
  );
  return `on: [push, issue_comment]\npermissions: {}\njobs:\n${jobs.join('\n')}\n`;
}

interface Finding {
  ruleId: string;
  decision: string;
  severity: string;
}

const RANK = ['info', 'low', 'medium', 'high', 'critical'];

function commands(out: string): { level: string; props: string; message: string }[] {
  return out
    .split('\n')
    .filter((l) => l.startsWith('::'))
    .map((l) => {
      const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(l);
      if (!m) throw new Error(`not a workflow command: ${l}`);
      return { level: m[1]!, props: m[2]!, message: m[3]! };
    });
}

describe('annotations within GitHub’s per-step limits', () => {
  it('at most 10 of each level, most severe first, and a notice counting the rest', async () => {
    const dir = tempDir();
    const file = join(dir, 'crowded.yml');
    writeFileSync(file, crowdedWorkflow(12));
    const json = readReport((await cli('evaluate', file, '-f', 'json')).out) as {
      findings: Finding[];
    };
    const r = await cli('evaluate', file, '-f', 'github');
    expect(r.code).toBe(1);
    const lines = commands(r.out);
    const count = (level: string) => lines.filter((l) => l.level === level).length;
    expect(count('error')).toBe(10);
    expect(count('warning')).toBe(10);
    expect(count('notice')).toBeLessThanOrEqual(10);

    const blocked = json.findings.filter((f) => f.decision === 'blocked');
    const approval = json.findings.filter((f) => f.decision === 'approval-required');
    const reported = json.findings.filter((f) => f.decision === 'allow');
    expect(blocked.length).toBeGreaterThan(10);
    expect(approval.length).toBeGreaterThan(10);
    // The most severe blocked findings are the ones shown.
    const bySeverity = [...blocked].sort(
      (a, b) => RANK.indexOf(b.severity) - RANK.indexOf(a.severity),
    );
    const shown = lines
      .filter((l) => l.level === 'error')
      .map((l) => /\(([^)]+)\)$/.exec(l.props)?.[1]);
    expect(shown).toEqual(bySeverity.slice(0, 10).map((f) => f.ruleId));
    expect(shown[0]).toBe('agent-permissions-bypassed');

    const last = lines.at(-1)!;
    expect(last.level).toBe('notice');
    const omitted = blocked.length - 10 + (approval.length - 10) + Math.max(0, reported.length - 9);
    expect(last.message).toMatch(
      new RegExp(
        `^${omitted} more findings \\(${blocked.length - 10} blocked, ${approval.length - 10} needing approval`,
      ),
    );
    expect(r.out.trimEnd().split('\n').at(-1)).toBe('agent-gate: decision blocked');
  });

  it('a small report is annotated whole, with no overflow notice', async () => {
    const r = await cli('evaluate', 'examples/release.yml', '-f', 'github');
    const lines = commands(r.out);
    expect(lines.some((l) => l.message.includes('more finding'))).toBe(false);
    // The publish, and the package.json lifecycle scripts it runs, which cannot be read
    // without the repository (an opaque path holding the npm token).
    expect(lines.filter((l) => l.level === 'warning')).toHaveLength(2);
    expect(lines[0]!.props).toMatch(
      /^file=examples\/release\.yml,line=\d+,col=\d+,title=agent-gate%3A approval-required \(approve-publish\)$/,
    );
  });

  it('values are escaped as the runner decodes them; report-only findings are not titled allow', async () => {
    const dir = tempDir();
    const file = join(dir, 'odd,name:1.yml');
    writeFileSync(file, crowdedWorkflow(1));
    const r = await cli('evaluate', file, '-f', 'github', '-v');
    const lines = commands(r.out);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) {
      expect(l.props).toContain('odd%2Cname%3A1.yml');
      expect(l.props).not.toMatch(/title=[^,]*allow/);
      expect(l.message).not.toMatch(/%(?!25|0A|0D)/);
    }
    expect(lines.some((l) => l.message.includes('100%25'))).toBe(true);
    expect(
      lines
        .filter((l) => l.level === 'notice')
        .every((l) => /title=agent-gate%3A reported%2C does not gate \(/.test(l.props)),
    ).toBe(true);
  });
});
