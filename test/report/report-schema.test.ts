/**
 * The CLI's JSON report against its published schema (policies/report.schema.json, through
 * the generated validator): real output of `scan` over the examples and a corpus subset, and
 * of `evaluate`; and documents the schema must reject.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import validateReport from '../../src/generated/report-validator.js';
import { CORPUS_SUBSET } from './corpus-subset.js';

async function json(...argv: string[]): Promise<{ code: number; doc: unknown }> {
  let out = '';
  const code = await runCli([...argv, '--format', 'json'], {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    now: () => new Date('2026-11-21T00:00:00Z'),
  });
  return { code, doc: JSON.parse(out) as unknown };
}

function errorsOf(doc: unknown): string[] {
  return validateReport(doc)
    ? []
    : (validateReport.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe('report.schema.json', () => {
  it('describes the scan of the examples', async () => {
    const { code, doc } = await json('scan', 'examples');
    expect(code).toBe(1);
    expect(errorsOf(doc)).toEqual([]);
  });

  it('describes a corpus subset scan (agents, tools, roles, environments, calls)', async () => {
    expect(CORPUS_SUBSET.every((d) => existsSync(d))).toBe(true);
    const { doc } = await json('scan', ...CORPUS_SUBSET, '--all-triggers');
    expect(errorsOf(doc)).toEqual([]);
    const report = doc as { workflows: { jobs: unknown[] }[] };
    expect(report.workflows.flatMap((w) => w.jobs).length).toBeGreaterThan(50);
  }, 240_000); // a scan of nine real repositories: slow on a busy machine

  it('describes an evaluate and the schemaVersion', async () => {
    const { doc } = await json('evaluate', '--workflow', 'examples/release.yml');
    expect(errorsOf(doc)).toEqual([]);
    expect((doc as { schemaVersion: number }).schemaVersion).toBe(2);
  });

  it('describes a scan with a directory that holds no workflow (an error entry)', async () => {
    const { code, doc } = await json('scan', 'examples', 'docs');
    expect(code).toBe(2);
    expect((doc as { errors: unknown[] }).errors).toHaveLength(1);
    expect(errorsOf(doc)).toEqual([]);
  });

  it('rejects an unknown field, a missing field and another schemaVersion', async () => {
    const { doc } = await json('evaluate', '--workflow', 'examples/ci.yml');
    const good = doc as Record<string, unknown>;
    expect(errorsOf({ ...good, extra: 1 })).toContain(' must NOT have additional properties');
    const missing = Object.fromEntries(Object.entries(good).filter(([k]) => k !== 'workflows'));
    expect(errorsOf(missing).join('\n')).toMatch(/must have required property 'workflows'/);
    expect(errorsOf({ ...good, schemaVersion: 1 })).toContain(
      '/schemaVersion must be equal to constant',
    );
    const bad = structuredClone(good) as { workflows: { jobs: { decision: string }[] }[] };
    bad.workflows[0]!.jobs[0]!.decision = 'maybe';
    expect(errorsOf(bad).join('\n')).toMatch(/\/workflows\/0\/jobs\/0\/decision/);
  });

  it('rejects checklist evidence that copies a fact instead of naming it, an unknown score, a bad location', async () => {
    const { doc } = await json('evaluate', '--workflow', 'examples/ci.yml');
    type Record2 = {
      evidence: object[];
      controls: unknown[][];
      jobs: { at: unknown }[];
    };
    const good = doc as { workflows: Record2[] };
    const edit = (change: (w: Record2) => void) => {
      const copy = structuredClone(good);
      change(copy.workflows[0]!);
      return copy;
    };
    expect(errorsOf(edit((w) => void (w.evidence[0] = { credential: 'github-token' })))).toEqual(
      [],
    );
    expect(
      errorsOf(
        edit((w) => void (w.evidence[0] = { credential: 'github-token', text: 'copied' })),
      ).join('\n'),
    ).toMatch(/\/workflows\/0\/evidence\/0/);
    expect(errorsOf(edit((w) => void (w.controls[0]![0] = 0.25))).join('\n')).toMatch(
      /\/workflows\/0\/controls\/0/,
    );
    expect(
      errorsOf(edit((w) => void (w.jobs[0]!.at = { path: 'x', line: 1, column: 1 }))),
    ).not.toEqual([]);
  });
});
