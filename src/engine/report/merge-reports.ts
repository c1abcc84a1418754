/**
 * `agent-gate merge`: the JSON reports of the n shards of one scan back into the report the
 * unsharded scan writes (same bytes once serialised the same way; `shard` dropped). Each
 * per-repository array is put back in whole-list order from the positions the shards
 * recorded; the decision and the summary are recomputed from the parts. Shards of different
 * scans — another tool version, schemaVersion, shard count, list size or option (the policy
 * digest among them) — or a missing or repeated shard are refused: a merged report that is
 * silently incomplete would read as "everything was scanned". Pure (the CLI reads the files).
 */
import { InputError } from '../errors.js';
import { mostSevere } from '../policy/types.js';
import type { DecisionValue } from '../policy/types.js';

type Json = Record<string, unknown>;

/** One shard's report as read, with the name to cite in errors (its file). */
export interface ShardReport {
  readonly name: string;
  readonly doc: Json;
}

interface Positions {
  readonly repositories: number[];
  readonly workflows: number[];
  readonly errors: number[];
  readonly waiversApplied: number[];
  readonly waiversExpired: number[];
}

interface Shard {
  readonly index: number;
  readonly count: number;
  readonly total: number;
  readonly assigned: number[];
  readonly options: unknown;
  readonly positions: Positions;
}

export function mergeReports(reports: readonly ShardReport[]): Json {
  const shards = checkSameScan(reports);
  const first = reports[0]?.doc ?? {};
  const docs = reports.map((r) => r.doc);
  const pick = <T>(get: (d: Json) => unknown[], positions: (s: Shard) => number[]) =>
    docs.flatMap((doc, k) => {
      const items = get(doc) as T[];
      const at = positions(shards[k]!);
      if (at.length !== items.length)
        throw new InputError(
          `${reports[k]?.name ?? ''}: shard positions do not match its report (was it edited?)`,
        );
      return items.map((item, i) => ({ item, at: at[i] ?? -1, k, i }));
    });
  const byPosition = <T>(xs: { item: T; at: number; k: number; i: number }[]): T[] =>
    xs.sort((a, b) => a.at - b.at || a.k - b.k || a.i - b.i).map((x) => x.item);

  const repositories = pick<Json>(
    (d) => list(d, 'repositories'),
    (s) => s.positions.repositories,
  );
  const firstRepo = [...repositories].sort((a, b) => a.at - b.at)[0];
  // The unsharded order: errors of no one repository, then each repository's file errors,
  // then rule failures (buildReport appends them), each group in repository order.
  const errors = pick<Json>(
    (d) => list(d, 'errors'),
    (s) => s.positions.errors,
  ).sort((a, b) => errorGroup(a) - errorGroup(b) || a.at - b.at || a.k - b.k || a.i - b.i);
  const waivers = (key: 'applied' | 'expired', pos: (s: Shard) => number[]) =>
    byPosition(pick<Json>((d) => list(d.waivers as Json, key), pos));
  const merged: Json = {
    schemaVersion: first.schemaVersion,
    tool: first.tool,
    // Catalogs written once per report, the same in every shard of one tool version.
    catalog: first.catalog,
    workflows: byPosition(
      pick<Json>(
        (d) => list(d, 'workflows'),
        (s) => s.positions.workflows,
      ),
    ),
    decision: mostSevere(docs.map((d) => d.decision as DecisionValue)),
    policy: (firstRepo ? docs[firstRepo.k] : first)?.policy,
    repositories: byPosition(repositories),
    reasons: docs.flatMap((d) => list(d, 'reasons')),
    summary: mergeSummaries(docs.map((d) => d.summary as Summary)),
    errors: errors.map((x) => x.item),
    waivers: {
      applied: waivers('applied', (s) => s.positions.waiversApplied),
      expired: waivers('expired', (s) => s.positions.waiversExpired),
    },
  };
  // The unsharded report's key order (the first shard's, without `shard`).
  return Object.fromEntries(
    Object.keys(first)
      .filter((k) => k !== 'shard')
      .map((k) => [k, merged[k]]),
  );
}

function checkSameScan(reports: readonly ShardReport[]): Shard[] {
  if (reports.length === 0) throw new InputError('merge needs the JSON reports of the shards');
  const shards = reports.map(({ name, doc }) => {
    const shard = doc.shard as Shard | undefined;
    if (!shard)
      throw new InputError(`${name}: not the report of a shard (made without scan --shard i/n)`);
    return shard;
  });
  const [head] = reports;
  const base = shards[0]!;
  reports.forEach(({ name, doc }, k) => {
    const s = shards[k]!;
    const differs = (what: string, a: unknown, b: unknown): void => {
      if (JSON.stringify(a) !== JSON.stringify(b))
        throw new InputError(
          `${name}: ${what} ${JSON.stringify(a)} differs from ${head?.name ?? ''}'s ${JSON.stringify(b)}: not shards of the same scan`,
        );
    };
    differs('schemaVersion', doc.schemaVersion, head?.doc.schemaVersion);
    differs('tool', doc.tool, head?.doc.tool);
    differs('shard count', s.count, base.count);
    differs('repository count', s.total, base.total);
    differs('scan options', s.options, base.options);
  });
  const seen = new Map<number, string>();
  reports.forEach(({ name }, k) => {
    const index = shards[k]!.index;
    const other = seen.get(index);
    if (other !== undefined) throw new InputError(`${name}: shard ${index} is also ${other}`);
    seen.set(index, name);
  });
  const missing = Array.from({ length: base.count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0)
    throw new InputError(
      `shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${base.count} missing: the merged report would not cover every repository`,
    );
  const covered = shards.flatMap((s) => s.assigned).sort((a, b) => a - b);
  if (covered.length !== base.total || covered.some((p, i) => p !== i))
    throw new InputError(
      `the shards do not split ${base.total} repositories exactly once (their assigned positions overlap or leave gaps)`,
    );
  return shards;
}

interface Summary {
  readonly jobs: number;
  readonly allowed: number;
  readonly approvalRequired: number;
  readonly blocked: number;
  readonly assumedDefaultPermissions: number;
  readonly gatedOnAssumption: number;
  readonly reasons: readonly { key: string; jobs: number; text: string }[];
}

/** Shards hold disjoint jobs: counts add, reason groups add by key (same order as one scan). */
function mergeSummaries(parts: readonly Summary[]): Summary {
  const sum = (k: Exclude<keyof Summary, 'reasons'>): number => parts.reduce((n, p) => n + p[k], 0);
  const groups = new Map<string, { key: string; jobs: number; text: string }>();
  for (const r of parts.flatMap((p) => p.reasons)) {
    const g = groups.get(r.key);
    if (g) g.jobs += r.jobs;
    else groups.set(r.key, { ...r });
  }
  return {
    jobs: sum('jobs'),
    allowed: sum('allowed'),
    approvalRequired: sum('approvalRequired'),
    blocked: sum('blocked'),
    assumedDefaultPermissions: sum('assumedDefaultPermissions'),
    gatedOnAssumption: sum('gatedOnAssumption'),
    reasons: [...groups.values()].sort((a, b) => b.jobs - a.jobs || a.key.localeCompare(b.key)),
  };
}

function list(doc: Json | undefined, key: string): unknown[] {
  const value = doc?.[key];
  return Array.isArray(value) ? value : [];
}

function errorGroup(x: { item: Json; at: number }): number {
  if (x.at < 0) return 0;
  return typeof x.item.ruleId === 'string' ? 2 : 1;
}
