/**
 * `scan --shard i/n` + `merge`: a corpus subset scanned whole and in 3 shards (the paths in
 * another order for each shard); the merged report equals the whole scan's byte for byte.
 * Merging refuses shards of different scans, a missing or repeated shard and invalid input.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { planShard, splitIntoShards } from '../../src/engine/report/shard-split.js';
import { tempDir } from '../helpers.js';
import { CORPUS_SUBSET } from '../report/corpus-subset.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => new Date('2026-11-21T00:00:00Z'),
  });
  return { code, out, err };
}

describe('splitIntoShards', () => {
  const items = ['c', 'a', 'e', 'b', 'd', 'f', 'g'].map((key, i) => ({ key, weight: (i % 3) + 1 }));

  it('puts every item in exactly one shard, balanced by weight', () => {
    const shards = splitIntoShards(items, 3);
    expect(shards.flat().sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const loads = shards.map((s) => s.reduce((n, i) => n + (items[i]?.weight ?? 0), 0));
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it('splits by key, whatever order the list comes in', () => {
    const byKey = (list: typeof items): string[][] =>
      splitIntoShards(list, 3).map((s) => s.map((i) => list[i]?.key ?? '').sort());
    expect(byKey([...items].reverse())).toEqual(byKey(items));
    expect(byKey([...items].sort((a, b) => a.weight - b.weight))).toEqual(byKey(items));
  });

  it('leaves shards empty when there are more shards than items', () => {
    expect(splitIntoShards(items.slice(0, 2), 4).filter((s) => s.length === 0)).toHaveLength(2);
  });
});

describe('planShard', () => {
  const items = ['acme/b', 'acme/a', 'other/c', 'acme/d'].map((key) => ({ key }));

  it('gives a shard the same repositories and positions whatever the list order', () => {
    const keysOf = (list: typeof items, i: number): string[] => {
      const plan = planShard(list, { index: i, count: 2 });
      return plan.assigned.map((p) => list[plan.indexAt(p) ?? -1]?.key ?? '');
    };
    const reversed = [...items].reverse();
    for (const i of [1, 2]) expect(keysOf(reversed, i)).toEqual(keysOf(items, i));
    expect(planShard(reversed, { index: 1, count: 2 }).listDigest).toBe(
      planShard(items, undefined).listDigest,
    );
    expect(planShard(items.slice(1), undefined).listDigest).not.toBe(
      planShard(items, undefined).listDigest,
    );
  });

  it('without --shard is the whole list in its own order', () => {
    const plan = planShard(items, undefined);
    expect(plan.assigned).toEqual([0, 1, 2, 3]);
    expect(plan.assigned.map((p) => plan.indexAt(p))).toEqual([0, 1, 2, 3]);
  });
});

describe('scan --shard and merge', () => {
  it('3 shards merged equal the unsharded scan, byte for byte', async () => {
    const dir = tempDir();
    // A path with no workflows too: its error must appear once, where the whole scan has it.
    const dirs = [...CORPUS_SUBSET, 'docs'];
    const whole = await cli('scan', ...dirs, '--format', 'json');
    expect(whole.code).toBe(2);
    const files: string[] = [];
    for (let i = 1; i <= 3; i++) {
      // Each shard gets the paths in another order: the split must not depend on it.
      const order = i % 2 === 0 ? [...dirs].reverse() : dirs;
      const shard = await cli('scan', ...order, '--shard', `${i}/3`, '--format', 'json');
      const file = join(dir, `report-${i}.json`);
      writeFileSync(file, shard.out);
      files.push(file);
      const doc = JSON.parse(shard.out) as { repositories: unknown[] };
      expect(doc.repositories.length).toBeGreaterThan(0);
    }
    const merged = await cli('merge', files[2]!, files[0]!, files[1]!, '--out', join(dir, 'm'));
    expect(merged.err).toBe('');
    expect(merged.code).toBe(whole.code);
    expect(merged.out === whole.out).toBe(true);
    expect(readFileSync(join(dir, 'm', 'report.json'), 'utf8') === whole.out).toBe(true);
  }, 240_000);

  it('refuses a missing shard, a repeated one, another scan and a file that is no report', async () => {
    const dir = tempDir();
    // Small repositories: this test is about refusals, not scale.
    const dirs = CORPUS_SUBSET.filter((d) => /playwright-mcp|pypi-publish|codex-action/.test(d));
    const write = async (name: string, ...argv: string[]): Promise<string> => {
      const file = join(dir, name);
      writeFileSync(file, (await cli('scan', ...dirs, ...argv, '--format', 'json')).out);
      return file;
    };
    const a = await write('a.json', '--shard', '1/2');
    const b = await write('b.json', '--shard', '2/2');
    const strict = await write('s.json', '--shard', '2/2', '--policy', 'strict');
    const whole = await write('w.json');
    expect((await cli('merge', a, b)).code).not.toBe(2);

    const missing = await cli('merge', a);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('shard 2 of 2 missing');
    const twice = await cli('merge', a, b, b);
    expect(twice.err).toContain('shard 2 is also');
    const other = await cli('merge', a, strict);
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/scan options .* differs .*not shards of the same scan/);
    const elsewhere = join(dir, 'x.json');
    const otherList = CORPUS_SUBSET.filter((d) => /playwright-mcp|pypi-publish|cargo/.test(d));
    writeFileSync(
      elsewhere,
      (await cli('scan', ...otherList, '--shard', '2/2', '--format', 'json')).out,
    );
    expect((await cli('merge', a, elsewhere)).err).toMatch(/scan options .*repositoryList/);
    const unsharded = await cli('merge', a, whole);
    expect(unsharded.err).toContain('not the report of a shard');
    const doc = JSON.parse(readFileSync(b, 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'v1.json'), JSON.stringify({ ...doc, schemaVersion: 1 }));
    const v1 = await cli('merge', a, join(dir, 'v1.json'));
    expect(v1.code).toBe(2);
    expect(v1.err).toContain('not an agent-gate JSON report');
    expect(v1.err).toContain('/schemaVersion must be equal to constant');
  }, 240_000);

  it('rejects a malformed --shard', async () => {
    for (const spec of ['0/3', '4/3', '1/0', 'a/b', '1-3']) {
      const r = await cli('scan', 'examples', '--shard', spec);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--shard must be i/n');
    }
  });
});
