/**
 * Builds the Agent Action BOM record of each job: a pure function of the workflow model,
 * the run context and the production patterns of the policy. In three steps: the run shape
 * the event gives each job (its `if:` outcomes, the token downgrade), the job's facts for that
 * shape (job-facts.ts, shared by every trigger with the same shape through a `FactsMemo`),
 * and the per-trigger view naming the trigger and the attendance it adds.
 */
import type { RunContext } from '../context/run-context.js';
import { InputError } from '../errors.js';
import type { Job, Workflow } from '../workflow/model.js';
import { locate } from '../workflow/source.js';
import { hasExpression } from '../workflow/expressions/fences.js';
import { analyseChange } from './change-analysis.js';
import { environmentNames } from './environment-name.js';
import { jobFacts } from './job-facts.js';
import type { JobFacts, RunShape } from './job-facts.js';
import { tokenDowngrades } from './permissions.js';
import { planRun, runnableSteps } from './run-conditions.js';
import type { JobInventory } from './types.js';
import type { ActionFiles } from './resolve/action-files.js';
import type { Frame } from './resolve/expand.js';
import type { RepoSnapshot } from './repo-snapshot.js';
import { UNATTENDED_EVENTS } from '../workflow/event-sets.js';

export { stepFacts } from './job-facts.js';

export interface InventoryOptions {
  /** Environment / target name patterns of the `production` class. */
  readonly productionPatterns: readonly string[];
  /** CODEOWNERS and agent / MCP config files; without it those are a recorded gap. */
  readonly repo?: RepoSnapshot;
  /** The workflow's path inside the repository (for CODEOWNERS). */
  readonly repoPath?: string;
  /** The job the gate runs in (the action): it is running, so its own `if:` held. */
  readonly runningJob?: string;
  /** Composite actions and reusable workflows the adapter read; unread ones are opaque. */
  readonly actionFiles?: ActionFiles;
  /**
   * The policy's `actions: { trusted }` patterns: remote actions a security team vouches for.
   * One that was not read is not opaque; it is still classified by what it is given.
   */
  readonly trustedActions?: readonly string[];
}

/**
 * Job facts already derived for a workflow, by job and run shape: one memo serves every
 * trigger of one workflow evaluated with one policy and one run context (evaluate-triggers.ts).
 */
export type FactsMemo = Map<string, JobFacts>;

export function buildInventory(
  workflow: Workflow,
  context: RunContext,
  options: InventoryOptions,
  jobIds?: readonly string[],
  memo?: FactsMemo,
): JobInventory[] {
  const jobs = jobIds ? jobIds.map((id) => findJob(workflow, id)) : workflow.jobs;
  // The pull request is the same for every job: analyse its changes once.
  const change = analyseChange(context);
  const plan = planRun(workflow, context);
  const downgrades = tokenDowngrades(context);
  const triggers = context.event
    ? [context.event]
    : [...new Set(workflow.triggers.map((t) => t.event))];
  return jobs.map((job) => {
    // What the event makes of the job: whether it can run, and which of its steps can.
    const skippedJob = job.id === options.runningJob ? undefined : plan.skippedJobs.get(job.id);
    const steps = runnableSteps(job, plan.facts);
    const shape: RunShape = { skippedJob: skippedJob !== undefined, runnable: steps.runnable };
    const key = JSON.stringify([
      job.id,
      shape.skippedJob || shape.runnable.map((s) => s.index),
      downgrades,
      // A computed environment name is judged by the names it can take for the event
      // (action-paths/from-environment.ts); so are those of the jobs a call reaches, known only
      // once the call is resolved: a calling job's facts are the event's own.
      job.environment && hasExpression(job.environment.name)
        ? (environmentNames(job.environment.name, plan.facts) ?? null)
        : null,
      job.uses !== undefined ? (context.event ?? null) : null,
    ]);
    let facts = memo?.get(key);
    if (!facts) {
      facts = jobFacts(workflow, job, context, options, change, shape);
      memo?.set(key, facts);
    }
    const skipped = { skipped: skippedJob, skippedSteps: skippedJob ? [] : steps.skipped };
    return triggerView(facts, triggers, context, skipped);
  });
}

/** The BOM record of a job for the triggers decided: its facts, the trigger named. */
function triggerView(
  facts: JobFacts,
  triggers: readonly string[],
  context: RunContext,
  skipped: Pick<JobInventory, 'skipped' | 'skippedSteps'>,
): JobInventory {
  const unattendedReasons = [
    ...facts.unattendedBefore,
    ...triggers
      .filter((t) => UNATTENDED_EVENTS.has(t) || t.startsWith('discussion'))
      .map((t) => `triggered by ${t}`),
    ...facts.unattendedAfter,
  ];
  const inventory: JobInventory = {
    ...facts.head,
    triggers,
    actor: context.actor,
    unattended: unattendedReasons.length > 0,
    unattendedReasons: [...new Set(unattendedReasons)],
    ...facts.tail,
    ...skipped,
    ...facts.end,
  };
  FACTS.set(inventory, facts);
  return inventory;
}

/**
 * The facts each record was viewed from: the composite-action steps and called jobs its
 * inventory was built from (its frames), for the detection rules to run on them too, and the
 * identity the triggers of one shape share. Kept beside the record, not in it: frames hold
 * whole parsed files, which the BOM never carries.
 */
const FACTS = new WeakMap<JobInventory, JobFacts>();

/** The facts a record was viewed from (the same object for every trigger of one run shape). */
export function factsOfRecord(inventory: JobInventory): JobFacts | undefined {
  return FACTS.get(inventory);
}

export function nestedFrames(inventory: JobInventory): readonly Frame[] {
  return FACTS.get(inventory)?.frames ?? [];
}

export function findJob(workflow: Workflow, id: string): Job {
  const job = workflow.jobs.find((j) => j.id === id);
  if (!job) {
    throw new InputError(
      `unknown job \`${id}\`; the workflow has: ${workflow.jobs.map((j) => j.id).join(', ')}`,
      {
        location: locate(workflow.source, ['jobs'], { key: true }),
      },
    );
  }
  return job;
}
