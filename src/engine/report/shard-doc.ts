/**
 * What a shard's JSON report adds (`scan --shard i/n`): which repositories of the whole list
 * it covers and, for every per-repository array of the report, the position (in the whole
 * list) of the repository each element came from — so `merge` can put the shards' elements
 * back in the order the unsharded scan writes them, without guessing from paths.
 */
import type { Evaluation } from '../evaluate.js';

/** The scan options a shard was run with; shards of one scan must agree on all of them. */
export type ShardOptions = Readonly<Record<string, string | boolean | null>>;

/** For each per-repository array of the report, the whole-list position of each element. */
export interface ShardPositions {
  readonly repositories: readonly number[];
  readonly workflows: readonly number[];
  /** -1: an error of no one repository (e.g. a path with no workflows). */
  readonly errors: readonly number[];
  readonly waiversApplied: readonly number[];
  readonly waiversExpired: readonly number[];
}

export interface ShardInfo {
  readonly index: number;
  readonly count: number;
  /** Repositories in the whole list (every shard's `assigned` together are 0..total-1). */
  readonly total: number;
  /** Positions of the repositories this shard was given (scanned or not). */
  readonly assigned: readonly number[];
  readonly options: ShardOptions;
  readonly positions: ShardPositions;
}

/** Positions collected as a shard's repositories are written, one evaluation at a time. */
export class ShardPositionLog {
  readonly repositories: number[] = [];
  readonly workflows: number[] = [];
  readonly waiversApplied: number[] = [];
  readonly waiversExpired: number[] = [];
  /** The adapter's errors (file errors), then rule failures: buildReport's order. */
  readonly fileErrors: number[] = [];
  readonly ruleFailures: number[] = [];

  evaluation(e: Evaluation, position: number): void {
    this.workflows.push(position);
    const each = (list: readonly unknown[] | undefined, into: number[]): void => {
      for (let i = 0; i < (list?.length ?? 0); i++) into.push(position);
    };
    each(e.decision.waivers.applied, this.waiversApplied);
    each(e.decision.waivers.expired, this.waiversExpired);
    each(e.ruleFailures, this.ruleFailures);
  }

  positions(): ShardPositions {
    return {
      repositories: this.repositories,
      workflows: this.workflows,
      errors: [...this.fileErrors, ...this.ruleFailures],
      waiversApplied: this.waiversApplied,
      waiversExpired: this.waiversExpired,
    };
  }
}

export function shardDoc(info: ShardInfo): Record<string, unknown> {
  return {
    index: info.index,
    count: info.count,
    total: info.total,
    assigned: info.assigned,
    options: info.options,
    positions: info.positions,
  };
}
