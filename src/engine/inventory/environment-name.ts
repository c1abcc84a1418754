/**
 * The names a job's `environment:` can take for the run being decided. A literal name is
 * itself; a computed one (`${{ github.ref == 'refs/heads/main' && 'release' || '' }}`) is the
 * set of values its expression can yield — each `&&` / `||` operand that can be returned,
 * conditions evaluated against the event and ref (workflow/condition.ts) — or undefined when
 * any part comes from data the gate cannot know (an input, a variable, a step output). An
 * empty value means the job runs without an environment. Undefined is read as before:
 * possibly production (fail closed).
 */
import { conditionValue, type ConditionFacts } from '../workflow/condition.js';
import { evaluateExpression } from '../workflow/expressions/evaluate.js';
import { findExpressions, hasExpression } from '../workflow/expressions/fences.js';
import { parseExpression, type ExprNode } from '../workflow/expressions/grammar.js';
import { toText, truthOf, type Scalar } from '../workflow/expressions/values.js';

/** A template with more combinations than this is "unknown" (real names have one or two). */
const MAX_NAMES = 32;

/** Operators and functions whose result is a boolean whatever their operands. */
const BOOLEAN_OPS = new Set(['==', '!=', '<', '<=', '>', '>=']);
const BOOLEAN_CALLS = new Set([
  'startswith',
  'endswith',
  'contains',
  'always',
  'success',
  'failure',
  'cancelled',
]);

/**
 * Every name the environment can have for this run ('' = no environment), sorted; a literal
 * name is itself; undefined when the expression reads data the gate cannot know.
 */
export function environmentNames(
  name: string,
  facts: ConditionFacts,
): readonly string[] | undefined {
  if (!hasExpression(name)) return [name];
  let names: string[] = [''];
  let rest = 0;
  for (const { body, offset } of findExpressions(name)) {
    const tree = parseExpression(body);
    const values = tree && possibleValues(tree, facts);
    if (!values) return undefined;
    const texts = [...new Set([...values].map(nameText))];
    const prefix = name.slice(rest, offset);
    names = names.flatMap((n) => texts.map((t) => n + prefix + t));
    if (names.length > MAX_NAMES) return undefined;
    rest = offset + body.length + 5; // `${{` + body + `}}`
  }
  const tail = name.slice(rest);
  return [...new Set(names.map((n) => (n + tail).trim()))].sort();
}

/** GitHub names no environment for an empty or null value. */
function nameText(v: Scalar): string {
  return v === null || v === false ? '' : toText(v);
}

function possibleValues(node: ExprNode, facts: ConditionFacts): Set<Scalar> | undefined {
  const resolve = (path: readonly string[]) => conditionValue(path, facts);
  if (node.kind === 'literal') return new Set([node.value]);
  if (node.kind === 'binary' && (node.op === '||' || node.op === '&&')) {
    const left = possibleValues(node.left, facts);
    // `a || b` returns a when it is truthy, else b; `a && b` returns a when it is falsy, else b.
    const keep = (v: Scalar) => (node.op === '||' ? isTruthy(v) : !isTruthy(v));
    if (!left) {
      const t = truthOf(evaluateExpression(node.left, resolve));
      if (t === undefined || (node.op === '||') === t) return undefined;
      return possibleValues(node.right, facts);
    }
    const out = new Set([...left].filter(keep));
    if ([...left].some((v) => !keep(v))) {
      const right = possibleValues(node.right, facts);
      if (!right) return undefined;
      for (const v of right) out.add(v);
    }
    return out;
  }
  const value = evaluateExpression(node, resolve);
  if (value.k === 'known') return new Set([value.v]);
  const boolean =
    node.kind === 'not' ||
    (node.kind === 'binary' && BOOLEAN_OPS.has(node.op)) ||
    (node.kind === 'call' && BOOLEAN_CALLS.has(node.name));
  return boolean ? new Set([true, false]) : undefined;
}

function isTruthy(v: Scalar): boolean {
  return truthOf({ k: 'known', v }) === true;
}
