/**
 * Shared helpers of the permission / secret / condition rules: every expression of a job
 * (fenced `${{ … }}` values and unfenced `if:` conditions) with the YAML path of its scalar,
 * and a small GitHub-expression parser that keeps literal values and offsets, so a rule can
 * ask "is `github.actor == 'x[bot]'` the whole condition?" or "is `secrets` indexed by a
 * non-literal?" on a syntax tree rather than on text.
 */
import { findExpressions } from '../../workflow/expressions.js';
import type { YamlPath } from '../../workflow/source.js';

/** One expression body and where it is: `offset` is the body's offset in the scalar. */
export interface ExpressionSite {
  readonly path: YamlPath;
  readonly body: string;
  readonly offset: number;
  /** The scalar is an `if:` condition (job or step). */
  readonly condition: boolean;
}

const MAX_DEPTH = 64;

/** Every string scalar under `data` (the plain-data form of the YAML node at `path`). */
export function walkStrings(
  data: unknown,
  path: YamlPath,
  out: { path: YamlPath; value: string }[] = [],
  depth = 0,
): { path: YamlPath; value: string }[] {
  if (depth > MAX_DEPTH) return out;
  if (typeof data === 'string') out.push({ path, value: data });
  else if (Array.isArray(data))
    data.forEach((v, i) => walkStrings(v, [...path, i], out, depth + 1));
  else if (data !== null && typeof data === 'object') {
    for (const [k, v] of Object.entries(data as Record<string, unknown>))
      walkStrings(v, [...path, k], out, depth + 1);
  }
  return out;
}

/** The plain data at `path` in the workflow's document (aliases resolved). */
export function dataAt(root: unknown, path: YamlPath): unknown {
  let node = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

const isConditionPath = (path: YamlPath, base: YamlPath): boolean => {
  const rel = path.slice(base.length);
  // `jobs.<id>.if` relative to the job, `steps.<n>.if` relative to the job.
  return (
    (rel.length === 1 && rel[0] === 'if') ||
    (rel.length === 3 && rel[0] === 'steps' && typeof rel[1] === 'number' && rel[2] === 'if')
  );
};

/**
 * Every expression in the data at `base` (a job, or the workflow minus its jobs): the
 * fenced `${{ … }}` of each string value, and the whole text of an unfenced `if:`.
 */
export function expressionSites(
  data: unknown,
  base: YamlPath,
  options: { skipKeys?: readonly string[] } = {},
): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  const strings =
    data !== null && typeof data === 'object' && !Array.isArray(data)
      ? Object.entries(data as Record<string, unknown>)
          .filter(([k]) => !(options.skipKeys ?? []).includes(k))
          .flatMap(([k, v]) => walkStrings(v, [...base, k]))
      : walkStrings(data, base);
  for (const { path, value } of strings) {
    const condition = isConditionPath(path, base);
    const fenced = findExpressions(value);
    if (condition && fenced.length === 0) {
      sites.push({ path, body: value, offset: 0, condition });
      continue;
    }
    for (const e of fenced) sites.push({ path, body: e.body, offset: e.offset + 3, condition });
  }
  return sites;
}

// ————————————————————————————————————————————————————— expression parser

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

/** The syntax tree of one expression body, or undefined when it does not parse. */
export function parseExpression(body: string): ExprNode | undefined {
  const tokens = tokenize(body);
  if (!tokens || tokens.length === 0) return undefined;
  return new Parser(tokens).parse();
}

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

/**
 * The expressions a rule run for `jobId` owns: those of the job (`scope: job`) and those
 * of the workflow outside `jobs:` (`scope: workflow`, identical for every job).
 */
export function ownedExpressionSites(
  root: unknown,
  jobId: string,
): { site: ExpressionSite; scope: 'workflow' | 'job' }[] {
  const jobPath: YamlPath = ['jobs', jobId];
  return [
    ...expressionSites(root, [], { skipKeys: ['jobs'] }).map((site) => ({
      site,
      scope: 'workflow' as const,
    })),
    ...expressionSites(dataAt(root, jobPath), jobPath).map((site) => ({
      site,
      scope: 'job' as const,
    })),
  ];
}

/** Masks the contents of `'…'` string literals with spaces (offsets are kept). */
export function maskStrings(body: string): string {
  return body.replace(/'(?:[^']|'')*'/g, (s) => `'${' '.repeat(Math.max(0, s.length - 2))}'`);
}

/** `jobs.build.steps.1.env.X` → "step 2 of job `build` (`env.X`)", for messages. */
export function describePath(path: YamlPath): string {
  if (path[0] !== 'jobs' || path.length < 2) return `\`${path.join('.')}\``;
  const job = `job \`${String(path[1])}\``;
  if (path[2] === 'steps' && typeof path[3] === 'number') {
    const rest = path.slice(4).join('.');
    return `step ${path[3] + 1} of ${job}${rest ? ` (\`${rest}\`)` : ''}`;
  }
  const rest = path.slice(2).join('.');
  return `${job}${rest ? ` (\`${rest}\`)` : ''}`;
}
