/**
 * Issue 11.7, what report-text.test.ts leaves loose: reasons grouped into one line per reason
 * with the job count; an agent used by two steps is listed once (with both lines); a missing
 * reusable workflow is one gap, not also a "local action" gap; allowed jobs stay one line.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { tempDir } from '../helpers.js';

const PIN = '11bd71901bbe5b1630ceea73d27597364c9af683';
const PUBLISH = `on: push
permissions: { contents: read }
jobs:
  a:
    runs-on: ubuntu-latest
    steps: [{ run: npm publish }]
  b:
    runs-on: ubuntu-latest
    steps: [{ run: npm publish }]
  c:
    runs-on: ubuntu-latest
    steps: [{ run: npm publish }]
  ok:
    runs-on: ubuntu-latest
    steps: [{ run: npm test }]
`;
const AGENT = `on: issues
permissions: { contents: write }
jobs:
  two:
    runs-on: ubuntu-latest
    steps:
      - uses: anthropics/claude-code-action@${PIN}
        with: { prompt: one }
      - uses: anthropics/claude-code-action@${PIN}
        with: { prompt: two }
  call:
    uses: ./.github/workflows/missing.yml
    secrets: inherit
`;

let out = '';
beforeAll(async () => {
  const dir = tempDir('agent-gate-text-shape-');
  mkdirSync(join(dir, '.github/workflows'), { recursive: true });
  writeFileSync(join(dir, '.github/workflows/publish.yml'), PUBLISH);
  writeFileSync(join(dir, '.github/workflows/agent.yml'), AGENT);
  await runCli(['scan', dir], {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    now: () => new Date('2026-11-21T00:00:00Z'),
  });
});

/** The text block of one job (its header line and the indented lines under it). */
function block(job: string): string {
  const blocks = out.split(/\n(?= {2}(?:✓ )?job )/);
  const found = blocks.find(
    (b) => b.startsWith(`  job ${job} `) || b.startsWith(`  ✓ job ${job} `),
  );
  if (!found) throw new Error(`no block for job ${job} in:\n${out}`);
  return found.split(/\n(?=\S)/)[0]!;
}

describe('text report shape', () => {
  it('reasons are grouped: one line per reason with the number of jobs', () => {
    const reasons = out.slice(out.indexOf('\nReasons ('));
    expect(reasons).toMatch(/^Reasons \(5 of 6 jobs gated: 0 blocked, 5 approval-required\):$/m);
    expect(reasons.match(/approve-publish/g)).toHaveLength(1);
    expect(reasons).toMatch(/^ +3 jobs: +approval-required publish \[approve-publish\]$/m);
  });

  it('an allowed job is one line', () => {
    expect(block('ok').trim()).toMatch(/^✓ job ok → allow \(\d+ paths?\)$/);
  });

  it('an agent run by two steps is listed once, with both lines', () => {
    const two = block('two');
    const agents = two.split('\n').filter((l) => l.trimStart().startsWith('agents:'));
    expect(agents).toHaveLength(1);
    expect(agents[0]).toMatch(/agents: claude-code-action@11bd71\w+ \(lines 7, 9;/);
    expect(agents[0]!.match(/claude-code-action/g)).toHaveLength(1);
  });

  it('a missing reusable workflow is one gap, never also a "local action" gap', () => {
    const call = block('call');
    const gaps = call.split('\n').filter((l) => l.trimStart().startsWith('gap:'));
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toContain('reusable workflow ./.github/workflows/missing.yml is not analysed');
    expect(call).not.toContain('local action');
  });
});
