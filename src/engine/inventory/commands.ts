/**
 * Classifies the commands of a `run:` script into action classes: which ones publish, deploy,
 * destroy, bypass checks, write branches or check out untrusted pull-request code. Matching
 * is on argv from the shell splitter (shell.ts), never on raw text, so quoted text, comments
 * and heredoc bodies do not count. The declarative rules live in command-table.ts; this file
 * is the engine plus the few analyzers that need real logic (git push, rm, gh api).
 */
import type { ActionClass } from './action-classes.js';
import {
  COMMAND_RULES,
  DRY_RUN_FLAGS,
  IGNORED_LEADING,
  LOOPBACK_TARGET,
  VALUE_FLAGS,
  WRAPPERS,
  type HitClass,
  type ParsedCommand,
} from './command-table.js';
import { analyzeGhApi, analyzeHttpClient } from './github-api-calls.js';
import { isBroadPath, staysInWorkspace, trackDirectory } from './delete-scope.js';
import { opaqueCommand } from './opaque-commands.js';
import { splitCommands, type SimpleCommand } from './shell.js';

export interface CommandHit {
  class: ActionClass | 'untrusted-checkout';
  /** Stable id of what matched, e.g. 'npm-publish', 'gh-pr-merge-admin', 'rm-rf-broad'. */
  kind: string;
  /** The matched command, argv joined with spaces, at most 200 chars. */
  command: string;
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

interface Finding {
  class: HitClass;
  kind: string;
  detail: string;
  target?: string | undefined;
}

interface Context {
  readonly defaultBranches: ReadonlySet<string>;
  /** PowerShell / cmd scripts: `$x = …` is an assignment, not a computed command. */
  readonly posix: boolean;
  /**
   * False once the script may have left the job's workspace (`cd /`, `cd "$DIR"`, an absolute
   * `working-directory:`): from then on `rm -rf *` no longer means the job's own checkout.
   */
  inWorkspace: boolean;
}

/** A rule ready to run: tools as a set, path parsed into alternatives of steps of options. */
interface Matcher {
  readonly paths: readonly (readonly (readonly string[])[])[];
  readonly run: (c: ParsedCommand, rest: readonly string[], ctx: Context) => Finding[];
}

const MAX_COMMAND_CHARS = 200;
/** `npx pnpm exec …` nests wrappers; a few levels cover real scripts. */
export const MAX_UNWRAP = 3;

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

// ---------------------------------------------------------------------------------------------
// Reading argv through a tool's flag grammar.

const SHORT_CLUSTER = /^-[A-Za-z0-9]{2,}$/;

function commandName(word: string): string {
  const base = word.slice(word.lastIndexOf('/') + 1);
  return base.replace(/(.)@[^@]*$/, '$1').replace(/\.(?:exe|cmd|bat)$/i, '');
}

export function parseCommand(argv: readonly string[], raw: readonly string[]): ParsedCommand {
  const name = commandName(argv[0] ?? '');
  const args = argv.slice(1);
  let positionals = collectPositionals(args, VALUE_FLAGS.get(name) ?? []);
  if (IGNORED_LEADING.get(name)?.includes(positionals[0] ?? '')) positionals = positionals.slice(1);
  return {
    name,
    args,
    raw: raw.slice(1),
    positionals,
    has: (...flags) => flags.some((f) => hasFlag(args, f)),
    value: (...flags) => flagValue(args, flags),
  };
}

function collectPositionals(args: readonly string[], valueFlags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') return out.concat(args.slice(i + 1));
    if (a.length > 1 && a.startsWith('-')) {
      if (valueFlags.includes(a)) i++;
    } else out.push(a);
  }
  return out;
}

/** `--force`, `--force=x`, `-f`, or `f` inside a short cluster such as `-rf`. */
function hasFlag(args: readonly string[], flag: string): boolean {
  const short = flag.length === 2 && flag !== '--';
  for (const a of args) {
    if (a === '--') return false;
    if (a === flag || (!short && a.startsWith(`${flag}=`))) return true;
    if (short && SHORT_CLUSTER.test(a) && a.includes(flag.charAt(1))) return true;
  }
  return false;
}

/** Value of the first of `flags` present: `--f v`, `--f=v`, `-f v`, `-fv`. */
function flagValue(args: readonly string[], flags: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') return undefined;
    for (const f of flags) {
      if (a === f) return args[i + 1];
      if (a.startsWith(`${f}=`)) return a.slice(f.length + 1);
      if (f.length === 2 && !a.startsWith('--') && a.length > 2 && a.startsWith(f))
        return a.slice(2);
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Compiling the tables.

/** `'s3 cp|sync, s3api put-object'` → alternatives of steps of accepted words. */
export function compilePath(path: string | undefined): string[][][] {
  if (path === undefined) return [[]];
  return path.split(',').map((alt) =>
    alt
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((step) => step.split('|')),
  );
}

export function matchPath(
  paths: Matcher['paths'],
  positionals: readonly string[],
): readonly string[] | undefined {
  for (const steps of paths) {
    const ok = steps.every((options, i) => {
      const word = positionals[i];
      return word !== undefined && (options.includes('*') || options.includes(word));
    });
    if (ok) return positionals.slice(steps.length);
  }
  return undefined;
}

type Analyzer = Matcher['run'];

const ANALYZERS: readonly { tools: string; path?: string; analyze: Analyzer }[] = [
  { tools: 'git', path: 'push', analyze: analyzeGitPush },
  { tools: 'rm', analyze: analyzeRm },
  { tools: 'gh', path: 'api', analyze: analyzeGhApi },
  { tools: 'curl wget http https xh', analyze: analyzeHttpClient },
  { tools: 'find', analyze: analyzeFind },
];

const MATCHERS: ReadonlyMap<string, readonly Matcher[]> = (() => {
  const byTool = new Map<string, Matcher[]>();
  const add = (tools: string, matcher: Matcher): void => {
    for (const tool of tools.split(' ')) byTool.set(tool, [...(byTool.get(tool) ?? []), matcher]);
  };
  for (const rule of COMMAND_RULES) {
    add(rule.tools, {
      paths: compilePath(rule.path),
      run: (c, rest) => {
        if (rule.when && !rule.when(c, rest)) return [];
        const target = rule.target?.(c, rest);
        // A publish to a registry on the runner itself ships nothing.
        if (rule.class === 'publish' && target !== undefined && LOOPBACK_TARGET.test(target))
          return [];
        return [{ class: rule.class, kind: rule.kind, detail: rule.detail, target }];
      },
    });
  }
  for (const a of ANALYZERS) add(a.tools, { paths: compilePath(a.path), run: a.analyze });
  return byTool;
})();

const COMPILED_WRAPPERS = WRAPPERS.map((w) => ({
  tools: new Set(w.tools.split(' ')),
  paths: compilePath(w.path),
  valueFlags: w.valueFlags ?? [],
}));

const PYTHON = /^(?:python[\d.]*|py|pypy[\d.]*)$/;

/** Index in argv of the command a wrapper runs (`npx -y semantic-release` → 2), if any. */
export function unwrap(argv: readonly string[]): number | undefined {
  const name = commandName(argv[0] ?? '');
  if (PYTHON.test(name)) return pythonModule(argv);
  for (const w of COMPILED_WRAPPERS) {
    if (!w.tools.has(name)) continue;
    for (const steps of w.paths) {
      const at = wrappedIndex(argv, steps, w.valueFlags);
      if (at !== undefined) return at;
    }
  }
  return undefined;
}

function wrappedIndex(
  argv: readonly string[],
  steps: readonly (readonly string[])[],
  valueFlags: readonly string[],
): number | undefined {
  let step = 0;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') return step === steps.length && i + 1 < argv.length ? i + 1 : undefined;
    if (a.length > 1 && a.startsWith('-')) {
      if (valueFlags.includes(a)) i++;
      continue;
    }
    const expected = steps[step];
    if (expected === undefined) return i;
    if (!expected.includes(a)) return undefined;
    step++;
  }
  return undefined;
}

/** `python3 -u -m twine upload …` runs the `twine` module like the `twine` command. */
function pythonModule(argv: readonly string[]): number | undefined {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '-m') return argv[i + 1] === undefined ? undefined : i + 1;
    if (a === '-W' || a === '-X') i++;
    else if (!a.startsWith('-') || a === '-c') return undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Analyzers.

function analyzeGitPush(c: ParsedCommand, rest: readonly string[], ctx: Context): Finding[] {
  if (c.has('-n')) return []; // `git push -n` is a dry run
  const [url, ...refspecs] = rest;
  const remote = url?.replace(/\/\/[^@/]*@/, '//'); // never echo credentials embedded in a URL
  if (remote !== undefined && (remote === 'heroku' || remote.includes('heroku.com'))) {
    return [finding('deploy', 'git-push-heroku', 'deploys to Heroku with git push', remote)];
  }
  const specs = refspecs.map(parseRefspec);
  const forcedByFlag = c.has('-f', '--force', '--force-with-lease');
  const deletesAll = c.has('-d', '--delete');
  const where = (branch: string | undefined): string | undefined =>
    branch && branch !== 'HEAD' ? `${remote ?? 'origin'}/${branch}` : remote;
  const target = where(specs[0]?.branch);
  const out = [
    forcedByFlag || specs.some((s) => s.force)
      ? finding('write-branch', 'git-push-force', 'force-pushes to a branch', target)
      : finding('write-branch', 'git-push', 'pushes to a branch', target),
  ];
  if (c.has('--mirror')) {
    out.push(
      finding('destructive', 'git-push-mirror', 'overwrites and prunes every remote ref', remote),
    );
  }
  for (const spec of specs) {
    const at = where(spec.branch);
    if (deletesAll || spec.deletes) {
      out.push(finding('destructive', 'git-push-delete', 'deletes a remote branch or tag', at));
    } else if ((forcedByFlag || spec.force) && isDefaultBranch(spec.branch, ctx)) {
      out.push(
        finding('destructive', 'git-push-force-default', 'force-pushes to the default branch', at),
      );
    }
  }
  // `--no-verify` skips the client's own pre-push hook, nothing the server enforces: a write.
  return out;
}

function finding(cls: HitClass, kind: string, detail: string, target: string | undefined): Finding {
  return { class: cls, kind, detail, target };
}

/** `+src:dst` forces, `:dst` deletes; the branch is dst (or src alone) without `refs/heads/`. */
function parseRefspec(spec: string): { branch: string; force: boolean; deletes: boolean } {
  const force = spec.startsWith('+');
  const body = force ? spec.slice(1) : spec;
  const colon = body.indexOf(':');
  const dst = colon < 0 ? body : body.slice(colon + 1);
  return { branch: dst.replace(/^refs\/heads\//, ''), force, deletes: colon === 0 };
}

function isDefaultBranch(branch: string, ctx: Context): boolean {
  return (
    ctx.defaultBranches.has(branch) || /github\.event\.repository\.default_branch/.test(branch)
  );
}

function analyzeRm(c: ParsedCommand, _rest: readonly string[], ctx: Context): Finding[] {
  if (!c.has('-r', '-R', '--recursive')) return [];
  let options = true;
  for (let i = 0; i < c.args.length; i++) {
    const arg = c.args[i] ?? '';
    if (options && arg === '--') options = false;
    else if (options && arg.length > 1 && arg.startsWith('-')) continue;
    else if (isBroadPath(arg, c.raw[i] ?? arg, ctx.inWorkspace)) {
      return [finding('destructive', 'rm-rf-broad', 'recursively deletes a broad path', arg)];
    }
  }
  return [];
}

/** `find / -delete`, `find ~ -exec rm -rf {} +`: deletion under a broad starting point. */
function analyzeFind(c: ParsedCommand): Finding[] {
  const first = c.args.findIndex((a) => /^[-(!]/.test(a));
  const expression = first < 0 ? [] : c.args.slice(first);
  const deletes =
    expression.includes('-delete') ||
    expression.some(
      (a, i) =>
        /^-(?:exec|execdir|ok|okdir)$/.test(a) && commandName(expression[i + 1] ?? '') === 'rm',
    );
  if (!deletes) return [];
  const roots = first < 0 ? c.args : c.args.slice(0, first);
  const starts = roots.length > 0 ? roots : ['.'];
  // A filtered walk of the current directory (`cd "$d"; find . -name x -delete`) is a targeted
  // clean-up; the starting point alone makes it broad (`find / -delete`, `find ~ -exec rm`).
  const broad = starts.find((r, i) => isBroadPath(r, c.raw[i] ?? r, true));
  return broad === undefined
    ? []
    : [finding('destructive', 'find-delete-broad', 'deletes files under a broad path', broad)];
}
