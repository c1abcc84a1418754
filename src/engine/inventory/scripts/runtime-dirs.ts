/**
 * Runtime directories: a catalogued action (known-actions.ts, `runtime`) writes its own
 * scripts into the directory one of its inputs names (gh-aw's setup action →
 * `${{ runner.temp }}/gh-aw/actions`), and the later steps of the job run them from there. A
 * script under such a directory is that catalogued code, not an unknown script; the name is
 * matched on the directory the step was given, never guessed from the path alone.
 */
import type { Job } from '../../workflow/model.js';
import { hasExpression } from '../../workflow/expressions/fences.js';
import { remoteActionName } from '../../workflow/uses-reference.js';
import { KNOWN_ACTIONS } from '../known-actions.js';
import { actionMatches } from '../uses.js';

export interface RuntimeDir {
  /** The directory, spelt canonically (`$RUNNER_TEMP/gh-aw/actions`). */
  readonly dir: string;
  /** The step that wrote it. */
  readonly step: number;
  readonly what: string;
}

const WITH_RUNTIME = KNOWN_ACTIONS.filter((a) => a.runtime !== undefined);

/** Step index → the runtime directories written by the steps before it. */
export function runtimeDirsByStep(job: Job): ReadonlyMap<number, readonly RuntimeDir[]> {
  const out = new Map<number, readonly RuntimeDir[]>();
  let dirs: RuntimeDir[] = [];
  for (const step of job.steps) {
    out.set(step.index, dirs);
    const name = remoteActionName(step.usesRef);
    const runtime =
      name === undefined
        ? undefined
        : WITH_RUNTIME.find((a) => actionMatches(name, a.action))?.runtime;
    if (!runtime) continue;
    const value = step.with.find((w) => w.key === runtime.input)?.value;
    const dir = value === undefined ? undefined : canonical(value).replace(/\/+$/, '');
    // Only a directory the gate can read: the runner's temp or tool directory, no expression left.
    if (dir === undefined || !/^\$RUNNER_(?:TEMP|TOOL_CACHE)\/[\w./-]+$/.test(dir)) continue;
    if (dir.split('/').includes('..') || hasExpression(dir)) continue;
    dirs = [...dirs, { dir, step: step.index, what: runtime.what }];
  }
  return out;
}

/** Whether a script path (as the shell gives it, quotes removed) is under a runtime directory. */
export function inRuntimeDir(path: string, runtime: readonly RuntimeDir[]): boolean {
  if (runtime.length === 0) return false;
  const p = canonical(path);
  return runtime.some(
    (r) =>
      p.startsWith(`${r.dir}/`) &&
      !p.slice(r.dir.length + 1).includes('$') &&
      !p.split('/').includes('..'),
  );
}

/** `${{ runner.temp }}`, `${RUNNER_TEMP}` and `$RUNNER_TEMP` spelt one way. */
function canonical(text: string): string {
  return text
    .trim()
    .replace(
      /\$\{\{\s*runner\.(temp|tool_cache)\s*\}\}/gi,
      (_m, n: string) => `$RUNNER_${n.toUpperCase()}`,
    )
    .replace(/\$\{(RUNNER_(?:TEMP|TOOL_CACHE))\}/g, '$$$1');
}
