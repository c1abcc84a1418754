/**
 * Draws an aggregated action-control graph (control-graph.ts) as inline SVG, laid out by
 * dagre (@dagrejs/dagre, bundled): left to right, agents → credentials → classes → targets,
 * a column heading over each rank, nodes and edges coloured by decision, the job count on
 * every edge. Every label is escaped (escapeHtml); ids are generated, never taken from text.
 */
import * as dagreModule from '@dagrejs/dagre';
import type { DecisionValue } from '../policy/types.js';
import type { ControlGraph, GraphColumn } from './control-graph.js';
import { escapeHtml } from '../escape.js';

const COLUMN_TITLE: Readonly<Record<GraphColumn, string>> = {
  agent: 'Agents',
  credential: 'Credentials',
  class: 'Action classes',
  target: 'Targets',
};
const COLUMN_ORDER: Readonly<Record<GraphColumn, number>> = {
  agent: 0,
  credential: 1,
  class: 2,
  target: 3,
};
const DECISION_CLASS: Readonly<Record<DecisionValue, string>> = {
  allow: 'd-allow',
  'approval-required': 'd-approval',
  blocked: 'd-blocked',
};
/** Characters of a node label before it is cut (the full text is in the node's tooltip). */
const MAX_LABEL = 34;
const CHAR_WIDTH = 7.2;
const NODE_HEIGHT = 38;
const HEADER = 26;

interface Laid {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface LaidEdge {
  points: { x: number; y: number }[];
}

/**
 * The part of dagre's API used here. Its bundled declarations use extensionless relative
 * imports that NodeNext resolution cannot follow, so they are typed here instead.
 */
interface LayoutGraph {
  setGraph(label: Readonly<Record<string, string | number>>): void;
  setDefaultEdgeLabel(label: () => object): void;
  setNode(id: string, label: { width: number; height: number }): void;
  setEdge(from: string, to: string, label: Readonly<Record<string, string | number>>): void;
  node(id: string): Laid;
  edge(from: string, to: string): LaidEdge;
  graph(): { width?: number; height?: number };
}
const dagre = dagreModule as unknown as {
  graphlib: { Graph: new () => LayoutGraph };
  layout(graph: LayoutGraph): void;
};

function cut(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  return chars.length > MAX_LABEL ? `${chars.slice(0, MAX_LABEL - 1).join('')}…` : chars.join('');
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The SVG of `graph`; `id` prefixes the element ids (unique in the page, e.g. `g3`), `title`
 * is its accessible name. Undefined when the graph has no node.
 */
export function renderGraphSvg(graph: ControlGraph, id: string, title: string): string | undefined {
  if (graph.empty) return undefined;
  const g = new dagre.graphlib.Graph();
  // Wider gaps between the columns as edges multiply, so fans of edges stay apart.
  const ranksep = 80 + Math.min(140, graph.edges.size * 2);
  g.setGraph({ rankdir: 'LR', nodesep: 16, ranksep, edgesep: 10, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  // Insertion order steers dagre's ordering within a rank: sort for a stable picture.
  const nodes = [...graph.nodes.values()].sort(
    (a, b) =>
      COLUMN_ORDER[a.column] - COLUMN_ORDER[b.column] ||
      b.jobs - a.jobs ||
      a.key.localeCompare(b.key),
  );
  const index = new Map<string, string>();
  for (const n of nodes) {
    const nid = `n${index.size}`;
    index.set(n.key, nid);
    const width = Math.max(cut(n.label).length, 10) * CHAR_WIDTH + 22;
    g.setNode(nid, { width, height: NODE_HEIGHT });
  }
  const edges = [...graph.edges.values()];
  for (const e of edges) {
    const from = index.get(e.from);
    const to = index.get(e.to);
    if (from === undefined || to === undefined) continue;
    // No label box for dagre to make room for: each one becomes a dummy node and a big
    // graph grows tall. The count is drawn half-way along the edge instead.
    g.setEdge(from, to, { weight: e.jobs });
  }
  dagre.layout(g);
  const size = g.graph();
  const width = Math.ceil(size.width ?? 0);
  const height = Math.ceil((size.height ?? 0) + HEADER);
  const max = Math.max(1, ...edges.map((e) => e.jobs));

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="graph" role="img" aria-labelledby="${id}-t" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title id="${id}-t">${escapeHtml(title)}</title>`,
    '<defs>',
    ...(['allow', 'approval-required', 'blocked'] as const).map(
      (d) =>
        `<marker id="${id}-${DECISION_CLASS[d]}" class="${DECISION_CLASS[d]}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z"/></marker>`,
    ),
    '</defs>',
    `<g transform="translate(0,${HEADER})">`,
  ];
  // Column headings over the ranks that have nodes.
  const columns = new Map<GraphColumn, { left: number; right: number }>();
  for (const n of nodes) {
    const laid = g.node(index.get(n.key) ?? '');
    const span = columns.get(n.column);
    const left = laid.x - laid.width / 2;
    const right = laid.x + laid.width / 2;
    columns.set(n.column, {
      left: Math.min(span?.left ?? left, left),
      right: Math.max(span?.right ?? right, right),
    });
  }
  for (const [column, span] of columns)
    out.push(
      `<text class="col" x="${fmt((span.left + span.right) / 2)}" y="${-HEADER / 2 + 4}" text-anchor="middle">${COLUMN_TITLE[column]}</text>`,
    );
  const counts: string[] = [];
  for (const e of edges) {
    const from = index.get(e.from);
    const to = index.get(e.to);
    if (from === undefined || to === undefined) continue;
    const laid = g.edge(from, to);
    const d = laid.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${fmt(p.x)},${fmt(p.y)}`).join('');
    const stroke = 1.2 + (3 * Math.log(1 + e.jobs)) / Math.log(1 + max);
    const a = graph.nodes.get(e.from)?.label ?? '';
    const b = graph.nodes.get(e.to)?.label ?? '';
    const what = b.endsWith('other targets') ? plural(e.jobs, 'job-link') : plural(e.jobs, 'job');
    out.push(
      `<g class="edge ${DECISION_CLASS[e.decision]}"><title>${escapeHtml(`${what}: ${a} → ${b} (${e.decision})`)}</title>`,
      `<path d="${d}" stroke-width="${fmt(stroke)}" marker-end="url(#${id}-${DECISION_CLASS[e.decision]})"/>`,
    );
    out.push('</g>');
    const mid = halfway(laid.points);
    const w = String(e.jobs).length * CHAR_WIDTH + 8;
    counts.push(
      `<rect class="count" x="${fmt(mid.x - w / 2)}" y="${fmt(mid.y - 8)}" width="${fmt(w)}" height="16" rx="3"/>`,
      `<text class="count" x="${fmt(mid.x)}" y="${fmt(mid.y + 4)}" text-anchor="middle">${e.jobs}</text>`,
    );
  }
  // Counts over every edge, nodes over everything.
  out.push('<g class="counts">', ...counts, '</g>');
  for (const n of nodes) {
    const laid = g.node(index.get(n.key) ?? '');
    const x = laid.x - laid.width / 2;
    const y = laid.y - laid.height / 2;
    const round = n.column === 'agent' || n.column === 'target' ? laid.height / 2 : 4;
    out.push(
      `<g class="node ${n.column} ${DECISION_CLASS[n.decision]}"><title>${escapeHtml(`${COLUMN_TITLE[n.column].replace(/s$/, '').toLowerCase()} ${n.label}: ${plural(n.jobs, 'job')}, worst ${n.decision}`)}</title>`,
      `<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(laid.width)}" height="${fmt(laid.height)}" rx="${fmt(round)}"/>`,
      `<text x="${fmt(laid.x)}" y="${fmt(laid.y - 3)}" text-anchor="middle">${escapeHtml(cut(n.label))}</text>`,
      `<text class="sub" x="${fmt(laid.x)}" y="${fmt(laid.y + 12)}" text-anchor="middle">${plural(n.jobs, 'job')}</text>`,
      '</g>',
    );
  }
  out.push('</g>', '</svg>');
  return out.join('');
}

/** The point half-way along a polyline (by length). */
function halfway(points: readonly { x: number; y: number }[]): { x: number; y: number } {
  const lengths = points.slice(1).map((p, i) => {
    const q = points[i] ?? p;
    return Math.hypot(p.x - q.x, p.y - q.y);
  });
  let left = lengths.reduce((sum, len) => sum + len, 0) / 2;
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i] ?? 0;
    const a = points[i];
    const b = points[i + 1];
    if (a === undefined || b === undefined) break;
    if (left <= len && len > 0)
      return { x: a.x + ((b.x - a.x) * left) / len, y: a.y + ((b.y - a.y) * left) / len };
    left -= len;
  }
  return points[0] ?? { x: 0, y: 0 };
}

function fmt(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 10) / 10) : '0';
}
