/**
 * Finds the AI coding agents that run in a job — by `uses:` (steps and reusable
 * workflows), by CLI invocations in `run:` scripts, by gh-aw lock-file headers and by the
 * Copilot setup-steps job — and records the risky knobs set on them.
 */
import type { Job, Step, Workflow } from '../workflow/model.js';
import { locate } from '../workflow/source.js';
import { AGENTS } from './agent-catalog.js';
import type { CompiledAgent } from './agent-catalog.js';
import type { AgentKnob, AgentUse } from './types.js';
import { actionMatches } from './uses.js';

export function detectAgents(workflow: Workflow, job: Job): AgentUse[] {
  const found: AgentUse[] = [];
  const src = workflow.source;
  if (job.uses) {
    for (const agent of AGENTS) {
      if (agent.entry.uses.some((u) => actionMatches(stripRef(job.uses ?? ''), u))) {
        found.push(
          use(agent, 'job-uses', job.uses, undefined, locate(src, [...job.at, 'uses']), []),
        );
      }
    }
  }
  for (const step of job.steps) {
    if (step.uses) {
      const name = stripRef(step.uses);
      for (const agent of AGENTS) {
        if (agent.entry.uses.some((u) => actionMatches(name, u))) {
          found.push(
            use(
              agent,
              'uses',
              step.uses,
              step.index,
              locate(src, [...step.at, 'uses']),
              inputKnobs(workflow, agent, step),
            ),
          );
        }
      }
    }
    if (step.run) {
      for (const agent of AGENTS) {
        if (agent.entry.uses.length > 0 && agent.patterns.every((p) => p.source.includes('@')))
          continue;
        if (agent.patterns.some((p) => p.test(step.run ?? ''))) {
          found.push(
            use(
              agent,
              'run',
              undefined,
              step.index,
              locate(src, [...step.at, 'run']),
              flagKnobs(workflow, agent, step),
            ),
          );
        }
      }
    }
  }
  const header = workflowHeader(workflow.source.text);
  const ghAw = AGENTS.find((a) => a.entry.id === 'gh-aw');
  if (
    ghAw &&
    found.every((f) => f.id !== 'gh-aw') &&
    ghAw.patterns.some((p) => p.test(header)) &&
    jobLooksLikeGhAwAgent(job)
  ) {
    found.push(
      use(ghAw, 'workflow-header', undefined, undefined, locate(src, job.at, { key: true }), []),
    );
  }
  if (job.id === 'copilot-setup-steps' && /copilot-setup-steps\.ya?ml$/.test(workflow.path)) {
    const copilot = AGENTS.find((a) => a.entry.id === 'copilot-coding-agent');
    if (copilot)
      found.push(
        use(copilot, 'setup-steps', undefined, undefined, locate(src, job.at, { key: true }), []),
      );
  }
  return dedupe(found);
}

function use(
  agent: CompiledAgent,
  via: AgentUse['via'],
  raw: string | undefined,
  step: number | undefined,
  at: AgentUse['at'],
  knobs: AgentKnob[],
): AgentUse {
  const ref = raw?.includes('@') ? raw.slice(raw.lastIndexOf('@') + 1) : undefined;
  return { id: agent.entry.id, product: agent.entry.product, via, ref, step, knobs, at };
}

/** Inputs of an agent action that the catalog lists as authority knobs, with their values. */
function inputKnobs(workflow: Workflow, agent: CompiledAgent, step: Step): AgentKnob[] {
  const knobs: AgentKnob[] = [];
  for (const entry of step.with) {
    const known = agent.knobs.find((k) => k.knob.kind === 'input' && k.names.includes(entry.key));
    if (known)
      knobs.push({ name: entry.key, value: entry.value, at: locate(workflow.source, entry.at) });
  }
  return knobs;
}

/** Risky CLI flags the catalog can detect in a `run:` script. */
function flagKnobs(workflow: Workflow, agent: CompiledAgent, step: Step): AgentKnob[] {
  const knobs: AgentKnob[] = [];
  for (const { knob, detect } of agent.knobs) {
    const match = detect?.exec(step.run ?? '');
    if (match)
      knobs.push({
        name: knob.name,
        value: match[0],
        at: locate(workflow.source, [...step.at, 'run']),
      });
  }
  return knobs;
}

function stripRef(uses: string): string {
  const at = uses.lastIndexOf('@');
  return at > 0 ? uses.slice(0, at) : uses;
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

/** In a gh-aw lock file, the agent runs in the job that executes the engine (`agent`). */
function jobLooksLikeGhAwAgent(job: Job): boolean {
  return (
    job.id === 'agent' ||
    job.steps.some((s) => /\bawf\b|gh-aw.*engine|GH_AW_AGENT/i.test(s.run ?? ''))
  );
}

function dedupe(agents: AgentUse[]): AgentUse[] {
  const seen = new Set<string>();
  return agents.filter((a) => {
    const key = `${a.id}:${a.step ?? 'job'}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
