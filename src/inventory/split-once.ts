/**
 * One shell split per script text: a `run:` script is read by the command classifier, the
 * script tracer and the adapter's file look-ups (several rounds), so its split is kept.
 * Bounded: the cache is emptied when it grows past a few thousand scripts.
 */
import { splitCommands, type SplitResult } from './shell.js';

const cache = new Map<string, SplitResult>();
const MAX_ENTRIES = 4096;

export function splitOnce(script: string): SplitResult {
  const hit = cache.get(script);
  if (hit) return hit;
  const result = splitCommands(script);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(script, result);
  return result;
}
