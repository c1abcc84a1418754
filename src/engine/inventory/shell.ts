/**
 * Shell-aware splitter for the `run:` scripts of GitHub Actions steps.
 *
 * The command classifier must reason about commands, not text: `echo "npm publish"` and
 * `# npm publish` publish nothing, while `sudo -E npm publish`, `v=$(npm publish)` and
 * `bash -c 'npm publish'` do. This module turns a script into simple commands — argv with
 * quotes removed and redirections dropped, launcher prefixes (sudo, env, xargs…) stripped,
 * inline scripts (`bash -c`, `eval`) split again — with the position of each command.
 *
 * It is a pragmatic approximation of the POSIX/bash grammar, not a validator: malformed
 * input yields a best-effort answer. It never throws, and it bounds its work on hostile
 * input, reporting `truncated` when it stopped early.
 */
import { lineStarts } from '../workflow/text-position.js';
import { Parser } from './shell/parser.js';
import type { Shared, SplitResult } from './shell/types.js';

export type { SimpleCommand, SplitResult } from './shell/types.js';

const MAX_SCRIPT_CHARS = 1 << 20;
const MAX_TOKENS = 2_000_000;
/** Inline scripts (`bash -c`, `eval`) are parsed again; this bounds the total re-parsed text. */
const MAX_INLINE_CHARS = 4 << 20;

/**
 * One split per distinct script text for the whole run: a `run:` script is read by the
 * command classifier, the script tracer, a dozen rules and again for each trigger a workflow
 * is decided for. The result is frozen (shared by every caller); the cache is emptied when it
 * grows past a few thousand scripts, so it stays bounded over any number of repositories.
 */
const splits = new Map<string, SplitResult>();
const MAX_CACHED_SPLITS = 1024;

export function splitCommands(script: string): SplitResult {
  const key = typeof script === 'string' ? script : '';
  const hit = splits.get(key);
  if (hit) return hit;
  const result = splitUncached(key);
  for (const c of result.commands) {
    Object.freeze(c.argv);
    Object.freeze(c.raw);
    Object.freeze(c);
  }
  Object.freeze(result.commands);
  for (const o of result.outputs) Object.freeze(o);
  Object.freeze(result.outputs);
  Object.freeze(result);
  if (splits.size >= MAX_CACHED_SPLITS) splits.clear();
  splits.set(key, result);
  return result;
}

function splitUncached(script: string): SplitResult {
  let text = typeof script === 'string' ? script : '';
  let cut = false;
  if (text.length > MAX_SCRIPT_CHARS) {
    const lastLine = text.lastIndexOf('\n', MAX_SCRIPT_CHARS);
    text = text.slice(0, lastLine > 0 ? lastLine : MAX_SCRIPT_CHARS);
    cut = true;
  }
  const shared: Shared = {
    commands: [],
    outputs: [],
    fed: [],
    lineStarts: lineStarts(text),
    tokens: MAX_TOKENS,
    inlineChars: MAX_INLINE_CHARS,
    halted: false,
  };
  try {
    new Parser(text, { base: 0 }, shared, 0).run();
  } catch {
    // The limits above should make this unreachable (e.g. stack overflow); callers rely on no throw.
    shared.halted = true;
  }
  for (const { command, heredocs } of shared.fed)
    command.heredocs = heredocs.map((h) => ({ body: h.body?.text ?? '', quoted: h.quoted }));
  const byPosition = (a: { line: number; column: number }, b: { line: number; column: number }) =>
    a.line - b.line || a.column - b.column;
  const commands = shared.commands.sort(byPosition);
  const outputs = shared.outputs.sort(byPosition);
  return { commands, outputs, truncated: cut || shared.halted };
}
