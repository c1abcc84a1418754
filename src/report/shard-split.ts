/**
 * Splitting a scan's repository list into shards (`scan --shard i/n`, the org-scan matrix).
 * Deterministic and independent of the order the repositories were listed or discovered in:
 * repositories are ordered by weight (workflow count; heaviest first) then by key (its
 * name: `owner/repo` or the directory's base name) and each goes to the least-loaded shard
 * (ties: the lowest shard), so the same list splits the same way on every run and machine,
 * and shards get about the same work. Pure: `scan` over directories and over the API call it.
 */
import { InputError } from '../errors.js';

export interface ShardItem {
  /** Stable identity of the repository (not its position in a list, not a local path). */
  readonly key: string;
  /** Work it stands for, e.g. its number of workflow files (1 when unknown). */
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
    .sort(
      (a, b) =>
        b.weight - a.weight ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
        a.position - b.position,
    );
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
