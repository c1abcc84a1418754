/**
 * One detection finding per (rule, location): a composite action read as a file of its own
 * and through each job that uses it reports its hit once, with every chain in `data.via`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { tempDir } from '../helpers.js';
import { readReport } from '../cli/json-report.js';

const ACTION = `name: setup
runs:
  using: composite
  steps:
    - uses: pnpm/action-setup@v4
`;
const workflow = (job: string): string => `on: push
permissions: { contents: read }
jobs:
  ${job}:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
        with: { persist-credentials: false }
      - uses: ./.github/actions/setup
      - uses: pnpm/action-setup@v4
`;

interface Finding {
  ruleId: string;
  job?: string;
  data?: Record<string, string | number>;
  location: { path: string; line: number };
}

async function scan(): Promise<{ findings: Finding[]; jobs: { id: string; decision: string }[] }> {
  const dir = tempDir('agent-gate-merge-');
  const files = {
    '.github/actions/setup/action.yml': ACTION,
    '.github/workflows/a.yml': workflow('build'),
    '.github/workflows/b.yml': workflow('test'),
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  let out = '';
  await runCli(['scan', dir, '--format', 'json'], {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    now: () => new Date('2026-12-08T00:00:00Z'),
  });
  return readReport(out) as { findings: Finding[]; jobs: { id: string; decision: string }[] };
}

describe('duplicate detection findings', () => {
  it('good: the composite action’s hit is reported once, with every chain that reaches it', async () => {
    const doc = await scan();
    const inAction = doc.findings.filter(
      (f) => f.ruleId === 'unpinned-uses' && f.location.path.endsWith('action.yml'),
    );
    expect(inAction).toHaveLength(1);
    expect(inAction[0]?.data?.chains).toBe(3);
    expect(String(inAction[0]?.data?.via)).toMatch(/job build \(a\.yml:\d+\)/);
    expect(String(inAction[0]?.data?.via)).toMatch(/job test \(b\.yml:\d+\)/);
  });

  it('bad: hits at different places stay separate findings, and each job keeps its verdict', async () => {
    const doc = await scan();
    const inWorkflows = doc.findings.filter(
      (f) => f.ruleId === 'unpinned-uses' && !f.location.path.endsWith('action.yml'),
    );
    expect(inWorkflows.map((f) => f.location.path.split('/').pop()).sort()).toEqual([
      'a.yml',
      'b.yml',
    ]);
    expect(inWorkflows.every((f) => f.data?.chains === undefined)).toBe(true);
    expect(doc.jobs.map((j) => j.id).sort()).toEqual(['action', 'build', 'test']);
  });
});
