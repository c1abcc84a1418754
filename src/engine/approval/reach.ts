/**
 * Reaching the approvers a request names: whom to @-mention, whose review to request on a
 * pull request, and whether any of them can ever count. A team the token cannot see (the
 * default GITHUB_TOKEN cannot read an organization's teams) cannot count — its membership is
 * unreadable — and is said so at the start; a user who started the run or wrote the pull
 * request cannot approve it. When what is left can never reach `min-approvals`, the wait
 * fails at once with that reason instead of waiting out its timeout.
 */
import type { ApproverSpec } from './types.js';

export interface Reach {
  /** `@login` and `@org/slug` for the request body: only approvers that can count. */
  readonly mentions: readonly string[];
  /** Logins whose review is requested on a pull request. */
  readonly reviewers: readonly string[];
  /** Team slugs of the repository's organization whose review is requested. */
  readonly teamReviewers: readonly string[];
  /** One warning per approver that cannot count, with why. */
  readonly warnings: readonly string[];
  /** Set when no approval can ever satisfy the request: the reason. */
  readonly never: string | undefined;
}

/** GitHub logins and team slugs: what may follow an `@` without turning into other Markdown. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const SLUG = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

export function reachApprovers(input: {
  readonly specs: readonly ApproverSpec[];
  /** `org/slug` (lower case) → what the token sees; missing = not asked (counts as visible). */
  readonly teams: ReadonlyMap<string, 'visible' | 'hidden'>;
  /** Logins that cannot approve: actor, triggering actor, pull request author. */
  readonly excluded: readonly (string | undefined)[];
  readonly minApprovals: number;
  /** The repository's owner: only its own teams can be asked for a pull request review. */
  readonly owner: string;
}): Reach {
  const excluded = new Set(
    input.excluded.filter((l): l is string => !!l).map((l) => l.toLowerCase()),
  );
  const warnings: string[] = [];
  const users: string[] = [];
  const teams: { org: string; slug: string }[] = [];
  for (const spec of input.specs) {
    if (spec.kind === 'user') {
      if (excluded.has(spec.login.toLowerCase())) {
        warnings.push(
          `approver ${spec.login} started this run or wrote the pull request, so cannot approve it`,
        );
        continue;
      }
      users.push(spec.login);
      continue;
    }
    const name = `${spec.org}/${spec.slug}`;
    if (input.teams.get(name.toLowerCase()) === 'hidden') {
      warnings.push(
        `team ${name} cannot be read with this token: pass an App token (or a token that can read the organization's teams) in \`token\`; until then its members' approvals cannot count`,
      );
      continue;
    }
    teams.push({ org: spec.org, slug: spec.slug });
  }
  const min = Math.max(1, input.minApprovals);
  const never =
    users.length + teams.length === 0
      ? `no listed approver can ever count: ${warnings.join('; ')}`
      : teams.length === 0 && users.length < min
        ? `min-approvals is ${min} but only ${users.length} listed approver(s) can count${warnings.length > 0 ? `: ${warnings.join('; ')}` : ''}`
        : undefined;
  return {
    mentions: [
      ...users.filter((u) => LOGIN.test(u)).map((u) => `@${u}`),
      ...teams
        .filter((t) => LOGIN.test(t.org) && SLUG.test(t.slug))
        .map((t) => `@${t.org}/${t.slug}`),
    ],
    reviewers: users.filter((u) => LOGIN.test(u)),
    teamReviewers: teams
      .filter((t) => t.org.toLowerCase() === input.owner.toLowerCase() && SLUG.test(t.slug))
      .map((t) => t.slug),
    warnings,
    never,
  };
}
