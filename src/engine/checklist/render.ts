/**
 * The seed checklist score as Markdown (job summary) and as a plain JSON object (BOM).
 * Everything taken from the workflow (paths, job ids, evidence) is untrusted and escaped.
 */
import { escapeMarkdown, markdownCode } from '../escape.js';
import { CONTROLS } from './controls.js';
import type { Band, BandId, ChecklistScore, ControlId, ControlPoints, Evidence } from './types.js';

export interface ScoredJob {
  readonly workflow: string;
  readonly job: string;
  readonly score: ChecklistScore;
}

const MAX_EVIDENCE_IN_CELL = 2;
const MAX_TEXT = 140;

/** Markdown-escaped text for a table cell (pipes included), clipped. */
function cell(text: string, max = MAX_TEXT): string {
  const clipped = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return escapeMarkdown(clipped);
}

/** A code span safe inside a table cell: `markdownCode` leaves `|`, which would split the cell. */
function code(text: string): string {
  return markdownCode(text).replace(/\|/g, '&#124;');
}

function points(score: ControlPoints | null): string {
  if (score === null) return 'n/o';
  return score === 0.5 ? '½' : String(score);
}

function total(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** Evidence in a cell; a location in the scored workflow shows as its line (`L12`). */
function evidenceCell(evidence: readonly Evidence[], workflow: string): string {
  const shown = evidence.slice(0, MAX_EVIDENCE_IN_CELL).map((e) => {
    const where = e.at
      ? `${code(e.at.path === workflow ? `L${e.at.line}` : `${e.at.path}:${e.at.line}`)} `
      : '';
    return `${where}${cell(e.text, 100)}`;
  });
  const more = evidence.length - shown.length;
  return [...shown, ...(more > 0 ? [`+${more} more`] : [])].join('<br>');
}

const jobLabel = (s: ScoredJob): string => `${code(s.workflow)} ${cell(s.job, 80)}`;

function summaryLine(s: ChecklistScore): string {
  const unobserved = s.outOf - s.observed;
  const parts = [
    `**${total(s.total)} / ${s.outOf}**: ${escapeMarkdown(s.band.label)} (${escapeMarkdown(s.band.range)})`,
    `${s.observed} of ${s.outOf} controls observable from CI`,
  ];
  if (unobserved > 0)
    parts.push(
      `the ${unobserved} others count as 0; if they were all in place: ${escapeMarkdown(s.bestCaseBand.label)}`,
    );
  return parts.join(' · ');
}

function focusLine(s: ChecklistScore): string | undefined {
  if (s.focus.length === 0) return undefined;
  const items = s.focus.map((id) => {
    const c = CONTROLS.find((x) => x.id === id);
    return c ? `${c.number} ${escapeMarkdown(c.title)}` : escapeMarkdown(id);
  });
  return `Start with the basics (seed Pro Tip): ${items.join('; ')}.`;
}

function renderOne(s: ScoredJob): string {
  const lines = [
    `**Seed checklist score**: ${jobLabel(s)}`,
    '',
    summaryLine(s.score),
    '',
    '| # | Control | Score | Why | Evidence |',
    '| ---: | --- | :---: | --- | --- |',
    ...s.score.controls.map(
      (c) =>
        `| ${c.number} | ${cell(c.title)} | ${points(c.score)} | ${cell(c.reason, 220)} | ${evidenceCell(c.evidence, s.score.workflow)} |`,
    ),
  ];
  const focus = focusLine(s.score);
  if (focus) lines.push('', focus);
  lines.push('', LEGEND);
  return lines.join('\n');
}

function renderMatrix(scores: readonly ScoredJob[]): string {
  const header = `| # | Control | ${scores.map(jobLabel).join(' | ')} |`;
  const rule = `| ---: | --- | ${scores.map(() => ':---:').join(' | ')} |`;
  const rows = CONTROLS.map((c) => {
    const cells = scores.map((s) =>
      points(s.score.controls.find((r) => r.id === c.id)?.score ?? null),
    );
    return `| ${c.number} | ${cell(c.title)} | ${cells.join(' | ')} |`;
  });
  const footer = [
    `| | **Total / 20** | ${scores.map((s) => `**${total(s.score.total)}**`).join(' | ')} |`,
    `| | Observable controls | ${scores.map((s) => String(s.score.observed)).join(' | ')} |`,
    `| | Band | ${scores.map((s) => escapeMarkdown(s.score.band.label)).join(' | ')} |`,
    `| | Band if the unobservable were in place | ${scores.map((s) => escapeMarkdown(s.score.bestCaseBand.label)).join(' | ')} |`,
  ];
  return [
    '**Seed checklist score** (per job)',
    '',
    header,
    rule,
    ...rows,
    ...footer,
    '',
    LEGEND,
  ].join('\n');
}

const LEGEND =
  '1 fully, ½ partly, 0 not implemented; n/o not observable from CI (counted as 0 in the total). Bands from the seed: 18–20 production-ready, 14–17 good foundation, 10–13 significant risk, below 10 pause agent deployments.';

/** A compact Markdown table for one job, or a control × job matrix for several. */
export function renderChecklistMarkdown(scores: readonly ScoredJob[]): string {
  if (scores.length === 0) return '';
  const [only] = scores;
  if (scores.length === 1 && only) return renderOne(only);
  return renderMatrix(scores);
}

export type ControlStatus = 'met' | 'partial' | 'not-met' | 'not-observable';

export interface ChecklistDoc {
  readonly workflow: string;
  readonly job: string;
  readonly agents: readonly string[];
  readonly total: number;
  readonly outOf: 20;
  readonly observed: number;
  readonly max: number;
  readonly notObservable: number;
  readonly band: { readonly id: BandId; readonly label: string; readonly range: string };
  readonly bestCaseBand: { readonly id: BandId; readonly label: string; readonly range: string };
  /** How the total treats controls CI cannot show. */
  readonly unobservable: string;
  readonly focus: readonly ControlId[];
  readonly controls: readonly {
    readonly id: ControlId;
    readonly number: number;
    readonly title: string;
    readonly score: ControlPoints | null;
    readonly status: ControlStatus;
    readonly reason: string;
    readonly evidence: readonly { readonly text: string; readonly at: string | null }[];
  }[];
}

function status(score: ControlPoints | null): ControlStatus {
  if (score === null) return 'not-observable';
  return score === 1 ? 'met' : score === 0.5 ? 'partial' : 'not-met';
}

const bandDoc = (b: Band): ChecklistDoc['band'] => ({ id: b.id, label: b.label, range: b.range });

/** The score as a plain, JSON-serialisable object for the Agent Action BOM. */
export function checklistDoc(score: ChecklistScore): ChecklistDoc {
  return {
    workflow: score.workflow,
    job: score.job,
    agents: [...score.agents],
    total: score.total,
    outOf: score.outOf,
    observed: score.observed,
    max: score.max,
    notObservable: score.outOf - score.observed,
    band: bandDoc(score.band),
    bestCaseBand: bandDoc(score.bestCaseBand),
    unobservable:
      'controls not observable from CI count as 0 in total and band; bestCaseBand counts them as fully implemented',
    focus: [...score.focus],
    controls: score.controls.map((c) => ({
      id: c.id,
      number: c.number,
      title: c.title,
      score: c.score,
      status: status(c.score),
      reason: c.reason,
      evidence: c.evidence.map((e) => ({
        text: e.text,
        at: e.at ? `${e.at.path}:${e.at.line}` : null,
      })),
    })),
  };
}
