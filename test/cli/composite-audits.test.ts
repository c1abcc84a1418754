/**
 * Issue 10 "Must show": the zizmor-parity audits run on a composite action's steps — the
 * action file given directly, and the same file reached through a caller's `uses: ./…` —
 * located in action.yml. Bad and good fixtures: test/fixtures/composite-audits/. Every check
 * is turned up to `blocked` (and template-injection to low severity) so each hit is visible.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { tempDir } from '../helpers.js';
import { readReport } from './json-report.js';

const DIR = 'test/fixtures/composite-audits';
const AUDITS = [
  'unpinned-uses',
  'insecure-commands',
  'unpinned-images',
  'unverified-script-exec',
  'artipacked',
] as const;

interface Finding {
  ruleId: string;
  job?: string;
  message: string;
  location: { path: string; line: number; column: number };
}

let policy = '';
beforeAll(() => {
  policy = join(tempDir(), 'policy.yml');
  writeFileSync(
    policy,
    [
      'version: 1',
      'extends: baseline',
      'checks:',
      '  template-injection: { decision: blocked, options: { minSeverity: low } }',
      ...AUDITS.map((id) => `  ${id}: blocked`),
      '',
    ].join('\n'),
  );
});

async function findings(target: string): Promise<{ code: number; findings: Finding[] }> {
  let out = '';
  const code = await runCli(['scan', target, '--policy', policy, '--format', 'json'], {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    now: () => new Date('2026-11-21T00:00:00Z'),
  });
  const doc = readReport(out) as { errors: unknown[]; findings: Finding[] };
  expect(doc.errors).toEqual([]);
  return { code, findings: doc.findings };
}

const at = (f: readonly Finding[], rule: string) =>
  f.filter((x) => x.ruleId === rule).map((x) => `${x.location.line}:${x.location.column}`);

describe('zizmor-parity audits on a composite action.yml', () => {
  it.each([
    ['template-injection', ['10:22', '12:22']],
    ['unpinned-uses', ['8:13']],
    ['insecure-commands', ['15:9']],
    ['unpinned-images', ['17:13']],
    ['unverified-script-exec', ['19:12']],
    ['artipacked', ['8:13']],
  ])('bad: %s is found, located in action.yml', async (rule, where) => {
    const { code, findings: f } = await findings(`${DIR}/bad/action.yml`);
    expect(code).toBe(1);
    expect(at(f, rule)).toEqual(where);
    expect(f.find((x) => x.ruleId === rule)?.location.path).toBe(`${DIR}/bad/action.yml`);
  });

  it('bad: the composite inputs are free text (`inputs.title` into run: is template injection)', async () => {
    const { findings: f } = await findings(`${DIR}/bad/action.yml`);
    expect(f.filter((x) => x.ruleId === 'template-injection').map((x) => x.message)).toEqual([
      expect.stringContaining('`github.event.issue.title`'),
      expect.stringContaining('`inputs.title`'),
    ]);
  });

  it('good: the same steps written safely raise none of them', async () => {
    const { code, findings: f } = await findings(`${DIR}/good/action.yml`);
    for (const rule of ['template-injection', ...AUDITS]) expect(at(f, rule), rule).toEqual([]);
    expect(code).toBe(0);
  });

  it("through a caller (`uses: ./.github/actions/x`) the caller job's hits are located in the action file", async () => {
    const repo = tempDir('agent-gate-composite-audits-');
    mkdirSync(join(repo, '.github', 'workflows'), { recursive: true });
    mkdirSync(join(repo, '.github', 'actions', 'x'), { recursive: true });
    cpSync(`${DIR}/bad/action.yml`, join(repo, '.github', 'actions', 'x', 'action.yml'));
    writeFileSync(
      join(repo, '.github', 'workflows', 'ci.yml'),
      'on: issues\npermissions: { contents: read }\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/x\n        with: { title: "${{ github.event.issue.title }}" }\n',
    );
    const { findings: f } = await findings(repo);
    const action = join(repo, '.github', 'actions', 'x', 'action.yml');
    for (const rule of ['insecure-commands', 'unpinned-images', 'unverified-script-exec'])
      expect(
        f.filter((x) => x.ruleId === rule && x.job === 't' && x.location.path === action).length,
        rule,
      ).toBeGreaterThan(0);
  });
});
