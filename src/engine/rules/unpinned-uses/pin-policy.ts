/**
 * zizmor-compatible `uses:` pinning policies: a map from patterns to `hash-pin` (a full
 * commit SHA), `ref-pin` (any `@ref`, a branch included) or `any`. Patterns, most specific
 * first: `owner/repo/path` or `owner/repo` (exactly that action), `owner/repo/*` (the
 * repository and everything under it), `owner/*` (every repository of the owner), `*`.
 * Matching is case-insensitive, like GitHub's owner and repository names.
 */
export const PIN_POLICIES = ['hash-pin', 'ref-pin', 'any'] as const;
export type PinPolicy = (typeof PIN_POLICIES)[number];

/** Pattern syntax accepted in options (checked by the rule's JSON Schema). */
export const PIN_PATTERN =
  '^(?:\\*|[A-Za-z0-9_.-]+/\\*|[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(?:/[^*\\s]+)?(?:/\\*)?)$';

export interface PolicyMatch {
  readonly policy: PinPolicy;
  /** The pattern that decided, or undefined for the implicit `*: hash-pin`. */
  readonly pattern: string | undefined;
}

/** Higher is more specific; -1 = no match. */
function specificity(pattern: string, name: string): number {
  const p = pattern.toLowerCase().replace(/\/+$/, '');
  const n = name.toLowerCase().replace(/\/+$/, '');
  if (p === '*') return 0;
  const parts = p.split('/');
  if (parts.length === 2 && parts[1] === '*') {
    return n.startsWith(`${parts[0] ?? ''}/`) ? 1 : -1;
  }
  if (p.endsWith('/*')) {
    const base = p.slice(0, -2);
    return n === base || n.startsWith(`${base}/`) ? 2 + base.split('/').length : -1;
  }
  return n === p ? 100 : -1;
}

/** The policy for an action or reusable workflow named `owner/repo[/path]`. */
export function policyFor(
  name: string,
  policies: Readonly<Record<string, PinPolicy>>,
): PolicyMatch {
  let best: PolicyMatch = { policy: 'hash-pin', pattern: undefined };
  let score = -1;
  for (const [pattern, policy] of Object.entries(policies)) {
    const s = specificity(pattern, name);
    if (s > score) {
      score = s;
      best = { policy, pattern };
    }
  }
  return best;
}

/** A ref that names a version (`v4`, `v1.2.3`, `2.0`), as opposed to a branch-like name. */
export function isVersionRef(ref: string | undefined): boolean {
  return ref !== undefined && /^v?\d+(?:\.\d+)*(?:[-+][\w.-]+)?$/i.test(ref);
}
