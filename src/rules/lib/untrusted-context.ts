/**
 * Which GitHub expression contexts an outsider can control, and which of them flow into the
 * value of a `${{ }}` expression. Pure and data-driven: the capability table below is the
 * only knowledge; `taintedContexts` parses each expression and follows the dataflow rules
 * (toJSON / format / join / fromJSON propagate; `a && b` yields b; `a || b` yields either;
 * comparisons, `!` and every other call yield booleans or fixed values and stop the flow).
 *
 * Capabilities:
 * - `arbitrary`: free text an outsider can set (titles, bodies, branch names, commit messages);
 * - `structured`: shaped text that may still carry shell syntax, or whose content is unknown
 *   (refs without spaces, e-mail addresses, URLs a user typed, step outputs);
 * - `fixed`: values nobody outside can shape (SHAs, ids, numbers, logins, repository names
 *   set by GitHub, runner paths, secrets).
 */
import type { MatrixLookup } from '../../workflow/value-sources.js';

export type Capability = 'arbitrary' | 'structured' | 'fixed';

/**
 * The capability table: context patterns → capability, checked in order (first match wins).
 * Patterns are lower-case dotted paths; `*` matches one segment, `**` any number (≥ 0).
 */
export const CONTEXT_CAPABILITIES: readonly (readonly [pattern: string, capability: Capability])[] =
  [
    // — secrets, variables and run state: never outsider-controlled
    ['secrets.**', 'fixed'],
    ['vars.**', 'fixed'],
    ['runner.**', 'fixed'],
    ['job.**', 'fixed'],
    ['strategy.**', 'fixed'],
    ['steps.*.outcome', 'fixed'],
    ['steps.*.conclusion', 'fixed'],
    ['needs.*.result', 'fixed'],
    // Step and job outputs: content unknown here, often derived from event text.
    ['steps.*.outputs.**', 'structured'],
    ['needs.*.outputs.**', 'structured'],
    ['jobs.*.outputs.**', 'structured'],
    ['jobs.*.result', 'fixed'],
    // Inputs: typed by the caller (see `inputCapability`); untyped = free text.
    ['inputs.**', 'arbitrary'],
    ['github.event.inputs.**', 'arbitrary'],
    // repository_dispatch payloads are whatever the sender posts.
    ['github.event.client_payload.**', 'arbitrary'],

    // — the `github` context outside the event payload
    ['github.head_ref', 'arbitrary'],
    // Branch and tag names: no spaces, but `$(…)`, `;`, `|` and `${IFS}` are legal.
    ['github.ref', 'structured'],
    ['github.ref_name', 'structured'],
    ['github.base_ref', 'structured'],
    ['github.actor', 'fixed'],
    ['github.triggering_actor', 'fixed'],
    ['github.actor_id', 'fixed'],
    ['github.repository', 'fixed'],
    ['github.repository_id', 'fixed'],
    ['github.repository_owner', 'fixed'],
    ['github.repository_owner_id', 'fixed'],
    ['github.repositoryurl', 'fixed'],
    ['github.workspace', 'fixed'],
    ['github.sha', 'fixed'],
    ['github.token', 'fixed'],
    ['github.job', 'fixed'],
    ['github.run_id', 'fixed'],
    ['github.run_number', 'fixed'],
    ['github.run_attempt', 'fixed'],
    ['github.retention_days', 'fixed'],
    ['github.event_name', 'fixed'],
    ['github.event_path', 'fixed'],
    ['github.env', 'fixed'],
    ['github.path', 'fixed'],
    ['github.output', 'fixed'],
    ['github.state', 'fixed'],
    ['github.step_summary', 'fixed'],
    ['github.action', 'fixed'],
    ['github.action_path', 'fixed'],
    ['github.action_ref', 'fixed'],
    ['github.action_repository', 'fixed'],
    ['github.action_status', 'fixed'],
    ['github.ref_type', 'fixed'],
    ['github.ref_protected', 'fixed'],
    ['github.server_url', 'fixed'],
    ['github.api_url', 'fixed'],
    ['github.graphql_url', 'fixed'],
    ['github.workflow', 'fixed'],
    ['github.workflow_ref', 'fixed'],
    ['github.workflow_sha', 'fixed'],
    ['github.job_workflow_sha', 'fixed'],
    ['github.secret_source', 'fixed'],
    ['github.event.action', 'fixed'],
    ['github.event.number', 'fixed'],
    ['github.event.after', 'fixed'],
    ['github.event.before', 'fixed'],
    ['github.event.forced', 'fixed'],
    ['github.event.created', 'fixed'],
    ['github.event.deleted', 'fixed'],
    ['github.event.ref_type', 'fixed'],
    ['github.event.master_branch', 'structured'],
    // This repository, its owner and the app installation: set by the maintainers.
    ['github.event.repository.**', 'fixed'],
    ['github.event.organization.**', 'fixed'],
    ['github.event.enterprise.**', 'fixed'],
    ['github.event.installation.**', 'fixed'],
    // An issue's `pull_request` object holds only URLs and `merged_at`.
    ['github.event.issue.pull_request.**', 'fixed'],

    // — event payload: free text an outsider writes
    ['github.event.issue.title', 'arbitrary'],
    ['github.event.issue.body', 'arbitrary'],
    ['github.event.pull_request.title', 'arbitrary'],
    ['github.event.pull_request.body', 'arbitrary'],
    ['github.event.pull_request.head.ref', 'arbitrary'],
    ['github.event.pull_request.head.label', 'arbitrary'],
    ['github.event.pull_request.head.repo.default_branch', 'arbitrary'],
    ['github.event.pull_request.head.repo.description', 'arbitrary'],
    ['github.event.pull_request.head.repo.homepage', 'structured'],
    ['github.event.pull_request.head.repo.name', 'structured'],
    ['github.event.pull_request.head.repo.full_name', 'structured'],
    ['github.event.pull_request.base.ref', 'structured'],
    ['github.event.pull_request.base.label', 'structured'],
    ['github.event.pull_request.base.repo.**', 'fixed'],
    ['github.event.comment.body', 'arbitrary'],
    ['github.event.review.body', 'arbitrary'],
    ['github.event.review_comment.body', 'arbitrary'],
    ['github.event.discussion.title', 'arbitrary'],
    ['github.event.discussion.body', 'arbitrary'],
    ['github.event.discussion.category.name', 'fixed'],
    ['github.event.pages.*.page_name', 'arbitrary'],
    ['github.event.pages.*.title', 'arbitrary'],
    ['github.event.pages.*.summary', 'arbitrary'],
    ['github.event.head_commit.message', 'arbitrary'],
    ['github.event.head_commit.author.name', 'arbitrary'],
    // Git does not validate the e-mail of a commit: any text without `<>` or newline.
    ['github.event.head_commit.author.email', 'arbitrary'],
    ['github.event.head_commit.committer.name', 'arbitrary'],
    ['github.event.head_commit.committer.email', 'arbitrary'],
    ['github.event.commits.*.message', 'arbitrary'],
    ['github.event.commits.*.author.name', 'arbitrary'],
    ['github.event.commits.*.author.email', 'arbitrary'],
    ['github.event.commits.*.committer.name', 'arbitrary'],
    ['github.event.commits.*.committer.email', 'arbitrary'],
    ['github.event.commits.*.added.*', 'arbitrary'],
    ['github.event.commits.*.modified.*', 'arbitrary'],
    ['github.event.commits.*.removed.*', 'arbitrary'],
    ['github.event.workflow_run.head_branch', 'arbitrary'],
    ['github.event.workflow_run.display_title', 'arbitrary'],
    // The run's name comes from the workflow file of the head commit (a fork's, for PRs).
    ['github.event.workflow_run.name', 'arbitrary'],
    ['github.event.workflow_run.head_commit.message', 'arbitrary'],
    ['github.event.workflow_run.head_commit.author.name', 'arbitrary'],
    ['github.event.workflow_run.head_commit.author.email', 'arbitrary'],
    ['github.event.workflow_run.head_commit.committer.name', 'arbitrary'],
    ['github.event.workflow_run.head_commit.committer.email', 'arbitrary'],
    ['github.event.workflow_run.head_repository.description', 'arbitrary'],
    ['github.event.workflow_run.head_repository.name', 'structured'],
    ['github.event.workflow_run.head_repository.full_name', 'structured'],
    ['github.event.workflow_run.head_repository.owner.email', 'structured'],
    ['github.event.workflow_run.pull_requests.*.head.ref', 'arbitrary'],
    ['github.event.workflow_run.pull_requests.*.base.ref', 'structured'],
    ['github.event.workflow_run.path', 'structured'],
    ['github.event.workflow_job.head_branch', 'arbitrary'],
    ['github.event.workflow_job.workflow_name', 'arbitrary'],
    ['github.event.check_suite.head_branch', 'arbitrary'],
    ['github.event.check_suite.head_commit.message', 'arbitrary'],
    ['github.event.check_suite.head_commit.author.*', 'arbitrary'],
    ['github.event.check_suite.head_commit.committer.*', 'arbitrary'],
    ['github.event.check_suite.pull_requests.*.head.ref', 'arbitrary'],
    ['github.event.check_run.check_suite.head_branch', 'arbitrary'],
    ['github.event.check_run.pull_requests.*.head.ref', 'arbitrary'],
    ['github.event.check_run.output.**', 'arbitrary'],
    ['github.event.merge_group.head_commit.message', 'arbitrary'],
    ['github.event.merge_group.head_commit.author.*', 'arbitrary'],
    ['github.event.merge_group.head_commit.committer.*', 'arbitrary'],
    ['github.event.merge_group.head_ref', 'structured'],
    ['github.event.merge_group.base_ref', 'structured'],
    ['github.event.release.name', 'arbitrary'],
    ['github.event.release.body', 'arbitrary'],
    ['github.event.release.tag_name', 'structured'],
    ['github.event.release.target_commitish', 'structured'],
    ['github.event.milestone.title', 'arbitrary'],
    ['github.event.milestone.description', 'arbitrary'],
    ['github.event.project_card.note', 'arbitrary'],
    ['github.event.deployment.payload.**', 'arbitrary'],
    ['github.event.deployment.description', 'arbitrary'],
    ['github.event.deployment.ref', 'structured'],
    ['github.event.deployment.environment', 'structured'],
    ['github.event.deployment_status.description', 'arbitrary'],
    ['github.event.deployment_status.environment', 'structured'],
    ['github.event.forkee.description', 'arbitrary'],
    ['github.event.forkee.homepage', 'structured'],
    ['github.event.blocked_user.name', 'arbitrary'],
    ['github.event.blocked_user.email', 'structured'],
    ['github.event.ref', 'structured'],
    ['github.event.base_ref', 'structured'],
    ['github.event.compare', 'fixed'],

    // — labels (any triager can create one with any name)
    ['github.event.label.name', 'arbitrary'],
    ['github.event.label.description', 'arbitrary'],
    ['github.event.**.labels.*.name', 'arbitrary'],
    ['github.event.**.labels.*.description', 'arbitrary'],

    // — user and repository objects anywhere in the payload
    ['github.event.**.login', 'fixed'],
    ['github.event.**.user.name', 'arbitrary'],
    ['github.event.**.user.email', 'structured'],
    ['github.event.**.owner.name', 'arbitrary'],
    ['github.event.**.owner.email', 'structured'],
    ['github.event.**.repository.name', 'fixed'],
    ['github.event.**.repository.full_name', 'fixed'],
    ['github.event.**.repository.default_branch', 'fixed'],
    ['github.event.**.repository.description', 'arbitrary'],
    ['github.event.**.repository.homepage', 'structured'],
    ['github.event.**.repo.name', 'structured'],
    ['github.event.**.repo.full_name', 'structured'],
    ['github.event.**.repo.description', 'arbitrary'],

    // — leaf names that are fixed wherever they appear
    ['github.event.**.sha', 'fixed'],
    ['github.event.**.*_sha', 'fixed'],
    ['github.event.**.id', 'fixed'],
    ['github.event.**.*_id', 'fixed'],
    ['github.event.**.node_id', 'fixed'],
    ['github.event.**.number', 'fixed'],
    ['github.event.**.url', 'fixed'],
    ['github.event.**.*_url', 'fixed'],
    ['github.event.**.*_at', 'fixed'],
    ['github.event.**.state', 'fixed'],
    ['github.event.**.state_reason', 'fixed'],
    ['github.event.**.status', 'fixed'],
    ['github.event.**.conclusion', 'fixed'],
    ['github.event.**.event', 'fixed'],
    ['github.event.**.type', 'fixed'],
    ['github.event.**.author_association', 'fixed'],
    ['github.event.**.merged', 'fixed'],
    ['github.event.**.mergeable', 'fixed'],
    ['github.event.**.mergeable_state', 'fixed'],
    ['github.event.**.rebaseable', 'fixed'],
    ['github.event.**.draft', 'fixed'],
    ['github.event.**.prerelease', 'fixed'],
    ['github.event.**.locked', 'fixed'],
    ['github.event.**.fork', 'fixed'],
    ['github.event.**.private', 'fixed'],
    ['github.event.**.visibility', 'fixed'],
    ['github.event.**.site_admin', 'fixed'],
    ['github.event.**.color', 'fixed'],
    ['github.event.**.default', 'fixed'],
    ['github.event.**.comments', 'fixed'],
    ['github.event.pull_request.commits', 'fixed'],
    ['github.event.pull_request.review_comments', 'fixed'],
    ['github.event.**.additions', 'fixed'],
    ['github.event.**.deletions', 'fixed'],
    ['github.event.**.changed_files', 'fixed'],
    ['github.event.**.run_number', 'fixed'],
    ['github.event.**.run_attempt', 'fixed'],
    ['github.event.**.position', 'fixed'],
    ['github.event.**.line', 'fixed'],
    ['github.event.**.original_line', 'fixed'],
    ['github.event.**.start_line', 'fixed'],
    ['github.event.**.side', 'fixed'],
    ['github.event.**.timestamp', 'fixed'],
    ['github.event.**.tree_id', 'fixed'],
    ['github.event.**.distinct', 'fixed'],
    ['github.event.**.size', 'fixed'],
    ['github.event.**.count', 'fixed'],
    ['github.event.**.total_count', 'fixed'],

    // — leaf names that are free text wherever they appear
    ['github.event.**.title', 'arbitrary'],
    ['github.event.**.body', 'arbitrary'],
    ['github.event.**.message', 'arbitrary'],
    ['github.event.**.description', 'arbitrary'],
    ['github.event.**.head_branch', 'arbitrary'],
    ['github.event.**.head_ref', 'arbitrary'],
    ['github.event.**.label', 'arbitrary'],
    ['github.event.**.name', 'arbitrary'],
    ['github.event.**.note', 'arbitrary'],
    ['github.event.**.summary', 'arbitrary'],
    ['github.event.**.text', 'arbitrary'],
    ['github.event.**.diff_hunk', 'arbitrary'],
    ['github.event.**.path', 'arbitrary'],
    ['github.event.**.email', 'structured'],
    ['github.event.**.ref', 'structured'],
    ['github.event.**.homepage', 'structured'],
    ['github.event.**.blog', 'structured'],
  ];

interface CompiledPattern {
  readonly segments: readonly string[];
  readonly capability: Capability;
}

const COMPILED: readonly CompiledPattern[] = CONTEXT_CAPABILITIES.map(([p, capability]) => ({
  segments: p.split('.'),
  capability,
}));

/** One pattern segment against one context segment (`*` in the context = any index). */
function segmentMatches(pattern: string, segment: string): boolean {
  if (pattern === '*' || segment === '*') return true;
  if (pattern.startsWith('*_')) return segment.endsWith(pattern.slice(1));
  return pattern === segment;
}

/** Whole-path match; with `prefix`, `ctx` may be an object the pattern reaches into. */
function matches(pattern: readonly string[], ctx: readonly string[], prefix: boolean): boolean {
  const go = (pi: number, ci: number): boolean => {
    if (ci === ctx.length) {
      if (pi === pattern.length) return true;
      if (!prefix) return pattern.slice(pi).every((s) => s === '**');
      return true;
    }
    if (pi === pattern.length) return false;
    const p = pattern[pi] as string;
    if (p === '**') return go(pi + 1, ci) || go(pi, ci + 1);
    return segmentMatches(p, ctx[ci] as string) && go(pi + 1, ci + 1);
  };
  return go(0, 0);
}

const RANK: Record<Capability, number> = { fixed: 0, structured: 1, arbitrary: 2 };

/**
 * Splits a context path into lower-case segments: `a['b'].c[0]` → `a`, `b`, `c`, `*`.
 * Returns undefined when it is not a context path.
 */
export function normalizeContext(context: string): string[] | undefined {
  const segments: string[] = [];
  const re =
    /\s*(?:\.\s*([A-Za-z_*][A-Za-z0-9_-]*|\*)|\[\s*(?:'((?:[^']|'')*)'|"([^"]*)"|([^\]]*))\s*\])/y;
  const head = /^\s*([A-Za-z_][A-Za-z0-9_-]*)/.exec(context);
  if (!head) return undefined;
  segments.push((head[1] as string).toLowerCase());
  re.lastIndex = head[0].length;
  while (re.lastIndex < context.length) {
    const start = re.lastIndex;
    const m = re.exec(context);
    if (!m || m.index !== start) {
      if (/^\s*$/.test(context.slice(start))) break;
      return undefined;
    }
    const literal = m[1] ?? (m[2] !== undefined ? m[2].replace(/''/g, "'") : m[3]);
    segments.push(literal !== undefined ? literal.toLowerCase() : '*');
  }
  return segments;
}

/**
 * Capability of a context path such as `github.event.issue.title`, `github.head_ref`,
 * `inputs.x`. An object path (`github.event.issue`, `github.event`) has the worst capability
 * of what it contains, since `toJSON` of it carries those fields. Undefined = not known
 * (`matrix.*`, `env.*`, unknown payload fields).
 */
export function contextCapability(context: string): Capability | undefined {
  const segs = normalizeContext(context);
  if (!segs) return undefined;
  return capabilityOf(segs);
}

function capabilityOf(segs: readonly string[]): Capability | undefined {
  for (const p of COMPILED) if (matches(p.segments, segs, false)) return p.capability;
  // An object: the worst field any specific (non-`**`) pattern reaches inside it.
  if (segs[0] !== 'github') return undefined;
  let worst: Capability | undefined;
  for (const p of COMPILED) {
    if (p.segments.includes('**') || p.segments.length <= segs.length) continue;
    if (!matches(p.segments, segs, true)) continue;
    if (worst === undefined || RANK[p.capability] > RANK[worst]) worst = p.capability;
  }
  return worst;
}

/** Capability of a declared input by its type (`workflow_dispatch` / `workflow_call`). */
export function inputCapability(type: string | undefined): Capability {
  switch ((type ?? 'string').toLowerCase()) {
    case 'boolean':
    case 'number':
    case 'choice':
    case 'environment':
      return 'fixed';
    default:
      return 'arbitrary';
  }
}

// ————————————————————————————————————————————————————— expression parsing

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
}

type Node =
  | { readonly kind: 'literal' }
  | { readonly kind: 'context'; readonly text: string; readonly offset: number }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Node[] }
  | { readonly kind: 'access'; readonly base: Node }
  | { readonly kind: 'not'; readonly operand: Node }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Node; readonly right: Node };

interface Token {
  readonly type: 'ident' | 'string' | 'number' | 'op' | 'punct';
  readonly value: string;
  readonly offset: number;
  readonly end: number;
}

const TOKEN =
  /\s*(?:('(?:[^']|'')*')|(-?(?:0x[0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?))|([A-Za-z_][A-Za-z0-9_-]*)|(==|!=|<=|>=|&&|\|\||[<>!])|([.()[\],*]))/y;

function tokenize(body: string): Token[] | undefined {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < body.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(body);
    if (!m || m.index !== start) {
      if (/^\s*$/.test(body.slice(start))) break;
      return undefined;
    }
    const value = m[0].trimStart();
    const offset = m.index + m[0].length - value.length;
    const end = offset + value.length;
    if (m[1] !== undefined) tokens.push({ type: 'string', value, offset, end });
    else if (m[2] !== undefined) tokens.push({ type: 'number', value, offset, end });
    else if (m[3] !== undefined) tokens.push({ type: 'ident', value, offset, end });
    else if (m[4] !== undefined) tokens.push({ type: 'op', value, offset, end });
    else tokens.push({ type: 'punct', value, offset, end });
  }
  return tokens;
}

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly body: string,
  ) {}

  parse(): Node | undefined {
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

  private binary(next: () => Node | undefined, ops: readonly string[]): Node | undefined {
    let left = next();
    while (left) {
      const t = this.peek();
      if (!t || t.type !== 'op' || !ops.includes(t.value)) break;
      this.i++;
      const right = next();
      if (!right) return undefined;
      left = { kind: 'binary', op: t.value, left, right };
    }
    return left;
  }

  private or = (): Node | undefined => this.binary(this.and, ['||']);
  private and = (): Node | undefined => this.binary(this.equality, ['&&']);
  private equality = (): Node | undefined => this.binary(this.comparison, ['==', '!=']);
  private comparison = (): Node | undefined => this.binary(this.unary, ['<', '<=', '>', '>=']);

  private unary = (): Node | undefined => {
    if (this.take('!')) {
      const operand = this.unary();
      return operand && { kind: 'not', operand };
    }
    return this.postfix();
  };

  private postfix(): Node | undefined {
    const t = this.peek();
    if (!t) return undefined;
    let node: Node | undefined;
    if (t.type === 'string' || t.type === 'number') {
      this.i++;
      node = { kind: 'literal' };
    } else if (t.value === '(') {
      this.i++;
      node = this.or();
      if (!node || !this.take(')')) return undefined;
    } else if (t.type === 'ident') {
      this.i++;
      const lower = t.value.toLowerCase();
      if (lower === 'true' || lower === 'false' || lower === 'null') {
        node = { kind: 'literal' };
      } else if (this.peek()?.value === '(') {
        this.i++;
        const args: Node[] = [];
        if (!this.take(')')) {
          for (;;) {
            const arg = this.or();
            if (!arg) return undefined;
            args.push(arg);
            if (this.take(')')) break;
            if (!this.take(',')) return undefined;
          }
        }
        node = { kind: 'call', name: lower, args };
      } else {
        return this.contextPath(t);
      }
    } else {
      return undefined;
    }
    // Property access on a call or a parenthesised value: the value's contexts still flow.
    while (node && (this.peek()?.value === '.' || this.peek()?.value === '[')) {
      if (!this.skipAccessor()) return undefined;
      node = { kind: 'access', base: node };
    }
    return node;
  }

  /** `ident(.name|.*|[expr])*`, kept as the source text. */
  private contextPath(head: Token): Node | undefined {
    let end = head.end;
    while (this.peek()?.value === '.' || this.peek()?.value === '[') {
      const e = this.skipAccessor();
      if (e === undefined) return undefined;
      end = e;
    }
    return { kind: 'context', text: this.body.slice(head.offset, end), offset: head.offset };
  }

  /** One `.name`, `.*` or `[expr]`; returns the end offset. */
  private skipAccessor(): number | undefined {
    if (this.take('.')) {
      const name = this.take();
      if (!name || (name.type !== 'ident' && name.value !== '*')) return undefined;
      return name.end;
    }
    if (this.take('[')) {
      if (this.peek()?.value === '*') this.i++;
      else if (!this.or()) return undefined;
      return this.take(']')?.end;
    }
    return undefined;
  }
}

const PROPAGATING = new Set(['tojson', 'format', 'join', 'fromjson']);

/** Context nodes whose value can reach the expression's value. */
function flows(node: Node): { text: string; offset: number }[] {
  switch (node.kind) {
    case 'literal':
    case 'not':
      return [];
    case 'context':
      return [{ text: node.text, offset: node.offset }];
    case 'access':
      return flows(node.base);
    case 'call':
      return PROPAGATING.has(node.name) ? node.args.flatMap(flows) : [];
    case 'binary':
      if (node.op === '&&') return flows(node.right);
      if (node.op === '||') return [...flows(node.left), ...flows(node.right)];
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
  const tokens = tokenize(body);
  const tree = tokens && tokens.length > 0 ? new Parser(tokens, body).parse() : undefined;
  if (!tree) return tokens?.length === 0 ? [] : lexicalContexts(body);
  return flows(tree);
}

const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;

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
  for (const m of text.matchAll(EXPRESSION)) {
    const body = m[1] ?? '';
    const base = m.index + 3;
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
      const capability = classify(segs, options);
      if (capability === 'arbitrary' || capability === 'structured')
        refs.push({ context: segs.join('.'), capability, offset, text: f.text.trim() });
    }
  }
  return refs;
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
