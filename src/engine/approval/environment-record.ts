/**
 * `approval: record` — judging a run's environment approval history
 * (`GET /repos/{o}/{r}/actions/runs/{run_id}/approvals`). GitHub paused the run at an
 * environment with required reviewers; this decides whether what it recorded counts under
 * the same rules as `approval: wait`: a human, not the actor, the triggering actor or the pull
 * request's author, an approver the policy lists (when it lists any), at least
 * `min-approvals` of them — for every environment the decided jobs deploy to. A rejection
 * ends it. Logins compare by their ASCII lower case; others are refused. Pure.
 */
import { authorize, isBot } from './judge.js';
import { NON_ASCII_LOGIN, loginKey } from './login.js';
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
  /** Every environment that must hold the approvals (one or more). */
  readonly environments: readonly string[];
  readonly actor: string | undefined;
  readonly triggeringActor: string | undefined;
  /** The pull request's author: approving one's own change is self-approval. */
  readonly author: string | undefined;
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

/**
 * Judges every environment; the record is approved only when each is. A rejection of any
 * ends it; facts still to read for any keep it unresolved.
 */
export function recordEnvironmentApprovals(input: EnvironmentRecordInput): EnvironmentRecord {
  if (input.environments.length === 0)
    return {
      state: 'missing',
      approvedBy: [],
      deniedBy: undefined,
      ignored: [],
      unresolved: [],
      message: 'no environment to read approvals for',
    };
  const records = input.environments.map((env) => recordOne(input, env));
  const ignored = unique(records.flatMap((r) => r.ignored));
  const approvedBy = [...new Set(records.flatMap((r) => r.approvedBy))];
  const denied = records.find((r) => r.state === 'denied');
  if (denied) return { ...denied, ignored };
  const unresolved = [...new Set(records.flatMap((r) => r.unresolved))];
  if (unresolved.length > 0)
    return { ...records.find((r) => r.state === 'unresolved')!, approvedBy, ignored, unresolved };
  const missing = records.find((r) => r.state === 'missing');
  if (missing) return { ...missing, ignored };
  return {
    state: 'approved',
    approvedBy,
    deniedBy: undefined,
    ignored,
    unresolved: [],
    message: records.map((r) => r.message).join('; '),
  };
}

function unique(list: readonly Ignored[]): Ignored[] {
  const seen = new Set<string>();
  return list.filter((i) => {
    const key = `${i.login}\n${i.why}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function recordOne(input: EnvironmentRecordInput, environment: string): EnvironmentRecord {
  // Environment names are case-insensitive on GitHub (and ASCII-only lower-casing is enough
  // for the match: a look-alike name is another environment).
  const env = asciiLower(environment);
  const starters = new Set(
    [input.actor, input.triggeringActor, input.author]
      .map((x) => (x === undefined ? undefined : loginKey(x)))
      .filter((x): x is string => x !== undefined),
  );
  const mine = input.entries.filter((e) =>
    (Array.isArray(e.environments)
      ? (e.environments as RunApprovalEntry['environments'])
      : []
    ).some((x) => typeof x?.name === 'string' && asciiLower(x.name) === env),
  );
  const ignored: Ignored[] = [];
  const approvedBy: string[] = [];
  const unresolved: string[] = [];
  for (const entry of mine) {
    const login = entry.user?.login;
    if (typeof login !== 'string' || !login) {
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
        message: `${login} rejected the deployment to environment ${environment}`,
      };
    }
    if (entry.state !== 'approved') continue;
    const key = loginKey(login);
    if (key === undefined) {
      ignored.push({ login, why: NON_ASCII_LOGIN });
      continue;
    }
    if (isBot({ login, type: entry.user?.type ?? 'User' })) {
      ignored.push({ login, why: 'a bot cannot approve' });
      continue;
    }
    if (starters.has(key)) {
      ignored.push({
        login,
        why: 'self-approval: the actor or triggering actor of the run, or the pull request author',
      });
      continue;
    }
    const facts = input.facts.get(key);
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
    if (!approvedBy.some((a) => loginKey(a) === key)) approvedBy.push(login);
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
      message: `environment ${environment} approved by ${approvedBy.join(', ')}`,
    };
  const why =
    mine.length === 0
      ? `no approval for environment ${environment} in the run's approval history (the environment may have no required reviewers, the job may not have been bound to it, or an administrator bypassed it)`
      : `${approvedBy.length} of ${input.minApprovals} required approval(s) for environment ${environment} count`;
  return {
    state: 'missing',
    approvedBy,
    deniedBy: undefined,
    ignored,
    unresolved: [],
    message: why,
  };
}

function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}
