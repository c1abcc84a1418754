/**
 * One shell split per script text: a `run:` script is read by the command classifier, the
 * script tracer and the adapter's file look-ups (several rounds). splitCommands keeps each
 * split (bounded); this name stays for its callers.
 */
import { splitCommands, type SplitResult } from './shell.js';

export function splitOnce(script: string): SplitResult {
  return splitCommands(script);
}
