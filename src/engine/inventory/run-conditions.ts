/**
 * Which jobs and steps can run for the run being decided: the `if:` conditions evaluated
 * statically (src/engine/workflow/condition.ts) against what the event tells about `github.*`, and
 * jobs whose `needs:` cannot run (GitHub skips their dependants unless the condition asks
 * for `always()`, `failure()` or `cancelled()`). What cannot run contributes no paths and is
 * recorded as skipped with the reason; anything uncertain may run.
 */
import type { RunContext } from '../context/run-context.js';
import { evaluateCondition } from '../workflow/condition.js';
import type { ConditionFacts, StringFact } from '../workflow/condition.js';
import type { Job, Step, Workflow } from '../workflow/model.js';

const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
]);

/** Events whose `github.ref` is the default branch. */
const DEFAULT_BRANCH_EVENTS = new Set([
  'schedule',
  'issues',
  'issue_comment',
  'discussion',
  'discussion_comment',
  'repository_dispatch',
  'workflow_run',
  'watch',
  'fork',
  'label',
  'milestone',
  'project',
  'page_build',
  'check_run',
  'check_suite',
  'status',
]);

export function conditionFacts(context: RunContext): ConditionFacts {
  // A called workflow sees its caller's event: nothing about the run is known from here.
  const event = context.event === 'workflow_call' ? undefined : context.event;
  const isPr = event !== undefined && PULL_REQUEST_EVENTS.has(event);
  const isPrTarget = event === 'pull_request_target';
  return {
    event,
    ref: refFact(event, context),
    refName: undefined,
    baseRef: event === undefined ? undefined : isPr || isPrTarget ? undefined : { exact: '' },
    headRef: event === undefined ? undefined : isPr || isPrTarget ? undefined : { exact: '' },
    actor: context.actor,
    triggeringActor: context.triggeringActor,
    repository: context.repository,
    // Only pull request events carry `github.event.pull_request`.
    noPullRequest: event !== undefined && !isPr && !isPrTarget,
  };
}

function refFact(event: string | undefined, context: RunContext): StringFact {
  if (event === undefined) return undefined;
  if (context.ref) return { exact: context.ref };
  if (PULL_REQUEST_EVENTS.has(event)) return { prefix: 'refs/pull/' };
  if (event === 'merge_group') return { prefix: 'refs/heads/gh-readonly-queue/' };
  if (event === 'release') return { prefix: 'refs/tags/' };
  if (event === 'pull_request_target') return { prefix: 'refs/heads/' };
  if (DEFAULT_BRANCH_EVENTS.has(event))
    return context.defaultBranch
      ? { exact: `refs/heads/${context.defaultBranch}` }
      : { prefix: 'refs/heads/' };
  return undefined;
}

export interface RunPlan {
  /** Jobs that cannot run, with the reason. */
  readonly skippedJobs: ReadonlyMap<string, string>;
  readonly facts: ConditionFacts;
}

export function planRun(workflow: Workflow, context: RunContext): RunPlan {
  const facts = conditionFacts(context);
  const skipped = new Map<string, string>();
  const byId = new Map(workflow.jobs.map((j) => [j.id, j]));
  const visiting = new Set<string>();
  const decide = (job: Job): string | undefined => {
    if (skipped.has(job.id)) return skipped.get(job.id);
    if (visiting.has(job.id)) return undefined; // a cycle GitHub rejects; stay "may run"
    visiting.add(job.id);
    const own = evaluateCondition(job.if, facts);
    let reason = own.mayRun ? undefined : own.reason;
    if (!reason && !asksForStatus(job.if)) {
      for (const need of job.needs) {
        const dep = byId.get(need);
        if (dep && decide(dep) !== undefined) {
          reason = `needs job ${need}, which cannot run`;
          break;
        }
      }
    }
    visiting.delete(job.id);
    if (reason) skipped.set(job.id, reason);
    return reason;
  };
  for (const job of workflow.jobs) decide(job);
  return { skippedJobs: skipped, facts };
}

/** A condition with always() / failure() / cancelled() runs even when a needed job is skipped. */
function asksForStatus(condition: string | undefined): boolean {
  return condition !== undefined && /\b(?:always|failure|cancelled)\s*\(/i.test(condition);
}

export interface SkippedStep {
  readonly step: number;
  readonly name: string | undefined;
  readonly reason: string;
}

/** The job as it can run: its steps that may run, and those that cannot (with the reason). */
export function runnableSteps(
  job: Job,
  facts: ConditionFacts,
): { runnable: readonly Step[]; skipped: readonly SkippedStep[] } {
  const runnable: Step[] = [];
  const skipped: SkippedStep[] = [];
  for (const step of job.steps) {
    const r = evaluateCondition(step.if, facts);
    if (r.mayRun) runnable.push(step);
    else skipped.push({ step: step.index, name: step.name ?? step.uses, reason: r.reason });
  }
  return { runnable, skipped };
}
