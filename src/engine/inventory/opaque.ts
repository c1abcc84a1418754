/**
 * The `opaque` action class (DESIGN.md §4): authority the gate cannot see through — an
 * unreadable or unfetched action or reusable workflow, a script outside the repository,
 * `curl … | sh`, the indirection depth cap. Each one becomes an action path with its location
 * and why, decided by the policy like any class; it is never only a note in `gaps[]`.
 */
import type { SourceLocation } from '../errors.js';
import type { ActionPath, ChainLink } from './types.js';

/** An action path before the inventory numbers it. */
export type PathDraft = Omit<ActionPath, 'id' | 'job'>;

export interface OpaqueSite {
  /** What cannot be seen through, e.g. `local action ./x` or `reusable workflow o/r/…@v1`. */
  readonly what: string;
  /** Why: `not fetched (no --actions-cache)`, `file not found`, `depth cap 8 reached`, … */
  readonly why: string;
  readonly at: SourceLocation;
  readonly step?: number;
  readonly uses?: string;
  readonly chain?: readonly ChainLink[];
}

/**
 * The opaque path of a site. It carries every credential visible where it runs (the step's
 * own, the job's and workflow's env, the token, what earlier steps left behind — see
 * visible-credentials.ts): whatever is behind it can reach all of those (the policy then asks
 * for approval when that is write or secret authority).
 */
export function opaquePath(site: OpaqueSite, visible: readonly string[]): PathDraft {
  return {
    class: 'opaque',
    reason: `${site.what} is not analysed: ${site.why}`,
    at: site.at,
    credentials: [...visible],
    step: site.step,
    uses: site.uses,
    target: undefined,
    why: site.why,
    ...(site.chain && site.chain.length > 0 ? { chain: site.chain } : {}),
  };
}
