/**
 * Does a step run code from the workspace? After an untrusted checkout, a build tool reads
 * its configuration from the checked-out tree (package.json scripts, Makefile, setup.py,
 * build.gradle, .eslintrc.js, Dockerfile, …) and so runs the pull request's code: the
 * "living off the pipeline" tools. Matching is on argv from the shell splitter, never text.
 */
import { splitCommands } from '../../inventory/shell.js';
import type { Step } from '../../workflow/model.js';
import { input, isLocalAction, stepAction } from '../shared/checkout-steps.js';
import { hasExpression } from '../../workflow/expressions/fences.js';

/** `tool → subcommands` that run workspace code; `*` = any invocation of the tool. */
const BUILD_TOOLS: ReadonlyMap<string, readonly string[]> = new Map(
  (
    [
      [
        'npm',
        'install i ci add run run-script rum urn test t tst start restart stop build exec x rebuild pack publish install-test it install-ci-test cit',
      ],
      ['yarn', '*'],
      ['pnpm', '*'],
      ['bun', 'install i add run test x build'],
      ['npx', '*'],
      ['pnpx', '*'],
      ['bunx', '*'],
      ['node', '*'],
      ['deno', 'run task test'],
      ['tsx', '*'],
      ['ts-node', '*'],
      ['python', '*'],
      ['python3', '*'],
      ['py', '*'],
      ['pipenv', 'install run sync'],
      ['poetry', 'install run build'],
      ['uv', 'run sync build'],
      ['hatch', '*'],
      ['pdm', 'install run build sync'],
      ['tox', '*'],
      ['nox', '*'],
      ['pytest', '*'],
      ['pre-commit', '*'],
      ['make', '*'],
      ['gmake', '*'],
      ['cmake', '*'],
      ['ninja', '*'],
      ['meson', '*'],
      ['scons', '*'],
      ['bazel', '*'],
      ['bazelisk', '*'],
      ['just', '*'],
      ['task', '*'],
      ['gradle', '*'],
      ['gradlew', '*'],
      ['mvn', '*'],
      ['mvnw', '*'],
      ['ant', '*'],
      ['sbt', '*'],
      ['lein', '*'],
      ['cargo', 'build b run r test t bench check c clippy doc install'],
      ['go', 'generate test run'],
      ['bundle', 'install exec'],
      ['rake', '*'],
      ['rails', '*'],
      ['ruby', '*'],
      ['rspec', '*'],
      ['rubocop', '*'],
      ['composer', 'install update run run-script exec'],
      ['php', '*'],
      ['phpstan', '*'],
      ['dotnet', 'build test run restore pack publish msbuild'],
      ['msbuild', '*'],
      ['docker', 'build buildx compose'],
      ['docker-compose', '*'],
      ['eslint', '*'],
      ['stylelint', '*'],
      ['webpack', '*'],
      ['vite', '*'],
      ['rollup', '*'],
      ['jest', '*'],
      ['vitest', '*'],
      ['mocha', '*'],
      ['mkdocs', 'build serve gh-deploy'],
      ['sphinx-build', '*'],
      ['terraform', 'init plan apply'],
      ['tofu', 'init plan apply'],
      ['tflint', '*'],
      ['checkov', '*'],
      ['trivy', '*'],
      ['vale', '*'],
      ['sonar-scanner', '*'],
      ['goreleaser', '*'],
      ['gomplate', '*'],
      ['mypy', '*'],
      ['golangci-lint', '*'],
      ['swift', 'build test run'],
      ['mix', '*'],
    ] as const
  ).map(([tool, subs]) => [tool, subs.split(' ')]),
);

const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'pwsh', 'powershell', 'source', '.']);
const SCRIPT_FILE = /\.(?:sh|bash|ps1|py|rb|js|mjs|cjs|ts|pl)$/i;

/** pip installs that read the checkout (`.`, `-e`, `-r file`, a path), not plain names. */
function pipReadsWorkspace(args: readonly string[]): boolean {
  if (!args.includes('install')) return false;
  return args.some(
    (a) =>
      a === '.' ||
      a.startsWith('./') ||
      a.startsWith('-e') ||
      a === '--editable' ||
      a.startsWith('-r') ||
      a === '--requirement' ||
      a.startsWith('-c') ||
      /^[^-][^=<>~!]*\/[^=<>~!]*$/.test(a),
  );
}

function commandRunsWorkspace(argv: readonly string[]): string | undefined {
  const [head, ...args] = argv;
  if (head === undefined || hasExpression(head)) return undefined;
  if (head.startsWith('./') || head.startsWith('../')) return head;
  if (!head.startsWith('/') && head.includes('/') && !head.startsWith('~')) return head;
  const name = head.slice(head.lastIndexOf('/') + 1).replace(/\.(?:exe|cmd|bat)$/i, '');
  if (SCRIPT_FILE.test(name) && !head.startsWith('/')) return head;
  if (/^python\d(?:\.\d+)?$/.test(name)) return argv.slice(0, 3).join(' ');
  if (name === 'pip' || name === 'pip3' || /^pip\d\.\d+$/.test(name))
    return pipReadsWorkspace(args) ? argv.join(' ') : undefined;
  if (SHELLS.has(name)) {
    const file = args.find((a) => !a.startsWith('-'));
    if (args.some((a) => a === '-c' || a === '-Command' || a === '-command')) return undefined;
    return file !== undefined && !file.startsWith('/') ? `${name} ${file}` : undefined;
  }
  const subs = BUILD_TOOLS.get(name);
  if (!subs) return undefined;
  if (args.some((a) => a === '--version' || a === '-v' || a === '-V' || a === '--help'))
    return undefined;
  if (subs.includes('*')) return argv.slice(0, 3).join(' ');
  const sub = args.find((a) => !a.startsWith('-'));
  return sub !== undefined && subs.includes(sub) ? `${name} ${sub}` : undefined;
}

/** Actions that build, test, lint or install from the workspace. */
const BUILD_ACTIONS: ReadonlyMap<string, (step: Step) => boolean> = new Map<
  string,
  (step: Step) => boolean
>([
  ['docker/build-push-action', () => true],
  ['golangci/golangci-lint-action', () => true],
  ['pre-commit/action', () => true],
  ['ruby/setup-ruby', (s) => /^true$/i.test(input(s, 'bundler-cache')?.value ?? '')],
  ['gradle/gradle-build-action', () => true],
  ['cypress-io/github-action', () => true],
  ['bahmutov/npm-install', () => true],
  ['pnpm/action-setup', (s) => !/^(?:false|)$/i.test(input(s, 'run_install')?.value ?? '')],
  ['github/codeql-action/autobuild', () => true],
  ['borales/actions-yarn', () => true],
  ['changesets/action', () => true],
  ['sonarsource/sonarcloud-github-action', () => true],
  ['sonarsource/sonarqube-scan-action', () => true],
  ['super-linter/super-linter', () => true],
  ['github/super-linter', () => true],
  ['oxsecurity/megalinter', () => true],
  ['treosh/lighthouse-ci-action', () => true],
  ['nick-fields/retry', () => true],
  ['gabrielbb/xvfb-action', () => true],
  ['coactions/setup-xvfb', () => true],
  ['goreleaser/goreleaser-action', () => true],
  ['jetbrains/qodana-action', () => true],
  ['dagger/dagger-for-github', () => true],
]);

export interface Execution {
  /** What runs the workspace code, e.g. `npm ci`, `./build.sh`, `local action ./x`. */
  readonly what: string;
  /** 1-based line within the step's `run:` (undefined for `uses:` steps). */
  readonly line: number | undefined;
  /** The command's words (`run:` steps only). */
  readonly argv?: readonly string[];
}

/**
 * Every thing in `step` that runs workspace code, in order; with `after`, only commands of
 * the `run:` script after that position (for a checkout done earlier in the same script).
 */
export function workspaceExecutions(
  step: Step,
  after: { readonly line: number; readonly column: number } = { line: 0, column: 0 },
): Execution[] {
  if (isLocalAction(step))
    return [{ what: `local action ${step.uses?.trim() ?? ''}`, line: undefined }];
  const action = stepAction(step);
  if (action) {
    const build = BUILD_ACTIONS.get(action.name);
    if (build?.(step)) return [{ what: action.name, line: undefined }];
    if (action.name === 'actions/github-script') {
      const script = input(step, 'script')?.value ?? '';
      if (
        /\b(?:require|import)\s*\(\s*[`'"](?:\.{1,2}\/|\$\{?process\.env\.GITHUB_WORKSPACE)/.test(
          script,
        )
      )
        return [{ what: 'actions/github-script requiring a workspace file', line: undefined }];
    }
    return [];
  }
  if (step.run === undefined) return [];
  const out: Execution[] = [];
  for (const c of splitCommands(step.run).commands) {
    if (c.line < after.line || (c.line === after.line && c.column <= after.column)) continue;
    const what = commandRunsWorkspace(c.argv);
    if (what !== undefined) out.push({ what, line: c.line, argv: c.argv });
  }
  return out;
}

/**
 * The first thing in `step` that runs workspace code; with `after`, only commands of the
 * `run:` script after that position (for a checkout done earlier in the same script).
 */
export function workspaceExecution(
  step: Step,
  after: { readonly line: number; readonly column: number } = { line: 0, column: 0 },
): Execution | undefined {
  return workspaceExecutions(step, after)[0];
}

/** Tools that walk the whole tree by default (test collectors, linters, image builds). */
const TREE_WALKERS = new Set([
  'pytest',
  'py.test',
  'jest',
  'vitest',
  'mocha',
  'tox',
  'nox',
  'eslint',
  'stylelint',
  'mypy',
  'golangci-lint',
  'rubocop',
  'rspec',
  'phpstan',
  'tflint',
  'checkov',
  'trivy',
  'vale',
  'sonar-scanner',
  'bazel',
  'bazelisk',
  'pre-commit',
  'docker',
  'docker-compose',
  'go',
]);
/** Flags whose value is the directory a tool works in. */
const DIR_FLAGS =
  /^(?:-C|--prefix|--cwd|--dir|--directory|--project|--manifest-path|--chdir|-f|--file)$/;
const INTERPRETERS = /^(?:python[\d.]*|node|deno|bun|ruby|php|perl|bash|sh|zsh|tsx|ts-node|pwsh)$/;

const normalisePath = (w: string): string =>
  w
    .replace(/^(?:\$\{\{\s*github\.workspace\s*\}\}|\$\{?GITHUB_WORKSPACE\}?)\/?/, '')
    .replace(/^(?:\.\/)+/, '')
    .replace(/\/+$/, '');

/**
 * Does an execution (after an artifact was unpacked into `dir`) run something from `dir`?
 * Yes when: it is an action (fail closed); the step works in `dir`; an earlier `cd` / `pushd`
 * of the script enters it; the command runs a file under it or is pointed at it (`-C dir`,
 * `--prefix dir`, `python dir`); or the tool walks the whole tree (pytest, linters, `docker
 * build`). A data argument (`upload dir`, `deploy ./dir`) is not an execution.
 */
export function executesIn(step: Step, exec: Execution, dir: string): boolean {
  if (exec.argv === undefined || exec.line === undefined) return true;
  const inDir = (w: string): boolean => {
    const n = normalisePath(w);
    return n === dir || n.startsWith(`${dir}/`);
  };
  const under = (w: string): boolean => normalisePath(w).startsWith(`${dir}/`);
  if (step.workingDirectory !== undefined && inDir(step.workingDirectory)) return true;
  const argv = exec.argv;
  if (argv.some((w) => TREE_WALKERS.has(w.replace(/^.*\//, '')))) return true;
  if (argv.some(under)) return true;
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i] as string;
    if (!inDir(w)) continue;
    const prev = argv[i - 1] as string;
    if (DIR_FLAGS.test(prev) || INTERPRETERS.test((argv[0] ?? '').replace(/^.*\//, '')))
      return true;
  }
  if (
    argv.some(
      (w) =>
        /^--(?:prefix|cwd|dir|directory|project|manifest-path|chdir)=/.test(w) &&
        inDir(w.slice(w.indexOf('=') + 1)),
    )
  )
    return true;
  if (step.run !== undefined) {
    for (const c of splitCommands(step.run).commands) {
      if (c.line > exec.line) break;
      const head = c.argv[0];
      if ((head === 'cd' || head === 'pushd') && c.argv[1] !== undefined && inDir(c.argv[1]))
        return true;
    }
  }
  return false;
}
