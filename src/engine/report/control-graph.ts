/**
 * The aggregated action-control graph of the HTML report: agents → credentials → action
 * classes → targets, one node per agent id / credential kind / class / target (not one per
 * job or step), each edge counting the jobs in which that link exists. Built from the same
 * verdicts and inventory records as the other renderers; mergeable, so a repository's graph
 * and the whole report's are the same structure (an accumulator can sum them as it goes).
 */
import type { JobInventory } from '../inventory/types.js';
import type { DecisionValue, JobVerdict } from '../policy/types.js';
import { SEVERITY } from '../policy/types.js';

export const GRAPH_COLUMNS = ['agent', 'credential', 'class', 'target'] as const;
export type GraphColumn = (typeof GRAPH_COLUMNS)[number];

export interface GraphNode {
  readonly key: string;
  readonly column: GraphColumn;
  readonly label: string;
  /** Jobs in which the node appears. */
  jobs: number;
  /** The most severe decision of the jobs (agents) or paths (the rest) through it. */
  decision: DecisionValue;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  /** Jobs in which the link exists. */
  jobs: number;
  decision: DecisionValue;
}

/** Targets drawn per graph; the rest are folded into one "other targets" node. */
export const MAX_TARGETS = 12;
const NO_AGENT = 'agent\0(none)';
const CREDENTIAL = 'credential\0';
const NO_CREDENTIAL = `${CREDENTIAL}(none)`;

export class ControlGraph {
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();

  /** Adds one decided job: each node and edge it touches counts it once. */
  addJob(verdict: JobVerdict, inv: JobInventory | undefined): void {
    const nodes = new Map<string, { column: GraphColumn; label: string; d: DecisionValue }>();
    const edges = new Map<string, { from: string; to: string; d: DecisionValue }>();
    const node = (key: string, column: GraphColumn, label: string, d: DecisionValue): string => {
      const had = nodes.get(key);
      if (had === undefined || SEVERITY[d] > SEVERITY[had.d]) nodes.set(key, { column, label, d });
      return key;
    };
    const edge = (from: string, to: string, d: DecisionValue): void => {
      const key = `${from}\n${to}`;
      const had = edges.get(key);
      if (had === undefined || SEVERITY[d] > SEVERITY[had.d]) edges.set(key, { from, to, d });
    };

    const agents = [...new Set((inv?.agents ?? []).map((a) => a.id))];
    const holders =
      agents.length > 0
        ? agents.map((id) => node(`agent\0${id}`, 'agent', id, verdict.decision))
        : [node(NO_AGENT, 'agent', 'no agent', verdict.decision)];
    // One node per credential kind; a path that uses none goes through "no credential", so
    // every edge joins neighbouring columns (no edge skips one: fewer crossings).
    const credKey = new Map<string, string>();
    for (const c of inv?.credentials ?? []) credKey.set(c.id, `${CREDENTIAL}${c.kind}`);
    for (const p of verdict.paths) {
      const cls = node(`class\0${p.path.class}`, 'class', p.path.class, p.decision);
      const via = [
        ...new Set(
          (p.path.credentials ?? [])
            .map((id) => credKey.get(id))
            .filter((k): k is string => k !== undefined),
        ),
      ];
      if (via.length === 0) via.push(NO_CREDENTIAL);
      for (const cred of via) {
        node(
          cred,
          'credential',
          cred === NO_CREDENTIAL ? 'no credential' : cred.slice(CREDENTIAL.length),
          p.decision,
        );
        for (const h of holders) edge(h, cred, p.decision);
        edge(cred, cls, p.decision);
      }
      const target = p.path.target;
      if (target !== undefined && target !== null && target !== '') {
        const t = node(`target\0${target}`, 'target', target, p.decision);
        edge(cls, t, p.decision);
      }
    }
    // A credential no path uses is still held: drawn, allowed.
    for (const key of new Set(credKey.values())) {
      node(key, 'credential', key.slice(CREDENTIAL.length), 'allow');
      for (const h of holders) edge(h, key, 'allow');
    }
    for (const [key, n] of nodes) this.bumpNode(key, n.column, n.label, 1, n.d);
    for (const e of edges.values()) this.bumpEdge(e.from, e.to, 1, e.d);
  }

  /** Adds another graph's counts to this one (a repository's into the report's). */
  merge(other: ControlGraph): void {
    for (const [key, n] of other.nodes) this.bumpNode(key, n.column, n.label, n.jobs, n.decision);
    for (const e of other.edges.values()) this.bumpEdge(e.from, e.to, e.jobs, e.decision);
  }

  get empty(): boolean {
    return this.nodes.size === 0;
  }

  /**
   * The graph to draw: at most `maxTargets` targets (the most used, then by name); the rest
   * become one node whose edges carry their summed counts.
   */
  folded(maxTargets = MAX_TARGETS): ControlGraph {
    const targets = [...this.nodes.values()]
      .filter((n) => n.column === 'target')
      .sort((a, b) => b.jobs - a.jobs || a.key.localeCompare(b.key));
    if (targets.length <= maxTargets) return this;
    const keep = new Set(targets.slice(0, maxTargets).map((n) => n.key));
    const rest = targets.length - keep.size;
    const other = `target\0(other)`;
    const out = new ControlGraph();
    for (const [key, n] of this.nodes) {
      if (n.column !== 'target' || keep.has(key))
        out.bumpNode(key, n.column, n.label, n.jobs, n.decision);
    }
    const folded = targets.slice(maxTargets);
    out.bumpNode(
      other,
      'target',
      `${rest} other targets`,
      folded.reduce((sum, n) => sum + n.jobs, 0),
      folded.reduce<DecisionValue>(
        (w, n) => (SEVERITY[n.decision] > SEVERITY[w] ? n.decision : w),
        'allow',
      ),
    );
    for (const e of this.edges.values()) {
      const to = this.nodes.get(e.to)?.column === 'target' && !keep.has(e.to) ? other : e.to;
      out.bumpEdge(e.from, to, e.jobs, e.decision);
    }
    return out;
  }

  private bumpNode(
    key: string,
    column: GraphColumn,
    label: string,
    jobs: number,
    d: DecisionValue,
  ): void {
    const had = this.nodes.get(key);
    if (had === undefined) {
      this.nodes.set(key, { key, column, label, jobs, decision: d });
      return;
    }
    had.jobs += jobs;
    if (SEVERITY[d] > SEVERITY[had.decision]) had.decision = d;
  }

  private bumpEdge(from: string, to: string, jobs: number, d: DecisionValue): void {
    const key = `${from}\n${to}`;
    const had = this.edges.get(key);
    if (had === undefined) {
      this.edges.set(key, { from, to, jobs, decision: d });
      return;
    }
    had.jobs += jobs;
    if (SEVERITY[d] > SEVERITY[had.decision]) had.decision = d;
  }
}
