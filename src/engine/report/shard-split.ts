/**
 * Splitting a scan's repository list into shards (`scan --shard i/n`, the org-scan matrix).
 * Deterministic and independent of the order the repositories were listed or discovered in:
 * repositories are ordered by weight (e.g. their workflow files' bytes; heaviest first) then by key (its
 * name: `owner/repo` or the directory's base name) and each goes to the least-loaded shard
 * (ties: the lowest shard), so the same list splits the same way on every run and machine,
 * and shards get about the same work. Pure: `scan` over directories and over the API call it.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';

export interface ShardItem {
  /** Stable identity of the repository (not its position in a list, not a local path). */
  readonly key: string;
  /** Work it stands for, e.g. its workflow files' total size in bytes (1 when unknown). */
  readonly weight?: number;
}

/** A 1-based shard of `count` (`--shard index/count`). */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

/**
 * For each shard 1..count, the positions (0-based, into `items`) of its repositories, each
 * list in the original order. Every item is in exactly one shard; a shard may be empty.
 */
export function splitIntoShards(items: readonly ShardItem[], count: number): number[][] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`shard count ${count}`);
  const order = items
    .map((item, position) => ({ key: item.key, weight: item.weight ?? 1, position }))
    .sort((a, b) => b.weight - a.weight || compare(a.key, b.key) || a.position - b.position);
  const load = new Array<number>(count).fill(0);
  const shards = Array.from({ length: count }, () => [] as number[]);
  for (const item of order) {
    let lightest = 0;
    for (let s = 1; s < count; s++) if ((load[s] ?? 0) < (load[lightest] ?? 0)) lightest = s;
    load[lightest] = (load[lightest] ?? 0) + Math.max(item.weight, 1);
    shards[lightest]?.push(item.position);
  }
  return shards.map((positions) => positions.sort((a, b) => a - b));
}

/** `2/5` → { index: 2, count: 5 }; anything else is a usage error. */
export function parseShardSpec(text: string): ShardSpec {
  const match = /^([1-9]\d{0,3})\/([1-9]\d{0,3})$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index > count)
    throw new InputError(
      `--shard must be i/n with 1 ≤ i ≤ n ≤ 9999 (e.g. --shard 2/5), got \`${text}\``,
    );
  return { index, count };
}

/** A repository of the list to plan: its key and, to order equal keys, a tie-breaker. */
export interface PlannedItem extends ShardItem {
  /** Orders repositories with the same key (e.g. the path as given); never the list order. */
  readonly tiebreak?: string;
}

/**
 * What one shard scans, in the terms `ShardInfo` (shard-doc.ts) records: positions index the
 * list in canonical order (by key, then tie-breaker), so shards given the list in different
 * orders agree. Without a spec (no sharding) the whole list, positions = list order.
 */
export interface ShardPlan {
  /** Whole-list positions this shard scans, in scan order. */
  readonly assigned: readonly number[];
  /** The index in the caller's list of the repository at a whole-list position. */
  readonly indexAt: (position: number) => number | undefined;
  /** SHA-256 of the keys in canonical order: shards of one scan share it. */
  readonly listDigest: string;
}

export function planShard(items: readonly PlannedItem[], spec: ShardSpec | undefined): ShardPlan {
  const canonical = items
    .map((item, i) => ({ item, i }))
    .sort(
      (a, b) =>
        compare(a.item.key, b.item.key) || compare(a.item.tiebreak ?? '', b.item.tiebreak ?? ''),
    );
  const listDigest = createHash('sha256')
    .update(canonical.map((c) => c.item.key).join('\n'))
    .digest('hex');
  if (spec === undefined)
    return {
      assigned: items.map((_, i) => i),
      indexAt: (p) => (p < items.length ? p : undefined),
      listDigest,
    };
  const shards = splitIntoShards(
    canonical.map((c) => c.item),
    spec.count,
  );
  return {
    assigned: shards[spec.index - 1] ?? [],
    indexAt: (p) => canonical[p]?.i,
    listDigest,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
