/**
 * The outcome of the job the gate runs in, read at the end of the job (post step) from the
 * run's jobs API: the job is the in-progress one of this attempt on this runner, and its
 * outcome is the worst conclusion of its finished steps. When the API or the match fails
 * the outcome is `unknown`, with the reason — never a guess.
 */
import type { Outcome } from '../../engine/evidence/types.js';
import type { GitHubClient } from '../github/client.js';

export interface JobLookup {
  readonly owner: string;
  readonly repo: string;
  readonly runId: string | undefined;
  readonly runAttempt: string | undefined;
  readonly runnerName: string | undefined;
  readonly jobName: string;
}

export async function readJobOutcome(
  client: () => Promise<GitHubClient>,
  lookup: JobLookup,
): Promise<Outcome> {
  const unknown = (note: string): Outcome => ({ status: 'unknown', source: 'jobs API', note });
  if (!lookup.runId) return unknown('GITHUB_RUN_ID is not set');
  let jobs: {
    name: string;
    status: string;
    run_attempt?: number;
    runner_name: string | null;
    steps?: { name: string; status: string; conclusion: string | null }[];
  }[];
  try {
    const api = await client();
    jobs = await api.paginate(api.rest.actions.listJobsForWorkflowRunAttempt, {
      owner: lookup.owner,
      repo: lookup.repo,
      run_id: Number(lookup.runId),
      attempt_number: Number(lookup.runAttempt ?? '1'),
      per_page: 100,
    });
  } catch (error) {
    return unknown(
      `the jobs API could not be read (${(error as Error).message}); it needs \`actions: read\``,
    );
  }
  // Entries of another shape are not this job (an odd answer ends in `unknown`, not a crash).
  const running = (Array.isArray(jobs) ? jobs : []).filter(
    (j) => typeof j === 'object' && j !== null && j.status === 'in_progress',
  );
  const mine = running.filter((j) =>
    lookup.runnerName ? j.runner_name === lookup.runnerName : j.name === lookup.jobName,
  );
  if (mine.length !== 1) {
    return unknown(
      `${mine.length} in-progress jobs match this runner${lookup.runnerName ? ` (${lookup.runnerName})` : ''}; cannot tell which is this one`,
    );
  }
  const listedSteps = mine[0]?.steps;
  const steps = (Array.isArray(listedSteps) ? listedSteps : []).filter(
    (s) => typeof s === 'object' && s !== null && s.status === 'completed',
  );
  const conclusions = steps.map((s) => s.conclusion);
  const status: Outcome['status'] = conclusions.includes('cancelled')
    ? 'cancelled'
    : conclusions.includes('failure')
      ? 'failure'
      : steps.length > 0
        ? 'success'
        : 'unknown';
  return {
    status,
    source: 'jobs API (completed steps before the post step)',
    note:
      status === 'unknown' ? 'no completed steps were listed' : `${steps.length} completed step(s)`,
  };
}
