/**
 * RuleTester-style helpers: run one detection rule over a workflow text and compare the
 * hits' rule id and line:column (never the message text) with what the case expects.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_CONTEXT } from '../../src/engine/context/run-context.js';
import type { RunContext } from '../../src/engine/context/run-context.js';
import { buildInventory } from '../../src/engine/inventory/build-inventory.js';
import type { RepoSnapshot } from '../../src/engine/inventory/repo-snapshot.js';
import { runRules } from '../../src/engine/rules/run-rules.js';
import type { DetectionHit } from '../../src/engine/rules/run-rules.js';
import type { Rule } from '../../src/engine/rules/types.js';
import { parseWorkflow } from '../../src/engine/workflow/build-model.js';

export interface RuleCase {
  /** Test title. */
  readonly name: string;
  readonly workflow: string;
  readonly path?: string;
  readonly context?: Partial<RunContext>;
  readonly options?: Record<string, unknown>;
  /** Repository files (path → text) the inventory may read. */
  readonly files?: Record<string, string>;
  readonly jobs?: readonly string[];
}

export interface InvalidCase extends RuleCase {
  /** Expected hits in order of location: `line:column`, optionally with a job. */
  readonly errors: readonly (string | { readonly at: string; readonly job?: string })[];
}

export function snapshotOf(files: Record<string, string> | undefined): RepoSnapshot | undefined {
  if (!files) return undefined;
  return { files: new Map(Object.entries(files)), warnings: [], complete: true, root: '' };
}

export function runRule<O>(rule: Rule<O>, c: RuleCase): DetectionHit[] {
  const path = c.path ?? '.github/workflows/test.yml';
  const workflow = parseWorkflow(path, c.workflow);
  const context: RunContext = { ...EMPTY_CONTEXT, ...c.context };
  const inventory = buildInventory(
    workflow,
    context,
    {
      productionPatterns: ['prod', 'production', 'prd', 'live'],
      repo: snapshotOf(c.files),
      repoPath: path,
    },
    c.jobs,
  );
  const options = { ...(rule.defaultOptions as object), ...(c.options ?? {}) };
  const { hits, failures } = runRules(workflow, inventory, context, [{ rule: rule, options }]);
  // A rule that throws fails its test (the engine would block the job and report an error).
  const failed = failures[0];
  if (failed) throw new Error(`rule ${failed.ruleId} failed on ${failed.job}: ${failed.error}`);
  return hits;
}

const where = (h: DetectionHit): string => `${h.at.line}:${h.at.column}`;

/** Registers one `it` per case: valid cases produce no hit, invalid ones exactly `errors`. */
export function testRule<O>(
  rule: Rule<O>,
  cases: { readonly valid: readonly RuleCase[]; readonly invalid: readonly InvalidCase[] },
): void {
  describe(`rule ${rule.meta.id}`, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(runRule(rule, c).map((h) => `${h.ruleId} ${where(h)}`)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const hits = runRule(rule, c);
        expect(hits.map((h) => h.ruleId)).toEqual(c.errors.map(() => rule.meta.id));
        expect(
          hits.map((h, i) => {
            const e = c.errors[i];
            return typeof e === 'object' && e.job !== undefined
              ? `${where(h)} ${h.job ?? '-'}`
              : where(h);
          }),
        ).toEqual(
          c.errors.map((e) => (typeof e === 'string' ? e : e.job ? `${e.at} ${e.job}` : e.at)),
        );
        for (const h of hits) {
          expect(h.message.length).toBeGreaterThan(0);
          expect(h.remediation.length).toBeGreaterThan(0);
        }
      });
    }
  });
}

export const RULE_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'rules');

/** A rule's fixture (`bad.yml` / `good.yml`) with its optional `context.json` and `files/`. */
export function fixtureCase(id: string, which: 'bad' | 'good'): RuleCase | undefined {
  const dir = join(RULE_FIXTURES, id);
  const file = join(dir, `${which}.yml`);
  if (!existsSync(file)) return undefined;
  const contextFile = join(dir, 'context.json');
  const filesFile = join(dir, 'files.json');
  return {
    name: `${id}/${which}.yml`,
    path: `test/fixtures/rules/${id}/${which}.yml`,
    workflow: readFileSync(file, 'utf8'),
    context: existsSync(contextFile)
      ? (JSON.parse(readFileSync(contextFile, 'utf8')) as Partial<RunContext>)
      : undefined,
    files: existsSync(filesFile)
      ? (JSON.parse(readFileSync(filesFile, 'utf8')) as Record<string, string>)
      : undefined,
  };
}

/** Lines of a bad fixture marked `# expect` — exactly the lines its hits must be on. */
export function expectedLines(text: string): number[] {
  return text
    .split('\n')
    .map((line, i) => (/#\s*expect\b/.test(line) ? i + 1 : 0))
    .filter((n) => n > 0);
}
