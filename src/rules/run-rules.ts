/**
 * Runs the enabled detection rules over every decided job. Pure: the workflow model, the
 * inventory and the run context in, hits out (deduplicated: a workflow-level hit is
 * reported once however many jobs raised it). The policy turns hits into decisions.
 */
import { formatLocation } from '../errors.js';
import type { RunContext } from '../context/run-context.js';
import type { JobInventory } from '../inventory/types.js';
import type { Workflow } from '../workflow/model.js';
import { locate, locateOffsetInScalar } from '../workflow/source.js';
import { RULES } from './index.js';
import { renderMessage } from './render-message.js';
import type { Confidence, MessageData, Rule, RuleContext, RuleHit, Severity } from './types.js';

/** A rule hit with the rule's meta applied. */
export interface DetectionHit {
  readonly ruleId: string;
  readonly workflow: string;
  /** The job whose check raised it; undefined for workflow-level hits. */
  readonly job: string | undefined;
  /** Every job the hit applies to (workflow-level hits apply to each decided job). */
  readonly jobs: readonly string[];
  readonly severity: Severity;
  readonly confidence: Confidence;
  /** The rule's message id and data, and the text rendered from them. */
  readonly messageId: string;
  readonly data: MessageData;
  readonly message: string;
  readonly remediation: string;
  readonly at: RuleHit['at'];
  /** Reported for the record only; decides nothing (see RuleHit.advisory). */
  readonly advisory?: string | undefined;
}

/** Which rules run and with what options (resolved from the policy by the caller). */
export interface EnabledRule {
  readonly rule: Rule<unknown>;
  readonly options: unknown;
}

export function runRules(
  workflow: Workflow,
  inventory: readonly JobInventory[],
  context: RunContext,
  enabled: readonly EnabledRule[],
): DetectionHit[] {
  const hits = new Map<string, DetectionHit>();
  for (const inv of inventory) {
    const job = workflow.jobs.find((j) => j.id === inv.job);
    // A job switched off with a literal `if: false` never runs: nothing in it can happen.
    if (!job || isSwitchedOff(job.if)) continue;
    for (const { rule, options } of enabled) {
      const ctx: RuleContext<unknown> = {
        workflow,
        job,
        inventory: inv,
        context,
        options,
        locate: (path, opts) => locate(workflow.source, path, opts),
        locateIn: (path, offset) => locateOffsetInScalar(workflow.source, path, offset),
      };
      for (const hit of rule.check(ctx)) {
        const workflowLevel = hit.scope === 'workflow';
        const message = renderMessage(rule.meta, hit.messageId, hit.data);
        const key = `${rule.meta.id}\0${formatLocation(hit.at)}\0${message}\0${workflowLevel ? '' : inv.job}`;
        const seen = hits.get(key);
        if (seen) {
          if (!seen.jobs.includes(inv.job))
            hits.set(key, { ...seen, jobs: [...seen.jobs, inv.job] });
          continue;
        }
        hits.set(key, {
          ruleId: rule.meta.id,
          workflow: inv.workflow,
          job: workflowLevel ? undefined : inv.job,
          jobs: [inv.job],
          severity: hit.severity ?? rule.meta.severity,
          confidence: hit.confidence ?? rule.meta.confidence,
          messageId: hit.messageId,
          data: hit.data ?? {},
          message,
          remediation: hit.remediation ?? rule.meta.remediation,
          at: hit.at,
          ...(hit.advisory === undefined ? {} : { advisory: hit.advisory }),
        });
      }
    }
  }
  return [...hits.values()].sort(
    (a, b) =>
      a.at.line - b.at.line || a.at.column - b.at.column || a.ruleId.localeCompare(b.ruleId),
  );
}

/** All rules, for the catalog test and `--list-rules`-style listings. */
export function allRules(): readonly Rule<unknown>[] {
  return RULES;
}

/** `if: false`, `if: ${{ false }}`, `if: false && …` — a condition that is false as written. */
export function isSwitchedOff(condition: string | undefined): boolean {
  if (condition === undefined) return false;
  const bare = condition
    .trim()
    .replace(/^\$\{\{([\s\S]*)\}\}$/, '$1')
    .trim();
  // `false && x || y` is `(false && x) || y`: only a conjunction without `||` is dead.
  return (
    /^false$/.test(bare) ||
    /^\(\s*false\s*\)$/.test(bare) ||
    (/^false\s*&&/.test(bare) && !bare.includes('||'))
  );
}
