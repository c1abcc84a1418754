/**
 * The per-trigger runs of a workflow share what the event does not change: each job's facts
 * once per run shape (its `if:` outcomes and token downgrade), and the rule and checklist
 * results that did not read the trigger. What reads it (a rule looking at the record's
 * `triggers` or the context's `event`) still runs per trigger and gets that trigger; and the
 * shared runs equal runs decided one by one, on real workflows of the corpus.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_CONTEXT } from '../../src/engine/context/run-context.js';
import type { RunContext } from '../../src/engine/context/run-context.js';
import { evaluateWorkflow } from '../../src/engine/evaluate.js';
import type { Evaluation } from '../../src/engine/evaluate.js';
import { evaluateEachTrigger } from '../../src/engine/evaluate-triggers.js';
import { loadPolicy } from '../../src/engine/policy/load-policy.js';
import type { Policy } from '../../src/engine/policy/types.js';
import { RULES } from '../../src/engine/rules/index.js';
import { NO_OPTIONS, defineRule } from '../../src/engine/rules/types.js';
import type { Rule, RuleContext } from '../../src/engine/rules/types.js';
import { parseWorkflow } from '../../src/engine/workflow/build-model.js';
import { memoryReader } from '../helpers.js';

let policy: Policy;
beforeAll(async () => {
  policy = await loadPolicy('baseline', memoryReader({}));
});

const NOW = new Date('2026-11-21T00:00:00Z');

/** A test rule reporting what `see` returns for each job, counting its runs. */
function probe(
  id: string,
  see: (ctx: RuleContext<unknown>) => string,
): Rule<unknown> & {
  calls: number;
} {
  const rule = {
    calls: 0,
    ...defineRule<unknown>({
      meta: {
        id,
        title: 'Probe',
        description: 'Test double: reports what it saw.',
        severity: 'low',
        confidence: 'high',
        category: 'workflow',
        messages: { saw: 'saw {{what}}' },
        peers: [],
        defaults: { baseline: 'approval-required', strict: 'approval-required' },
        remediation: 'Nothing to fix: a test double.',
        options: NO_OPTIONS,
      },
      defaultOptions: {},
      check(ctx) {
        rule.calls += 1;
        return [
          { at: ctx.locate(ctx.job.at, { key: true }), messageId: 'saw', data: { what: see(ctx) } },
        ];
      },
    }),
  };
  return rule;
}

function runs(
  text: string,
  rules: readonly Rule<unknown>[],
  context: Partial<RunContext> = {},
): Evaluation[] {
  return evaluateEachTrigger(
    {
      path: '.github/workflows/ci.yml',
      text,
      policy,
      context: { ...EMPTY_CONTEXT, ...context },
      now: NOW,
      rules,
    },
    true,
  );
}

const THREE_TRIGGERS = `on: [push, pull_request, workflow_dispatch]
permissions: { contents: read }
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: npm test
`;

/** The probe's findings (the policy's own path findings aside). */
const messages = (e: Evaluation): string[] =>
  e.decision.findings.map((f) => f.message).filter((m) => m.startsWith('saw '));

describe('rules across the triggers of a workflow', () => {
  it('runs a rule that reads the record`s triggers once per trigger, each seeing its own', () => {
    const rule = probe('reads-triggers', (ctx) => ctx.inventory.triggers.join('+'));
    const all = runs(THREE_TRIGGERS, [rule]);
    expect(all.map((e) => e.trigger?.event)).toEqual(['push', 'pull_request', 'workflow_dispatch']);
    expect(all.map(messages)).toEqual([
      ['saw push'],
      ['saw pull_request'],
      ['saw workflow_dispatch'],
    ]);
    expect(rule.calls).toBe(3);
  });

  it('runs a rule that reads the context`s event once per trigger', () => {
    const rule = probe('reads-event', (ctx) => ctx.context.event ?? 'none');
    expect(runs(THREE_TRIGGERS, [rule]).map(messages)).toEqual([
      ['saw push'],
      ['saw pull_request'],
      ['saw workflow_dispatch'],
    ]);
    expect(rule.calls).toBe(3);
  });

  it('re-runs a rule that reads the attendance (it names the trigger)', () => {
    const rule = probe('reads-attendance', (ctx) => ctx.inventory.unattendedReasons.join('; '));
    const text = THREE_TRIGGERS.replace(
      '[push, pull_request, workflow_dispatch]',
      '[push, schedule]',
    );
    expect(runs(text, [rule]).map(messages)).toEqual([['saw '], ['saw triggered by schedule']]);
    expect(rule.calls).toBe(2);
  });

  it('runs a rule that does not read the trigger once, and reports it under every trigger', () => {
    const rule = probe('reads-steps', (ctx) => `${ctx.job.steps.length} steps`);
    expect(runs(THREE_TRIGGERS, [rule]).map(messages)).toEqual([
      ['saw 1 steps'],
      ['saw 1 steps'],
      ['saw 1 steps'],
    ]);
    expect(rule.calls).toBe(1);
  });

  it('runs it again where the trigger changes which steps run', () => {
    const rule = probe('reads-steps', (ctx) => `${ctx.job.steps.length} steps`);
    const text = `${THREE_TRIGGERS}      - if: github.event_name == 'push'\n        run: npm publish\n`;
    expect(runs(text, [rule]).map(messages)).toEqual([
      ['saw 2 steps'],
      ['saw 1 steps'],
      ['saw 1 steps'],
    ]);
    // push, then pull_request (one shape for it and workflow_dispatch).
    expect(rule.calls).toBe(2);
  });

  it('records a rule that throws without reading the trigger under every trigger', () => {
    const rule = probe('throws', () => {
      throw new Error('boom');
    });
    const all = runs(THREE_TRIGGERS, [rule]);
    expect(all.map((e) => e.ruleFailures?.map((f) => `${f.ruleId} ${f.job} ${f.error}`))).toEqual([
      ['throws build boom'],
      ['throws build boom'],
      ['throws build boom'],
    ]);
    expect(all.map((e) => e.decision.jobs[0]?.decision)).toEqual(['blocked', 'blocked', 'blocked']);
    expect(rule.calls).toBe(1);
  });
});

describe('job facts across the triggers of a workflow', () => {
  it('derives a job`s facts once when every trigger gives it the same shape', () => {
    const all = runs(THREE_TRIGGERS, RULES);
    const [push, pr, dispatch] = all.map((e) => e.inventory[0]!);
    expect(pr!.paths).toBe(push!.paths);
    expect(dispatch!.credentials).toBe(push!.credentials);
    expect(all[1]!.checklist[0]).toBe(all[0]!.checklist[0]);
    // The view still names each run's own trigger.
    expect([push, pr, dispatch].map((i) => i!.triggers)).toEqual([
      ['push'],
      ['pull_request'],
      ['workflow_dispatch'],
    ]);
  });

  it('derives them per shape when a step runs only for one trigger', () => {
    const text = `${THREE_TRIGGERS}      - if: github.event_name == 'push'\n        run: npm publish\n`;
    const [push, pr, dispatch] = runs(text, RULES).map((e) => e.inventory[0]!);
    expect(push!.skippedSteps).toEqual([]);
    expect(push!.classes).toContain('publish');
    expect(pr!.skippedSteps.map((s) => s.step)).toEqual([1]);
    expect(pr!.classes).not.toContain('publish');
    expect(pr!.paths).not.toBe(push!.paths);
    expect(dispatch!.paths).toBe(pr!.paths);
  });

  it('judges a computed environment name by the names it can take for each trigger', () => {
    const text = `on: [push, pull_request]
permissions: { contents: read }
jobs:
  ship:
    runs-on: ubuntu-latest
    environment: \${{ github.event_name == 'push' && 'production' || '' }}
    steps:
      - run: make
`;
    const [push, pr] = runs(text, RULES).map((e) => e.inventory[0]!);
    expect(push!.classes).toContain('deploy');
    expect(pr!.classes).not.toContain('deploy');
  });

  it('lowers the token only for the trigger GitHub lowers it for (a fork pull request)', () => {
    const text = `on: [push, pull_request]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: git push origin HEAD:main
`;
    const fork = {
      number: 1,
      author: 'someone',
      authorType: 'User',
      headSha: undefined,
      fromFork: true,
    };
    const [push, pr] = runs(text, RULES, { pullRequest: fork, defaultPermissions: 'write' }).map(
      (e) => e.inventory[0]!,
    );
    expect(push!.permissions.downgrade).toBeUndefined();
    expect(push!.permissions.scopes.contents).toBe('write');
    expect(pr!.permissions.downgrade).toMatch(/fork/);
    expect(pr!.permissions.scopes.contents).toBe('read');
  });
});

/** Every `sample`-th workflow file of the shared corpus, when it is there. */
function corpusSample(sample: number): string[] {
  const root = join(__dirname, '../../../shared/corpus');
  let repos: string[];
  try {
    repos = readdirSync(root).sort();
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const repo of repos) {
    const dir = join(root, repo, '.github/workflows');
    let names: string[] = [];
    try {
      names = readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const name of names)
      if (/\.ya?ml$/.test(name) && statSync(join(dir, name)).isFile()) files.push(join(dir, name));
  }
  return files.filter((_, i) => i % sample === 0);
}

describe('shared runs equal runs decided one by one', () => {
  const files = corpusSample(20);
  it.runIf(files.length > 0)(`on every 20th corpus workflow (${files.length} files)`, () => {
    let compared = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      let parsed;
      try {
        parsed = parseWorkflow(file, text);
      } catch {
        continue; // not a workflow the engine evaluates: nothing to compare
      }
      const input = { path: file, text, parsed, policy, context: EMPTY_CONTEXT, now: NOW };
      const shared = evaluateEachTrigger(input, true);
      const events = [...new Set(parsed.triggers.map((t) => t.event))];
      if (events.length === 0) continue;
      const alone = events.map((event) =>
        evaluateWorkflow({ ...input, context: { ...EMPTY_CONTEXT, event } }),
      );
      expect(
        shared.map((e) => JSON.stringify({ ...e, trigger: undefined })),
        file,
      ).toEqual(alone.map((e) => JSON.stringify(e)));
      compared += 1;
    }
    expect(compared).toBeGreaterThan(30);
  });
});
