/**
 * Evaluation of an expression's syntax tree (grammar.ts) to what is known of its value
 * (values.ts), GitHub's rules applied: literals are known, `&&` / `||` return an operand,
 * equality ignores case, the modelled functions compute. A context's value comes from the
 * caller's resolver (lower-cased path); a path through `.*`, a non-string index or a computed
 * value is unknown.
 */
import type { ExprNode } from './grammar.js';
import {
  UNKNOWN,
  callFunction,
  compare,
  equals,
  fromTruth,
  known,
  truthOf,
  type Value,
} from './values.js';

/** The value of a context path (lower-case segments), as far as the caller knows it. */
export type ContextResolver = (path: readonly string[]) => Value;

export function evaluateExpression(node: ExprNode, resolve: ContextResolver): Value {
  const go = (n: ExprNode): Value => evaluateExpression(n, resolve);
  switch (node.kind) {
    case 'literal':
      return known(node.value);
    case 'context':
      return contextValue(node.segments, resolve);
    case 'access':
      // A member of a computed value (`fromJSON(x).y`, `(a || b).c`) is not modelled.
      return UNKNOWN;
    case 'call':
      return callFunction(node.name, node.args.map(go));
    case 'not': {
      const t = truthOf(go(node.operand));
      return fromTruth(t === undefined ? undefined : !t);
    }
    case 'binary':
      return binary(node.op, go(node.left), go(node.right));
  }
}

function binary(op: string, left: Value, right: Value): Value {
  switch (op) {
    case '||': {
      const t = truthOf(left);
      if (t === true) return left;
      if (t === false) return right;
      return truthOf(right) === true ? { k: 'unknown', truth: true } : UNKNOWN;
    }
    case '&&': {
      const t = truthOf(left);
      if (t === false) return left;
      if (t === true) return right;
      return truthOf(right) === false ? { k: 'unknown', truth: false } : UNKNOWN;
    }
    case '==':
    case '!=': {
      const eq = equals(left, right);
      return fromTruth(eq === undefined ? undefined : op === '==' ? eq : !eq);
    }
    default:
      return compare(op, left, right);
  }
}

/** A context path: resolved when every segment is a known name, else unknown. */
function contextValue(
  segments: Extract<ExprNode, { kind: 'context' }>['segments'],
  resolve: ContextResolver,
): Value {
  const path: string[] = [];
  for (const segment of segments) {
    let name: string | undefined;
    if (typeof segment === 'string') name = segment === '*' ? undefined : segment;
    else {
      const index = evaluateExpression(segment.index, resolve);
      name = index.k === 'known' && typeof index.v === 'string' ? index.v.toLowerCase() : undefined;
    }
    if (name === undefined) return UNKNOWN;
    path.push(name);
  }
  return resolve(path);
}
