/** What the action paths of a job are derived from, and the draft of one path. */
import type { SourceLocation } from '../../errors.js';
import type { RunContext } from '../../context/run-context.js';
import type { Job, Workflow } from '../../workflow/model.js';
import type { ActionClass } from '../action-classes.js';
import type { PathDraft } from '../opaque.js';
import type { JobScripts } from '../scripts/job-scripts.js';
import type { SecretUse } from '../secret-flow.js';
import type {
  AgentUse,
  Credential,
  EffectivePermissions,
  JobInventory,
  ToolReach,
} from '../types.js';
import { knownRemote } from '../resolve/action-files.js';
import type { VisibleCredentials, VisibleInput } from '../visible-credentials.js';

export interface PathInput {
  readonly workflow: Workflow;
  readonly job: Job;
  readonly context: RunContext;
  readonly permissions: EffectivePermissions;
  readonly credentials: readonly Credential[];
  readonly secretUses: readonly SecretUse[];
  readonly environment: JobInventory['environment'];
  readonly productionPatterns: readonly string[];
  readonly agents: readonly AgentUse[];
  readonly tools: readonly ToolReach[];
  /** What each step's script runs from the repository (package scripts, make, shell files). */
  readonly scripts?: JobScripts;
  /** Paths reached through indirection (composite actions, reusable workflows, opaque). */
  readonly indirect?: readonly PathDraft[];
  /** The credentials each step can reach (derived once by the inventory; else derived here). */
  readonly visible?: VisibleCredentials;
  /** Whether a remote action's code is known (catalog or the policy's trusted list). */
  readonly knownAction?: (name: string, ref?: string) => boolean;
}

export type Draft = PathDraft;

/** The visible-credentials input of a job's (or frame's) steps. */
export function withKnownActions(input: PathInput): VisibleInput {
  return {
    job: input.job,
    credentials: input.credentials,
    secretUses: input.secretUses,
    knownAction: input.knownAction ?? knownRemote,
  };
}

export function draft(
  cls: ActionClass,
  reason: string,
  at: SourceLocation,
  credentials: readonly string[],
  extra: Partial<Draft> = {},
): Draft {
  return {
    class: cls,
    reason,
    at,
    credentials,
    step: undefined,
    uses: undefined,
    target: undefined,
    ...extra,
  };
}
