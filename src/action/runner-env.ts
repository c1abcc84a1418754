/**
 * What the runner tells a JavaScript action through its environment (GITHUB_*, RUNNER_*),
 * parsed once and checked: a missing variable the gate depends on is an error, not a guess.
 */
import { InputError } from '../errors.js';

export interface RunnerEnv {
  readonly repository: string;
  readonly owner: string;
  readonly repo: string;
  /** Workflow file path in the repository, from GITHUB_WORKFLOW_REF. */
  readonly workflowPath: string;
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
  return {
    repository,
    owner,
    repo,
    workflowPath: workflowPathOf(workflowRef, repository),
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
  };
}

/** `octo/hello/.github/workflows/ci.yml@refs/heads/main` → `.github/workflows/ci.yml`. */
export function workflowPathOf(workflowRef: string, repository: string): string {
  const at = workflowRef.lastIndexOf('@');
  const full = at > 0 ? workflowRef.slice(0, at) : workflowRef;
  const prefix = `${repository}/`;
  const path = full.toLowerCase().startsWith(prefix.toLowerCase())
    ? full.slice(prefix.length)
    : undefined;
  if (!path || !/^\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) {
    throw new InputError(`cannot find the workflow file in GITHUB_WORKFLOW_REF: ${workflowRef}`);
  }
  return path;
}
