/**
 * Finds, in the simple commands of a script, the commands that run more code from the
 * repository — `npm|pnpm|yarn|bun run X` and the npm lifecycle scripts they trigger,
 * `make X`, `just X`, `bash ./x.sh`, `./x.sh`, `source x` — and the ones that run code the
 * gate cannot see (`curl … | sh`, `bash <(curl …)`, a script path computed at run time).
 * Paths are resolved against the working directory, following `cd` within the script.
 */
import type { SimpleCommand } from '../shell.js';
import { inRuntimeDir, type RuntimeDir } from './runtime-dirs.js';
import { POSIX_SHELLS } from '../shell-names.js';

interface CallBase {
  /** The calling command as written (argv joined), for messages. */
  readonly command: string;
  readonly line: number;
  readonly column: number;
  /** The working directory of the calling command (repository-relative). */
  readonly dir: string;
}

export type ScriptCall =
  | (CallBase & {
      readonly kind: 'package-script';
      readonly file: string;
      /** Scripts in run order (`prepublishOnly`, `prepack`, … for `npm publish`). */
      readonly scripts: readonly string[];
      /** A script the user named: missing means the command fails, or runs a binary. */
      readonly named: string | undefined;
      /** `yarn build`: a script only if package.json has one (else a binary); no file, no call. */
      readonly optional?: boolean;
    })
  | (CallBase & {
      readonly kind: 'make' | 'just';
      /** Candidate file names, first existing one wins. */
      readonly files: readonly string[];
      /** Targets / recipes; empty for the default one. */
      readonly targets: readonly string[];
    })
  | (CallBase & { readonly kind: 'shell-file'; readonly file: string })
  | (CallBase & { readonly kind: 'opaque'; readonly why: string });

/** npm lifecycle scripts run by a package-manager command (npm docs, "Life Cycle Operation Order"). */
const LIFECYCLE: Readonly<Record<string, readonly string[]>> = {
  publish: ['prepublishOnly', 'prepack', 'prepare', 'postpack', 'publish', 'postpublish'],
  pack: ['prepack', 'prepare', 'postpack'],
  install: [
    'preinstall',
    'install',
    'postinstall',
    'prepublish',
    'preprepare',
    'prepare',
    'postprepare',
  ],
  ci: [
    'preinstall',
    'install',
    'postinstall',
    'prepublish',
    'preprepare',
    'prepare',
    'postprepare',
  ],
  version: ['preversion', 'version', 'postversion'],
  test: ['pretest', 'test', 'posttest'],
  start: ['prestart', 'start', 'poststart'],
  stop: ['prestop', 'stop', 'poststop'],
  restart: ['prerestart', 'restart', 'postrestart'],
};
const ALIASES: Readonly<Record<string, string>> = {
  i: 'install',
  t: 'test',
  tst: 'test',
  add: 'install',
};
const PACKAGE_MANAGERS = new Set(['npm', 'pnpm', 'yarn', 'bun']);
/** Flags of the package managers that take a value (so the value is not the script name). */
const PM_VALUE_FLAGS = new Set([
  '--prefix',
  '-C',
  '--dir',
  '--cwd',
  '-w',
  '--workspace',
  '-F',
  '--filter',
  '--loglevel',
  '--registry',
  '--tag',
  '--access',
  '--otp',
  '--script-shell',
]);
const WORKSPACE_FLAGS = new Set([
  '-w',
  '--workspace',
  '-F',
  '--filter',
  '-r',
  '--recursive',
  '--workspaces',
  '-ws',
]);

export interface CallContext {
  /** The directory the script starts in, repository-relative ('' for the root); undefined when computed. */
  readonly dir: string | undefined;
  /** The full text of the script (to tell `bash <<EOF` from `curl … | bash`). */
  readonly text: string;
  /** Directories an earlier step filled with a catalogued action's runtime (runtime-dirs.ts). */
  readonly runtime?: readonly RuntimeDir[];
}

export function findScriptCalls(
  commands: readonly SimpleCommand[],
  context: CallContext,
): ScriptCall[] {
  const out: ScriptCall[] = [];
  let dir: string | undefined = context.dir;
  for (const c of commands) {
    const argv = c.argv;
    const name = argv[0] ?? '';
    const base = {
      command: argv.join(' ').slice(0, 200),
      line: c.line,
      column: c.column,
      dir: dir ?? '',
    };
    if (name === 'cd' || name === 'pushd') {
      const target = argv[1];
      dir = target === undefined || target === '-' ? undefined : joinPath(dir, target);
      continue;
    }
    if (dir === undefined) {
      if (looksLikeCall(argv))
        out.push({ ...base, kind: 'opaque', why: 'runs in a directory computed at run time' });
      continue;
    }
    const call = classify(argv, dir, base, context.runtime ?? []);
    if (call) out.push(call);
  }
  return out;
}

function looksLikeCall(argv: readonly string[]): boolean {
  const name = argv[0] ?? '';
  return (
    (PACKAGE_MANAGERS.has(name) && argv.length > 1) ||
    name === 'make' ||
    name === 'just' ||
    (name.includes('/') && !name.startsWith('/'))
  );
}

function classify(
  argv: readonly string[],
  dir: string,
  base: CallBase,
  runtime: readonly RuntimeDir[],
): ScriptCall | undefined {
  const name = argv[0] ?? '';
  if (PACKAGE_MANAGERS.has(name)) return packageCall(name, argv.slice(1), dir, base);
  if (name === 'make' || name === 'gmake' || name === '$(MAKE)' || name === '${MAKE}')
    return makeCall(argv.slice(1), dir, base);
  if (name === 'just') return justCall(argv.slice(1), dir, base);
  if (POSIX_SHELLS.has(name)) return shellCall(argv.slice(1), dir, base, runtime);
  if (name === 'source' || name === '.') return fileCall(argv[1], dir, base, runtime);
  if (name.includes('/') && !name.startsWith('/')) return fileCall(name, dir, base, runtime);
  return undefined;
}

function packageCall(
  pm: string,
  args: readonly string[],
  dir: string,
  base: CallBase,
): ScriptCall | undefined {
  let at = dir;
  const positionals: string[] = [];
  let workspace = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') break;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    if (WORKSPACE_FLAGS.has(flag)) workspace = true;
    if (flag === '--prefix' || flag === '-C' || flag === '--dir' || flag === '--cwd') {
      const value = inline ?? args[++i];
      if (value === undefined) return undefined;
      at = joinPath(dir, value) ?? '\0';
      continue;
    }
    if (a.startsWith('-')) {
      if (inline === undefined && PM_VALUE_FLAGS.has(flag)) i++;
      continue;
    }
    positionals.push(a);
  }
  let sub = positionals[0];
  if (sub === undefined)
    return pm === 'yarn' ? pkg(['preinstall', 'install', 'postinstall', 'prepare']) : undefined;
  if (pm === 'yarn' && sub === 'workspace') workspace = true;
  if (at === '\0')
    return { ...base, kind: 'opaque', why: 'runs package scripts outside the repository' };
  sub = ALIASES[sub] ?? sub;
  const runs = sub === 'run' || sub === 'run-script' || sub === 'rum' || sub === 'urn';
  const script = runs ? positionals[1] : undefined;
  if (workspace && (runs || LIFECYCLE[sub] || pm !== 'npm'))
    return {
      ...base,
      kind: 'opaque',
      why: 'runs package scripts of workspace packages, which are not resolved',
    };
  function pkg(
    scripts: readonly string[],
    named?: string,
  ): ScriptCall & { kind: 'package-script' } {
    return { ...base, kind: 'package-script', file: joinFile(at, 'package.json'), scripts, named };
  }
  if (runs) {
    if (script === undefined) return undefined;
    return pkg([`pre${script}`, script, `post${script}`], script);
  }
  // `install <pkg>` adds a dependency: no lifecycle script of this package runs for it.
  if ((sub === 'install' || sub === 'ci') && positionals.length > 1) return undefined;
  const lifecycle = LIFECYCLE[sub];
  if (lifecycle) return pkg(lifecycle);
  // `yarn build`, `pnpm build`, `bun build`: a script when package.json has one, else a binary.
  if (
    pm !== 'npm' &&
    !/^(?:exec|dlx|x|add|remove|why|info|view|config|set|cache|link|unlink|outdated|audit|init|create|upgrade|up|global|help|--version)$/.test(
      sub,
    )
  )
    return { ...pkg([sub]), optional: true };
  return undefined;
}

function makeCall(args: readonly string[], dir: string, base: CallBase): ScriptCall | undefined {
  let at = dir;
  let file: string | undefined;
  const targets: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-C' || a === '--directory') {
      const v = args[++i];
      if (v === undefined) return undefined;
      const joined = joinPath(at, v);
      if (joined === undefined)
        return { ...base, kind: 'opaque', why: 'runs make outside the repository' };
      at = joined;
    } else if (a === '-f' || a === '--file' || a === '--makefile') {
      file = args[++i];
    } else if (a.startsWith('-C') && a.length > 2) {
      const joined = joinPath(at, a.slice(2));
      if (joined === undefined)
        return { ...base, kind: 'opaque', why: 'runs make outside the repository' };
      at = joined;
    } else if (a.startsWith('-f') && a.length > 2) {
      file = a.slice(2);
    } else if (/^-[jlo]$|^-[IW]$/.test(a)) {
      i++;
    } else if (!a.startsWith('-') && !a.includes('=')) {
      targets.push(a);
    }
  }
  return recipeCall('make', file, at, targets, base);
}

function justCall(args: readonly string[], dir: string, base: CallBase): ScriptCall {
  let file: string | undefined;
  const targets: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-f' || a === '--justfile') file = args[++i];
    else if (a === '-d' || a === '--working-directory' || a === '--set') i++;
    else if (!a.startsWith('-') && !a.includes('=')) {
      targets.push(a);
      // Positionals after a recipe are usually its arguments; the first one is the recipe.
      break;
    }
  }
  return recipeCall('just', file, dir, targets, base);
}

const RECIPE_FILES = {
  make: { what: 'makefile', defaults: ['GNUmakefile', 'makefile', 'Makefile'] },
  just: { what: 'justfile', defaults: ['justfile', 'Justfile', '.justfile'] },
} as const;

/**
 * The recipe file a make / just call reads: the one it names (opaque when the gate cannot
 * resolve it), else the tool's default file names in `dir`.
 */
function recipeCall(
  kind: 'make' | 'just',
  file: string | undefined,
  dir: string,
  targets: string[],
  base: CallBase,
): ScriptCall {
  const { what, defaults } = RECIPE_FILES[kind];
  if (file === undefined)
    return { ...base, kind, files: defaults.map((f) => joinFile(dir, f)), targets };
  const path = joinPath(dir, file);
  if (path === undefined || file.includes('$'))
    return { ...base, kind: 'opaque', why: `reads a ${what} the gate cannot resolve (${file})` };
  return { ...base, kind, files: [path], targets };
}

function shellCall(
  args: readonly string[],
  dir: string,
  base: CallBase,
  runtime: readonly RuntimeDir[],
): ScriptCall | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    // `bash -c '…'` is split by the shell parser; `-s` / `-` read stdin.
    if (a === '-c' || (/^-[a-z]*c[a-z]*$/.test(a) && !a.startsWith('--'))) return undefined;
    if (a === '-s' || a === '-') return undefined;
    if (a === '-o' || a === '+o' || a === '--rcfile' || a === '--init-file') {
      i++;
      continue;
    }
    if (a.startsWith('-') || a.startsWith('+')) continue;
    // `bash <(curl …)`, `/dev/fd/N`: produced by another command (the classifier's opaque path).
    if (a.startsWith('<(') || a.startsWith('/dev/fd/') || a.startsWith('/proc/')) return undefined;
    return fileCall(a, dir, base, runtime);
  }
  // No operand: stdin (`curl … | sh`, an opaque path of the classifier) or a heredoc.
  return undefined;
}

function fileCall(
  path: string | undefined,
  dir: string,
  base: CallBase,
  runtime: readonly RuntimeDir[],
): ScriptCall | undefined {
  if (path === undefined) return undefined;
  // A catalogued action's runtime, written by an earlier step: known code, nothing to follow.
  if (inRuntimeDir(path, runtime)) return undefined;
  const stripped = path.replace(
    /^(?:\$\{?GITHUB_WORKSPACE\}?|\$\{\{\s*github\.workspace\s*\}\})\//,
    '',
  );
  const fromRoot = stripped !== path;
  if (stripped.includes('$'))
    return /\.(?:sh|bash)$/.test(stripped)
      ? {
          ...base,
          kind: 'opaque',
          why: `runs a script whose path is computed at run time (${path})`,
        }
      : undefined;
  if (stripped.startsWith('/') || stripped.startsWith('~'))
    return /\.(?:sh|bash)$/.test(stripped)
      ? { ...base, kind: 'opaque', why: `runs a script outside the repository (${path})` }
      : undefined;
  const resolved = joinPath(fromRoot ? '' : dir, stripped);
  if (resolved === undefined)
    return { ...base, kind: 'opaque', why: `runs a script outside the repository (${path})` };
  return { ...base, kind: 'shell-file', file: resolved };
}

/** `dir` + relative `path`, normalised; undefined when it leaves the repository or is absolute. */
export function joinPath(dir: string | undefined, path: string): string | undefined {
  if (dir === undefined || path.startsWith('/') || path.includes('$') || path.startsWith('~'))
    return undefined;
  const parts = dir === '' ? [] : dir.split('/');
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

function joinFile(dir: string, file: string): string {
  return dir === '' ? file : `${dir}/${file}`;
}
