/**
 * What the runner tells a JavaScript action through its environment (GITHUB_*, RUNNER_*),
 * parsed once and checked: a missing variable the gate depends on is an error, not a guess.
 */
import { InputError } from '../../engine/errors.js';
import { parseWorkflowRef, sameRepository } from '../../engine/workflow/callers.js';

export interface RunnerEnv {
  readonly repository: string;
  readonly owner: string;
  readonly repo: string;
  /** Workflow file path in its repository, from GITHUB_WORKFLOW_REF. */
  readonly workflowPath: string;
  /**
   * `owner/name` of the repository that holds the workflow file: another repository than
   * GITHUB_REPOSITORY for a ruleset-required workflow run from a central repository.
   */
  readonly workflowRepository: string;
  /** The workflow file lives in another repository (read it there, through the API). */
  readonly foreignWorkflow: boolean;
  readonly workflowRef: string;
  readonly workflowSha: string;
  readonly job: string;
  readonly event: string;
  readonly eventPath: string | undefined;
  readonly actor: string | undefined;
  readonly triggeringActor: string | undefined;
  readonly ref: string | undefined;
  readonly sha: string | undefined;
  readonly workspace: string | undefined;
  readonly runnerTemp: string | undefined;
  readonly apiUrl: string;
  readonly serverUrl: string;
  readonly runId: string | undefined;
  readonly runAttempt: string | undefined;
  /**
   * The gate action itself as the runner downloaded it (`GITHUB_ACTION_REPOSITORY`,
   * `GITHUB_ACTION_REF`, `GITHUB_ACTION_PATH`): its own `uses:` is read from disk, not the API.
   */
  readonly self:
    { readonly repository: string; readonly ref: string; readonly dir: string } | undefined;
}

export function readRunnerEnv(env: NodeJS.ProcessEnv): RunnerEnv {
  const need = (name: string): string => {
    const value = env[name];
    if (!value)
      throw new InputError(
        `${name} is not set: agent-gate must run as a step of a GitHub Actions job`,
      );
    return value;
  };
  const repository = need('GITHUB_REPOSITORY');
  const [owner, repo, ...extra] = repository.split('/');
  if (!owner || !repo || extra.length > 0)
    throw new InputError(`GITHUB_REPOSITORY is not owner/repo: ${repository}`);
  const workflowRef = need('GITHUB_WORKFLOW_REF');
  const file = workflowFileOf(workflowRef);
  return {
    repository,
    owner,
    repo,
    workflowPath: file.path,
    workflowRepository: file.repository,
    foreignWorkflow: !sameRepository(file.repository, repository),
    workflowRef,
    workflowSha: need('GITHUB_WORKFLOW_SHA'),
    job: need('GITHUB_JOB'),
    event: need('GITHUB_EVENT_NAME'),
    eventPath: env.GITHUB_EVENT_PATH || undefined,
    actor: env.GITHUB_ACTOR || undefined,
    triggeringActor: env.GITHUB_TRIGGERING_ACTOR || undefined,
    ref: env.GITHUB_REF || undefined,
    sha: env.GITHUB_SHA || undefined,
    workspace: env.GITHUB_WORKSPACE || undefined,
    runnerTemp: env.RUNNER_TEMP || undefined,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    runId: env.GITHUB_RUN_ID || undefined,
    runAttempt: env.GITHUB_RUN_ATTEMPT || undefined,
    self:
      env.GITHUB_ACTION_REPOSITORY && env.GITHUB_ACTION_REF && env.GITHUB_ACTION_PATH
        ? {
            repository: env.GITHUB_ACTION_REPOSITORY,
            ref: env.GITHUB_ACTION_REF,
            dir: env.GITHUB_ACTION_PATH,
          }
        : undefined,
  };
}

/**
 * `octo/hello/.github/workflows/ci.yml@refs/heads/main` → `octo/hello` and
 * `.github/workflows/ci.yml`. The repository may differ from GITHUB_REPOSITORY (a workflow a
 * ruleset requires, kept in a central repository): that is understood, not rejected.
 */
export function workflowFileOf(workflowRef: string): { repository: string; path: string } {
  const file = parseWorkflowRef(workflowRef);
  if (!file)
    throw new InputError(`cannot find the workflow file in GITHUB_WORKFLOW_REF: ${workflowRef}`);
  return { repository: file.repository, path: file.path };
}
