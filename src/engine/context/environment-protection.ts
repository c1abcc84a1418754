/**
 * What GitHub will enforce for a deployment environment, read from the response of
 * `GET /repos/{owner}/{repo}/environments/{name}` (the action fetches it; the CLI reads the
 * same JSON from `--environments`). Pure: the adapters do the I/O and hand the facts in.
 *
 * Only required reviewers hold an approval: a wait timer, a branch policy or a custom
 * protection rule are recorded but decide nothing (they do not put a human in the loop the
 * gate can name). Anything that cannot be read is `unreadable`, never "protected".
 */
import { InputError } from '../errors.js';

export interface EnvironmentFacts {
  readonly name: string;
  /** read: the API (or file) answered; unreadable: it did not, `note` says why. */
  readonly status: 'read' | 'unreadable';
  /** Where the facts come from: `api`, or the file they were read from. */
  readonly source: string;
  /** Required reviewers, `@login` for users and `@org/slug` (or `team:slug`) for teams. */
  readonly reviewers: readonly string[];
  readonly preventSelfReview: boolean | undefined;
  /** Minutes GitHub waits before the job starts (0 = none). */
  readonly waitTimer: number | undefined;
  /** Which branches may deploy: `any branch`, `protected branches`, `selected branches`. */
  readonly branchPolicy: string | undefined;
  /** Protection rules other than reviewers, wait timer and branch policy (their type). */
  readonly customRules: readonly string[];
  /** Why the facts could not be read (unreadable), else empty. */
  readonly note: string;
}

type Json = Record<string, unknown>;

/** The facts of one environment from the API's response body. Throws on a shape it does not know. */
export function environmentFromResponse(
  body: unknown,
  source: string,
  owner?: string,
): EnvironmentFacts {
  if (!isObject(body) || typeof body.name !== 'string' || body.name === '')
    throw new Error('not an environment: no `name`');
  const rules = body.protection_rules ?? [];
  if (!Array.isArray(rules))
    throw new Error(`environment ${body.name}: protection_rules is not a list`);
  const reviewers: string[] = [];
  let preventSelfReview: boolean | undefined;
  let waitTimer: number | undefined = 0;
  const customRules: string[] = [];
  for (const rule of rules) {
    if (!isObject(rule) || typeof rule.type !== 'string')
      throw new Error(`environment ${body.name}: a protection rule has no type`);
    if (rule.type === 'required_reviewers') {
      if (!Array.isArray(rule.reviewers))
        throw new Error(`environment ${body.name}: required_reviewers without a reviewers list`);
      for (const r of rule.reviewers) reviewers.push(reviewerName(r, body.name, owner));
      preventSelfReview = rule.prevent_self_review === true;
    } else if (rule.type === 'wait_timer') {
      waitTimer = typeof rule.wait_timer === 'number' ? rule.wait_timer : undefined;
    } else if (rule.type !== 'branch_policy') {
      customRules.push(rule.type);
    }
  }
  return {
    name: body.name,
    status: 'read',
    source,
    reviewers,
    preventSelfReview,
    waitTimer,
    branchPolicy: branchPolicy(body.deployment_branch_policy),
    customRules,
    note: '',
  };
}

/**
 * An environment the API answers 404 for: it does not exist yet, and GitHub creates it with no
 * protection rules when a job first names it — so it is read, and unprotected (not unreadable).
 */
export function absentEnvironment(name: string, source: string): EnvironmentFacts {
  return {
    name,
    status: 'read',
    source,
    reviewers: [],
    preventSelfReview: undefined,
    waitTimer: 0,
    branchPolicy: undefined,
    customRules: [],
    note: 'it does not exist yet (HTTP 404); GitHub creates it without protection rules when the job runs',
  };
}

/** An environment whose protection could not be read, and why. */
export function unreadableEnvironment(
  name: string,
  source: string,
  note: string,
): EnvironmentFacts {
  return {
    name,
    status: 'unreadable',
    source,
    reviewers: [],
    preventSelfReview: undefined,
    waitTimer: undefined,
    branchPolicy: undefined,
    customRules: [],
    note,
  };
}

/**
 * An `--environments` file: one environment object, a list of them, or the list endpoint's
 * `{ total_count, environments: [...] }`. A shape it does not know is an input error.
 */
export function environmentsFromFile(
  text: string,
  file: string,
): Readonly<Record<string, EnvironmentFacts>> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new InputError(`${file}: not valid JSON (${(cause as Error).message})`, { cause });
  }
  const list = Array.isArray(data)
    ? data
    : isObject(data) && Array.isArray(data.environments)
      ? data.environments
      : [data];
  const out: Record<string, EnvironmentFacts> = {};
  list.forEach((item: unknown, i) => {
    try {
      const facts = environmentFromResponse(item, file);
      out[facts.name] = facts;
    } catch (cause) {
      throw new InputError(
        `${file}: environment ${i + 1}: ${(cause as Error).message} (expected the response of GET /repos/{owner}/{repo}/environments/{name})`,
        { cause },
      );
    }
  });
  return out;
}

/** The protection in words, for summaries and reasons. */
export function describeProtection(f: EnvironmentFacts): string {
  if (f.status === 'unreadable') return `protection unknown (${f.note})`;
  const parts: string[] = [];
  if (f.reviewers.length > 0)
    parts.push(
      `required reviewers ${f.reviewers.join(', ')}${f.preventSelfReview ? ' (self-review prevented)' : ' (self-review allowed)'}`,
    );
  if (f.waitTimer) parts.push(`wait timer ${f.waitTimer} min`);
  if (f.branchPolicy && f.branchPolicy !== 'any branch')
    parts.push(`deploys from ${f.branchPolicy}`);
  if (f.customRules.length > 0) parts.push(`custom rules ${f.customRules.join(', ')}`);
  if (parts.length > 0) return parts.join('; ');
  return f.note ? `no protection rules: ${f.note}` : 'no protection rules';
}

function reviewerName(r: unknown, env: string, owner: string | undefined): string {
  if (!isObject(r) || !isObject(r.reviewer))
    throw new Error(`environment ${env}: a reviewer has no reviewer object`);
  const who = r.reviewer;
  if (r.type === 'Team') {
    const slug = typeof who.slug === 'string' ? who.slug : undefined;
    if (!slug) throw new Error(`environment ${env}: a team reviewer has no slug`);
    return owner ? `@${owner}/${slug}` : `team:${slug}`;
  }
  if (typeof who.login !== 'string')
    throw new Error(`environment ${env}: a user reviewer has no login`);
  return `@${who.login}`;
}

function branchPolicy(policy: unknown): string {
  if (!isObject(policy)) return 'any branch';
  if (policy.protected_branches === true) return 'protected branches';
  if (policy.custom_branch_policies === true) return 'selected branches';
  return 'any branch';
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
