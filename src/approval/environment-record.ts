/**
 * `approval: record` — judging a run's environment approval history
 * (`GET /repos/{o}/{r}/actions/runs/{run_id}/approvals`). GitHub paused the run at an
 * environment with required reviewers; this decides whether what it recorded counts under
 * the policy: a human, not the actor or triggering actor, an approver the policy lists (when
 * it lists any), at least `min-approvals` of them. A rejection ends it. Pure.
 */
import { authorize, isBot } from './judge.js';
import type { ApproverFacts, ApproverSpec, Ignored } from './types.js';

/** One entry of the run's approval history, as the REST API returns it. */
export interface RunApprovalEntry {
  readonly state: string;
  readonly comment: string | null | undefined;
  readonly user: { readonly login: string; readonly type?: string | undefined } | null;
  readonly environments: readonly { readonly name?: string | undefined }[];
}

export interface EnvironmentRecordInput {
  readonly entries: readonly RunApprovalEntry[];
  readonly environment: string;
  readonly actor: string | undefined;
  readonly triggeringActor: string | undefined;
  /**
   * The policy's approvers (or the workflow's CODEOWNERS); undefined = the environment's
   * required reviewers decide who, each still needing write permission.
   */
  readonly approvers: readonly ApproverSpec[] | undefined;
  readonly minApprovals: number;
  /** What is known about each candidate (only needed when approvers are listed). */
  readonly facts: ReadonlyMap<string, ApproverFacts>;
}

export interface EnvironmentRecord {
  readonly state: 'approved' | 'denied' | 'missing' | 'unresolved';
  readonly approvedBy: readonly string[];
  readonly deniedBy: { readonly login: string; readonly comment: string } | undefined;
  readonly ignored: readonly Ignored[];
  /** Logins whose facts must be fetched before the record can be judged. */
  readonly unresolved: readonly string[];
  readonly message: string;
}

export function recordEnvironmentApprovals(input: EnvironmentRecordInput): EnvironmentRecord {
  const env = input.environment.toLowerCase();
  const starters = new Set(
    [input.actor, input.triggeringActor]
      .filter((x): x is string => typeof x === 'string' && x !== '')
      .map((x) => x.toLowerCase()),
  );
  const mine = input.entries.filter((e) =>
    e.environments.some((x) => (x.name ?? '').toLowerCase() === env),
  );
  const ignored: Ignored[] = [];
  const approvedBy: string[] = [];
  const unresolved: string[] = [];
  for (const entry of mine) {
    const login = entry.user?.login;
    if (!login) {
      ignored.push({ login: '(unknown)', why: 'the entry names no user' });
      continue;
    }
    if (entry.state === 'rejected') {
      return {
        state: 'denied',
        approvedBy: [],
        deniedBy: { login, comment: entry.comment ?? '' },
        ignored,
        unresolved: [],
        message: `${login} rejected the deployment to environment ${input.environment}`,
      };
    }
    if (entry.state !== 'approved') continue;
    if (isBot({ login, type: entry.user?.type ?? 'User' })) {
      ignored.push({ login, why: 'a bot cannot approve' });
      continue;
    }
    if (starters.has(login.toLowerCase())) {
      ignored.push({ login, why: 'self-approval: the actor or triggering actor of the run' });
      continue;
    }
    const facts = input.facts.get(login.toLowerCase());
    if (input.approvers !== undefined) {
      const verdict = authorize(login, input.approvers, facts);
      if (verdict.status === 'unresolved') {
        unresolved.push(login);
        continue;
      }
      if (verdict.status === 'no') {
        ignored.push({ login, why: verdict.why });
        continue;
      }
    } else {
      // Environment reviewers need only read access; an approver needs write.
      if (facts?.permission === undefined) {
        unresolved.push(login);
        continue;
      }
      if (!['admin', 'maintain', 'write'].includes(facts.permission)) {
        ignored.push({
          login,
          why: `repository permission is ${facts.permission}; write or higher is needed`,
        });
        continue;
      }
    }
    if (!approvedBy.some((a) => a.toLowerCase() === login.toLowerCase())) approvedBy.push(login);
  }
  if (unresolved.length > 0)
    return {
      state: 'unresolved',
      approvedBy,
      deniedBy: undefined,
      ignored,
      unresolved,
      message: 'approver facts still to be read',
    };
  if (approvedBy.length >= input.minApprovals)
    return {
      state: 'approved',
      approvedBy,
      deniedBy: undefined,
      ignored,
      unresolved: [],
      message: `environment ${input.environment} approved by ${approvedBy.join(', ')}`,
    };
  const why =
    mine.length === 0
      ? `no approval for environment ${input.environment} in the run's approval history (the environment may have no required reviewers, the job may not have been bound to it, or an administrator bypassed it)`
      : `${approvedBy.length} of ${input.minApprovals} required approval(s) for environment ${input.environment} count`;
  return {
    state: 'missing',
    approvedBy,
    deniedBy: undefined,
    ignored,
    unresolved: [],
    message: why,
  };
}
