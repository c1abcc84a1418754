/**
 * Reading agent command lines: argv lists from `run:` scripts and from argument inputs
 * (`claude_args`, `codex-args`), found with the shell splitter so quoting is respected.
 * Each word keeps its position in the workflow.
 */
import type { SourceLocation } from '../../errors.js';
import { splitCommands } from '../shell.js';
import type { SimpleCommand } from '../shell.js';
import type { Locator } from './collector.js';
import { lineStarts, positionAt } from '../../workflow/text-position.js';
import { POSIX_SHELLS } from '../shell-names.js';

export interface Arg {
  readonly value: string;
  readonly at: SourceLocation;
}

/** The words of an argument string (one or many lines; `#` comments dropped), in order. */
export function argsFromValue(text: string, at: Locator): Arg[] {
  const starts = lineStarts(text);
  const out: Arg[] = [];
  for (const cmd of splitCommands(text).commands) {
    out.push(...placeWords(text, starts, commandOffset(starts, cmd), cmd.argv, cmd.raw, at));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Invocations of an agent binary inside a script.

export interface CliMatch {
  /** Executable names (basename), e.g. `claude`. */
  readonly binaries: readonly string[];
  /** npm / pip package names run through a launcher (`npx -y @anthropic-ai/claude-code`). */
  readonly packages?: readonly string[];
  /** Required subcommand sequences (`exec`, `github run`); first match wins. */
  readonly subcommands?: readonly (readonly string[])[];
  /** First positionals that make the call a non-agent command (`claude mcp add`). */
  readonly notSubcommands?: readonly string[];
  /** Flags before the subcommand that take a value (so the value is not read as one). */
  readonly valueFlags?: ReadonlySet<string>;
}

export interface Invocation {
  /** Words after the binary (and subcommand). */
  readonly args: readonly Arg[];
  readonly at: SourceLocation;
  /** `awf` when the command runs inside gh-aw's firewall wrapper. */
  readonly wrappedBy: string | undefined;
  /** `NAME=value` prefixes and earlier `export NAME=value` lines of the same script. */
  readonly env: ReadonlyMap<string, { value: string; at: SourceLocation }>;
}

/** Words that may stand before the agent binary without being the command themselves. */
const LAUNCHERS = new Set(
  'npx bunx pnpx pnpm yarn npm dlx exec x node bun deno uvx pipx run python python3 -m'.split(' '),
);
/** Wrappers whose command follows `--` (gh-aw's firewall). */
const WRAPPERS = new Set(['awf']);
/** `claude --version`: asks the binary about itself, runs no agent. */
const INFO = new Set(['--version', '-v', '-V', '--help', '-h', 'version', 'help']);
const MAX_NESTING = 3;

export function findInvocations(script: string, match: CliMatch, at: Locator): Invocation[] {
  // Cheap pre-check: a script that never names the binary or package holds no invocation.
  const names = [...match.binaries, ...(match.packages ?? [])];
  if (!names.some((n) => script.includes(n))) return [];
  const out: Invocation[] = [];
  const starts = lineStarts(script);
  const env = new Map<string, { value: string; at: SourceLocation }>();
  const visit = (
    text: string,
    nestedFrom: number | undefined,
    wrappedBy: string | undefined,
    depth: number,
  ): void => {
    for (const cmd of splitCommands(text).commands) {
      const offset = nestedFrom ?? commandOffset(starts, cmd);
      const words = placeWords(script, starts, offset, cmd.argv, cmd.raw, at);
      const first = cmd.argv[0];
      if (first === 'export') {
        for (const w of words.slice(1)) assignment(w, env);
        continue;
      }
      if (first !== undefined && WRAPPERS.has(basename(first)) && depth < MAX_NESTING) {
        const dash = cmd.argv.indexOf('--');
        const rest = dash >= 0 ? cmd.argv.slice(dash + 1) : [];
        const c = rest.indexOf('-c');
        const inner = c >= 0 ? rest[c + 1] : undefined;
        if (rest[0] !== undefined && POSIX_SHELLS.has(basename(rest[0])) && inner !== undefined) {
          visit(inner, offset, basename(first), depth + 1);
          continue;
        }
        if (dash >= 0) {
          const restWords = words.slice(dash + 1);
          const found = invocationIn(restWords, match);
          if (found)
            out.push({ ...found, wrappedBy: basename(first), env: prefixEnv(cmd, words, env) });
          continue;
        }
      }
      const found = invocationIn(words, match);
      if (!found) continue;
      // A harness may take the real command line as one script argument (`harness gemini '…'`).
      const before = out.length;
      if (depth < MAX_NESTING) {
        for (const arg of found.args) {
          if (/[;\n&|]/.test(arg.value) && match.binaries.some((b) => arg.value.includes(b)))
            visit(arg.value, offset, wrappedBy, depth + 1);
        }
      }
      if (out.length === before) out.push({ ...found, wrappedBy, env: prefixEnv(cmd, words, env) });
    }
  };
  visit(script, undefined, undefined, 0);
  return out;
}

function invocationIn(
  words: readonly Arg[],
  match: CliMatch,
): { args: Arg[]; at: SourceLocation } | undefined {
  for (let i = 0; i < Math.min(words.length, 6); i++) {
    const word = words[i]!;
    if (isBinary(word.value, match)) return afterBinary(words, i, match);
    if (!isLauncher(word.value)) return undefined;
  }
  return undefined;
}

function afterBinary(
  words: readonly Arg[],
  i: number,
  match: CliMatch,
): { args: Arg[]; at: SourceLocation } | undefined {
  const at = words[i]!.at;
  const rest = words.slice(i + 1);
  if (rest.length === 1 && INFO.has(rest[0]!.value)) return undefined;
  // The positionals before any flag-free word: where subcommands are.
  const positionals: number[] = [];
  for (let k = 0; k < rest.length && positionals.length < 2; k++) {
    const v = rest[k]!.value;
    if (v.startsWith('-')) {
      if (!v.includes('=') && match.valueFlags?.has(v)) k++;
      continue;
    }
    positionals.push(k);
  }
  const firstPositional = positionals[0] === undefined ? undefined : rest[positionals[0]]!.value;
  if (firstPositional !== undefined && match.notSubcommands?.includes(firstPositional))
    return undefined;
  if (!match.subcommands) return { args: rest, at };
  for (const seq of match.subcommands) {
    const idx = positionals.slice(0, seq.length);
    if (idx.length === seq.length && seq.every((s, j) => bare(rest[idx[j]!]!.value) === s)) {
      return { args: rest.filter((_, k) => !idx.includes(k)), at };
    }
  }
  return undefined;
}

/** `exec${MODEL:+ --model "$MODEL"}` is `exec` followed by an optional expansion. */
function bare(word: string): string {
  const i = word.indexOf('${');
  return i > 0 ? word.slice(0, i) : word;
}

function isBinary(word: string, match: CliMatch): boolean {
  if (match.binaries.includes(basename(word))) return true;
  const pkg = word.replace(/^(@?[^@]+)@.*$/, '$1');
  return match.packages?.includes(pkg) ?? false;
}

function isLauncher(word: string): boolean {
  return (
    LAUNCHERS.has(basename(word)) ||
    word.startsWith('-') ||
    word.startsWith('$') ||
    /\.(?:c|m)?js$/.test(word)
  );
}

export function basename(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash >= 0 ? word.slice(slash + 1) : word;
}

function assignment(word: Arg, env: Map<string, { value: string; at: SourceLocation }>): void {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(word.value);
  if (m) env.set(m[1]!, { value: m[2]!, at: word.at });
}

/** Script-level exports plus `NAME=value` words written before the command. */
function prefixEnv(
  cmd: SimpleCommand,
  words: readonly Arg[],
  exported: ReadonlyMap<string, { value: string; at: SourceLocation }>,
): ReadonlyMap<string, { value: string; at: SourceLocation }> {
  const env = new Map(exported);
  const head =
    cmd.raw[0] === undefined ? '' : cmd.text.slice(0, Math.max(0, cmd.text.indexOf(cmd.raw[0])));
  for (const m of head.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*)/g)) {
    env.set(m[1]!, { value: m[2]!.replace(/^["']|["']$/g, ''), at: words[0]?.at ?? placeholderAt });
  }
  return env;
}

const placeholderAt: SourceLocation = { path: '', line: 1, column: 1 };

// ---------------------------------------------------------------------------------------------
// Word positions.

function commandOffset(starts: readonly number[], cmd: SimpleCommand): number {
  return (starts[cmd.line - 1] ?? 0) + cmd.column - 1;
}

/** Finds each raw word in `text` from `offset` on, in order; unfound words keep the last position. */
function placeWords(
  text: string,
  starts: readonly number[],
  offset: number,
  argv: readonly string[],
  raw: readonly string[],
  at: Locator,
): Arg[] {
  let cursor = offset;
  let last = offset;
  return argv.map((value, i) => {
    const r = raw[i] ?? value;
    const found = r === '' ? -1 : text.indexOf(r, cursor);
    if (found >= 0) {
      last = found;
      cursor = found + r.length;
    }
    const { line, column } = positionAt(starts, last);
    return { value, at: at(line, column) };
  });
}

/** The first simple command of `script` whose program is `name` (e.g. gh-aw's `awf`). */
export function firstCommand(
  script: string,
  name: string,
  at: Locator,
): SourceLocation | undefined {
  if (!script.includes(name)) return undefined;
  const cmd = splitCommands(script).commands.find(
    (c) => c.argv[0] !== undefined && basename(c.argv[0]) === name,
  );
  return cmd ? at(cmd.line, cmd.column) : undefined;
}
