/**
 * The checklist catalog contract: every file in src/engine/checklist/controls/ is a registered
 * control, ids are unique and in the seed's order, each control has meta a reader can use,
 * its row in docs/checklist.md (generated from meta), and a passing and a failing fixture
 * (test/fixtures/checklist/<id>/{pass,fail}.yml, each with its expected `# score:`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/engine/checklist/control.js';
import { CONTROL_MODULES } from '../../src/engine/checklist/controls/index.js';
import { renderControlTable } from '../../src/engine/checklist/render-docs.js';
import { scoreJob } from '../../src/engine/checklist/score-job.js';
import type { ChecklistScore, ControlPoints } from '../../src/engine/checklist/types.js';
import { EMPTY_CONTEXT } from '../../src/engine/context/run-context.js';
import { buildInventory } from '../../src/engine/inventory/build-inventory.js';
import { parseWorkflow } from '../../src/engine/workflow/build-model.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'checklist');
const files = readdirSync(join(ROOT, 'src', 'engine', 'checklist', 'controls')).filter(
  (f) => f.endsWith('.ts') && f !== 'index.ts',
);

/** The first job of a fixture workflow, scored. */
function scoreFixture(text: string): ChecklistScore {
  const path = '.github/workflows/fixture.yml';
  const workflow = parseWorkflow(path, text);
  const [inventory] = buildInventory(workflow, EMPTY_CONTEXT, {
    productionPatterns: ['prod', 'production'],
    repoPath: path,
  });
  if (!inventory) throw new Error('fixture has no job');
  const job = workflow.jobs.find((j) => j.id === inventory.job);
  if (!job) throw new Error('fixture job not found');
  return scoreJob(job, inventory, workflow);
}

function expectedScore(text: string): ControlPoints | null {
  const m = /^# score: (1|0\.5|0|null)$/m.exec(text);
  if (!m) throw new Error('fixture has no `# score:` line');
  return m[1] === 'null' ? null : (Number(m[1]) as ControlPoints);
}

/** null (not observable) ranks below 0: a passing fixture must show the control. */
const rank = (s: ControlPoints | null): number => (s === null ? -1 : s);

describe('checklist catalog', () => {
  it('registers every control file once, under its file name, in the seed order', () => {
    const ids = CONTROL_MODULES.map((c) => c.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(files.map((f) => f.replace(/\.ts$/, '')).sort());
    expect(CONTROL_MODULES.map((c) => c.meta.number)).toEqual(ids.map((_, i) => i + 1));
  });

  it('docs/checklist.md holds the mapping table generated from meta', () => {
    expect(readFileSync(join(ROOT, 'docs', 'checklist.md'), 'utf8')).toContain(
      `${renderControlTable()}\n`,
    );
  });

  for (const control of CONTROL_MODULES) {
    const { meta } = control;
    describe(meta.id, () => {
      it('has meta a reader can use', () => {
        expect(meta.id).toMatch(/^[a-z][a-z-]+$/);
        expect(meta.title.length).toBeGreaterThan(10);
        expect(meta.looksAt.length).toBeGreaterThan(20);
        for (const level of Object.values(meta.levels)) expect(level.length).toBeGreaterThan(0);
        expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
        for (const [id, text] of Object.entries(meta.messages)) {
          expect(id).toMatch(/^[a-z][a-z-]+$/);
          expect(text.length).toBeGreaterThan(10);
        }
      });

      const read = (name: 'pass' | 'fail'): string =>
        readFileSync(join(FIXTURES, meta.id, `${name}.yml`), 'utf8');

      for (const name of ['pass', 'fail'] as const) {
        it(`scores its ${name}ing fixture as the fixture says, with a reason`, () => {
          const text = read(name);
          const result = scoreFixture(text).controls.find((c) => c.id === meta.id);
          expect(result?.score).toBe(expectedScore(text));
          expect(result?.reason).toBe(formatMessage(meta, result!));
          expect(result?.reason).not.toMatch(/\{\w+\}/);
        });
      }

      it('passes its passing fixture with more than its failing one', () => {
        expect(rank(expectedScore(read('pass')))).toBeGreaterThan(
          rank(expectedScore(read('fail'))),
        );
      });
    });
  }
});
