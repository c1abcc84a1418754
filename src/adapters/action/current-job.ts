/**
 * `jobs: current`: which job(s) of the workflow in GITHUB_WORKFLOW_REF this step stands for.
 * Normally GITHUB_JOB. Inside a reusable workflow GITHUB_WORKFLOW_REF names the caller's
 * file while GITHUB_JOB is the called job's id: a caller job with that id is another job
 * altogether (14.6), so the gate decides the caller job(s) whose `uses:` calls the file that
 * defines this job (`job.workflow_ref`) — all of them when several do, said so — and refuses
 * before any work when none does or when it cannot tell which file it runs in.
 */
import * as core from './runner-commands.js';
import { InputError } from '../../engine/errors.js';
import { escapeLogText } from '../../engine/escape.js';
import { jobsCalling, parseWorkflowRef, sameRepository } from '../../engine/workflow/callers.js';
import type { Workflow } from '../../engine/workflow/model.js';
import type { RunnerEnv } from './runner-env.js';
import type { Settings } from './settings.js';

export interface CurrentJobs {
  /** Job ids of the caller's workflow to decide. */
  readonly jobs: readonly string[];
  /** The reusable workflow this step runs in (`owner/name/path`), when it is one. */
  readonly calledWorkflow: string | undefined;
  /** What the log should say about the choice, when it is not plain GITHUB_JOB. */
  readonly note: string | undefined;
  /** The choice could not be narrowed to one caller job (said in the log as a warning). */
  readonly ambiguous: boolean;
}

/** The file that defines the running job, when it is not the workflow GITHUB_WORKFLOW_REF names. */
export function calledWorkflowOf(
  runner: RunnerEnv,
  jobWorkflowRef: string | undefined,
): { repository: string; path: string } | undefined {
  if (jobWorkflowRef === undefined) return undefined;
  const file = parseWorkflowRef(jobWorkflowRef);
  if (!file)
    throw new InputError(
      `input \`job-workflow-ref\` is not a workflow reference (owner/name/.github/workflows/<file>@<ref>): \`${jobWorkflowRef}\``,
    );
  const same =
    sameRepository(file.repository, runner.workflowRepository) && file.path === runner.workflowPath;
  return same ? undefined : { repository: file.repository, path: file.path };
}

export function currentJobs(
  workflow: Workflow,
  runner: RunnerEnv,
  called: { repository: string; path: string } | undefined,
  actionRepository: string | undefined,
): CurrentJobs {
  const caller = `${runner.workflowRepository}/${runner.workflowPath}`;
  if (called) {
    const name = `${called.repository}/${called.path}`;
    const jobs = jobsCalling(workflow, called, runner.workflowRepository);
    if (jobs.length === 0)
      throw new InputError(
        `jobs: current: this step runs in job \`${runner.job}\` of the reusable workflow ${name}, but no job of the calling workflow ${caller} calls it with \`uses:\` (a workflow called from another called workflow is not supported): decide the caller's whole workflow with \`jobs: all\``,
      );
    const list = jobs.map((j) => `\`${j}\``).join(', ');
    return {
      jobs,
      calledWorkflow: name,
      ambiguous: jobs.length > 1,
      note:
        jobs.length > 1
          ? `jobs: current: this step runs in the reusable workflow ${name}, which ${jobs.length} jobs of ${caller} call (${list}); which of them runs this step cannot be told, so all of them are decided`
          : `jobs: current: this step runs in the reusable workflow ${name}; deciding the caller job ${list} of ${caller} that calls it`,
    };
  }
  const job = workflow.jobs.find((j) => j.id === runner.job);
  if (job?.uses !== undefined)
    // GITHUB_JOB names a job that calls a reusable workflow: no step of it runs here, so this
    // step runs in the called workflow and the runner did not say which (no job.workflow_ref).
    throw new InputError(
      `jobs: current: job \`${runner.job}\` of ${caller} calls a reusable workflow and runs no steps, so this step runs inside a called workflow whose file the runner did not give (input \`job-workflow-ref\`, default \${{ job.workflow_ref }}); pass it, or use \`jobs: all\``,
    );
  if (job && actionRepository && !usesAction(job.steps, actionRepository))
    throw new InputError(
      `jobs: current: job \`${runner.job}\` of ${caller} has no step using ${actionRepository}, so this step runs in another workflow file (a reusable workflow?) the runner did not name (input \`job-workflow-ref\`, default \${{ job.workflow_ref }}); pass it, or use \`jobs: all\``,
    );
  return { jobs: [runner.job], calledWorkflow: undefined, ambiguous: false, note: undefined };
}

function usesAction(steps: Workflow['jobs'][number]['steps'], repository: string): boolean {
  const prefix = repository.toLowerCase();
  return steps.some((s) => {
    const uses = s.uses?.trim().toLowerCase();
    return uses !== undefined && (uses.startsWith(`${prefix}@`) || uses.startsWith(`${prefix}/`));
  });
}

/**
 * `jobs: current` → the job ids to decide: GITHUB_JOB, or inside a reusable workflow the
 * caller job(s) that call it. Parsed here only when the runner's facts leave a doubt.
 */
export function selectCurrentJobs(
  settings: Settings,
  runner: RunnerEnv,
  workflow: Workflow,
): CurrentJobs {
  const called = calledWorkflowOf(runner, settings.jobWorkflowRef);
  if (!called && settings.jobWorkflowRef !== undefined)
    return { jobs: [runner.job], calledWorkflow: undefined, ambiguous: false, note: undefined };
  const result = currentJobs(
    workflow,
    runner,
    called,
    settings.jobWorkflowRef === undefined
      ? process.env.GITHUB_ACTION_REPOSITORY || undefined
      : undefined,
  );
  if (result.note) {
    if (result.ambiguous) core.warning(escapeLogText(result.note));
    else core.info(escapeLogText(result.note));
  }
  return result;
}
