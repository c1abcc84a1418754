/**
 * A rule that throws (or reports a message id it does not declare) becomes a located "rule
 * failed" error for that job: the job is blocked (fail closed), every other rule and job is
 * still decided, and the run exits 2. A repository that cannot be read is an error of that
 * repository only. The failing rules are injected through the engine's API (the catalog).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import type { CliIo } from '../../src/adapters/cli/run-cli.js';
import { evaluateWorkflow } from '../../src/engine/evaluate.js';
import { loadPolicy } from '../../src/engine/policy/load-policy.js';
import { escapeLogText } from '../../src/engine/escape.js';
import { RULES } from '../../src/engine/rules/index.js';
import { NO_OPTIONS, defineRule } from '../../src/engine/rules/types.js';
import type { Rule } from '../../src/engine/rules/types.js';
import validateReport from '../../src/generated/report-validator.js';
import { memoryReader, tempDir } from '../helpers.js';
import { readFileSync } from 'node:fs';
import { readReport } from './json-report.js';

function failingRule(id: string, fail: (job: string) => 'throw' | 'bad-id' | 'ok'): Rule<unknown> {
  return defineRule<unknown>({
    meta: {
      id,
      title: 'A rule that fails on purpose',
      description: 'Test double: throws, or reports an undeclared message id, on chosen jobs.',
      severity: 'low',
      confidence: 'high',
      category: 'workflow',
      messages: { seen: 'saw job `{{job}}`' },
      peers: [],
      defaults: { baseline: 'allow', strict: 'allow' },
      remediation: 'Nothing to fix: a test double.',
      options: NO_OPTIONS,
    },
    defaultOptions: {},
    check({ job, locate }) {
      const what = fail(job.id);
      if (what === 'throw') throw new Error('boom\n::error::forged annotation');
      if (what === 'bad-id') return [{ at: locate(job.at, { key: true }), messageId: 'nope' }];
      return [];
    },
  });
}

async function cli(
  argv: string[],
  rules?: readonly Rule<unknown>[],
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => new Date('2026-11-21T00:00:00Z'),
    ...(rules ? { rules } : {}),
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

interface Doc {
  decision: string;
  errors: {
    path: string;
    message: string;
    ruleId?: string;
    job?: string;
    location?: { line: number };
  }[];
  jobs: { workflow: string; id: string; decision: string }[];
  findings: {
    ruleId: string;
    decision: string;
    job?: string;
    message: string;
    location: { line: number };
  }[];
}

describe('a rule that fails', () => {
  it('blocks only its job, located, through the engine API', async () => {
    const policy = await loadPolicy('baseline', memoryReader({}));
    const text = readFileSync('examples/release.yml', 'utf8');
    const input = {
      path: 'examples/release.yml',
      text,
      policy,
      context: { event: 'push' } as never, // the rules under test read no context
      now: new Date('2026-11-21T00:00:00Z'),
    };
    const good = evaluateWorkflow({
      ...input,
      rules: [...RULES, failingRule('flaky', () => 'ok')],
    });
    expect(good.ruleFailures).toBeUndefined();
    const bad = evaluateWorkflow({
      ...input,
      rules: [...RULES, failingRule('flaky', () => 'throw')],
    });
    expect(bad.ruleFailures?.map((f) => [f.ruleId, f.job, f.at.line, f.error])).toEqual(
      good.inventory.map((j) => ['flaky', j.job, j.at.line, 'boom ::error::forged annotation']),
    );
    for (const v of bad.decision.jobs) expect(v.decision).toBe('blocked');
    expect(bad.decision.findings.filter((f) => f.ruleId === 'flaky')).toHaveLength(
      good.inventory.length,
    );
  });

  it('scan: the failing job is blocked, the rest decided as without it, exit 2', async () => {
    const dirs = ['examples', '../shared/corpus/openai__codex-action'];
    const plain = await cli(['scan', ...dirs, '--format', 'json'], RULES);
    expect(plain.code).toBe(1);
    const fail = (job: string): 'throw' | 'bad-id' | 'ok' =>
      job === 'autopilot' ? 'throw' : job === 'publish' ? 'bad-id' : 'ok';
    const r = await cli(
      ['scan', ...dirs, '--format', 'json'],
      [...RULES, failingRule('flaky', fail)],
    );
    expect(r.code).toBe(2);
    const before = readReport(plain.out) as Doc;
    expect(validateReport(JSON.parse(r.out)), JSON.stringify(validateReport.errors)).toBe(true);
    const doc = readReport(r.out) as Doc;
    // Every other job keeps its decision; the two failing ones are blocked.
    expect(doc.jobs.map((j) => `${j.workflow}#${j.id}`)).toEqual(
      before.jobs.map((j) => `${j.workflow}#${j.id}`),
    );
    doc.jobs.forEach((j, i) => {
      const expected = ['autopilot', 'publish'].includes(j.id)
        ? 'blocked'
        : before.jobs[i]!.decision;
      expect(`${j.id}:${j.decision}`).toBe(`${j.id}:${expected}`);
    });
    expect(doc.errors.map((e) => [e.ruleId, e.job, e.path])).toEqual([
      ['flaky', 'autopilot', 'examples/nightly-agent.yml'],
      ['flaky', 'publish', 'examples/release.yml'],
    ]);
    expect(doc.errors[0]!.message).toMatch(
      /^examples\/nightly-agent\.yml:\d+:\d+: rule flaky failed on job `autopilot`: boom ::error::forged annotation \(the job is blocked\)$/,
    );
    expect(doc.errors[1]!.message).toContain('message id `nope`, not in its meta.messages');
    const located = doc.findings.filter((f) => f.ruleId === 'flaky');
    expect(located.map((f) => [f.job, f.decision])).toEqual([
      ['autopilot', 'blocked'],
      ['publish', 'blocked'],
    ]);
    expect(located.every((f) => f.location.line > 0)).toBe(true);
    // On stderr (a log) the error text cannot forge a workflow command.
    expect(r.err).not.toMatch(/^::error::/m);
    expect(r.err).toContain(escapeLogText('boom ::error::forged annotation'));
  });

  it('scan: a repository whose policy cannot be loaded is an error; the others are decided', async () => {
    const dir = tempDir();
    const broken = join(dir, 'broken');
    mkdirSync(join(broken, '.github', 'workflows'), { recursive: true });
    writeFileSync(join(broken, '.github', 'workflows', 'ci.yml'), readFileSync('examples/ci.yml'));
    writeFileSync(join(broken, '.github', 'agent-gate.yml'), 'version: 1\nnot-a-key: true\n');
    const r = await cli(['scan', broken, 'examples', '--format', 'json']);
    expect(r.code).toBe(2);
    const doc = readReport(r.out) as Doc;
    expect(doc.errors).toHaveLength(1);
    expect(doc.errors[0]!.path).toBe(broken);
    expect(doc.errors[0]!.message).toContain('repository not scanned');
    expect(doc.errors[0]!.message).toContain('agent-gate.yml');
    expect(doc.jobs.map((j) => j.id)).toEqual(['test', 'fix', 'review', 'autopilot', 'publish']);
  });
});
