/**
 * What handing a repository's result from a worker back to the main thread costs (`scan
 * --jobs N`, src/adapters/cli/scan-pool.ts): the result is plain data, copied by the
 * structured clone algorithm. Deciding the corpus subset's repositories in this thread is
 * timed against cloning their results (serialise + deserialise, what postMessage does), and
 * the bytes the clone carries are printed once.
 *
 *   npx vitest bench --run bench/scan-clone.bench.ts
 */
import { deserialize, serialize } from 'node:v8';
import { bench, describe } from 'vitest';
import { discoverTargets } from '../src/adapters/cli/discover.js';
import { parseArgs } from '../src/adapters/cli/args.js';
import type { Command } from '../src/adapters/cli/args.js';
import { PolicyResolver } from '../src/adapters/cli/repo-policy.js';
import { scanRepository } from '../src/adapters/cli/scan-repository.js';
import type { RepositoryResult } from '../src/adapters/cli/scan-repository.js';
import { CORPUS_SUBSET } from '../test/report/corpus-subset.js';

const command = parseArgs(['scan', ...CORPUS_SUBSET]) as Extract<Command, { name: 'scan' }>;
const targets = discoverTargets(command.dirs, []);
const now = new Date('2026-12-01T00:00:00Z');

async function decideAll(): Promise<RepositoryResult[]> {
  const ctx = {
    command,
    resolver: new PolicyResolver(undefined),
    environments: undefined,
    now,
  };
  const results: RepositoryResult[] = [];
  for (const target of targets) results.push(await scanRepository(target, ctx));
  return results;
}

const results = await decideAll();
const bytes = results.reduce((n, r) => n + serialize(r).length, 0);
const evaluations = results.reduce((n, r) => n + r.evaluations.length, 0);
console.log(
  `${targets.length} repositories, ${evaluations} evaluations: ${(bytes / 1e6).toFixed(1)} MB serialised`,
);

describe('a worker result, decided vs handed back', () => {
  bench('decide the subset in this thread (scanRepository)', async () => {
    await decideAll();
  });
  bench('clone every result (v8 serialize + deserialize, as postMessage)', () => {
    for (const r of results) deserialize(serialize(r));
  });
});
