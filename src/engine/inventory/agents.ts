/**
 * Finds the AI coding agents that run in a job — by `uses:` (steps and reusable
 * workflows), by CLI invocations in `run:` scripts, by gh-aw lock-file headers and by the
 * Copilot setup-steps job — and reads what each one's own settings let it do.
 */
import type { Job, Step, Workflow } from '../workflow/model.js';
import { locate } from '../workflow/source.js';
import { AGENTS } from './agent-catalog.js';
import type { CompiledAgent } from './agent-catalog.js';
import { agentAuthority } from './agent-knobs.js';
import type { JobScripts } from './scripts/job-scripts.js';
import type { AgentUse } from './types.js';
import { actionMatches } from './uses.js';
import { engineStep, ghAwRole } from './gh-aw-roles.js';
import { invokesAgent } from './agent-invocation.js';

export function detectAgents(
  workflow: Workflow,
  job: Job,
  idTokenWrite = false,
  scripts?: JobScripts,
): AgentUse[] {
  const seen: Sighting[] = [];
  const src = workflow.source;
  if (job.uses) {
    for (const agent of AGENTS) {
      if (agent.entry.uses.some((u) => actionMatches(job.usesRef?.name ?? '', u))) {
        seen.push({
          agent,
          via: 'job-uses',
          raw: job.uses,
          step: undefined,
          at: locate(src, [...job.at, 'uses']),
        });
      }
    }
  }
  for (const step of job.steps) {
    seen.push(...stepSightings(src, step));
    if (step.run) {
      // An agent started from a repository script the step runs (`bash scripts/run-agent.sh`).
      for (const script of scripts?.get(step.index)?.texts ?? []) {
        for (const agent of AGENTS) {
          if (agent.entry.uses.length > 0 && agent.patterns.every((p) => p.source.includes('@')))
            continue;
          if (agent.patterns.some((p) => p.test(script.text)))
            seen.push({ agent, via: 'run', raw: undefined, step: step.index, at: script.at });
        }
      }
    }
  }
  const ghAw = AGENTS.find((a) => a.entry.id === 'gh-aw');
  if (ghAw && ghAwRole(workflow, job)?.runsModel) {
    const header = ghAw.patterns.some((p) => p.test(workflowHeader(workflow.source.text)));
    const engine = engineStep(job);
    seen.push({
      agent: ghAw,
      via: header ? 'workflow-header' : 'run',
      raw: undefined,
      step: engine?.index,
      at: engine ? locate(src, [...engine.at, 'run']) : locate(src, job.at, { key: true }),
    });
  }
  const copilot = AGENTS.find((a) => a.entry.id === 'copilot-coding-agent');
  if (
    copilot &&
    job.id === 'copilot-setup-steps' &&
    /copilot-setup-steps\.ya?ml$/.test(workflow.path)
  ) {
    seen.push({
      agent: copilot,
      via: 'setup-steps',
      raw: undefined,
      step: undefined,
      at: locate(src, job.at, { key: true }),
    });
  }
  return dedupe(seen).map((s) => ({
    id: s.agent.entry.id,
    product: s.agent.entry.product,
    via: s.via,
    ref: s.raw?.includes('@') ? s.raw.slice(s.raw.lastIndexOf('@') + 1) : undefined,
    step: s.step,
    at: s.at,
    ...agentAuthority({
      agentId: s.agent.entry.id,
      step: s.step === undefined ? undefined : job.steps.find((t) => t.index === s.step),
      job,
      workflow,
      idTokenWrite,
    }),
  }));
}

/**
 * The agents a step's own `uses:` and `run:` start: a fact of the step alone, found once per
 * step object (a workflow is decided once per trigger, with the same steps).
 */
const STEP_SIGHTINGS = new WeakMap<Step, { src: Workflow['source']; sightings: Sighting[] }>();

function stepSightings(src: Workflow['source'], step: Step): readonly Sighting[] {
  const known = STEP_SIGHTINGS.get(step);
  if (known?.src === src) return known.sightings;
  const sightings: Sighting[] = [];
  if (step.uses) {
    const name = step.usesRef?.name ?? '';
    for (const agent of AGENTS) {
      // gh-aw's setup action runs in every job of the workflow; its engine is found below.
      if (agent.entry.id === 'gh-aw') continue;
      if (agent.entry.uses.some((u) => actionMatches(name, u))) {
        sightings.push({
          agent,
          via: 'uses',
          raw: step.uses,
          step: step.index,
          at: locate(src, [...step.at, 'uses']),
        });
      }
    }
  }
  if (step.run) {
    for (const agent of AGENTS) {
      if (agent.entry.id === 'gh-aw') continue;
      // Agents known only by `uses:` are not looked for in scripts (their patterns need `@`).
      if (agent.entry.uses.length > 0 && agent.patterns.every((p) => p.source.includes('@')))
        continue;
      // An install, `--version` or `--help` runs no model.
      if (agent.patterns.some((p) => invokesAgent(p, step.run ?? ''))) {
        sightings.push({
          agent,
          via: 'run',
          raw: undefined,
          step: step.index,
          at: locate(src, [...step.at, 'run']),
        });
      }
    }
  }
  STEP_SIGHTINGS.set(step, { src, sightings });
  return sightings;
}

interface Sighting {
  readonly agent: CompiledAgent;
  readonly via: AgentUse['via'];
  readonly raw: string | undefined;
  readonly step: number | undefined;
  readonly at: AgentUse['at'];
}

/** The leading comment block of a file (where gh-aw writes its manifest). */
function workflowHeader(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n', 400)) {
    if (!line.startsWith('#') && line.trim() !== '') break;
    lines.push(line);
  }
  return lines.join('\n');
}

function dedupe(sightings: Sighting[]): Sighting[] {
  const seen = new Set<string>();
  return sightings.filter((a) => {
    const key = `${a.agent.entry.id}:${a.step ?? 'job'}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
