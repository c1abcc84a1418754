/**
 * The checklist in the CLI's JSON report, by reference: what is the same for every job (the
 * controls' titles, categories and messages, the bands) is written once as a catalog, and
 * each job's score carries only its points, message ids and evidence. Evidence that is a
 * credential or an action path of the job's BOM record names it by id instead of copying it;
 * a location in the scored workflow is its line. (The evidence pack keeps `checklistDoc`.)
 */
import type { SourceLocation } from '../errors.js';
import { BANDS, CONTROLS } from './controls.js';
import type { BandId, ChecklistScore, ControlId, ControlPoints, Evidence } from './types.js';
import { SHARED_MESSAGES } from './verdict.js';

export type EvidenceRefDoc =
  | { readonly credential: string }
  | { readonly path: string }
  | { readonly text: string; readonly line?: number; readonly file?: string };

export interface ChecklistRefDoc {
  readonly total: number;
  readonly observed: number;
  readonly band: BandId;
  readonly bestCaseBand: BandId;
  readonly focus: readonly ControlId[];
  /** In the catalog's order; `message` is an id into the control's `messages`. */
  readonly controls: readonly {
    readonly id: ControlId;
    readonly score: ControlPoints | null;
    readonly message: string;
    readonly data?: Readonly<Record<string, string>>;
    readonly evidence: readonly EvidenceRefDoc[];
  }[];
}

const UNOBSERVABLE =
  'controls not observable from CI (score null) count as 0 in total and band; bestCaseBand counts them as fully implemented';

/** Once per report: the controls (with every message a score can name) and the bands. */
export function checklistCatalogDoc(): Record<string, unknown> {
  return {
    outOf: 20,
    unobservable: UNOBSERVABLE,
    controls: CONTROLS.map((c) => ({
      id: c.id,
      number: c.number,
      category: c.category,
      title: c.title,
      basic: c.basic,
      messages: { ...c.messages, ...SHARED_MESSAGES },
    })),
    bands: BANDS.map((b) => ({
      id: b.id,
      label: b.label,
      range: b.range,
      min: b.min,
      advice: b.advice,
    })),
  };
}

function where(at: SourceLocation | undefined, workflow: string): { line?: number; file?: string } {
  if (!at) return {};
  return at.path === workflow ? { line: at.line } : { file: at.path, line: at.line };
}

function evidenceRef(e: Evidence, workflow: string): EvidenceRefDoc {
  if (e.ref?.kind === 'credential') return { credential: e.ref.id };
  if (e.ref?.kind === 'path') return { path: e.ref.id };
  return { text: e.text, ...where(e.at, workflow) };
}

/** One job's score by reference to the catalog and to its BOM record. */
export function checklistRefDoc(score: ChecklistScore): ChecklistRefDoc {
  return {
    total: score.total,
    observed: score.observed,
    band: score.band.id,
    bestCaseBand: score.bestCaseBand.id,
    focus: [...score.focus],
    controls: score.controls.map((c) => ({
      id: c.id,
      score: c.score,
      message: c.message,
      ...(c.data ? { data: c.data } : {}),
      evidence: c.evidence.map((e) => evidenceRef(e, score.workflow)),
    })),
  };
}
