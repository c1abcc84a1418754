/**
 * The facts every control reads for one job, gathered once from the job's inventory and the
 * workflow's safeguards (inventory/safeguards.ts): its agents and their steps, the runner,
 * harden-runner, the gh-aw firewall, the containers the agent runs in and the agents' own
 * OS sandboxes. Gathering only: no score is given here.
 */
import type { SourceLocation } from '../errors.js';
import type { AgentSetting } from '../inventory/agent-knobs.js';
import {
  jobSafeguards,
  workflowSafeguards,
  type ContainerUse,
  type HardenRunner,
  type JobSafeguards,
  type RunnerKind,
  type SafeguardHit,
  type SafeguardKind,
} from '../inventory/safeguards.js';
import type { AgentUse, JobInventory } from '../inventory/types.js';
import type { Job, Step, Workflow } from '../workflow/model.js';
import type { Evidence } from './types.js';
import { ev } from './verdict.js';

export interface Awf {
  readonly at: SourceLocation;
  readonly sslBump: SourceLocation | undefined;
  readonly firewallOff: AgentSetting | undefined;
}

/** A safeguard found anywhere in the workflow, with the job it is in. */
export interface WorkflowHit extends SafeguardHit {
  readonly job: string;
}

export interface JobFacts {
  readonly job: Job;
  readonly inv: JobInventory;
  readonly wf: Workflow;
  readonly agents: readonly AgentUse[];
  /** Steps that run an agent; every step when the job has agents none of which is located. */
  readonly agentSteps: readonly Step[];
  readonly firstAgentStep: number | undefined;
  readonly reusable: boolean;
  readonly runner: RunnerKind;
  readonly harden: HardenRunner | undefined;
  readonly awf: Awf | undefined;
  /** The job's `container:` and the containers the agent's steps start. */
  readonly containers: readonly ContainerUse[];
  /** The agents' own OS sandboxes that are on. */
  readonly sandboxes: readonly Evidence[];
  readonly settings: readonly { readonly agent: AgentUse; readonly s: AgentSetting }[];
  readonly safeguards: JobSafeguards;
  /** Whether a step (undefined: job or workflow level) is one of the agent's steps. */
  inAgentSteps(step: number | undefined): boolean;
  /** The first hit of `kind` per step in the agent's steps. */
  agentStepHits(kind: SafeguardKind): SafeguardHit[];
  /** The first hit of `kind` per step anywhere in the workflow, this job's first. */
  workflowHits(kind: SafeguardKind): WorkflowHit[];
}

function firstPerStep<T extends SafeguardHit>(hits: readonly T[], kind: SafeguardKind): T[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const key = `${'job' in h ? String(h.job) : ''}/${h.step}`;
    if (h.kind !== kind || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function awfOf(safeguards: JobSafeguards, settings: JobFacts['settings']): Awf | undefined {
  const wrapped = settings.find(
    ({ s }) => s.name === 'awf' || (s.name === 'sandbox.agent' && s.value === 'awf'),
  );
  const at = wrapped?.s.at ?? safeguards.hits.find((h) => h.kind === 'awf')?.at;
  if (!at) return undefined;
  return {
    at,
    sslBump: safeguards.hits.find((h) => h.kind === 'ssl-bump')?.at,
    firewallOff: settings.find(({ s }) => s.name === 'network.firewall' && s.value === 'false')?.s,
  };
}

function sandboxesOf(agents: readonly AgentUse[]): Evidence[] {
  const out: Evidence[] = [];
  for (const agent of agents) {
    if (agent.permissionsBypassed) continue;
    if (
      agent.id.startsWith('codex') &&
      (agent.mode === 'read-only' || agent.mode === 'workspace-write')
    ) {
      const setting = agent.settings.find((s) => /sandbox/.test(s.name) || s.name === '-s');
      out.push(
        ev(
          `${agent.id} runs its commands in the ${agent.mode} OS sandbox`,
          setting?.at ?? agent.at,
        ),
      );
      continue;
    }
    const on = agent.settings.find(
      (s) =>
        !s.risky &&
        ((s.name === 'sandbox.enabled' && s.value === 'true') ||
          ((s.name === '--sandbox' || s.name === '-s') && s.value !== 'disabled')),
    );
    if (on) out.push(ev(`${agent.id}: ${on.name} ${on.value} (${on.reason})`, on.at));
  }
  return out;
}

export function factsOf(job: Job, inv: JobInventory, wf: Workflow): JobFacts {
  const agents = inv.agents;
  const located = agents.map((a) => a.step).filter((s): s is number => s !== undefined);
  const agentSteps =
    agents.length === 0 || located.length === 0
      ? job.steps
      : job.steps.filter((s) => located.includes(s.index));
  const agentIndexes = new Set(agentSteps.map((s) => s.index));
  const settings = agents.flatMap((agent) => agent.settings.map((s) => ({ agent, s })));
  const safeguards = jobSafeguards(wf, job.id);
  const inAgentSteps = (step: number | undefined): boolean =>
    step === undefined || agentIndexes.has(step);
  return {
    job,
    inv,
    wf,
    agents,
    agentSteps,
    firstAgentStep: located.length > 0 ? Math.min(...located) : undefined,
    reusable: job.uses !== undefined,
    runner: safeguards.runner,
    harden: safeguards.harden,
    awf: awfOf(safeguards, settings),
    containers: safeguards.containers.filter((c) => inAgentSteps(c.step)),
    sandboxes: sandboxesOf(agents),
    settings,
    safeguards,
    inAgentSteps,
    agentStepHits: (kind) =>
      firstPerStep(
        safeguards.hits.filter((h) => agentIndexes.has(h.step)),
        kind,
      ),
    workflowHits: (kind) => {
      const all = [...workflowSafeguards(wf).values()].flatMap((s) =>
        firstPerStep(
          s.hits.map((h) => ({ ...h, job: s.job })),
          kind,
        ),
      );
      return [...all.filter((h) => h.job === job.id), ...all.filter((h) => h.job !== job.id)];
    },
  };
}
