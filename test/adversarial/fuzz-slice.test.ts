/**
 * A seeded slice of `npm run fuzz` (scripts/fuzz.mjs): corpus mutations, random policies and
 * event payloads through the engine, checking no crash, located errors, determinism and
 * monotonicity (bench/fuzz/run-fuzz.ts). Same seed, same cases: a failure here replays.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../bench/fuzz/corpus.js';
import { runFuzz, summaryLine } from '../../bench/fuzz/run-fuzz.js';
import { ROOT } from '../e2e/workspace.js';

const CORPUS = join(ROOT, '..', 'shared', 'corpus');

describe('fuzz slice', () => {
  it(
    '250 seeded cases: no crash, no unlocated error, deterministic, monotonic',
    { timeout: 120_000 },
    async () => {
      const corpus = loadCorpus(CORPUS);
      expect(corpus.length).toBeGreaterThan(100);
      const summary = await runFuzz({ seed: 14, cases: 250, corpus });
      expect(summary.failures.slice(0, 5), summaryLine(summary)).toEqual([]);
      // The slice exercises every outcome, so the properties are not vacuous.
      expect(summary.outcomes.error).toBeGreaterThan(0);
      expect(
        (summary.outcomes.allow ?? 0) + (summary.outcomes['approval-required'] ?? 0),
      ).toBeGreaterThan(0);
      expect(summary.outcomes.blocked).toBeGreaterThan(0);
      expect(summary.monotonicChecks).toBeGreaterThan(50);
      expect(summary.policies.invalid).toBeGreaterThan(0);
    },
  );
});
