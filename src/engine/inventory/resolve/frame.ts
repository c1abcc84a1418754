/** A frame — steps of another file analysed for the evaluated job — and what resolving yields. */
import type { RunContext } from '../../context/run-context.js';
import type { ActionFile } from '../../workflow/action-file.js';
import type { Job, Workflow } from '../../workflow/model.js';
import type { OpaqueSite } from '../opaque.js';
import type { SecretUse } from '../secret-flow.js';
import type { AgentUse, CallEdge, ChainLink, EffectivePermissions } from '../types.js';
import type { ActionFiles } from './action-files.js';
import type { Bindings } from './substitute.js';
import { substituteStep } from './substitute.js';

/** Steps of another file, analysed for the job under evaluation. */
export interface Frame {
  readonly kind: 'composite' | 'called-job';
  /** The file the steps are in (locations point there). */
  readonly workflow: Workflow;
  /** The steps with the caller's values bound in. */
  readonly job: Job;
  readonly chain: readonly ChainLink[];
  /** The step of the evaluated job the frame hangs from (undefined for a called job). */
  readonly rootStep: number | undefined;
  readonly permissions: EffectivePermissions;
  /** Secret names that reach every step of the frame (the calling step's). */
  readonly inherited: readonly string[];
}

export interface Resolution {
  readonly frames: readonly Frame[];
  readonly opaque: readonly OpaqueSite[];
  readonly agents: readonly AgentUse[];
  readonly calls: readonly CallEdge[];
  /** Secrets a called workflow references under `secrets: inherit` (credentials of the job). */
  readonly secretUses: readonly SecretUse[];
  /** Tags or branches behind the files read, resolved to commits: `owner/repo@v1` → sha. */
  readonly resolvedRefs: readonly { readonly ref: string; readonly sha: string }[];
}

export interface ResolveInput {
  readonly workflow: Workflow;
  readonly job: Job;
  readonly context: RunContext;
  readonly permissions: EffectivePermissions;
  readonly files: ActionFiles;
  readonly secretUses: readonly SecretUse[];
  /** The policy's trusted actions: one that was not read is not an opaque site. */
  readonly trusted?: (name: string, ref: string | undefined) => boolean;
}

export function compositeFrame(
  action: ActionFile,
  caller: Job,
  callerWorkflow: Workflow,
  bindings: Bindings,
  chain: readonly ChainLink[],
  rootStep: number,
  permissions: EffectivePermissions,
  inherited: readonly string[],
): Frame {
  const job: Job = {
    ...caller,
    uses: undefined,
    with: [],
    secrets: undefined,
    env: [],
    permissions: undefined,
    environment: undefined,
    container: undefined,
    steps: action.steps.map((s) => substituteStep(s, bindings)),
    at: action.at,
  };
  const workflow: Workflow = {
    source: action.source,
    path: action.path,
    name: action.name,
    triggers: callerWorkflow.triggers,
    permissions: undefined,
    env: [],
    jobs: [job],
  };
  return { kind: 'composite', workflow, job, chain, rootStep, permissions, inherited };
}
