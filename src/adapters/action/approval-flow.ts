/**
 * The approval modes that need the API, as the action runs them: `wait` (post one request,
 * poll until an authorized approver decides) and `record` (read the run's environment
 * approval history). Both end in an approval record for the evidence, the step outputs and
 * whether the gate may let the job go on. Any failure ends unapproved: fail closed.
 */
import { createHash } from 'node:crypto';
import { formatLocation } from '../../engine/errors.js';
import type { RunContext } from '../../engine/context/run-context.js';
import type { Evaluation } from '../../engine/evaluate.js';
import type { ApprovalRecord } from '../../engine/evidence/types.js';
import { bomWorkflows } from '../../engine/evidence/bom.js';
import {
  CODEOWNERS_LOCATIONS,
  ownersOf,
  parseCodeowners,
} from '../../engine/inventory/codeowners.js';
import type { Policy } from '../../engine/policy/types.js';
import { allFindings } from '../../engine/report/report.js';
import type { Report } from '../../engine/report/report.js';
import { recordEnvironmentApprovals } from '../../engine/approval/environment-record.js';
import type { RunApprovalEntry } from '../../engine/approval/environment-record.js';
import { nextFact, parseApprovers } from '../../engine/approval/judge.js';
import type { ApproverFacts, RequestPath } from '../../engine/approval/types.js';
import type { GitHubClient } from '../github/client.js';
import { createApprovalApi } from '../github/approval-api.js';
import { abortableSleep, approvalOutputs, cancelOnSignals } from './approval-wait.js';
import { waitForApproval } from '../../engine/approval/wait.js';
import { approvalRecord } from '../../engine/approval/wait-record.js';
import type { RepoFileReader } from './repo-files.js';
import type { RunnerEnv } from './runner-env.js';
import type { Settings } from './settings.js';

export interface ApprovalResult {
  readonly record: ApprovalRecord;
  readonly outputs: { approved: 'true' | 'false'; 'approved-by': string; 'approval-url': string };
  /** The approval-required decision is satisfied: the job may go on. */
  readonly approved: boolean;
  readonly message: string;
}

export interface ApprovalDeps {
  readonly report: Report;
  readonly policy: Policy;
  readonly settings: Settings;
  readonly runner: RunnerEnv;
  readonly context: RunContext;
  readonly client: () => Promise<GitHubClient>;
  readonly files: RepoFileReader;
  /** The commit the policy was read from: CODEOWNERS (the default approvers) comes from it too. */
  readonly trustedRef: string;
  /**
   * Where the jobs that need approval deploy: literal `environment:` names, and the jobs whose
   * environment is an expression (which environment holds their approval is unknown).
   */
  readonly jobEnvironments: {
    readonly names: readonly string[];
    readonly dynamic: readonly string[];
  };
  /**
   * The job as the request names it (its marker binds re-runs to it): GITHUB_JOB plus the
   * matrix leg and the caller jobs of a reusable workflow, so that two legs or two callers
   * waiting at once do not supersede each other's request. GITHUB_JOB when undefined.
   */
  readonly requestJob?: string | undefined;
  readonly log: { info(m: string): void; warning(m: string): void };
  /** AGENT_GATE_TIME_SCALE: the clock and sleeps run this many times faster (tests). */
  readonly timeScale: number;
}

/** What approvers are asked to approve: every approval-required finding of the run. */
export function requestPaths(report: Report): RequestPath[] {
  return allFindings(report)
    .filter((f) => f.decision === 'approval-required')
    .map((f, i) => ({
      id:
        f.kind === 'path'
          ? `${f.job ?? '-'}/${f.class ?? f.ruleId}/${i + 1}`
          : `${f.ruleId}/${i + 1}`,
      class: f.class ?? f.ruleId,
      reason: f.message,
      location: formatLocation(f.location),
    }));
}

/** `sha256:` of the run's Agent Action BOM as the evidence pack writes it. */
export function bomDigest(report: Report): string {
  return `sha256:${createHash('sha256')
    .update(JSON.stringify(bomWorkflows(report.evaluations)))
    .digest('hex')}`;
}

export async function waitMode(deps: ApprovalDeps): Promise<ApprovalResult> {
  const { runner, context, policy } = deps;
  const start = Date.now();
  const scale = deps.timeScale;
  const now = (): Date => new Date(start + (Date.now() - start) * scale);
  const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
    abortableSleep(ms / scale, signal);
  const { signal, dispose } = cancelOnSignals();
  try {
    const api = createApprovalApi(await deps.client(), {
      owner: runner.owner,
      repo: runner.repo,
      signal,
      log: (m) => deps.log.info(m),
    });
    const pr = context.pullRequest;
    const client = await deps.client();
    // The commit approvers approve. A comment on a pull request (issue_comment) carries no
    // head SHA, and GITHUB_SHA is the default branch there: read the pull request's head.
    const headSha = pr
      ? (pr.headSha ?? (await pullHead(client, runner, pr.number)))
      : (runner.sha ?? runner.workflowSha);
    const outcome = await waitForApproval({
      api,
      subject: {
        repository: runner.repository,
        runId: runner.runId ?? '',
        runAttempt: Number(runner.runAttempt ?? '1') || 1,
        job: deps.requestJob ?? runner.job,
        headSha,
        bomDigest: bomDigest(deps.report),
        policyDigest: policy.digest,
        paths: requestPaths(deps.report),
      },
      workflow: runner.workflowPath,
      runUrl: runner.runId
        ? `${runner.serverUrl}/${runner.repository}/actions/runs/${runner.runId}`
        : undefined,
      target: pr ? { kind: 'pull-request', number: pr.number } : { kind: 'issue' },
      actor: context.actor,
      triggeringActor: context.triggeringActor,
      author: pr?.author,
      approval: policy.approval,
      timeoutMinutes:
        deps.settings.timeoutMinutes === undefined
          ? undefined
          : Math.min(deps.settings.timeoutMinutes, policy.approval.timeoutMinutes),
      codeowners: policy.approval.approvers === undefined ? await trustedOwners(deps) : undefined,
      now,
      sleep,
      signal,
      log: deps.log,
    });
    if (outcome.state === 'approved' && pr && !pr.headSha) {
      // The approval binds the head read above; a push since then is code nobody approved.
      const now2 = await pullHead(client, runner, pr.number);
      if (now2 !== headSha) {
        const message = `the pull request head moved from ${headSha.slice(0, 12)} to ${now2.slice(0, 12)} after the request: the approval does not cover the new commits`;
        return {
          record: { ...approvalRecord(outcome), status: 'required', note: message },
          outputs: { approved: 'false', 'approved-by': '', 'approval-url': outcome.url ?? '' },
          approved: false,
          message,
        };
      }
    }
    return {
      record: approvalRecord(outcome),
      outputs: approvalOutputs(outcome),
      approved: outcome.state === 'approved',
      message: outcome.message,
    };
  } finally {
    dispose();
  }
}

/** The head commit of a pull request, read through the API (fail closed when unreadable). */
async function pullHead(client: GitHubClient, runner: RunnerEnv, number: number): Promise<string> {
  const { data } = await client.rest.pulls.get({
    owner: runner.owner,
    repo: runner.repo,
    pull_number: number,
  });
  const sha = (data as { head?: { sha?: unknown } } | undefined)?.head?.sha;
  if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/i.test(sha))
    throw new Error(`pull request #${number} has no readable head commit`);
  return sha;
}

/**
 * The owners of the workflow file in CODEOWNERS at the trusted commit (the base of a pull
 * request): a pull request cannot make its author an approver by editing CODEOWNERS.
 */
async function trustedOwners(deps: ApprovalDeps): Promise<string[]> {
  for (const path of CODEOWNERS_LOCATIONS) {
    const file = await deps.files.read(path, deps.trustedRef);
    if (!file) continue;
    const { rules } = parseCodeowners(file.text, path);
    return ownersOf(rules, deps.runner.workflowPath)?.owners ?? [];
  }
  return [];
}

export async function recordMode(deps: ApprovalDeps): Promise<ApprovalResult> {
  const { runner, context, policy } = deps;
  // Approvals count only for where the jobs really deploy: the `environment` input alone
  // (say staging, while the job deploys to production) is not enough.
  const environments = [
    ...new Map(
      [deps.settings.environment, ...deps.jobEnvironments.names]
        .filter((e): e is string => e !== undefined && e !== '')
        .map((e) => [e.toLowerCase(), e]),
    ).values(),
  ];
  const environment = environments.join(', ');
  const fail = (message: string, ignored: ApprovalRecord['ignored'] = []): ApprovalResult => ({
    record: {
      mode: 'record',
      status: 'required',
      requestDigest: undefined,
      requestUrl: undefined,
      approvals: [],
      ignored,
      note: message,
    },
    outputs: { approved: 'false', 'approved-by': '', 'approval-url': '' },
    approved: false,
    message,
  });
  if (deps.jobEnvironments.dynamic.length > 0)
    return fail(
      `job ${deps.jobEnvironments.dynamic.join(', ')} deploys to an environment given by an expression: which environment's approvals count cannot be known before the run, so none do`,
    );
  if (environments.length === 0)
    return fail(
      '`approval: record` needs the `environment` input (or a job bound to a literal `environment:`)',
    );
  if (!runner.runId)
    return fail('GITHUB_RUN_ID is not set: the run approval history cannot be read');
  const client = await deps.client();
  const history: unknown = await client.paginate(
    'GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals',
    {
      owner: runner.owner,
      repo: runner.repo,
      run_id: Number(runner.runId),
      per_page: 100,
    },
  );
  if (!Array.isArray(history))
    return fail(
      "the run approvals API answered without a list: the run's approval history cannot be read",
    );
  // Entries of another shape (no user, no environments) count for nothing.
  const entries = history.filter(
    (e): e is RunApprovalEntry =>
      typeof e === 'object' &&
      e !== null &&
      Array.isArray((e as { environments?: unknown }).environments),
  );
  // Who may approve: the policy's list, else the workflow's CODEOWNERS at the trusted commit;
  // with neither, the environment's required reviewers — who still need write permission.
  const owners = policy.approval.approvers === undefined ? await trustedOwners(deps) : [];
  const listed = policy.approval.approvers ?? (owners.length > 0 ? owners : undefined);
  const approvers = listed === undefined ? undefined : parseApprovers(listed).specs;
  const api = createApprovalApi(client, { owner: runner.owner, repo: runner.repo });
  const facts = new Map<string, ApproverFacts>();
  const judge = () =>
    recordEnvironmentApprovals({
      entries,
      environments,
      actor: context.actor,
      triggeringActor: context.triggeringActor,
      author: context.pullRequest?.author,
      approvers,
      minApprovals: policy.approval.minApprovals,
      facts,
    });
  let verdict = judge();
  // Ask only what is needed about each candidate, one fact at a time (bounded).
  for (let round = 0; verdict.state === 'unresolved' && round < 40; round++) {
    for (const login of verdict.unresolved) {
      const key = login.toLowerCase();
      const known = facts.get(key) ?? { permission: undefined, teams: {} };
      const need =
        approvers === undefined
          ? known.permission === undefined
            ? ({ kind: 'permission' } as const)
            : undefined
          : nextFact(login, approvers, known);
      if (!need) continue;
      facts.set(
        key,
        need.kind === 'team'
          ? {
              ...known,
              teams: {
                ...known.teams,
                [`${need.org}/${need.slug}`.toLowerCase()]: await api.teamMembership(
                  need.org,
                  need.slug,
                  login,
                ),
              },
            }
          : { ...known, permission: await api.permission(login) },
      );
    }
    verdict = judge();
  }
  const at = new Date().toISOString();
  const runUrl = `${runner.serverUrl}/${runner.repository}/actions/runs/${runner.runId}`;
  if (verdict.state === 'approved')
    return {
      record: {
        mode: 'record',
        status: 'approved',
        requestDigest: undefined,
        requestUrl: runUrl,
        approvals: verdict.approvedBy.map((login) => ({
          login,
          at,
          how: `environment review (${environment}); the API gives no review time, this is when it was recorded`,
          digest: undefined,
        })),
        ignored: verdict.ignored.map((i) => ({ login: i.login, why: i.why })),
        note: verdict.message,
      },
      outputs: {
        approved: 'true',
        'approved-by': verdict.approvedBy.join(','),
        'approval-url': runUrl,
      },
      approved: true,
      message: verdict.message,
    };
  if (verdict.state === 'denied')
    return {
      ...fail(verdict.message, verdict.ignored),
      record: { ...fail(verdict.message, verdict.ignored).record, status: 'denied' },
    };
  return fail(
    verdict.state === 'unresolved' ? 'approver facts could not be resolved' : verdict.message,
    verdict.ignored.map((i) => ({ login: i.login, why: i.why })),
  );
}

/** Where the jobs that need approval deploy (see ApprovalDeps.jobEnvironments). */
export function approvalEnvironments(evaluation: Evaluation): ApprovalDeps['jobEnvironments'] {
  const needs = new Set(
    evaluation.decision.jobs.filter((j) => j.decision === 'approval-required').map((j) => j.job),
  );
  const names: string[] = [];
  const dynamic: string[] = [];
  for (const job of evaluation.inventory) {
    if (!needs.has(job.job) || !job.environment) continue;
    if (job.environment.dynamic) dynamic.push(job.job);
    else names.push(job.environment.name);
  }
  return { names, dynamic };
}
