/**
 * Where a deletion lands: the machine, the home directory and system trees are broad; the
 * job's own checkout and the runner's temp directory are clean-up; the current directory is
 * the checkout until the script moves somewhere static reading cannot place (`cd "$DIR"`).
 */

/** Broad paths are short; the bound also limits the work on hostile input. */
const MAX_PATH_CHARS = 200;

/** Paths whose recursive deletion wipes the machine, the home directory or a system tree. */
const BROAD_PATHS = new Set([
  ...['', '~', '..', '$HOME', '${HOME}', '${{ env.HOME }}'],
  ...['/home', '/usr', '/etc', '/var', '/opt', '/bin', '/sbin', '/lib', '/boot', '/root', '/srv'],
]);
/**
 * The job's own checkout and the runner's per-job temp directory: emptying them is clean-up.
 * The runner always sets these variables (and a step cannot override `GITHUB_*`/`RUNNER_*`),
 * so `$GITHUB_WORKSPACE/*` never becomes `/*`.
 */
const JOB_DIRECTORIES = new Set([
  ...['$GITHUB_WORKSPACE', '${GITHUB_WORKSPACE}', '${{ github.workspace }}'],
  ...['$RUNNER_TEMP', '${RUNNER_TEMP}', '${{ runner.temp }}'],
]);
/** The current directory: the workspace unless the script moved away (`Context.inWorkspace`). */
const CURRENT_DIRECTORY = new Set(['.', '*', '.*', '$PWD', '${PWD}', '$(pwd)']);
const LONE_VARIABLE = /^\$\{?[A-Za-z_]\w*\}?$/;

export function isBroadPath(value: string, raw: string, inWorkspace: boolean): boolean {
  if (value.length > MAX_PATH_CHARS) return false; // broad paths are short; also bounds the work
  const path = normalisePath(trimTrailingGlobs(value));
  if (BROAD_PATHS.has(path) || path.endsWith('/..')) return true;
  if (JOB_DIRECTORIES.has(path)) return false;
  if (CURRENT_DIRECTORY.has(path)) return !inWorkspace;
  if (!LONE_VARIABLE.test(path)) return false;
  // `$DIR/` or `$DIR/*` becomes `/` when DIR is empty or unset.
  if (path.length < value.length) return true;
  // An unquoted lone `$DIR` may split or vanish; a quoted one cannot widen.
  return !/["']/.test(raw);
}

/** `${{github.workspace}}` → `${{ github.workspace }}`. */
function normalisePath(path: string): string {
  return path.startsWith('${{') && path.endsWith('}}')
    ? `\${{ ${path.slice(3, -2).trim()} }}`
    : path;
}

/** `/`, `/*`, `dir/`, `dir/*`, `dir/.` → the directory they stand for (`/` → ''). */
function trimTrailingGlobs(value: string): string {
  let end = value.length;
  for (;;) {
    if (value.endsWith('/', end)) end -= 1;
    else if (value.endsWith('/*', end) || value.endsWith('/.', end)) end -= 2;
    else return value.slice(0, end);
  }
}

/** Follows `cd` / `pushd` / `popd`: a move out of the workspace (or to an unknown place) sticks. */
export function trackDirectory(argv: readonly string[], ctx: { inWorkspace: boolean }): void {
  const word = argv[0] ?? '';
  const name = word.slice(word.lastIndexOf('/') + 1);
  if (name !== 'cd' && name !== 'pushd' && name !== 'popd') return;
  if (name === 'popd') {
    ctx.inWorkspace = false; // the stack is not followed
    return;
  }
  const target = argv.slice(1).find((a) => !a.startsWith('-') || a === '-');
  if (target === undefined || !staysInWorkspace(target)) ctx.inWorkspace = false;
}

/** A directory inside the job's checkout or temp directory, as far as static reading can tell. */
export function staysInWorkspace(dir: string): boolean {
  const path = normalisePath(trimTrailingGlobs(dir.trim()));
  if (path === '' || path === '-' || path.split('/').includes('..')) return false;
  const root = path.split('/')[0] ?? '';
  if (JOB_DIRECTORIES.has(root) || JOB_DIRECTORIES.has(path)) return true;
  if (path.startsWith('/') || path.startsWith('~') || /^[A-Za-z]:[\\/]/.test(path)) return false;
  return !path.includes('$') && !path.includes('`');
}
