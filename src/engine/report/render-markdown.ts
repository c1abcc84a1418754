/**
 * The Markdown report: the action's job summary, `--format markdown`, and the evidence pack's
 * summary.md. Every piece of untrusted text is escaped — in Markdown by escapeMarkdown /
 * markdownCode, in the Mermaid action-control graph by mermaidText; the output is cut to stay
 * under the runner's 1 MiB limit, never inside a code block.
 */
import { environmentLine } from './environment-lines.js';
import { formatLocation } from '../errors.js';
import type { ChecklistScore } from '../checklist/types.js';
import type { Evaluation } from '../evaluate.js';
import type { DecisionValue, Finding } from '../policy/types.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { renderChecklistMarkdown } from '../checklist/render.js';
import { escapeMarkdown, markdownCode } from '../escape.js';
import { ActionGraph } from './markdown-graph.js';
import type { GraphActor } from './markdown-graph.js';
import type { Report } from './report.js';

export { MAX_GRAPH_CHARS, mermaidText, renderActionGraph } from './markdown-graph.js';

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
  readonly actor?: GraphActor;
  /** Draw the action-control graph (default true). */
  readonly graph?: boolean;
  /** Further sections, already Markdown (every untrusted piece escaped by the caller). */
  readonly sections?: readonly string[];
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const page = new MarkdownBuilder(options);
  for (const e of report.evaluations) page.add(e);
  return page.render(report);
}

/** Jobs shown in the checklist section; the BOM has every job's score. */
export const MAX_CHECKLIST_JOBS = 6;

type Scored = { workflow: string; job: string; score: ChecklistScore; at: number };

/**
 * Lines kept while they can still show: the page is cut at `maxBytes`, so a section that has
 * grown past that on its own already reaches beyond the cut — later lines are only counted.
 */
class CappedLines {
  readonly lines: string[] = [];
  private bytes = 0;
  count = 0;
  constructor(private readonly maxBytes: number) {}
  push(line: string): void {
    this.count++;
    if (this.bytes > this.maxBytes) return;
    this.lines.push(line);
    this.bytes += Buffer.byteLength(line, 'utf8') + 1;
  }
}

/**
 * The page built one evaluation at a time (a streamed scan keeps only this): job rows,
 * reasons, environments, findings and waivers as capped lines, the graph up to its size
 * limit, the checklist's lowest scores. `render` puts the page together and cuts it.
 */
export class MarkdownBuilder {
  private readonly max: number;
  private readonly rows: CappedLines;
  private readonly reasons: CappedLines;
  private readonly environments: CappedLines;
  private readonly findings: Record<DecisionValue, CappedLines>;
  private readonly applied: CappedLines;
  private readonly expired: CappedLines;
  private readonly graph: ActionGraph | undefined;
  /** The graph keys nodes by workflow only when there are several: the first waits for a second. */
  private first: Evaluation | undefined;
  private evaluations = 0;
  private readonly agentJobs: Scored[] = [];
  private readonly allJobs: Scored[] = [];
  private agentCount = 0;
  private scoredCount = 0;

  constructor(private readonly options: MarkdownOptions = {}) {
    this.max = options.maxBytes ?? MAX_SUMMARY_BYTES;
    const lines = (): CappedLines => new CappedLines(this.max);
    this.rows = lines();
    this.reasons = lines();
    this.environments = lines();
    this.findings = { blocked: lines(), 'approval-required': lines(), allow: lines() };
    this.applied = lines();
    this.expired = lines();
    this.graph = (options.graph ?? true) ? new ActionGraph(options.actor) : undefined;
  }

  add(e: Evaluation): void {
    for (const v of e.decision.jobs) {
      const inv = e.inventory.find((i) => i.job === v.job);
      const attention = v.paths.filter((p) => p.decision !== 'allow').map((p) => p.path.class);
      this.rows.push(
        `| ${cellCode(v.workflow)} | ${cellCode(v.job)} | ${BADGE[v.decision]} | ${(inv?.agents ?? []).map((a) => cellCode(a.id)).join(' ') || '—'} | ${inv?.unattended ? 'yes' : 'no'} | ${[...new Set(attention)].map(escapeMarkdown).join(', ') || '—'} |`,
      );
      const env = environmentLine(v, inv);
      if (env)
        this.environments.push(
          `- ${markdownCode(env.environment)} (job ${markdownCode(env.job)}): ${escapeMarkdown(env.text)}`,
        );
    }
    for (const r of e.decision.reasons) this.reasons.push(`- ⛔ ${escapeMarkdown(r)}`);
    for (const f of e.decision.findings) this.findings[f.decision].push(findingLine(f));
    for (const a of e.decision.waivers.applied)
      this.applied.push(
        `- waived ${markdownCode(a.waiver.rule)} on ${markdownCode(a.path)} — owner ${escapeMarkdown(a.waiver.owner)}, until ${escapeMarkdown(a.waiver.expires)}: ${escapeMarkdown(a.waiver.reason)}`,
      );
    for (const x of e.decision.waivers.expired)
      this.expired.push(`- ⚠️ ${escapeMarkdown(x.message)}`);
    this.score(e);
    this.evaluations++;
    if (this.graph) {
      if (this.evaluations === 1) this.first = e;
      else {
        if (this.first) this.graph.add(this.first, true);
        this.first = undefined;
        this.graph.add(e, true);
      }
    }
  }

  private score(e: Evaluation): void {
    for (const score of e.checklist) {
      const s: Scored = { workflow: e.workflow.path, job: score.job, score, at: this.scoredCount };
      this.scoredCount++;
      keepLowest(this.allJobs, s);
      if (score.agents.length > 0) {
        this.agentCount++;
        keepLowest(this.agentJobs, s);
      }
    }
  }

  render(report: Pick<Report, 'policy' | 'decision' | 'errors'>): string {
    const { options } = this;
    const out: string[] = [
      `## ${TOOL_NAME}: ${BADGE[report.decision]}`,
      '',
      `<sub>${TOOL_NAME} ${TOOL_VERSION}</sub>`,
      '',
      `Policy ${report.policy.sources.map((s) => markdownCode(s)).join(' + ')} · digest ${markdownCode(report.policy.digest.slice(0, 23))}`,
      '',
      '| Workflow | Job | Decision | Agents | Unattended | Needs attention |',
      '| --- | --- | --- | --- | --- | --- |',
      ...this.rows.lines,
    ];
    if (this.reasons.lines.length > 0) out.push('', ...this.reasons.lines);
    for (const err of report.errors) out.push('', `- ⛔ ${escapeMarkdown(err.message)}`);
    if (this.environments.lines.length > 0)
      out.push('', '### Environments', '', ...this.environments.lines);
    if (this.graph) {
      if (this.first) this.graph.add(this.first, false);
      this.first = undefined;
      const graph = this.graph.render();
      if (graph !== undefined) out.push('', '### Action control', '', graph.trimEnd());
    }
    const checklist = this.checklistSection();
    if (checklist) out.push('', checklist);
    for (const section of options.sections ?? []) out.push('', section.trimEnd());
    const gating = [...this.findings.blocked.lines, ...this.findings['approval-required'].lines];
    const reported = this.findings.allow;
    if (gating.length > 0) out.push('', '### Findings', '', ...gating);
    if (reported.count > 0)
      out.push(
        '',
        `<details><summary>${reported.count} reported finding${reported.count === 1 ? '' : 's'} that do not gate</summary>`,
        '',
        ...reported.lines,
        '',
        '</details>',
      );
    if (this.expired.count > 0 || this.applied.count > 0)
      out.push('', '### Waivers', '', ...this.applied.lines, ...this.expired.lines);
    return truncateMarkdown(`${out.join('\n')}\n`, this.max);
  }

  /**
   * The seed's 20-control checklist for the decided jobs: the agent jobs (or every job when
   * none runs an agent), lowest totals first, at most MAX_CHECKLIST_JOBS of them.
   */
  private checklistSection(): string | undefined {
    if (this.scoredCount === 0) return undefined;
    const agents = this.agentCount > 0;
    const shown = agents ? this.agentJobs : this.allJobs;
    const pool = agents ? this.agentCount : this.scoredCount;
    const rest = pool - shown.length;
    const heading =
      shown.length === 1 && shown[0]
        ? `Agent deployment checklist: ${formatTotal(shown[0].score.total)} / 20 — ${escapeMarkdown(shown[0].score.band.label)}`
        : `Agent deployment checklist (${pool} ${agents ? 'agent ' : ''}job${pool === 1 ? '' : 's'})`;
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
}

/** The MAX_CHECKLIST_JOBS lowest totals, earlier first among equals (a stable sort's order). */
function keepLowest(list: Scored[], s: Scored): void {
  list.push(s);
  list.sort((a, b) => a.score.total - b.score.total || a.at - b.at);
  if (list.length > MAX_CHECKLIST_JOBS) list.length = MAX_CHECKLIST_JOBS;
}

function findingLine(f: Finding): string {
  return `- ${BADGE[f.decision]} **${escapeMarkdown(f.ruleId)}** (${f.severity}) — ${markdownCode(formatLocation(f.location))} (job ${markdownCode(f.job ?? '—')}): ${escapeMarkdown(f.message)}${f.decision === 'allow' ? '' : `<br>↳ ${escapeMarkdown(f.remediation)}`}`;
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
