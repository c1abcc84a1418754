/**
 * The Markdown report: the action's job summary, `--format markdown`, and the evidence pack's
 * summary.md. Every piece of untrusted text is escaped — in Markdown by escapeMarkdown /
 * markdownCode, in the Mermaid action-control graph by mermaidText; the output is cut to stay
 * under the runner's 1 MiB limit, never inside a code block.
 */
import { environmentLines } from './environment-lines.js';
import { formatLocation } from '../errors.js';
import type { ChainLink, JobInventory } from '../inventory/types.js';
import type { DecisionValue } from '../policy/types.js';
import { SEVERITY } from '../policy/types.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { renderChecklistMarkdown } from '../checklist/render.js';
import { escapeMarkdown, markdownCode } from '../escape.js';
import { allFindings } from './report.js';
import type { Report } from './report.js';

const BADGE: Readonly<Record<DecisionValue, string>> = {
  allow: '✅ allow',
  'approval-required': '⏸️ approval required',
  blocked: '⛔ blocked',
};
/** The runner refuses step summaries over 1 MiB; keep well under it. */
export const MAX_SUMMARY_BYTES = 900 * 1024;
export const TRUNCATION_NOTE =
  '> Summary truncated to stay under the step-summary size limit; the full report is in the evidence pack.';

export interface MarkdownOptions {
  readonly maxBytes?: number;
  /** Who started the run, for the graph; the BOM's actor when not given. */
  readonly actor?: { readonly login: string | undefined; readonly triggeredBy: string | undefined };
  /** Draw the action-control graph (default true). */
  readonly graph?: boolean;
  /** Further sections, already Markdown (every untrusted piece escaped by the caller). */
  readonly sections?: readonly string[];
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const out: string[] = [
    `## ${TOOL_NAME}: ${BADGE[report.decision]}`,
    '',
    `<sub>${TOOL_NAME} ${TOOL_VERSION}</sub>`,
    '',
    `Policy ${report.policy.sources.map((s) => markdownCode(s)).join(' + ')} · digest ${markdownCode(report.policy.digest.slice(0, 23))}`,
    '',
    '| Workflow | Job | Decision | Agents | Unattended | Needs attention |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const e of report.evaluations) {
    for (const v of e.decision.jobs) {
      const inv = e.inventory.find((i) => i.job === v.job);
      const attention = v.paths.filter((p) => p.decision !== 'allow').map((p) => p.path.class);
      out.push(
        `| ${cellCode(v.workflow)} | ${cellCode(v.job)} | ${BADGE[v.decision]} | ${(inv?.agents ?? []).map((a) => cellCode(a.id)).join(' ') || '—'} | ${inv?.unattended ? 'yes' : 'no'} | ${[...new Set(attention)].map(escapeMarkdown).join(', ') || '—'} |`,
      );
    }
  }
  const reasons = report.evaluations.flatMap((e) => e.decision.reasons);
  if (reasons.length > 0) out.push('', ...reasons.map((r) => `- ⛔ ${escapeMarkdown(r)}`));
  for (const err of report.errors) out.push('', `- ⛔ ${escapeMarkdown(err.message)}`);
  const environments = environmentLines(report);
  if (environments.length > 0)
    out.push(
      '',
      '### Environments',
      '',
      ...environments.map(
        (l) =>
          `- ${markdownCode(l.environment)} (job ${markdownCode(l.job)}): ${escapeMarkdown(l.text)}`,
      ),
    );
  if (options.graph ?? true) {
    const graph = renderActionGraph(report, options.actor);
    if (graph !== undefined) out.push('', '### Action control', '', graph.trimEnd());
  }
  const checklist = checklistSection(report);
  if (checklist) out.push('', checklist);
  for (const section of options.sections ?? []) out.push('', section.trimEnd());
  const findings = allFindings(report);
  const gating = findings.filter((f) => f.decision !== 'allow');
  const reported = findings.filter((f) => f.decision === 'allow');
  const line = (f: (typeof findings)[number]): string =>
    `- ${BADGE[f.decision]} **${escapeMarkdown(f.ruleId)}** (${f.severity}) — ${markdownCode(formatLocation(f.location))} (job ${markdownCode(f.job ?? '—')}): ${escapeMarkdown(f.message)}${f.decision === 'allow' ? '' : `<br>↳ ${escapeMarkdown(f.remediation)}`}`;
  if (gating.length > 0) out.push('', '### Findings', '', ...gating.map(line));
  if (reported.length > 0)
    out.push(
      '',
      `<details><summary>${reported.length} reported finding${reported.length === 1 ? '' : 's'} that do not gate</summary>`,
      '',
      ...reported.map(line),
      '',
      '</details>',
    );
  const expired = report.evaluations.flatMap((e) => e.decision.waivers.expired);
  const applied = report.evaluations.flatMap((e) => e.decision.waivers.applied);
  if (expired.length > 0 || applied.length > 0) {
    out.push('', '### Waivers', '');
    for (const a of applied)
      out.push(
        `- waived ${markdownCode(a.waiver.rule)} on ${markdownCode(a.path)} — owner ${escapeMarkdown(a.waiver.owner)}, until ${escapeMarkdown(a.waiver.expires)}: ${escapeMarkdown(a.waiver.reason)}`,
      );
    for (const x of expired) out.push(`- ⚠️ ${escapeMarkdown(x.message)}`);
  }
  return truncateMarkdown(`${out.join('\n')}\n`, options.maxBytes ?? MAX_SUMMARY_BYTES);
}

/** Jobs shown in the checklist section; the BOM has every job's score. */
export const MAX_CHECKLIST_JOBS = 6;

/**
 * The seed's 20-control checklist for the decided jobs: the agent jobs (or every job when
 * none runs an agent), lowest totals first, at most MAX_CHECKLIST_JOBS of them.
 */
function checklistSection(report: Report): string | undefined {
  const scored = report.evaluations.flatMap((e) =>
    e.checklist.map((score) => ({ workflow: e.workflow.path, job: score.job, score })),
  );
  if (scored.length === 0) return undefined;
  const agentJobs = scored.filter((s) => s.score.agents.length > 0);
  const pool = agentJobs.length > 0 ? agentJobs : scored;
  const shown = [...pool]
    .sort((a, b) => a.score.total - b.score.total)
    .slice(0, MAX_CHECKLIST_JOBS);
  const rest = pool.length - shown.length;
  const heading =
    shown.length === 1 && shown[0]
      ? `Agent deployment checklist: ${formatTotal(shown[0].score.total)} / 20 — ${escapeMarkdown(shown[0].score.band.label)}`
      : `Agent deployment checklist (${pool.length} ${agentJobs.length > 0 ? 'agent ' : ''}job${pool.length === 1 ? '' : 's'})`;
  return [
    '### Checklist',
    '',
    `<details><summary>${heading}</summary>`,
    '',
    renderChecklistMarkdown(shown).trimEnd(),
    ...(rest > 0
      ? ['', `${rest} more job${rest === 1 ? '' : 's'} scored: every job's score is in the BOM.`]
      : []),
    '',
    '</details>',
  ].join('\n');
}

function formatTotal(total: number): string {
  return Number.isInteger(total) ? String(total) : total.toFixed(1);
}

/**
 * A code span for a table cell: a `|` would end the cell even inside `<code>` (GFM splits
 * rows before it reads inline HTML), so it is written as an entity.
 */
export function cellCode(text: string): string {
  return markdownCode(text).replace(/\|/g, '&#124;');
}

/**
 * Cuts the text at a line break so it fits in `maxBytes` with the truncation note; a fenced
 * block (the Mermaid graph) open at the cut is closed first, so the note is not swallowed.
 */
export function truncateMarkdown(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const note = `\n\n${TRUNCATION_NOTE}\n`;
  const fence = '\n```';
  const budget = maxBytes - Buffer.byteLength(note + fence, 'utf8');
  let cut = text.slice(0, Math.max(0, budget));
  // A UTF-16 code unit is at most 3 UTF-8 bytes: trim by a third of the excess until it fits.
  for (
    let bytes = Buffer.byteLength(cut, 'utf8');
    bytes > budget;
    bytes = Buffer.byteLength(cut, 'utf8')
  )
    cut = cut.slice(0, Math.max(0, cut.length - Math.ceil((bytes - budget) / 3)));
  cut = cut.slice(0, Math.max(0, cut.lastIndexOf('\n')));
  const fences = cut.split('\n').filter((line) => /^\s*```/.test(line)).length;
  return `${cut}${fences % 2 === 1 ? fence : ''}${note}`;
}

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
export function renderActionGraph(
  report: Report,
  actor?: MarkdownOptions['actor'],
): string | undefined {
  const g = new Graph();
  let left = 0;
  for (const e of report.evaluations) {
    for (const verdict of e.decision.jobs) {
      if (g.size >= MAX_GRAPH_NODES) {
        left++;
        continue;
      }
      const inv = e.inventory.find((i) => i.job === verdict.job);
      drawJob(
        g,
        verdict,
        inv,
        actorLabel(actor, inv),
        report.evaluations.length > 1 ? e.workflow.path : undefined,
      );
    }
  }
  if (g.size === 0) return undefined;
  const text = g.render();
  const more =
    left > 0 ? `\n\n${left} more job${left === 1 ? '' : 's'} not drawn (graph size limit).` : '';
  if (text.length > MAX_GRAPH_CHARS)
    return '_The action-control graph is too large to render here; the BOM in the evidence pack has every edge._';
  return `${text}${more}`;
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

function actorLabel(actor: MarkdownOptions['actor'], inv: JobInventory | undefined): string {
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
