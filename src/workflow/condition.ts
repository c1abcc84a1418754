/**
 * Static evaluation of `if:` conditions for the run being decided: can this job or step run
 * at all for this event, ref and actor? Only a condition that is *certainly false* for every
 * run of that event says "never"; anything the evaluator does not know (step outputs, matrix,
 * vars, a function it does not model, text it cannot parse) is "may run" — never a reason to
 * drop a path.
 *
 * Values follow GitHub's expression rules: string comparison ignores case, `&&` / `||` return
 * an operand, mixed types compare as numbers. A value is known, a string known only by its
 * prefix (`github.ref` of a pull request starts with `refs/pull/`), or unknown (perhaps with a
 * known truthiness).
 */

/** What is known about a string context value. */
export type StringFact = { readonly exact: string } | { readonly prefix: string } | undefined;

export interface ConditionFacts {
  /** `github.event_name`; undefined = unknown. */
  readonly event: string | undefined;
  readonly ref: StringFact;
  readonly refName: StringFact;
  readonly baseRef: StringFact;
  readonly headRef: StringFact;
  readonly actor: string | undefined;
  readonly triggeringActor: string | undefined;
  readonly repository: string | undefined;
  /** The event carries no `pull_request` object (github.event.pull_request.* is null). */
  readonly noPullRequest: boolean;
}

export type ConditionResult =
  { readonly mayRun: true } | { readonly mayRun: false; readonly reason: string };

import {
  UNKNOWN,
  callFunction,
  compare,
  equals,
  fromTruth,
  known,
  toNumber,
  truthOf,
} from './condition-values.js';
import type { Value } from './condition-values.js';

export function evaluateCondition(
  text: string | undefined,
  facts: ConditionFacts,
): ConditionResult {
  if (text === undefined) return { mayRun: true };
  const body = expressionBody(text);
  if (body === undefined) return { mayRun: true };
  let value: Value;
  try {
    const parser = new Parser(tokenize(body), facts);
    value = parser.parseAll();
  } catch {
    return { mayRun: true };
  }
  if (truthOf(value) === false)
    return {
      mayRun: false,
      reason: `\`if: ${oneLine(text)}\` is false for ${describeFacts(facts)}`,
    };
  return { mayRun: true };
}

/** The expression of an `if:` (with or without `${{ }}`); undefined when it is a template. */
function expressionBody(text: string): string | undefined {
  const t = text.trim();
  const whole = /^\$\{\{([\s\S]*)\}\}$/.exec(t);
  if (whole) return whole[1]?.includes('${{') || whole[1]?.includes('}}') ? undefined : whole[1];
  // Text around an expression is a string template: always a non-empty (true) string.
  return t.includes('${{') ? undefined : t;
}

function oneLine(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 120 ? `${t.slice(0, 117)}…` : t;
}

function describeFacts(f: ConditionFacts): string {
  const parts = [`event ${f.event ?? 'unknown'}`];
  if (f.ref && 'exact' in f.ref) parts.push(`ref ${f.ref.exact}`);
  else if (f.ref) parts.push(`ref ${f.ref.prefix}…`);
  return parts.join(', ');
}

// ---------------------------------------------------------------------------------------------
// Tokens and parser

type Token =
  | { readonly t: 'str'; readonly v: string }
  | { readonly t: 'num'; readonly v: number }
  | { readonly t: 'id'; readonly v: string }
  | { readonly t: 'op'; readonly v: string };

const OPS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', ',', '.', '*'];

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated string');
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += text[i];
        i++;
      }
      out.push({ t: 'str', v: s });
      continue;
    }
    const num = /^(?:0x[0-9a-f]+|[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)/i.exec(text.slice(i));
    if (num && /[\d.]/.test(c)) {
      out.push({ t: 'num', v: toNumber(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (!op) throw new Error(`unexpected ${c}`);
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  return out;
}

/** A value, or a context path still being resolved (`github.event.pull_request`). */
interface Operand {
  readonly value: Value;
  readonly path?: readonly string[];
}

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly facts: ConditionFacts,
  ) {}

  parseAll(): Value {
    const v = this.or();
    if (this.i < this.tokens.length) throw new Error('trailing tokens');
    return v;
  }

  private peekOp(...ops: string[]): string | undefined {
    const t = this.tokens[this.i];
    return t?.t === 'op' && ops.includes(t.v) ? t.v : undefined;
  }

  private expect(op: string): void {
    if (!this.peekOp(op)) throw new Error(`expected ${op}`);
    this.i++;
  }

  private or(): Value {
    let left = this.and();
    while (this.peekOp('||')) {
      this.i++;
      const right = this.and();
      const t = truthOf(left);
      if (t === true) continue;
      if (t === false) left = right;
      else left = truthOf(right) === true ? { k: 'unknown', truth: true } : UNKNOWN;
    }
    return left;
  }

  private and(): Value {
    let left = this.equality();
    while (this.peekOp('&&')) {
      this.i++;
      const right = this.equality();
      const t = truthOf(left);
      if (t === false) continue;
      if (t === true) left = right;
      else left = truthOf(right) === false ? { k: 'unknown', truth: false } : UNKNOWN;
    }
    return left;
  }

  private equality(): Value {
    let left = this.comparison();
    for (let op = this.peekOp('==', '!='); op; op = this.peekOp('==', '!=')) {
      this.i++;
      const right = this.comparison();
      const eq = equals(left, right);
      left = fromTruth(eq === undefined ? undefined : op === '==' ? eq : !eq);
    }
    return left;
  }

  private comparison(): Value {
    let left = this.unary();
    for (let op = this.peekOp('<', '<=', '>', '>='); op; op = this.peekOp('<', '<=', '>', '>=')) {
      this.i++;
      left = compare(op, left, this.unary());
    }
    return left;
  }

  private unary(): Value {
    if (this.peekOp('!')) {
      this.i++;
      const t = truthOf(this.unary());
      return fromTruth(t === undefined ? undefined : !t);
    }
    return this.postfix().value;
  }

  private postfix(): Operand {
    let operand = this.primary();
    for (;;) {
      if (this.peekOp('.')) {
        this.i++;
        const next = this.tokens[this.i];
        this.i++;
        if (next?.t === 'id') operand = this.member(operand, next.v);
        else if (next?.t === 'op' && next.v === '*') operand = { value: UNKNOWN };
        else throw new Error('expected a property name');
      } else if (this.peekOp('[')) {
        this.i++;
        const index = this.or();
        this.expect(']');
        operand =
          index.k === 'known' && typeof index.v === 'string'
            ? this.member(operand, index.v)
            : { value: UNKNOWN };
      } else return operand;
    }
  }

  private member(operand: Operand, name: string): Operand {
    if (!operand.path) return { value: UNKNOWN };
    const path = [...operand.path, name.toLowerCase()];
    return { value: this.resolve(path), path };
  }

  private primary(): Operand {
    const t = this.tokens[this.i];
    if (!t) throw new Error('unexpected end');
    this.i++;
    if (t.t === 'str' || t.t === 'num') return { value: known(t.v) };
    if (t.t === 'op') {
      if (t.v !== '(') throw new Error(`unexpected ${t.v}`);
      const v = this.or();
      this.expect(')');
      return { value: v };
    }
    const name = t.v.toLowerCase();
    if (name === 'true' || name === 'false') return { value: known(name === 'true') };
    if (name === 'null') return { value: known(null) };
    if (this.peekOp('(')) {
      this.i++;
      const args: Value[] = [];
      if (!this.peekOp(')')) {
        args.push(this.or());
        while (this.peekOp(',')) {
          this.i++;
          args.push(this.or());
        }
      }
      this.expect(')');
      return { value: callFunction(name, args) };
    }
    return { value: this.resolve([name]), path: [name] };
  }

  /** A context path's value for this run (lower-cased path). */
  private resolve(path: readonly string[]): Value {
    const f = this.facts;
    if (path[0] !== 'github') return UNKNOWN;
    const key = path.slice(1).join('.');
    const fact = (s: StringFact): Value =>
      s === undefined ? UNKNOWN : 'exact' in s ? known(s.exact) : { k: 'prefix', p: s.prefix };
    switch (key) {
      case 'event_name':
        return f.event === undefined ? UNKNOWN : known(f.event);
      case 'ref':
        return fact(f.ref);
      case 'ref_name':
        return fact(f.refName);
      case 'base_ref':
        return fact(f.baseRef);
      case 'head_ref':
        return fact(f.headRef);
      case 'actor':
        return f.actor === undefined ? UNKNOWN : known(f.actor);
      case 'triggering_actor':
        return f.triggeringActor === undefined ? UNKNOWN : known(f.triggeringActor);
      case 'repository':
        return f.repository === undefined ? UNKNOWN : known(f.repository);
    }
    if (f.noPullRequest && path[1] === 'event' && path[2] === 'pull_request') return known(null);
    return UNKNOWN;
  }
}
