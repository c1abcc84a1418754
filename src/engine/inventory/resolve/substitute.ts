/**
 * Values flowing into a called action or workflow: `with:` → `inputs.*` (with the callee's
 * defaults) and a reusable workflow's `secrets:` mapping → `secrets.*`. Lexical, like the rest
 * of the expression handling: `${{ inputs.token }}` becomes the caller's text (so a caller's
 * `${{ secrets.NPM_TOKEN }}` is that secret in the callee), and a reference inside a larger
 * expression becomes the caller's expression in parentheses.
 */
import { findExpressions, hasExpression } from '../../workflow/expressions/fences.js';
import type { Entry, Step } from '../../workflow/model.js';

export interface Bindings {
  /** Input name (lower-cased) → the caller's value text. */
  readonly inputs: ReadonlyMap<string, string>;
  /** Reusable workflows: secret name (upper-cased) → caller text; `inherit` keeps all. */
  readonly secrets?: ReadonlyMap<string, string> | 'inherit';
}

/** The caller's `with:` over the callee's defaults; inputs nobody sets are empty. */
export function bindInputs(
  given: readonly Entry[],
  defaults: readonly { name: string; default: string | undefined }[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of defaults) if (d.default !== undefined) out.set(d.name.toLowerCase(), d.default);
  for (const e of given) out.set(e.key.toLowerCase(), e.value);
  return out;
}

const WHOLE = /\$\{\{\s*(inputs|secrets)\s*\.\s*([A-Za-z_][\w-]*)\s*\}\}/g;
const INNER = /\b(inputs|secrets)\s*(?:\.\s*([A-Za-z_][\w-]*)|\[\s*'([^']+)'\s*\])/g;

export function substitute(text: string, b: Bindings): string {
  if (!hasExpression(text)) return text;
  const whole = text.replace(WHOLE, (all, ctx: string, name: string) => {
    const value = lookup(b, ctx, name);
    return value === undefined ? all : value;
  });
  if (!hasExpression(whole)) return whole;
  // References inside larger expressions: splice the caller's expression in.
  let out = '';
  let last = 0;
  for (const expr of findExpressions(whole)) {
    const start = expr.offset + 3;
    const body = expr.body.replace(INNER, (all, ctx: string, dot?: string, bracket?: string) => {
      const value = lookup(b, ctx, dot ?? bracket ?? '');
      return value === undefined ? all : asExpression(value);
    });
    out += whole.slice(last, start) + body;
    last = start + expr.body.length;
  }
  return out + whole.slice(last);
}

function lookup(b: Bindings, ctx: string, name: string): string | undefined {
  if (ctx === 'inputs') return b.inputs.get(name.toLowerCase()) ?? '';
  if (b.secrets === undefined || b.secrets === 'inherit') return undefined;
  if (name.toUpperCase() === 'GITHUB_TOKEN') return undefined;
  return b.secrets.get(name.toUpperCase()) ?? '';
}

/** Caller text as an expression operand: its own expressions, or a quoted literal. */
function asExpression(value: string): string {
  const exprs = findExpressions(value);
  if (exprs.length === 0) return `'${value.replace(/'/g, "''")}'`;
  return `(${exprs.map((e) => e.body.trim()).join(') || (')})`;
}

export function substituteStep(step: Step, b: Bindings): Step {
  const sub = (v: string | undefined): string | undefined =>
    v === undefined ? undefined : substitute(v, b);
  const entries = (list: readonly Entry[]): Entry[] =>
    list.map((e) => ({ ...e, value: substitute(e.value, b) }));
  return {
    ...step,
    run: sub(step.run),
    if: sub(step.if),
    shell: sub(step.shell),
    workingDirectory: sub(step.workingDirectory),
    with: entries(step.with),
    env: entries(step.env),
  };
}
