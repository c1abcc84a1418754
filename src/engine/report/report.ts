/**
 * One report over one or more evaluated workflows (the action decides one, `scan` many),
 * plus files that could not be evaluated. Files that fail count as blocked: fail closed.
 */
import { formatLocation } from '../errors.js';
import type { SourceLocation } from '../errors.js';
import type { Evaluation } from '../evaluate.js';
import type { RuleFailure } from '../rules/run-rules.js';
import { mergeDuplicateFindings } from './merge-findings.js';
import type { ShardInfo } from './shard-doc.js';
import type { Decision, DecisionValue, Policy } from '../policy/types.js';
import { SEVERITY, mostSevere } from '../policy/types.js';

export interface FileError {
  readonly path: string;
  readonly message: string;
  /** A rule failure: the rule, the job it failed on and the job's location. */
  readonly ruleId?: string;
  readonly job?: string;
  readonly location?: SourceLocation;
}

/**
 * One scanned repository: where it is, which policy decided it and its workflows (the path as
 * findings carry it, and the path inside the repository that SARIF and code scanning use).
 */
export interface RepositoryScope {
  /** The root as the user named it (for reports). */
  readonly root: string;
  /** The root as an absolute `file://` URI ending in `/` (SARIF `originalUriBaseIds`). */
  readonly rootUri: string;
  readonly policy: Policy;
  readonly workflows: readonly { readonly path: string; readonly repoPath: string }[];
  /** Code scanning's category for this repository's results (`runAutomationDetails.id`). */
  readonly category: string;
}

export interface Report {
  /** The policy that decided; with several repositories, the first one's (see `repositories`). */
  readonly policy: Policy;
  /** The repositories a CLI run covered, each with its own policy; empty in the action. */
  readonly repositories: readonly RepositoryScope[];
  readonly evaluations: readonly Evaluation[];
  readonly errors: readonly FileError[];
  readonly decision: DecisionValue;
  /** Set on the report of one shard of a scan (`scan --shard i/n`). */
  readonly shard?: ShardInfo;
}

export function buildReport(
  policy: Policy,
  evaluations: readonly Evaluation[],
  errors: readonly FileError[],
  repositories: readonly RepositoryScope[] = [],
): Report {
  // A rule that threw is an error of the run too (exit 2), located at its job.
  const all = [...errors, ...evaluations.flatMap((e) => (e.ruleFailures ?? []).map(ruleError))];
  const decisions = [
    ...evaluations.map((e) => e.decision.decision),
    ...(all.length > 0 ? (['blocked'] as const) : []),
  ];
  return { policy, repositories, evaluations, errors: all, decision: mostSevere(decisions) };
}

/** A rule that threw on a job, as the run's error (located at the job; the job is blocked). */
export function ruleError(f: RuleFailure): FileError {
  return {
    path: f.at.path,
    message: `${formatLocation(f.at)}: rule ${f.ruleId} failed on job \`${f.job}\`: ${f.error} (the job is blocked)`,
    ruleId: f.ruleId,
    job: f.job,
    location: f.at,
  };
}

/**
 * Every finding, the most severe decisions first (stable within a decision); a detection hit
 * reported at one place through several chains once (merge-findings.ts).
 */
export function allFindings(report: Report): Decision['findings'] {
  return mergeDuplicateFindings(
    report.evaluations
      .flatMap((e) => e.decision.findings)
      .map((f, i) => ({ f, i }))
      .sort((a, b) => SEVERITY[b.f.decision] - SEVERITY[a.f.decision] || a.i - b.i)
      .map((x) => x.f),
  );
}

export const EXIT_CODES: Readonly<Record<DecisionValue, number>> = {
  allow: 0,
  blocked: 1,
  'approval-required': 3,
};
