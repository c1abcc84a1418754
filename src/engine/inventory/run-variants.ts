/**
 * Classifies a `run:` script with the values its `${{ matrix.* }}` and `${{ env.* }}`
 * expressions can take (workflow/value-sources.ts): `run: ${{ matrix.cmd }}` is the commands
 * the matrix holds. A command whose name is still an expression after that (`run: ${{
 * inputs.cmd }}`, a matrix computed at run time) is opaque: the gate cannot know what runs.
 */
import { findExpressions, hasExpression } from '../workflow/expressions/fences.js';
import { envValue, type MatrixLookup } from '../workflow/value-sources.js';
import { classifyCommands, type ClassifyOptions, type CommandHit } from './commands.js';
import { splitOnce } from './split-once.js';

export interface RunSources {
  readonly env: ReadonlyMap<string, string>;
  readonly matrix: MatrixLookup | undefined;
}

export interface RunClassification {
  readonly hits: readonly CommandHit[];
  readonly truncated: boolean;
  /** Commands whose name is an expression no value source resolves. */
  readonly opaque: readonly {
    readonly expression: string;
    readonly line: number;
    readonly column: number;
  }[];
}

/** Variants of one script at most (each expression takes each of its values at least once). */
const MAX_VARIANTS = 64;
const PLAIN_CONTEXT = /^\s*(matrix|env)((?:\.[A-Za-z_][\w-]*|\[\s*'[^']*'\s*\])+)\s*$/i;

export function classifyRun(
  run: string,
  sources: RunSources,
  options: ClassifyOptions,
): RunClassification {
  const { commands, truncated } = splitOnce(run);
  const shared = classifyCommands(commands, options);
  if (!hasExpression(run)) return { hits: shared, truncated, opaque: [] };
  const hits = [...shared];
  const variants = expand(run, sources);
  // A resolved expression is no longer computed at run time: the variants replace the script.
  if (variants.length > 0) hits.length = 0;
  const seen = new Set<string>();
  let cut = truncated;
  const opaqueAt = new Map<string, { expression: string; line: number; column: number }>();
  for (const variant of variants.length > 0 ? variants : [run]) {
    const split = variant === run ? { commands, truncated } : splitOnce(variant);
    cut ||= split.truncated;
    for (const hit of variant === run ? [] : classifyCommands(split.commands, options)) {
      if (seen.has(key(hit))) continue;
      seen.add(key(hit));
      hits.push(hit);
    }
    for (const c of split.commands) {
      const name = c.argv[0] ?? '';
      // `${{ x }}` alone is the classifier's opaque `computed-command`; with arguments it is ours.
      if (!hasExpression(name) || c.argv.length === 1) continue;
      opaqueAt.set(`${c.line}:${c.column}`, {
        expression: name.slice(0, 120),
        line: c.line,
        column: c.column,
      });
    }
  }
  return { hits, truncated: cut, opaque: [...opaqueAt.values()] };
}

function key(hit: CommandHit): string {
  return `${hit.kind}\0${hit.line}\0${hit.command}`;
}

/** The script with each resolvable expression replaced by its values, zipped; [] when none resolves. */
function expand(run: string, sources: RunSources): string[] {
  const slots: { start: number; end: number; values: readonly string[] }[] = [];
  for (const e of findExpressions(run)) {
    const values = valuesOf(e.body, sources);
    if (values && values.length > 0)
      slots.push({ start: e.offset, end: e.offset + e.body.length + 5, values });
  }
  if (slots.length === 0) return [];
  const count = Math.min(MAX_VARIANTS, Math.max(...slots.map((s) => s.values.length)));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    let last = 0;
    for (const s of slots) {
      text += run.slice(last, s.start) + (s.values[i % s.values.length] ?? '');
      last = s.end;
    }
    out.push(text + run.slice(last));
  }
  return out;
}

function valuesOf(body: string, sources: RunSources): readonly string[] | undefined {
  const m = PLAIN_CONTEXT.exec(body);
  if (!m) return undefined;
  const path = (m[2] ?? '')
    .split(/\.|\[\s*'|'\s*\]/)
    .filter((s) => s !== '')
    .map((s) => s.toLowerCase());
  if ((m[1] ?? '').toLowerCase() === 'env') {
    if (path.length !== 1) return undefined;
    const value = envValue(sources.env, path[0] ?? '');
    return value === undefined ? undefined : [value];
  }
  return sources.matrix?.(path);
}
