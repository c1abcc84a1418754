/**
 * The fuzz in a worker thread (scripts/fuzz.mjs bundles this file with ncc and starts it):
 * reports progress so the parent's watchdog can tell a hang from slow work, then the summary.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadCorpus } from './corpus.js';
import { runFuzz } from './run-fuzz.js';

const { seed, cases, corpus } = workerData as { seed: number; cases: number; corpus: string };
const files = loadCorpus(corpus);
const summary = await runFuzz({
  seed,
  cases,
  corpus: files,
  onCase: (index) => {
    if (index % 50 === 0) parentPort?.postMessage({ progress: index });
  },
});
parentPort?.postMessage({ summary, corpusFiles: files.length });
