/**
 * schemaVersion 2 writes each fact once: read back through resolve-report.ts it holds every
 * fact the schemaVersion 1 report held (v1-report.ts), for the examples and a corpus subset —
 * except the fields that moved on purpose: a run step's script (the workflow's text at the
 * step's location; the evidence pack's bom.json still copies it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_CONTEXT } from '../../src/engine/context/run-context.js';
import { evaluateWorkflow } from '../../src/engine/evaluate.js';
import type { Evaluation } from '../../src/engine/evaluate.js';
import { loadPolicy } from '../../src/engine/policy/load-policy.js';
import type { Policy } from '../../src/engine/policy/types.js';
import { renderJson } from '../../src/engine/report/render-json.js';
import { buildReport } from '../../src/engine/report/report.js';
import { resolveReport } from '../../src/engine/report/resolve-report.js';
import { memoryReader } from '../helpers.js';
import { CORPUS_SUBSET } from './corpus-subset.js';
import { toJsonDocumentV1 } from './v1-report.js';

let baseline: Policy;
beforeAll(async () => {
  baseline = await loadPolicy('baseline', memoryReader({}));
});

function evaluate(path: string): Evaluation {
  return evaluateWorkflow({
    path,
    text: readFileSync(path, 'utf8'),
    policy: baseline,
    context: EMPTY_CONTEXT,
    now: new Date('2026-11-21T00:00:00Z'),
  });
}

function workflowsIn(dir: string): string[] {
  const at = join(dir, '.github', 'workflows');
  return readdirSync(at)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(at, f));
}

/** v1 with the moved fields as v2 resolves them. */
function v1Facts(doc: Record<string, unknown>): unknown {
  const copy = JSON.parse(JSON.stringify(doc)) as {
    bom: { workflows: { jobs: { runs: { script: unknown }[] }[] }[] };
  };
  for (const w of copy.bom.workflows)
    for (const j of w.jobs) for (const r of j.runs) r.script = null;
  return copy;
}

function compare(files: readonly string[]): { v1: number; v2: number } {
  const evaluations: Evaluation[] = [];
  for (const f of files) {
    try {
      evaluations.push(evaluate(f));
    } catch {
      // A file that cannot be evaluated is not part of this comparison.
    }
  }
  const report = buildReport(baseline, evaluations, []);
  const v2 = renderJson(report);
  const v1 = JSON.stringify(toJsonDocumentV1(report));
  const resolved = resolveReport(JSON.parse(v2) as Record<string, unknown>);
  const before = v1Facts(JSON.parse(v1) as Record<string, unknown>);
  // resolveReport says schemaVersion 1: the facts are v1's, in v1's shape.
  expect(resolved).toEqual(before);
  return { v1: v1.length, v2: v2.length };
}

describe('schemaVersion 2: each fact once', () => {
  it('resolves to the schemaVersion 1 facts for the examples', () => {
    const sizes = compare(
      workflowsIn('.').concat(
        readdirSync('examples')
          .filter((f) => f.endsWith('.yml'))
          .map((f) => join('examples', f)),
      ),
    );
    expect(sizes.v2).toBeLessThan(sizes.v1);
  });

  it('resolves to the schemaVersion 1 facts for a corpus subset, in well under half the bytes', () => {
    const sizes = compare(CORPUS_SUBSET.flatMap(workflowsIn));
    expect(sizes.v2 * 2).toBeLessThan(sizes.v1);
  }, 240_000);
});
