/** Wrappers that run another command (`npx x`, `pnpm exec x`, `python -m x`): where it starts in argv. */
import { WRAPPERS } from '../command-table.js';
import { commandName } from './argv.js';
import { compilePath } from './matchers.js';

/** `npx pnpm exec …` nests wrappers; a few levels cover real scripts. */
export const MAX_UNWRAP = 3;

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
