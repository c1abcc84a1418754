/**
 * Who approved, who denied, and what does not count. Pure: the request, the approval
 * settings, what the API said about candidate logins, and the observed reviews and
 * comments in; a judgement out. Every answer that looks like an approval or a denial but
 * fails a rule is listed in `ignored` with the reason.
 *
 * An approval counts only if it comes from an authorized approver (listed user, active
 * member of a listed team, or CODEOWNER when no list is given; collaborator permission at
 * least write), a human, not the actor or the triggering actor, given after the request,
 * and either a PR review APPROVED at the request's head SHA (the reviewer's latest review)
 * or an unedited comment that is exactly `/agent-gate approve <digest prefix>` for this
 * request. A deny from an authorized approver (same rules; starting the run does not
 * matter for a deny) ends the wait. Distinct logins are counted against min-approvals.
 */
import { NON_ASCII_LOGIN, loginKey, sameLogin } from './login.js';
import { COMMAND, approverLabel } from './render-request.js';
import { PREFIX_LENGTH } from './request-digest.js';
import type {
  Actor,
  Approval,
  ApproverFacts,
  ApproverSpec,
  Denial,
  Ignored,
  JudgedRequest,
  Judgement,
  ObservedComment,
  ObservedReview,
} from './types.js';

export interface JudgeInput {
  readonly request: JudgedRequest;
  readonly approvers: readonly ApproverSpec[];
  readonly minApprovals: number;
  /** By lowercase login. */
  readonly facts: ReadonlyMap<string, ApproverFacts>;
  readonly reviews: readonly ObservedReview[];
  readonly comments: readonly ObservedComment[];
}

export type Command =
  | { readonly verb: 'approve' | 'deny'; readonly digest: string; readonly reason?: string }
  | { readonly invalid: string };

const WRITE = new Set(['admin', 'maintain', 'write']);
/** Review states that change what a reviewer thinks; COMMENTED and PENDING do not. */
const DECISIVE = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);

/**
 * Parses `approval.approvers` / CODEOWNERS owners: `user`, `@user`, `org/team`, `@org/team`.
 * Emails (CODEOWNERS allows them) cannot be matched to a login and are skipped.
 */
export function parseApprovers(list: readonly string[]): {
  specs: ApproverSpec[];
  skipped: string[];
} {
  const specs: ApproverSpec[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const raw of list) {
    const entry = raw.trim().replace(/^@/, '');
    const team = /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9_.-]+)$/.exec(entry);
    const user = /^[A-Za-z0-9][A-Za-z0-9-]*$/.test(entry);
    const spec: ApproverSpec | undefined = team
      ? { kind: 'team', org: team[1] ?? '', slug: (team[2] ?? '').toLowerCase() }
      : user
        ? { kind: 'user', login: entry }
        : undefined;
    if (!spec) {
      skipped.push(raw);
      continue;
    }
    const key = approverLabel(spec).toLowerCase();
    if (!seen.has(key)) specs.push(spec);
    seen.add(key);
  }
  return { specs, skipped };
}

/**
 * An answer command: the whole comment (trimmed) is `/agent-gate approve <hex>` or
 * `/agent-gate deny <hex> [reason]`, with at least 12 hex digits of the digest.
 * Undefined when the comment is not addressed to agent-gate at all.
 */
export function parseCommand(body: string): Command | undefined {
  const text = body.replace(/\r\n?/g, '\n').trim();
  if (!text.startsWith(COMMAND)) return undefined;
  const approve = /^\/agent-gate approve (?:sha256:)?([0-9a-fA-F]+)$/.exec(text);
  const deny = /^\/agent-gate deny (?:sha256:)?([0-9a-fA-F]+)(?:[ \n]+([\s\S]*))?$/.exec(text);
  const found = approve ?? deny;
  if (!found)
    return { invalid: `not an exact \`${COMMAND} approve|deny <digest prefix>\` command` };
  const digest = (found[1] ?? '').toLowerCase();
  if (digest.length < PREFIX_LENGTH || digest.length > 64)
    return { invalid: `the digest prefix must have ${PREFIX_LENGTH} to 64 hex digits` };
  if (approve) return { verb: 'approve', digest };
  const reason = deny?.[2]?.trim();
  return { verb: 'deny', digest, ...(reason ? { reason } : {}) };
}

export function isBot(user: Actor): boolean {
  return user.type === 'Bot' || /\[bot\]$/i.test(user.login);
}

type Authorization =
  | { readonly status: 'yes'; readonly via: string }
  | { readonly status: 'no'; readonly why: string }
  | { readonly status: 'unresolved' };

/** What still has to be asked about a login, in order; undefined when its facts suffice. */
export function nextFact(
  login: string,
  approvers: readonly ApproverSpec[],
  facts: ApproverFacts | undefined,
):
  | { readonly kind: 'team'; readonly org: string; readonly slug: string }
  | { readonly kind: 'permission' }
  | undefined {
  const listed = approvers.some((a) => a.kind === 'user' && sameLogin(a.login, login));
  if (!listed) {
    const teams = approvers.filter((a) => a.kind === 'team');
    const known = facts?.teams ?? {};
    if (!teams.some((t) => known[teamKey(t)] === 'active')) {
      // Ask team by team, stopping at the first active membership.
      const next = teams.find((t) => known[teamKey(t)] === undefined);
      return next ? { kind: 'team', org: next.org, slug: next.slug } : undefined;
    }
  }
  return facts?.permission === undefined ? { kind: 'permission' } : undefined;
}

export function authorize(
  login: string,
  approvers: readonly ApproverSpec[],
  facts: ApproverFacts | undefined,
): Authorization {
  if (loginKey(login) === undefined) return { status: 'no', why: NON_ASCII_LOGIN };
  const listed = approvers.some((a) => a.kind === 'user' && sameLogin(a.login, login));
  let via = 'listed approver';
  if (!listed) {
    const teams = approvers.filter(
      (a): a is Extract<ApproverSpec, { kind: 'team' }> => a.kind === 'team',
    );
    if (teams.length === 0) return { status: 'no', why: 'not an approver' };
    const known = facts?.teams ?? {};
    const active = teams.find((t) => known[teamKey(t)] === 'active');
    if (!active) {
      if (teams.some((t) => known[teamKey(t)] === undefined)) return { status: 'unresolved' };
      const unknown = teams.filter((t) => known[teamKey(t)] === 'unknown');
      const pending = teams.filter((t) => known[teamKey(t)] === 'pending');
      const names = (ts: readonly { org: string; slug: string }[]): string =>
        ts.map(teamKey).join(', ');
      if (unknown.length > 0)
        return {
          status: 'no',
          why: `not an approver, and membership of ${names(unknown)} could not be read (the token needs organization Members: read)`,
        };
      return {
        status: 'no',
        why:
          pending.length > 0
            ? `membership of ${names(pending)} is pending, not active`
            : `not an approver nor an active member of ${names(teams)}`,
      };
    }
    via = `active member of ${teamKey(active)}`;
  }
  const permission = facts?.permission;
  if (permission === undefined) return { status: 'unresolved' };
  if (!WRITE.has(permission))
    return {
      status: 'no',
      why:
        permission === 'unknown'
          ? 'repository permission could not be read'
          : `repository permission is ${permission}; write or higher is needed`,
    };
  return { status: 'yes', via };
}

export function judge(input: JudgeInput): Judgement {
  const { request } = input;
  const requestedAt = Date.parse(request.createdAt);
  const starters = new Set(
    [request.actor, request.triggeringActor, request.author]
      .map((l) => (l === undefined ? undefined : loginKey(l)))
      .filter((l): l is string => l !== undefined),
  );
  const digestHex = request.digest.replace(/^sha256:/, '').toLowerCase();
  const approvals = new Map<string, Approval>();
  const denials: Denial[] = [];
  const ignored: Ignored[] = [];
  const unresolved = new Set<string>();

  const check = (
    user: Actor,
    verb: 'approve' | 'deny',
    url: string,
  ): { ok: true; login: string } | { ok: false } => {
    const login = user.login;
    const key = loginKey(login);
    if (key === undefined) {
      ignored.push({ login, why: NON_ASCII_LOGIN, url });
      return { ok: false };
    }
    if (verb === 'approve' && starters.has(key)) {
      ignored.push({
        login,
        why: 'started this run (actor or triggering actor) or wrote the pull request: self-approval',
        url,
      });
      return { ok: false };
    }
    const auth = authorize(login, input.approvers, input.facts.get(key));
    if (auth.status === 'unresolved') {
      unresolved.add(login);
      return { ok: false };
    }
    if (auth.status === 'no') {
      ignored.push({ login, why: auth.why, url });
      return { ok: false };
    }
    return { ok: true, login };
  };
  const approve = (a: Approval): void => {
    const key = loginKey(a.login) ?? a.login;
    const had = approvals.get(key);
    if (!had || Date.parse(a.at) < Date.parse(had.at)) approvals.set(key, a);
  };

  for (const review of latestReviews(input.reviews)) {
    const url = review.url;
    const user = review.user;
    if (!user) {
      ignored.push({ login: '(deleted user)', why: 'review by a deleted account', url });
      continue;
    }
    if (review.state !== 'APPROVED') {
      ignored.push({
        login: user.login,
        why: `latest review is ${review.state}; an earlier approval no longer stands`,
        url,
      });
      continue;
    }
    if (isBot(user)) {
      ignored.push({ login: user.login, why: 'a bot, not a human', url });
      continue;
    }
    const at = review.submittedAt;
    if (!at || !(Date.parse(at) >= requestedAt)) {
      ignored.push({ login: user.login, why: 'review given before the request', url });
      continue;
    }
    if ((review.commitId ?? '').toLowerCase() !== request.headSha.toLowerCase()) {
      ignored.push({
        login: user.login,
        why: `review approves commit ${(review.commitId ?? 'unknown').slice(0, 12)}, not the head ${request.headSha.slice(0, 12)}`,
        url,
      });
      continue;
    }
    const ok = check(user, 'approve', url);
    if (ok.ok) approve({ login: ok.login, how: 'review', at, url });
  }

  for (const comment of input.comments) {
    const command = parseCommand(comment.body);
    if (!command) continue;
    const url = comment.url;
    const user = comment.user;
    if (!user) {
      ignored.push({ login: '(deleted user)', why: 'comment by a deleted account', url });
      continue;
    }
    if (isBot(user)) {
      ignored.push({ login: user.login, why: 'a bot, not a human', url });
      continue;
    }
    if ('invalid' in command) {
      ignored.push({ login: user.login, why: command.invalid, url });
      continue;
    }
    const created = Date.parse(comment.createdAt);
    if (!(created >= requestedAt)) {
      ignored.push({ login: user.login, why: 'comment written before the request', url });
      continue;
    }
    if (Date.parse(comment.updatedAt) !== created) {
      ignored.push({ login: user.login, why: 'comment was edited', url });
      continue;
    }
    if (!digestHex.startsWith(command.digest)) {
      ignored.push({
        login: user.login,
        why: `names another request (${command.digest.slice(0, PREFIX_LENGTH)}), not ${digestHex.slice(0, PREFIX_LENGTH)}`,
        url,
      });
      continue;
    }
    const ok = check(user, command.verb, url);
    if (!ok.ok) continue;
    if (command.verb === 'approve')
      approve({ login: ok.login, how: 'command', at: comment.createdAt, url });
    else
      denials.push({
        login: ok.login,
        at: comment.createdAt,
        url,
        reason: command.reason,
      });
  }

  const list = [...approvals.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const denial = denials.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
  const state = denial ? 'denied' : list.length >= input.minApprovals ? 'approved' : 'pending';
  return {
    state,
    approvals: list,
    ...(denial ? { denial } : {}),
    ignored,
    unresolved: [...unresolved],
  };
}

/** Each reviewer's latest decisive review (APPROVED / CHANGES_REQUESTED / DISMISSED). */
function latestReviews(reviews: readonly ObservedReview[]): ObservedReview[] {
  const latest = new Map<string, ObservedReview>();
  const anonymous: ObservedReview[] = [];
  const approvedOnce = new Set<string>();
  const ordered = [...reviews].sort(
    (a, b) => Date.parse(a.submittedAt ?? '') - Date.parse(b.submittedAt ?? '') || a.id - b.id,
  );
  for (const review of ordered) {
    if (!DECISIVE.has(review.state)) continue;
    if (!review.user) {
      if (review.state === 'APPROVED') anonymous.push(review);
      continue;
    }
    const key = loginKey(review.user.login) ?? review.user.login;
    if (review.state === 'APPROVED') approvedOnce.add(key);
    latest.set(key, review);
  }
  // A reviewer who never approved is not a candidate: nothing to report.
  const candidates = [...latest.entries()]
    .filter(([key, r]) => r.state === 'APPROVED' || approvedOnce.has(key))
    .map(([, r]) => r);
  return [...anonymous, ...candidates];
}

function teamKey(team: { readonly org: string; readonly slug: string }): string {
  return `${team.org}/${team.slug}`.toLowerCase();
}
