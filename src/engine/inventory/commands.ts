/**
 * Classifies the commands of a `run:` script into action classes: which ones publish, deploy,
 * destroy, bypass checks, write branches or check out untrusted pull-request code. Matching
 * is on argv from the shell splitter (shell.ts), never on raw text, so quoted text, comments
 * and heredoc bodies do not count. The declarative rules live in command-table.ts; this file
 * is the engine plus the few analyzers that need real logic (git push, rm, gh api).
 */
import type { ActionClass } from './action-classes.js';
import { DRY_RUN_FLAGS, type ParsedCommand } from './command-table.js';
import { parseCommand } from './commands/argv.js';
import { MATCHERS, matchPath } from './commands/matchers.js';
import type { Context, Finding } from './commands/types.js';
import { MAX_UNWRAP, unwrap } from './commands/wrappers.js';
import { staysInWorkspace, trackDirectory } from './delete-scope.js';
import { opaqueCommand } from './opaque-commands.js';
import { splitCommands, type SimpleCommand } from './shell.js';

export interface CommandHit {
  class: ActionClass | 'untrusted-checkout';
  /** Stable id of what matched, e.g. 'npm-publish', 'gh-pr-merge-admin', 'rm-rf-broad'. */
  kind: string;
  /** The matched command, argv joined with spaces, at most 200 chars. */
  command: string;
  /** The whole argv of the matched command (the shell model's, launcher prefixes removed). */
  argv: readonly string[];
  line: number;
  column: number;
  detail: string;
  /** What it reaches when visible: registry, bucket, cluster, branch, repo… */
  target?: string;
}

export interface CommandHits {
  hits: readonly CommandHit[];
  truncated: boolean;
}

export interface ClassifyOptions {
  /** The repository's default branch; `main` and `master` always count as default too. */
  defaultBranch?: string;
  /** The step's `working-directory:`; relative paths are read against it. */
  workingDirectory?: string;
  /** The step's shell (`shell:`, or `pwsh` on Windows runners); not POSIX → no opaque reading. */
  shell?: string;
}

const MAX_COMMAND_CHARS = 200;

export function classifyScript(script: string, options: ClassifyOptions = {}): CommandHits {
  const { commands, truncated } = splitCommands(script);
  return { hits: classifyCommands(commands, options), truncated };
}

/**
 * Classifies commands already split (a script file's text is split once for several uses).
 * Each split (shared: splitCommands keeps it) is classified once per set of options, for the
 * whole scan; the hits are frozen — copy them to change the list.
 */
export function classifyCommands(
  commands: readonly SimpleCommand[],
  options: ClassifyOptions = {},
): readonly CommandHit[] {
  const key = `${options.defaultBranch ?? ''}\0${options.workingDirectory ?? '\u0001'}\0${options.shell ?? ''}`;
  let byOptions = CLASSIFIED.get(commands);
  if (byOptions === undefined) {
    byOptions = new Map();
    CLASSIFIED.set(commands, byOptions);
  }
  const known = byOptions.get(key);
  if (known) return known;
  const hits = classifyUncached(commands, options);
  for (const h of hits) Object.freeze(h);
  Object.freeze(hits);
  byOptions.set(key, hits);
  return hits;
}

const CLASSIFIED = new WeakMap<readonly SimpleCommand[], Map<string, readonly CommandHit[]>>();

function classifyUncached(
  commands: readonly SimpleCommand[],
  options: ClassifyOptions,
): CommandHit[] {
  const branches = new Set(['main', 'master']);
  if (options.defaultBranch) branches.add(options.defaultBranch);
  const ctx: Context = {
    defaultBranches: branches,
    posix: !/^(?:pwsh|powershell|cmd)\b/i.test(options.shell ?? ''),
    inWorkspace:
      options.workingDirectory === undefined || staysInWorkspace(options.workingDirectory),
  };
  return commands.flatMap((command) => {
    const found = classifyCommand(command, ctx);
    trackDirectory(command.argv, ctx);
    return found;
  });
}

/** Tries argv as typed, then the command inside each wrapper (`npx x`, `python -m x`). */
function classifyCommand(command: SimpleCommand, ctx: Context): CommandHit[] {
  const opaque = ctx.posix ? opaqueCommand(command) : undefined;
  if (opaque) return [toHit({ class: 'opaque', ...opaque, target: undefined }, command)];
  let start = 0;
  for (let level = 0; level <= MAX_UNWRAP; level++) {
    const argv = command.argv.slice(start);
    const findings = findingsFor(parseCommand(argv, command.raw.slice(start)), ctx);
    if (findings.length > 0) return findings.map((f) => toHit(f, command));
    const inner = unwrap(argv);
    if (inner === undefined) break;
    start += inner;
  }
  return [];
}

function findingsFor(c: ParsedCommand, ctx: Context): Finding[] {
  if (isDryRun(c)) return [];
  const out: Finding[] = [];
  for (const matcher of MATCHERS.get(c.name) ?? []) {
    const rest = matchPath(matcher.paths, c.positionals);
    if (rest !== undefined) out.push(...matcher.run(c, rest, ctx));
  }
  return out;
}

function toHit(f: Finding, command: SimpleCommand): CommandHit {
  const text = command.argv.join(' ');
  const hit: CommandHit = {
    class: f.class,
    kind: f.kind,
    command: text.length > MAX_COMMAND_CHARS ? `${text.slice(0, MAX_COMMAND_CHARS - 1)}…` : text,
    argv: command.argv,
    line: command.line,
    column: command.column,
    detail: f.detail,
  };
  if (f.target) hit.target = f.target.slice(0, MAX_COMMAND_CHARS);
  return hit;
}

/** `--dry-run` is the common spelling of "do nothing for real" (npm, helm, kubectl, git…). */
function isDryRun(c: ParsedCommand): boolean {
  if (c.has(...(DRY_RUN_FLAGS.get(c.name) ?? []))) return true;
  return c.args.some(
    (a) =>
      a === '--dry-run' ||
      a === '--dryrun' ||
      (a.startsWith('--dry-run=') && !/^(?:none|false)$/.test(a.slice(10))),
  );
}
