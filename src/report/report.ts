/**
 * One report over one or more evaluated workflows (the action decides one, `scan` many),
 * plus files that could not be evaluated. Files that fail count as blocked: fail closed.
 */
import type { Evaluation } from '../evaluate.js';
import type { Decision, DecisionValue, Policy } from '../policy/types.js';
import { SEVERITY, mostSevere } from '../policy/types.js';

export interface FileError {
  readonly path: string;
  readonly message: string;
}

export interface Report {
  readonly policy: Policy;
  readonly evaluations: readonly Evaluation[];
  readonly errors: readonly FileError[];
  readonly decision: DecisionValue;
}

export function buildReport(
  policy: Policy,
  evaluations: readonly Evaluation[],
  errors: readonly FileError[],
): Report {
  const decisions = [
    ...evaluations.map((e) => e.decision.decision),
    ...(errors.length > 0 ? (['blocked'] as const) : []),
  ];
  return { policy, evaluations, errors, decision: mostSevere(decisions) };
}

/** Every finding, the most severe decisions first (stable within a decision). */
export function allFindings(report: Report): Decision['findings'] {
  return report.evaluations
    .flatMap((e) => e.decision.findings)
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY[b.f.decision] - SEVERITY[a.f.decision] || a.i - b.i)
    .map((x) => x.f);
}

export const EXIT_CODES: Readonly<Record<DecisionValue, number>> = {
  allow: 0,
  blocked: 1,
  'approval-required': 3,
};
