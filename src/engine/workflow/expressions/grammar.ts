/**
 * The one grammar of GitHub expressions: a tokenizer and a recursive-descent parser that turn an
 * expression body (the text inside `${{ … }}`, or a whole unfenced `if:`) into a syntax tree that
 * keeps literal values and offsets. Evaluation (evaluate.ts), the context capability table
 * (contexts.ts) and the dataflow (dataflow.ts) all read this tree; nothing else parses
 * expressions. Text that does not parse yields undefined, and each caller decides what an
 * unparsable expression means for it (always the cautious reading).
 */
import { memoByText } from '../text-memo.js';

export type ExprNode =
  | {
      readonly kind: 'literal';
      readonly value: string | number | boolean | null;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly kind: 'context';
      /** Lower-case head and accessors; a non-literal index is `{ index: node }`. */
      readonly segments: readonly (string | { readonly index: ExprNode })[];
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly kind: 'call';
      readonly name: string;
      readonly args: readonly ExprNode[];
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly kind: 'access';
      readonly base: ExprNode;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly kind: 'not';
      readonly operand: ExprNode;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly kind: 'binary';
      readonly op: string;
      readonly left: ExprNode;
      readonly right: ExprNode;
      readonly start: number;
      readonly end: number;
    };

interface Token {
  readonly type: 'ident' | 'string' | 'number' | 'op' | 'punct';
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

const TOKEN =
  /\s*(?:('(?:[^']|'')*')|(-?(?:0x[0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?))|([A-Za-z_][A-Za-z0-9_-]*)|(==|!=|<=|>=|&&|\|\||[<>!])|([.()[\],*]))/y;

function tokenize(body: string): Token[] | undefined {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < body.length) {
    const from = TOKEN.lastIndex;
    const m = TOKEN.exec(body);
    if (!m || m.index !== from) {
      if (/^\s*$/.test(body.slice(from))) break;
      return undefined;
    }
    const value = m[0].trimStart();
    const start = m.index + m[0].length - value.length;
    const end = start + value.length;
    const type =
      m[1] !== undefined
        ? 'string'
        : m[2] !== undefined
          ? 'number'
          : m[3] !== undefined
            ? 'ident'
            : m[4] !== undefined
              ? 'op'
              : 'punct';
    tokens.push({ type, value, start, end });
  }
  return tokens;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  parse(): ExprNode | undefined {
    const node = this.or();
    return this.i === this.tokens.length ? node : undefined;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private take(value?: string): Token | undefined {
    const t = this.tokens[this.i];
    if (!t || (value !== undefined && t.value !== value)) return undefined;
    this.i++;
    return t;
  }

  private binary(next: () => ExprNode | undefined, ops: readonly string[]): ExprNode | undefined {
    let left = next();
    while (left) {
      const t = this.peek();
      if (!t || t.type !== 'op' || !ops.includes(t.value)) break;
      this.i++;
      const right = next();
      if (!right) return undefined;
      left = { kind: 'binary', op: t.value, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private or = (): ExprNode | undefined => this.binary(this.and, ['||']);
  private and = (): ExprNode | undefined => this.binary(this.equality, ['&&']);
  private equality = (): ExprNode | undefined => this.binary(this.comparison, ['==', '!=']);
  private comparison = (): ExprNode | undefined => this.binary(this.unary, ['<', '<=', '>', '>=']);

  private unary = (): ExprNode | undefined => {
    const bang = this.take('!');
    if (bang) {
      const operand = this.unary();
      return operand && { kind: 'not', operand, start: bang.start, end: operand.end };
    }
    return this.postfix();
  };

  private postfix(): ExprNode | undefined {
    const t = this.take();
    if (!t) return undefined;
    let node: ExprNode | undefined;
    if (t.type === 'string') {
      node = {
        kind: 'literal',
        value: t.value.slice(1, -1).replace(/''/g, "'"),
        start: t.start,
        end: t.end,
      };
    } else if (t.type === 'number') {
      node = { kind: 'literal', value: Number(t.value), start: t.start, end: t.end };
    } else if (t.value === '(') {
      node = this.or();
      if (!node || !this.take(')')) return undefined;
    } else if (t.type === 'ident') {
      const lower = t.value.toLowerCase();
      if (lower === 'true' || lower === 'false' || lower === 'null') {
        const value = lower === 'null' ? null : lower === 'true';
        node = { kind: 'literal', value, start: t.start, end: t.end };
      } else if (this.peek()?.value === '(') {
        this.i++;
        const args: ExprNode[] = [];
        let close = this.take(')');
        while (!close) {
          const arg = this.or();
          if (!arg) return undefined;
          args.push(arg);
          close = this.take(')');
          if (!close && !this.take(',')) return undefined;
        }
        node = { kind: 'call', name: lower, args, start: t.start, end: close.end };
      } else {
        return this.contextPath(t, lower);
      }
    } else {
      return undefined;
    }
    while (this.peek()?.value === '.' || this.peek()?.value === '[') {
      const end = this.accessor([]);
      if (end === undefined) return undefined;
      node = { kind: 'access', base: node, start: node.start, end };
    }
    return node;
  }

  private contextPath(head: Token, lower: string): ExprNode | undefined {
    const segments: (string | { index: ExprNode })[] = [lower];
    let end = head.end;
    while (this.peek()?.value === '.' || this.peek()?.value === '[') {
      const e = this.accessor(segments);
      if (e === undefined) return undefined;
      end = e;
    }
    return { kind: 'context', segments, start: head.start, end };
  }

  /** One `.name`, `.*` or `[expr]`, appended to `segments`; returns its end offset. */
  private accessor(segments: (string | { index: ExprNode })[]): number | undefined {
    if (this.take('.')) {
      const name = this.take();
      if (!name || (name.type !== 'ident' && name.value !== '*')) return undefined;
      segments.push(name.value.toLowerCase());
      return name.end;
    }
    if (!this.take('[')) return undefined;
    if (this.take('*')) segments.push('*');
    else {
      const index = this.or();
      if (!index) return undefined;
      segments.push(
        index.kind === 'literal' && typeof index.value === 'string'
          ? index.value.toLowerCase()
          : { index },
      );
    }
    return this.take(']')?.end;
  }
}

/**
 * The syntax tree of one expression body, or undefined when it does not parse. Parsed once
 * per distinct body (text-memo.ts): the rules and the `if:` evaluation of every trigger ask
 * for the same bodies again and again; the tree is read-only data, shared.
 */
export const parseExpression: (body: string) => ExprNode | undefined = memoByText((body) => {
  const tokens = tokenize(body);
  if (!tokens || tokens.length === 0) return undefined;
  return new Parser(tokens).parse();
}, 4096);

/** Visits every node with its ancestors (nearest last). */
export function visit(
  node: ExprNode,
  fn: (node: ExprNode, ancestors: readonly ExprNode[]) => void,
  ancestors: ExprNode[] = [],
): void {
  fn(node, ancestors);
  const down = (child: ExprNode): void => {
    ancestors.push(node);
    visit(child, fn, ancestors);
    ancestors.pop();
  };
  switch (node.kind) {
    case 'literal':
      return;
    case 'context':
      for (const s of node.segments) if (typeof s !== 'string') down(s.index);
      return;
    case 'call':
      node.args.forEach(down);
      return;
    case 'access':
      down(node.base);
      return;
    case 'not':
      down(node.operand);
      return;
    case 'binary':
      down(node.left);
      down(node.right);
      return;
  }
}

/** `a.b.c` of a context whose segments are all names, else undefined. */
export function contextName(node: ExprNode): string | undefined {
  if (node.kind !== 'context') return undefined;
  if (!node.segments.every((s) => typeof s === 'string')) return undefined;
  return node.segments.join('.');
}

/** Masks the contents of `'…'` string literals with spaces (offsets are kept). */
export function maskStrings(body: string): string {
  return body.replace(/'(?:[^']|'')*'/g, (s) => `'${' '.repeat(Math.max(0, s.length - 2))}'`);
}
