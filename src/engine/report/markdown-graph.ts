/**
 * The action-control graph of the Markdown report (Mermaid): actor → job → agents →
 * credentials → targets, drawn one evaluated workflow at a time up to a size limit. Every
 * label passes through mermaidText.
 */
import type { Evaluation } from '../evaluate.js';
import type { ChainLink, JobInventory } from '../inventory/types.js';
import type { DecisionValue } from '../policy/types.js';
import { SEVERITY } from '../policy/types.js';
import type { Report } from './report.js';

/** Who started the run, for the graph; the BOM's actor when not given. */
export type GraphActor =
  { readonly login: string | undefined; readonly triggeredBy: string | undefined } | undefined;

// ---------------------------------------------------------------------------------------------
// The action-control graph: actor → job → agents → credentials → targets.

/** Mermaid's own limit on diagram text is 50 000 characters; stay well below it. */
export const MAX_GRAPH_CHARS = 40_000;
const MAX_LABEL = 80;
const CLASS_OF: Readonly<Record<DecisionValue, string>> = {
  allow: 'allow',
  'approval-required': 'approval',
  blocked: 'blocked',
};
const MERMAID_CHAR: Readonly<Record<string, string>> = {
  '<': '‹',
  '>': '›',
  '"': '″',
  '`': 'ˋ',
  '[': '(',
  ']': ')',
  '{': '(',
  '}': ')',
  '#': '＃',
  '&': '＆',
  ';': '；',
  '|': '¦',
  '\\': '⧵',
  '%': '％',
};

/**
 * Text for inside a quoted Mermaid label: one line, no quote, bracket, entity (`#…;`), HTML or
 * comment character left — each has a look-alike — and no control or format characters.
 */
export function mermaidText(text: string, max = MAX_LABEL): string {
  const clean = text
    .replace(/[\p{C}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/[<>"`[\]{}#&;|\\%]/g, (ch) => MERMAID_CHAR[ch] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...clean];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : clean;
}

class Graph {
  private readonly lines: string[] = [];
  private readonly nodes = new Map<string, string>();
  private readonly classes = new Map<string, DecisionValue>();
  private readonly edges = new Set<string>();

  /** The node for `key`, created with `label` the first time (ids are generated, never text). */
  node(key: string, label: string, shape: 'box' | 'round' | 'stadium' = 'box'): string {
    const known = this.nodes.get(key);
    if (known !== undefined) return known;
    const id = `n${this.nodes.size}`;
    this.nodes.set(key, id);
    const text = mermaidText(label);
    const [open, close] =
      shape === 'round' ? ['(', ')'] : shape === 'stadium' ? ['([', '])'] : ['[', ']'];
    this.lines.push(`  ${id}${open}"${text}"${close}`);
    return id;
  }

  edge(from: string, to: string, label?: string): void {
    const key = `${from}>${to}>${label ?? ''}`;
    if (this.edges.has(key)) return;
    this.edges.add(key);
    this.lines.push(
      label === undefined
        ? `  ${from} --> ${to}`
        : `  ${from} -->|"${mermaidText(label, 40)}"| ${to}`,
    );
  }

  /** Styles a node by decision, keeping the most severe one it is given. */
  mark(id: string, decision: DecisionValue): void {
    const had = this.classes.get(id);
    if (had === undefined || SEVERITY[decision] > SEVERITY[had]) this.classes.set(id, decision);
  }

  get size(): number {
    return this.nodes.size;
  }

  render(): string {
    const byClass = new Map<string, string[]>();
    for (const [id, decision] of this.classes) {
      const cls = CLASS_OF[decision];
      byClass.set(cls, [...(byClass.get(cls) ?? []), id]);
    }
    return [
      '```mermaid',
      'flowchart LR',
      '  classDef allow fill:#dafbe1,stroke:#1a7f37,color:#1f2328',
      '  classDef approval fill:#fff8c5,stroke:#9a6700,color:#1f2328',
      '  classDef blocked fill:#ffebe9,stroke:#cf222e,color:#1f2328,stroke-width:2px',
      ...this.lines,
      ...[...byClass].map(([cls, ids]) => `  class ${ids.join(',')} ${cls}`),
      '```',
    ].join('\n');
  }
}

/** Node budget: past it, further jobs are left out of the graph (a line says how many). */
const MAX_GRAPH_NODES = 200;

/**
 * The Mermaid flowchart of who can do what: the actor starts each decided job; the job runs its
 * agents; the agents (or the job, when none) hold its credentials; credentials reach targets
 * along the job's action paths (a path that needs attention but names no target is drawn as
 * its action class). Jobs, targets and actions are styled by decision. Undefined when there
 * is nothing to draw; a note instead of a graph when it would be too large to render.
 */
export function renderActionGraph(report: Report, actor?: GraphActor): string | undefined {
  const g = new ActionGraph(actor);
  for (const e of report.evaluations) g.add(e, report.evaluations.length > 1);
  return g.render();
}

/** The graph drawn one evaluation at a time; jobs past the size limit are only counted. */
export class ActionGraph {
  private readonly g = new Graph();
  private left = 0;

  constructor(private readonly actor: GraphActor) {}

  /** `scoped`: the report has several workflows, so nodes are keyed by the workflow too. */
  add(e: Evaluation, scoped: boolean): void {
    for (const verdict of e.decision.jobs) {
      if (this.g.size >= MAX_GRAPH_NODES) {
        this.left++;
        continue;
      }
      const inv = e.inventory.find((i) => i.job === verdict.job);
      drawJob(
        this.g,
        verdict,
        inv,
        actorLabel(this.actor, inv),
        scoped ? e.workflow.path : undefined,
      );
    }
  }

  render(): string | undefined {
    const { g, left } = this;
    if (g.size === 0) return undefined;
    const text = g.render();
    const more =
      left > 0 ? `\n\n${left} more job${left === 1 ? '' : 's'} not drawn (graph size limit).` : '';
    if (text.length > MAX_GRAPH_CHARS)
      return '_The action-control graph is too large to render here; the BOM in the evidence pack has every edge._';
    return `${text}${more}`;
  }
}

/**
 * The indirection a path was reached through — job → reusable workflow → job → step →
 * composite action → step → script → command — as nodes from the job to the path's target,
 * each labelled with its file:line. Nodes are keyed by their place in the file, so paths that
 * share a chain (every command of one script, every step of one composite) share its nodes.
 */
function drawChain(
  g: Graph,
  scope: string,
  jobId: string,
  chain: readonly ChainLink[] | undefined,
  targetId: string,
  label: string,
): void {
  if (chain === undefined || chain.length < 2) return;
  let from = jobId;
  for (const link of chain.slice(1)) {
    const where = `${link.at.path.split('/').pop() ?? ''}:${link.at.line}`;
    const name = link.name.startsWith(`${link.kind} `) ? link.name : `${link.kind} ${link.name}`;
    const id = g.node(
      `chain\0${scope}\0${link.kind}\0${link.at.path}:${link.at.line}:${link.at.column}`,
      `${name} · ${where}`,
    );
    g.edge(from, id);
    from = id;
  }
  g.edge(from, targetId, label);
}

function actorLabel(actor: GraphActor, inv: JobInventory | undefined): string {
  const login = actor?.login ?? inv?.actor;
  const by = actor?.triggeredBy;
  if (login === undefined) {
    const triggers = inv?.triggers ?? [];
    return `actor: unknown${triggers.length > 0 ? ` (${triggers.join(', ')})` : ''}`;
  }
  return `actor: ${login}${by !== undefined && by !== login ? ` (re-run by ${by})` : ''}`;
}

function drawJob(
  g: Graph,
  verdict: Report['evaluations'][number]['decision']['jobs'][number],
  inv: JobInventory | undefined,
  actor: string,
  workflow: string | undefined,
): void {
  const scope = `${verdict.workflow}\0${verdict.job}`;
  const actorId = g.node(`actor\0${actor}`, actor, 'round');
  const name = inv?.name !== undefined && inv.name !== verdict.job ? ` · ${inv.name}` : '';
  const jobId = g.node(
    `job\0${scope}`,
    `job ${verdict.job}${name}${workflow !== undefined ? ` (${workflow})` : ''}: ${verdict.decision}`,
  );
  g.mark(jobId, verdict.decision);
  g.edge(actorId, jobId, inv?.triggers.join(', ') || undefined);

  const holders: string[] = [];
  for (const agent of inv?.agents ?? []) {
    const flags = [
      agent.mode,
      agent.unrestrictedShell ? 'unrestricted shell' : undefined,
      agent.permissionsBypassed ? 'permissions bypassed' : undefined,
    ].filter((f): f is string => f !== undefined);
    const id = g.node(
      `agent\0${scope}\0${agent.id}\0${agent.step ?? ''}`,
      `agent ${agent.id}${flags.length > 0 ? ` (${flags.join(', ')})` : ''}`,
      'stadium',
    );
    g.edge(jobId, id);
    holders.push(id);
  }
  if (holders.length === 0) holders.push(jobId);

  const credentialIds = new Map<string, string>();
  for (const c of inv?.credentials ?? []) {
    const id = g.node(
      `cred\0${scope}\0${c.id}`,
      `${c.name} (${c.kind}, ${c.scope}${c.write ? ', write' : ''})`,
    );
    credentialIds.set(c.id, id);
    for (const h of holders) g.edge(h, id);
  }

  // Credentials reach targets along the action paths (edge labelled with the path's class)…
  const drawn = new Set<string>();
  // A path with no named target that still needs attention is drawn as its action.
  for (const p of verdict.paths) {
    const target = p.path.target;
    const named = target !== undefined && target !== null;
    if (!named && p.decision === 'allow') continue;
    const targetId = named
      ? g.node(`target\0${target}`, `target ${target}`, 'round')
      : g.node(`action\0${scope}\0${p.path.class}`, `action ${p.path.class}`, 'round');
    g.mark(targetId, p.decision);
    const via = (p.path.credentials ?? [])
      .map((c) => credentialIds.get(c))
      .filter((id): id is string => id !== undefined);
    for (const from of via.length > 0 ? via : holders) {
      g.edge(from, targetId, p.path.class);
      drawn.add(`${from}>${targetId}`);
    }
    drawChain(g, scope, jobId, p.path.chain, targetId, p.path.class);
  }
  // …and to what else they are known to reach (a model provider, a cloud role).
  for (const c of inv?.credentials ?? []) {
    const from = credentialIds.get(c.id);
    if (from === undefined) continue;
    for (const reach of c.reaches ?? []) {
      const targetId = g.node(`target\0${reach}`, `target ${reach}`, 'round');
      if (!drawn.has(`${from}>${targetId}`)) g.edge(from, targetId);
    }
  }
}
