/**
 * Which contexts flow into the value of a GitHub expression, and which of those an outsider
 * controls (contexts.ts). The dataflow rules: toJSON / format / join / fromJSON propagate;
 * `a && b` yields b; `a || b` yields either; comparisons, `!` and every other call yield
 * booleans or fixed values and stop the flow. `env.X` and `matrix.x` are followed one level
 * into the values they hold; `needs.<job>.outputs.<name>` into the producing job's definition
 * (across any number of jobs, a cycle or an unknown job staying unknown content).
 */
import type { JobOutputLookup, MatrixLookup } from '../value-sources.js';
import { capabilityOf, inputCapability, normalizeContext, type Capability } from './contexts.js';
import { findExpressions } from './fences.js';
import { parseExpression, type ExprNode } from './grammar.js';

export interface TaintedRef {
  readonly context: string;
  readonly capability: 'arbitrary' | 'structured';
  /** Offset of the context text within the original text passed in. */
  readonly offset: number;
  /** The context as written (`github.event.commits[0].message`). */
  readonly text: string;
  /** The `env.X` reference the context reached through, when followed. */
  readonly via?: string;
}

export interface TaintOptions {
  /** Declared input types by lower-case name (`inputs.x` / `github.event.inputs.x`). */
  readonly inputTypes?: ReadonlyMap<string, string>;
  /** The job's matrix: `matrix.x` is followed into the values it can hold. */
  readonly matrix?: MatrixLookup;
  /** The workflow's job outputs: `needs.<job>.outputs.<name>` is followed into its definition. */
  readonly jobOutputs?: JobOutputLookup;
  /** Job outputs being followed on this chain (a cycle stays unknown content). */
  readonly following?: ReadonlySet<string>;
}

const PROPAGATING = new Set(['tojson', 'format', 'join', 'fromjson']);

/** Context nodes whose value can reach the expression's value (text as written in `body`). */
function flows(node: ExprNode, body: string): { text: string; offset: number }[] {
  switch (node.kind) {
    case 'literal':
    case 'not':
      return [];
    case 'context':
      return [{ text: body.slice(node.start, node.end), offset: node.start }];
    case 'access':
      return flows(node.base, body);
    case 'call':
      return PROPAGATING.has(node.name) ? node.args.flatMap((a) => flows(a, body)) : [];
    case 'binary':
      if (node.op === '&&') return flows(node.right, body);
      if (node.op === '||') return [...flows(node.left, body), ...flows(node.right, body)];
      return [];
  }
}

/** Fallback for text the parser refuses: every context-looking path (fail closed). */
function lexicalContexts(body: string): { text: string; offset: number }[] {
  const found: { text: string; offset: number }[] = [];
  const re =
    /(?<![A-Za-z0-9_.'-])(github|inputs|steps|needs|env|jobs)((?:\s*\.\s*(?:[A-Za-z_][A-Za-z0-9_-]*|\*)|\[[^\]]*\])+)/g;
  for (const m of body.matchAll(re)) found.push({ text: m[0], offset: m.index });
  return found;
}

/** Contexts flowing to the value of one expression body (offsets within the body). */
export function expressionFlows(body: string): { text: string; offset: number }[] {
  if (/^\s*$/.test(body)) return [];
  const tree = parseExpression(body);
  if (!tree) return lexicalContexts(body);
  return flows(tree, body);
}

/**
 * Attacker-controllable contexts that flow to the value of every `${{ }}` in `text`.
 * `env` maps env var names to their raw values; `env.X` is followed one level.
 */
export function taintedContexts(
  text: string,
  env?: ReadonlyMap<string, string>,
  options: TaintOptions = {},
): TaintedRef[] {
  return taintedIn(text, env, options, 0);
}

function taintedIn(
  text: string,
  env: ReadonlyMap<string, string> | undefined,
  options: TaintOptions,
  depth: number,
): TaintedRef[] {
  const refs: TaintedRef[] = [];
  for (const e of findExpressions(text)) {
    const body = e.body;
    const base = e.offset + 3;
    for (const f of expressionFlows(body)) {
      const segs = normalizeContext(f.text);
      if (!segs) continue;
      const offset = base + f.offset;
      if (segs[0] === 'env') {
        const name = segs[1];
        if (depth > 0 || !env || name === undefined || segs.length !== 2) continue;
        const found = lookupEnv(env, name);
        if (found === undefined) continue;
        for (const inner of taintedIn(found[1], undefined, options, depth + 1))
          refs.push({ ...inner, offset, via: `env.${found[0]}` });
        continue;
      }
      if (segs[0] === 'matrix') {
        const key = segs.slice(1);
        if (depth > 0 || !options.matrix) continue;
        for (const value of options.matrix(key) ?? [])
          for (const inner of taintedIn(value, env, options, depth + 1))
            refs.push({ ...inner, offset, via: `matrix.${key.join('.')}` });
        continue;
      }
      if (segs[0] === 'needs' && segs[2] === 'outputs' && segs.length === 4) {
        const followed = followOutput(segs[1]!, segs[3]!, options);
        if (followed) {
          for (const inner of followed) refs.push({ ...inner, offset, via: f.text.trim() });
          continue;
        }
      }
      const capability = classify(segs, options);
      if (capability === 'arbitrary' || capability === 'structured')
        refs.push({ context: segs.join('.'), capability, offset, text: f.text.trim() });
    }
  }
  return refs;
}

/**
 * The contexts a job output's definition carries, read where the producing job runs (its env
 * and matrix); undefined — unknown content, classified as such — for an unknown job or
 * output, a computed name, or a cycle of outputs.
 */
function followOutput(
  job: string,
  name: string,
  options: TaintOptions,
): readonly TaintedRef[] | undefined {
  const key = `${job}.${name}`;
  if (!options.jobOutputs || job === '*' || name === '*' || options.following?.has(key))
    return undefined;
  const output = options.jobOutputs(job, name);
  if (!output) return undefined;
  return taintedIn(
    output.text,
    output.env,
    {
      ...options,
      matrix: output.matrix,
      following: new Set([...(options.following ?? []), key]),
    },
    0,
  );
}

function lookupEnv(
  env: ReadonlyMap<string, string>,
  name: string,
): readonly [string, string] | undefined {
  let found: readonly [string, string] | undefined;
  for (const [k, v] of env) if (k.toLowerCase() === name) found = [k, v];
  return found;
}

function classify(segs: readonly string[], options: TaintOptions): Capability | undefined {
  const input =
    segs[0] === 'inputs'
      ? segs[1]
      : segs[0] === 'github' && segs[1] === 'event' && segs[2] === 'inputs'
        ? segs[3]
        : undefined;
  if (input !== undefined && input !== '*' && options.inputTypes?.has(input))
    return inputCapability(options.inputTypes.get(input));
  const known = capabilityOf(segs);
  if (known !== undefined) return known;
  // An unknown field of the event payload: its content is not known to be safe.
  if (segs[0] === 'github' && segs[1] === 'event' && segs.length > 2) return 'structured';
  return undefined;
}
