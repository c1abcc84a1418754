/**
 * The engine in one call: workflow text + policy + run context → inventory and decision.
 * Pure; used alike by the action, the CLI's `evaluate` and its `scan`.
 */
import type { RunContext } from './context/run-context.js';
import { buildInventory, factsOfRecord } from './inventory/build-inventory.js';
import type { FactsMemo } from './inventory/build-inventory.js';
import { onceUnlessTriggerRead, watchedRecord } from './inventory/trigger-reads.js';
import type { ShapeOutcome } from './inventory/trigger-reads.js';
import type { RepoSnapshot } from './inventory/repo-snapshot.js';
import type { ActionFiles } from './inventory/resolve/action-files.js';
import type { JobInventory } from './inventory/types.js';
import { scoreJob } from './checklist/score-job.js';
import type { ChecklistScore } from './checklist/types.js';
import { findJob } from './inventory/build-inventory.js';
import { resolveChecks } from './policy/checks.js';
import type { ResolvedCheck } from './policy/checks.js';
import { decide } from './policy/decide.js';
import { runRules } from './rules/run-rules.js';
import type { RuleFailure, RuleMemo } from './rules/run-rules.js';
import type { Rule } from './rules/types.js';
import type { DecideOptions } from './policy/decide.js';
import type { Decision, Policy } from './policy/types.js';
import { parseWorkflowOrAction } from './workflow/action-file.js';
import type { Workflow } from './workflow/model.js';

export interface Evaluation {
  /** The workflow's path and name (plain data: an evaluation serialises to JSON whole). */
  readonly workflow: { readonly path: string; readonly name: string | undefined };
  readonly inventory: readonly JobInventory[];
  /** The seed's 20-control checklist, scored per decided job (same order as `inventory`). */
  readonly checklist: readonly ChecklistScore[];
  readonly decision: Decision;
  /** Rules that threw on a job (each such job is blocked); reported as errors. */
  readonly ruleFailures?: readonly RuleFailure[];
  /** The trigger this run was decided for (`scan`), and the other triggers' decisions. */
  readonly trigger?: {
    readonly event: string;
    readonly others: readonly { readonly event: string; readonly decision: Decision['decision'] }[];
    /** Jobs reported from another trigger's run (where they fare worse), by job id. */
    readonly jobs: Readonly<Record<string, string>>;
  };
}

export interface EvaluateInput {
  readonly path: string;
  readonly text: string;
  /** The workflow already parsed from `text` (the adapter needed it first); parsed here if not. */
  readonly parsed?: Workflow;
  readonly policy: Policy;
  readonly context: RunContext;
  /** Job ids to decide; all jobs when omitted. Unknown ids are input errors. */
  readonly jobs?: readonly string[];
  readonly now: Date;
  readonly enforcement?: DecideOptions['enforcement'];
  /** Repository files (CODEOWNERS, agent / MCP config) the adapter collected. */
  readonly repo?: RepoSnapshot;
  /** The workflow's path inside its repository, when it differs from `path`. */
  readonly repoPath?: string;
  /** The job the gate itself runs in (the action): never judged unable to run. */
  readonly runningJob?: string;
  /** Composite actions and reusable workflows the adapter read (`gatherActionFiles`). */
  readonly actionFiles?: ActionFiles;
  /** The detection-rule catalog; the registry (src/engine/rules/index.ts) when omitted. */
  readonly rules?: readonly Rule<unknown>[];
  /**
   * What earlier runs of this same input under other triggers derived (evaluate-triggers.ts):
   * job facts by run shape, and the rule and checklist results that did not read the trigger.
   */
  readonly shared?: SharedDerivations;
}

/** Derivations shared by the per-trigger runs of one workflow (one input, events aside). */
export interface SharedDerivations {
  readonly facts: FactsMemo;
  readonly rules: RuleMemo;
  readonly checklist: WeakMap<object, Map<string, ShapeOutcome<ChecklistScore>>>;
  resolved?: ResolvedCheck[];
}

export function sharedDerivations(): SharedDerivations {
  return { facts: new Map(), rules: new WeakMap(), checklist: new WeakMap() };
}

export function evaluateWorkflow(input: EvaluateInput): Evaluation {
  const workflow = input.parsed ?? parseWorkflowOrAction(input.path, input.text);
  const inventory = buildInventory(
    workflow,
    input.context,
    {
      productionPatterns: input.policy.production,
      repo: input.repo,
      repoPath: input.repoPath ?? input.path,
      runningJob: input.runningJob,
      actionFiles: input.actionFiles,
      ...(input.policy.trustedActions ? { trustedActions: input.policy.trustedActions } : {}),
    },
    input.jobs,
    input.shared?.facts,
  );
  const { shared } = input;
  const resolved = shared?.resolved ?? resolveChecks(input.policy.checks, input.rules);
  if (shared) shared.resolved = resolved;
  const { hits, failures } = runRules(workflow, inventory, input.context, resolved, shared?.rules);
  const decision = decide(inventory, input.policy, {
    context: input.context,
    now: input.now,
    enforcement: input.enforcement,
    checks: { hits, resolved, failures },
  });
  const checklist = inventory.map((inv) => {
    const facts = factsOfRecord(inv);
    let memo = facts && shared?.checklist.get(facts);
    if (facts && shared && !memo)
      shared.checklist.set(facts, (memo = new Map<string, ShapeOutcome<ChecklistScore>>()));
    // The controls see the trigger through a watched copy: a score that did not read it is reused.
    return onceUnlessTriggerRead(memo, inv.job, () =>
      scoreJob(findJob(workflow, inv.job), watchedRecord(inv), workflow),
    );
  });
  return {
    workflow: { path: workflow.path, name: workflow.name },
    inventory,
    checklist,
    decision,
    ...(failures.length > 0 ? { ruleFailures: failures } : {}),
  };
}

/** The checklist score of a job; every evaluated job has one (an internal error otherwise). */
export function scoreOf(e: Evaluation, job: string): ChecklistScore {
  const score = e.checklist.find((c) => c.job === job);
  if (!score) throw new Error(`internal error: no checklist score for job ${job}`);
  return score;
}
