/**
 * One fixture pair per action class (test/fixtures/classes/<class>/in.yml and out.yml): the
 * `in` job is in the class and the baseline preset decides that class as DESIGN.md §5 says;
 * the `out` job is not in it. Every job reads, so `read` has no `out` fixture.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_CONTEXT } from '../../src/engine/context/run-context.js';
import { evaluateWorkflow } from '../../src/engine/evaluate.js';
import { ACTION_CLASSES } from '../../src/engine/inventory/action-classes.js';
import type { ActionClass } from '../../src/engine/inventory/action-classes.js';
import { loadPolicy } from '../../src/engine/policy/load-policy.js';
import type { DecisionValue, Policy } from '../../src/engine/policy/types.js';
import { memoryReader } from '../helpers.js';

const EXPECTED: Record<ActionClass, { decision: DecisionValue; rule: string | undefined }> = {
  read: { decision: 'allow', rule: 'allow-read' },
  comment: { decision: 'allow', rule: 'allow-narrow-comment' },
  'write-branch': { decision: 'approval-required', rule: 'approve-unattended-branch-write' },
  'modify-workflow': { decision: 'approval-required', rule: 'approve-modify-workflow' },
  'run-shell': { decision: 'allow', rule: 'allow-shell-without-write' },
  'use-secret': { decision: 'approval-required', rule: 'approve-unattended-secret' },
  'cloud-credential': {
    decision: 'approval-required',
    rule: 'approve-unattended-cloud-credential',
  },
  'call-tool': { decision: 'approval-required', rule: 'approve-tool-write' },
  publish: { decision: 'approval-required', rule: 'approve-publish' },
  deploy: { decision: 'approval-required', rule: 'approve-deploy' },
  production: { decision: 'approval-required', rule: 'approve-production' },
  destructive: { decision: 'blocked', rule: 'block-destructive' },
  'bypass-checks': { decision: 'blocked', rule: 'block-bypass-checks' },
  opaque: { decision: 'approval-required', rule: 'approve-unattended-opaque' },
};

const DIR = 'test/fixtures/classes';
let baseline: Policy;
beforeAll(async () => {
  baseline = await loadPolicy('baseline', memoryReader({}));
});

function evaluate(file: string) {
  const path = join(DIR, file);
  const result = evaluateWorkflow({
    path,
    text: readFileSync(path, 'utf8'),
    policy: baseline,
    context: { ...EMPTY_CONTEXT, defaultPermissions: 'read' },
    now: new Date('2026-11-21T00:00:00Z'),
  });
  const job = result.decision.jobs[0]!;
  return { inventory: result.inventory[0]!, job };
}

describe.each(ACTION_CLASSES.map((c) => [c]))('class %s', (cls) => {
  it('the `in` fixture is in the class, decided as the baseline says', () => {
    const { inventory, job } = evaluate(`${cls}/in.yml`);
    expect(inventory.classes).toContain(cls);
    const verdicts = job.paths.filter((p) => p.path.class === cls);
    expect(verdicts.length).toBeGreaterThan(0);
    const worst = verdicts.find((v) => v.decision === EXPECTED[cls].decision);
    expect(worst).toMatchObject({ decision: EXPECTED[cls].decision, rule: EXPECTED[cls].rule });
    expect(
      verdicts.every((v) => v.path.at.path === join(DIR, cls, 'in.yml') && v.path.at.line > 0),
    ).toBe(true);
  });

  it.runIf(cls !== 'read')('the `out` fixture is not in the class', () => {
    expect(existsSync(join(DIR, cls, 'out.yml'))).toBe(true);
    const { inventory } = evaluate(`${cls}/out.yml`);
    expect(inventory.classes).not.toContain(cls);
  });
});
