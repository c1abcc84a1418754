/**
 * Every step structure: steps inside `parallel:` groups are analysed like any step (under
 * both presets), `background` / `wait` / `wait-all` / `cancel` parse, and an unknown workflow,
 * job or step key is a located input error (exit 2) — never silently skipped.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { readReport } from './json-report.js';

const DIR = 'test/fixtures/structure';

async function evaluate(file: string, policy: string) {
  let out = '';
  let err = '';
  const code = await runCli(
    ['evaluate', '--workflow', `${DIR}/${file}`, '--policy', policy, '--format', 'json'],
    {
      stdout: (t) => (out += t),
      stderr: (t) => (err += t),
      now: () => new Date('2026-11-21T00:00:00Z'),
    },
  );
  return { code, out, err };
}

interface Finding {
  ruleId: string;
  decision: string;
  location: { path: string; line: number; column: number };
}

describe.each(['baseline', 'strict'])('parallel step groups under %s', (policy) => {
  it('an injection and an @main action inside a group are found, located in the group', async () => {
    const r = await evaluate('parallel-bad.yml', policy);
    expect(r.code).not.toBe(0);
    const doc = readReport(r.out) as { findings: Finding[] };
    const injection = doc.findings.find((f) => f.ruleId === 'template-injection');
    expect(injection?.location).toEqual({ path: `${DIR}/parallel-bad.yml`, line: 14, column: 28 });
    expect(injection?.decision).not.toBe('allow');
    const unpinned = doc.findings.find((f) => f.ruleId === 'unpinned-uses');
    expect(unpinned?.location.line).toBe(16);
  });

  it('the same group with env-passed text and a pinned action has neither finding', async () => {
    const r = await evaluate('parallel-good.yml', policy);
    const doc = readReport(r.out) as { findings: Finding[] };
    expect(doc.findings.map((f) => f.ruleId)).not.toContain('template-injection');
    expect(doc.findings.map((f) => f.ruleId)).not.toContain('unpinned-uses');
  });
});

describe('closed world: unknown keys are located input errors', () => {
  it.each([
    ['unknown-step-key.yml', 7, 'unknown key `run-after`'],
    ['unknown-job-key.yml', 5, 'unknown key `pre-steps`'],
    ['nested-parallel.yml', 8, 'a parallel group cannot contain another one'],
    ['unknown-workflow-key.yml', 2, 'workflow: unknown key `on-extra`'],
  ])('%s', async (file, line, message) => {
    const r = await evaluate(file, 'baseline');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${DIR}/${file}:${line}:`);
    expect(r.err).toContain(message);
  });

  it("every top-level key of GitHub's workflow schema is known (description, run-name, defaults, concurrency, …)", async () => {
    const r = await evaluate('workflow-keys.yml', 'baseline');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('background, wait, wait-all and cancel steps are known keys', async () => {
    const r = await evaluate('parallel-good.yml', 'baseline');
    // Not an input error (exit 2); the decision itself is the policy's (an unfetched remote
    // action in an unattended job is an opaque path that needs approval).
    expect(r.code).not.toBe(2);
    expect(r.err).toBe('');
  });
});
