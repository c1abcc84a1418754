/**
 * Issue 10.5: a matrix computed by `fromJSON` of another job's output. The bad fixture's plan
 * job outputs the comment body; the good one outputs a JSON literal. Today the flow reaches
 * `matrix.target` only as `needs.plan.outputs.m`, "an output of unknown content" (low
 * severity, below the baseline threshold), whatever the output holds: the job output is not
 * followed into its definition. The `it.fails` case records that gap.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { tempDir } from '../helpers.js';
import { readReport } from './json-report.js';

const DIR = 'test/fixtures/dataflow';

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  location: { path: string; line: number; column: number };
}

async function injections(file: string, policy?: string): Promise<Finding[]> {
  let out = '';
  await runCli(
    [
      'evaluate',
      '--workflow',
      `${DIR}/${file}`,
      '--format',
      'json',
      ...(policy ? ['--policy', policy] : []),
    ],
    {
      stdout: (t) => (out += t),
      stderr: () => undefined,
      now: () => new Date('2026-11-21T00:00:00Z'),
    },
  );
  const doc = readReport(out) as { findings: Finding[] };
  return doc.findings.filter((f) => f.ruleId === 'template-injection');
}

function lowPolicy(): string {
  const file = join(tempDir(), 'policy.yml');
  writeFileSync(
    file,
    'version: 1\nextends: baseline\nchecks:\n  template-injection: { decision: blocked, options: { minSeverity: low } }\n',
  );
  return file;
}

describe('fromJSON of another job output feeds the matrix', () => {
  it('the flow reaches matrix.target through the job output, followed into its definition', async () => {
    const found = await injections('matrix-needs-bad.yml', lowPolicy());
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      location: { path: `${DIR}/matrix-needs-bad.yml`, line: 18 },
    });
    expect(found[0]!.message).toContain('`github.event.comment.body` (through `matrix.target`)');
  });

  it('a matrix of literals (fromJSON of a literal string) injects nothing, even at low severity', async () => {
    const dir = tempDir();
    const file = join(dir, 'wf.yml');
    writeFileSync(
      file,
      'on: issue_comment\npermissions: { contents: read }\njobs:\n  echo:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix: ${{ fromJSON(\'{"target":["a","b"]}\') }}\n    steps:\n      - run: echo "${{ matrix.target }}"\n',
    );
    let out = '';
    await runCli(['evaluate', '--workflow', file, '--format', 'json', '--policy', lowPolicy()], {
      stdout: (t) => (out += t),
      stderr: () => undefined,
      now: () => new Date('2026-11-21T00:00:00Z'),
    });
    const doc = readReport(out) as { findings: Finding[] };
    expect(doc.findings.filter((f) => f.ruleId === 'template-injection')).toEqual([]);
  });

  // GAP (issue 10.5): the job output `m: ${{ github.event.comment.body }}` is not followed
  // (src/engine/workflow/expressions/dataflow.ts:95-111 follows `env.*` and `matrix.*` one
  // level, `needs.*.outputs.*` stops at contexts.ts:32 'structured'), so event text carried
  // through another job's output into `fromJSON(...)` of a matrix is not reported at the
  // baseline threshold, and not told apart from a literal output (matrix-needs-good.yml gives
  // the same low finding).
  it('event text in the other job output is template injection at the default threshold, naming the event field', async () => {
    const bad = await injections('matrix-needs-bad.yml');
    expect(bad).toHaveLength(1);
    expect(bad[0]!.message).toContain('github.event.comment.body');
  });

  it('a literal job output reaches nothing at the default threshold', async () => {
    expect(await injections('matrix-needs-good.yml')).toEqual([]);
  });
});

describe('needs.<job>.outputs.<name> is followed across jobs; cycles and unknown jobs stay unknown', () => {
  const evaluate = async (yaml: string, policy?: string): Promise<Finding[]> => {
    const file = join(tempDir(), 'wf.yml');
    writeFileSync(file, yaml);
    let out = '';
    await runCli(
      ['evaluate', '--workflow', file, '--format', 'json', ...(policy ? ['--policy', policy] : [])],
      {
        stdout: (t) => (out += t),
        stderr: () => undefined,
        now: () => new Date('2026-11-21T00:00:00Z'),
      },
    );
    return (readReport(out) as { findings: Finding[] }).findings.filter(
      (f) => f.ruleId === 'template-injection',
    );
  };
  const chain = (first: string) =>
    `on: issue_comment\npermissions: { contents: read }\njobs:\n  a:\n    runs-on: ubuntu-latest\n    outputs:\n      t: ${first}\n    steps:\n      - run: echo\n  b:\n    needs: a\n    runs-on: ubuntu-latest\n    outputs:\n      u: \${{ needs.a.outputs.t }}\n    steps:\n      - run: echo\n  c:\n    needs: b\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "\${{ needs.b.outputs.u }}"\n`;

  it('bad: event text two jobs away reaches the run: of the third, named, at the default threshold', async () => {
    const found = await evaluate(chain('${{ github.event.comment.body }}'));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(
      '`github.event.comment.body` (through `needs.b.outputs.u`)',
    );
  });

  it('good: a literal two jobs away reaches nothing, even at low severity', async () => {
    expect(await evaluate(chain('fixed'), lowPolicy())).toEqual([]);
  });

  it('a cycle of outputs and an unknown job stay unknown content (low), not a hang', async () => {
    const yaml =
      'on: issue_comment\npermissions: { contents: read }\njobs:\n  a:\n    runs-on: ubuntu-latest\n    outputs:\n      t: ${{ needs.b.outputs.u }}\n    steps:\n      - run: echo\n  b:\n    runs-on: ubuntu-latest\n    outputs:\n      u: ${{ needs.a.outputs.t }}\n    steps:\n      - run: echo "${{ needs.a.outputs.t }}" "${{ needs.ghost.outputs.x }}"\n';
    const found = await evaluate(yaml, lowPolicy());
    expect(found.map((f) => f.severity)).toEqual(['low', 'low']);
    expect(found[0]!.message).toContain('`needs.a.outputs.t`');
    expect(found[1]!.message).toContain('`needs.ghost.outputs.x`');
    expect(await evaluate(yaml)).toEqual([]);
  });
});

describe('an agent prompt fed by another job output', () => {
  const agentWorkflow = (output: string) =>
    `on: issues\npermissions: { contents: read }\njobs:\n  plan:\n    runs-on: ubuntu-latest\n    outputs:\n      text: ${output}\n    steps:\n      - run: echo\n  agent:\n    needs: plan\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@0123456789abcdef0123456789abcdef01234567\n        with:\n          prompt: "Triage: \${{ needs.plan.outputs.text }}"\n          anthropic_api_key: \${{ secrets.KEY }}\n`;
  const agentFindings = async (output: string) => {
    const file = join(tempDir(), 'wf.yml');
    writeFileSync(file, agentWorkflow(output));
    let out = '';
    await runCli(['evaluate', '--workflow', file, '--format', 'json'], {
      stdout: (t) => (out += t),
      stderr: () => undefined,
      now: () => new Date('2026-11-21T00:00:00Z'),
    });
    return (readReport(out) as { findings: Finding[] }).findings.filter(
      (f) => f.ruleId === 'agent-untrusted-input',
    );
  };

  it('bad: the issue body carried by the output reaches the prompt, named', async () => {
    const found = await agentFindings('${{ github.event.issue.body }}');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('github.event.issue.body');
  });

  it('good: a literal output reaches nothing', async () => {
    expect(await agentFindings('a fixed plan')).toEqual([]);
  });
});
