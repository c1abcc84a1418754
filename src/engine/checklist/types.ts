/**
 * The seed checklist score (docs/checklist.md): the 20 controls of "Secure AI Coding Agents:
 * The 2026 Security Checklist", each scored for one job from what its workflow shows.
 */
import type { SourceLocation } from '../errors.js';

export type ControlId =
  | 'least-privilege'
  | 'filesystem-scope'
  | 'tool-allowlist'
  | 'isolation'
  | 'read-only-root'
  | 'resource-limits'
  | 'egress-allowlist'
  | 'dns-logging'
  | 'tls-inspection'
  | 'short-lived-tokens'
  | 'no-personal-credentials'
  | 'secrets-vault'
  | 'diff-review'
  | 'sast'
  | 'dependency-audit'
  | 'immutable-audit-log'
  | 'anomaly-detection'
  | 'session-time-limits'
  | 'kill-switch'
  | 'rollback';

export type ControlCategory =
  | 'Access Control'
  | 'Sandboxing'
  | 'Network Security'
  | 'Credential Management'
  | 'Code Review'
  | 'Monitoring and Incident Response';

/** What gives each level, in words: the row of the mapping table in docs/checklist.md. */
export interface ControlLevels {
  readonly full: string;
  readonly partial: string;
  readonly none: string;
  readonly notObservable: string;
}

export interface Control {
  readonly id: ControlId;
  /** The item number in the seed (1–20). */
  readonly number: number;
  readonly category: ControlCategory;
  /** The item's heading, as the seed words it. */
  readonly title: string;
  /** The short name in the mapping table of docs/checklist.md. */
  readonly short: string;
  /** One of the five "start with the basics" items of the seed's Pro Tip (1, 4, 7, 10, 13). */
  readonly basic: boolean;
  /** What we look at in the workflow, in words. */
  readonly looksAt: string;
  readonly levels: ControlLevels;
  /** The reasons a score can give, by message id; `{name}` is filled from the verdict's data. */
  readonly messages: Readonly<Record<string, string>>;
}

/** The seed's scale: 1 fully implemented, 0.5 partially, 0 not implemented. */
export type ControlPoints = 1 | 0.5 | 0;

/** A fact of the job's BOM that evidence points at instead of copying it. */
export interface EvidenceRef {
  readonly kind: 'credential' | 'path';
  /** The credential's or the action path's id in the job's inventory record. */
  readonly id: string;
}

/** One fact behind a score; `at` is where the workflow shows it, when it does. */
export interface Evidence {
  readonly text: string;
  readonly at: SourceLocation | undefined;
  /** Set when the fact is a credential or action path of the BOM (text and at are its own). */
  readonly ref?: EvidenceRef;
}

/** A control's score for one job: the points, the message id and its data, the evidence. */
export interface Verdict {
  /** null = not observable from CI (the message says why). */
  readonly score: ControlPoints | null;
  readonly message: string;
  readonly data?: Readonly<Record<string, string>>;
  readonly evidence: readonly Evidence[];
}

export interface ControlResult extends Verdict {
  readonly id: ControlId;
  readonly number: number;
  readonly title: string;
  /** The message filled in: why this score, or why it cannot be observed (one sentence). */
  readonly reason: string;
}

export type BandId = 'production-ready' | 'good-foundation' | 'significant-risk' | 'pause';

export interface Band {
  readonly id: BandId;
  readonly label: string;
  /** The seed's range, out of 20. */
  readonly range: string;
  readonly advice: string;
}

export interface ChecklistScore {
  readonly workflow: string;
  readonly job: string;
  /** Catalog ids of the AI agents found in the job (empty: the job's own posture is scored). */
  readonly agents: readonly string[];
  /** The 20 controls, in the seed's order. */
  readonly controls: readonly ControlResult[];
  /** Sum of the observed controls' scores; also the raw total out of 20 (unobservable = 0). */
  readonly total: number;
  /** Controls that could be scored from CI. */
  readonly observed: number;
  /** Highest possible total over the observed controls (= `observed`). */
  readonly max: number;
  /** The seed scores out of 20. */
  readonly outOf: 20;
  /** The seed's band of `total` out of 20: unobservable controls count as not implemented. */
  readonly band: Band;
  /** The band if every unobservable control were fully implemented (`total + 20 - observed`). */
  readonly bestCaseBand: Band;
  /** The Pro Tip's five basics not fully met, when `total` is below 10 (else empty). */
  readonly focus: readonly ControlId[];
}
