/**
 * The policy model (policies/schema.json) after loading, and the decision it produces.
 * A decision is pure data; the action and the CLI each turn it into an effect.
 */
import type { SourceLocation } from '../errors.js';
import type { ActionClass } from '../inventory/action-classes.js';
import type { ActionPath } from '../inventory/types.js';
import {
  SEVERITY,
  mostSevere,
  type Confidence,
  type DecisionValue,
  type Severity,
} from '../finding-scale.js';

export { SEVERITY, mostSevere, type DecisionValue };

export interface When {
  readonly class?: readonly ActionClass[];
  readonly agent?: boolean | readonly string[];
  readonly trigger?: readonly string[];
  readonly unattended?: boolean;
  readonly credential?: readonly string[];
  readonly environment?: boolean | readonly string[];
  readonly uses?: readonly string[];
  readonly actor?: readonly string[];
  readonly branch?: readonly string[];
}

export interface PolicyRule {
  readonly id: string;
  readonly description: string | undefined;
  readonly when: When;
  readonly decision: DecisionValue;
  readonly reason: string;
  /** Where the rule is defined (its file may be a preset). */
  readonly at: SourceLocation;
}

export interface Waiver {
  readonly rule: string;
  readonly workflow: string | undefined;
  readonly job: string | undefined;
  readonly owner: string;
  readonly expires: string;
  readonly reason: string;
  readonly at: SourceLocation;
}

export interface ApprovalSettings {
  readonly approvers: readonly string[] | undefined;
  readonly minApprovals: number;
  readonly timeoutMinutes: number;
}

/** A detection rule's setting in the policy's `checks:` section (merged over `extends`). */
export interface CheckSetting {
  readonly decision: DecisionValue | undefined;
  readonly enabled: boolean | undefined;
  readonly options: Readonly<Record<string, unknown>> | undefined;
  readonly reason: string | undefined;
  readonly at: SourceLocation;
}

export interface ChecksConfig {
  /** Which preset's defaults apply to rules the policy does not set. */
  readonly profile: 'baseline' | 'strict';
  readonly rules: Readonly<Record<string, CheckSetting>>;
}

export interface Policy {
  /** The files this policy was built from, base first (presets as `preset:<name>`). */
  readonly sources: readonly string[];
  readonly default: DecisionValue;
  readonly production: readonly string[];
  readonly evidenceRequired: boolean;
  /**
   * `repository: { default-permissions }`: the repositories' default token permissions as the
   * policy states them; undefined when no layer states it (or states `unknown`).
   */
  readonly defaultPermissions?: { readonly value: 'read' | 'write'; readonly at: SourceLocation };
  /** `actions: { trusted }`: remote actions the policy vouches for (every layer's, in order). */
  readonly trustedActions?: readonly string[];
  readonly rules: readonly PolicyRule[];
  readonly checks: ChecksConfig;
  readonly approval: ApprovalSettings;
  readonly waivers: readonly Waiver[];
  /** SHA-256 over the sources' texts, in order (not their names: content, not path spelling). */
  readonly digest: string;
}

export interface AppliedWaiver {
  readonly waiver: Waiver;
  readonly path: string;
}

export interface PathVerdict {
  readonly path: ActionPath;
  readonly decision: DecisionValue;
  /** The deciding rule; undefined when the policy default decided. */
  readonly rule: string | undefined;
  readonly reason: string;
  readonly waivedRules: readonly string[];
}

export interface JobVerdict {
  readonly workflow: string;
  readonly job: string;
  readonly decision: DecisionValue;
  readonly paths: readonly PathVerdict[];
  /** Detection-rule findings that apply to this job (workflow-level ones included). */
  readonly checks: readonly Finding[];
}

export type { Confidence, Severity };

/**
 * One reason the run is not plainly allowed, or a detection rule's hit. `path`: a policy
 * rule decided an action path; `check`: a detection rule (src/engine/rules/) found something.
 */
export interface Finding {
  readonly ruleId: string;
  readonly kind: 'path' | 'check';
  readonly decision: DecisionValue;
  readonly severity: Severity;
  readonly confidence: Confidence;
  readonly message: string;
  /** Check findings: the rule's message id and data the message was rendered from. */
  readonly messageId?: string;
  readonly data?: Readonly<Record<string, string | number>>;
  /** How to fix it (or how to get the approval it needs). */
  readonly remediation: string;
  readonly workflow: string;
  readonly job: string | undefined;
  readonly class: ActionClass | undefined;
  readonly location: SourceLocation;
}

export interface Decision {
  readonly decision: DecisionValue;
  readonly jobs: readonly JobVerdict[];
  readonly findings: readonly Finding[];
  readonly waivers: {
    readonly applied: readonly AppliedWaiver[];
    readonly expired: readonly { readonly waiver: Waiver; readonly message: string }[];
    readonly unused: readonly Waiver[];
  };
  /** Decision-wide reasons that are not about one path (e.g. evidence disabled). */
  readonly reasons: readonly string[];
}
