/**
 * What a shard's JSON report adds (`scan --shard i/n`): which repositories of the whole list
 * it covers and, for every per-repository array of the report, the position (in the whole
 * list) of the repository each element came from — so `merge` can put the shards' elements
 * back in the order the unsharded scan writes them, without guessing from paths.
 */
import type { Finding } from '../policy/types.js';
import { sourceFinding } from './merge-findings.js';
import { allFindings } from './report.js';
import type { Report } from './report.js';

/** The scan options a shard was run with; shards of one scan must agree on all of them. */
export type ShardOptions = Readonly<Record<string, string | boolean | null>>;

export interface ShardInfo {
  readonly index: number;
  readonly count: number;
  /** Repositories in the whole list (every shard's `assigned` together are 0..total-1). */
  readonly total: number;
  /** Positions of the repositories this shard was given (scanned or not). */
  readonly assigned: readonly number[];
  /** Position of each of the report's repositories (`Report.repositories`). */
  readonly repositories: readonly number[];
  /** Position of each evaluation (`Report.evaluations`). */
  readonly evaluations: readonly number[];
  /**
   * Position of each error the adapter passed to `buildReport` (-1: an error of no one
   * repository, e.g. a path with no workflows); rule failures follow from `evaluations`.
   */
  readonly fileErrors: readonly number[];
  readonly options: ShardOptions;
}

export function shardDoc(report: Report, info: ShardInfo): Record<string, unknown> {
  const at = (i: number): number => info.evaluations[i] ?? -1;
  const owner = new Map<Finding, number>();
  report.evaluations.forEach((e, i) => {
    for (const f of e.decision.findings) owner.set(f, at(i));
  });
  return {
    index: info.index,
    count: info.count,
    total: info.total,
    assigned: info.assigned,
    options: info.options,
    positions: {
      repositories: info.repositories,
      jobs: report.evaluations.flatMap((e, i) => e.decision.jobs.map(() => at(i))),
      findings: allFindings(report).map((f) => owner.get(sourceFinding(f)) ?? -1),
      // buildReport puts rule failures after the adapter's errors, in evaluation order.
      errors: [
        ...info.fileErrors,
        ...report.evaluations.flatMap((e, i) => (e.ruleFailures ?? []).map(() => at(i))),
      ],
      workflows: report.evaluations.map((_, i) => at(i)),
      waiversApplied: report.evaluations.flatMap((e, i) =>
        e.decision.waivers.applied.map(() => at(i)),
      ),
      waiversExpired: report.evaluations.flatMap((e, i) =>
        e.decision.waivers.expired.map(() => at(i)),
      ),
    },
  };
}
