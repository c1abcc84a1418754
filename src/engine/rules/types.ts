/**
 * The detection-rule contract. A rule is one file, `src/engine/rules/<id>.ts`, exporting a `Rule`:
 * its `meta` (what it finds, how sure and how bad, what each preset decides) and a pure
 * `check` over one job's inventory and workflow model. Rules never decide anything: the
 * policy's `checks:` section turns each hit into allow / approval-required / blocked.
 */
import type { SourceLocation } from '../errors.js';
import type { RunContext } from '../context/run-context.js';
import type { JobInventory } from '../inventory/types.js';
import type { Job, Workflow } from '../workflow/model.js';
import type { YamlPath } from '../workflow/source.js';

import {
  CONFIDENCES,
  SEVERITIES,
  type Confidence,
  type DecisionValue,
  type Severity,
} from '../finding-scale.js';

export { CONFIDENCES, SEVERITIES, type Confidence, type Severity };

/** What a preset decides for a rule's findings; `off` = the rule does not run. */
export type PresetDecision = DecisionValue | 'off';

export const PROFILES = ['baseline', 'strict'] as const;
export type Profile = (typeof PROFILES)[number];

export interface RuleMeta {
  /** Equal to the file name under src/engine/rules/ and the doc page docs/rules/<id>.md. */
  readonly id: string;
  /** One line, shown in listings and as the SARIF short description. */
  readonly title: string;
  /** What the rule finds and why it matters. */
  readonly description: string;
  readonly severity: Severity;
  readonly confidence: Confidence;
  /** `workflow`: the peers' territory; `agent`: what only agent-gate checks. */
  readonly category: 'workflow' | 'agent';
  /** Peer checks with the same semantics, e.g. `zizmor:template-injection`. */
  readonly peers: readonly string[];
  /** The decision each preset gives a finding of this rule. */
  readonly defaults: Readonly<Record<Profile, PresetDecision>>;
  /** How to fix a finding, in one or two sentences. */
  readonly remediation: string;
  /** JSON Schema (draft 2020-12) of the rule's `options` in the policy; `{}`-shaped when none. */
  readonly options: Readonly<Record<string, unknown>>;
  /**
   * Every message the rule reports, by message id (ESLint's `meta.messages`): a template whose
   * `{{name}}` placeholders a hit's `data` fills. Listed in the rule's doc page.
   */
  readonly messages: Readonly<Record<string, string>>;
}

/** The values a hit gives its message template (`{{name}}` → `data.name`). */
export type MessageData = Readonly<Record<string, string | number>>;

/** Everything a rule may look at for one job. */
export interface RuleContext<O> {
  readonly workflow: Workflow;
  readonly job: Job;
  readonly inventory: JobInventory;
  readonly context: RunContext;
  readonly options: O;
  /** Location of a YAML path in the workflow (`key: true` = the map key). */
  readonly locate: (path: YamlPath, options?: { key?: boolean }) => SourceLocation;
  /** Location of a character offset inside the string scalar at `path` (e.g. a `run:` block). */
  readonly locateIn: (path: YamlPath, offset: number) => SourceLocation;
}

/** One thing a rule found, with exactly one primary location. */
export interface RuleHit {
  readonly at: SourceLocation;
  /** A key of the rule's `meta.messages`; the text is rendered from it and `data`. */
  readonly messageId: string;
  readonly data?: MessageData;
  /** Overrides of the rule's meta for this hit (e.g. a per-scope severity table). */
  readonly severity?: Severity;
  readonly confidence?: Confidence;
  readonly remediation?: string;
  /** `workflow`: about the workflow as a whole (reported once, not per job). */
  readonly scope?: 'workflow' | 'job';
  /**
   * Set when the hit is reported for the record (peer parity) but the risk cannot play out
   * in this job: it then decides nothing (allow). Says why, e.g. "no upload, no later untrusted step".
   */
  readonly advisory?: string;
}

export interface Rule<O = Record<string, never>> {
  readonly meta: RuleMeta;
  /** Options used when the policy passes none (merged key by key with the policy's). */
  readonly defaultOptions: O;
  check(ctx: RuleContext<O>): readonly RuleHit[];
}

/** Identity helper that keeps the options type of a rule. */
export function defineRule<O>(rule: Rule<O>): Rule<O> {
  return rule;
}

/** The options schema of a rule that takes none. */
export const NO_OPTIONS: Readonly<Record<string, unknown>> = {
  type: 'object',
  additionalProperties: false,
  properties: {},
};
