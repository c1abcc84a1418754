/**
 * Where untrusted event text flows into what an AI agent reads: its action inputs (prompt
 * inputs first), the prompt argument of an agent CLI in `run:`, and the env of its step (job
 * and workflow env only when the agent's step names the variable). Shared by
 * `agent-untrusted-input` (which reports each flow) and `agent-read-write-split`.
 */
import { jobOutputLookup, matrixLookup } from '../../workflow/value-sources.js';
import type { SourceLocation } from '../../errors.js';
import type { AgentUse } from '../../inventory/types.js';
import type { Entry, Job, Workflow } from '../../workflow/model.js';
import type { YamlPath } from '../../workflow/source.js';
import { stepOf } from './agent-facts.js';
import { populatedBy } from './inject-events.js';
import { taintedContexts } from '../../workflow/expressions/dataflow.js';
import type { TaintedRef } from '../../workflow/expressions/dataflow.js';

export interface FlowOptions {
  /** Report `steps.*.outputs` / `needs.*.outputs` (content unknown). */
  readonly stepOutputs: boolean;
  /** Report `inputs.*` of a `workflow_call` workflow. */
  readonly workflowCallInputs: boolean;
}

export interface AgentFlow {
  readonly agent: AgentUse;
  readonly ref: TaintedRef;
  readonly at: SourceLocation;
  /** `the prompt input \`prompt\``, `step env \`TITLE\``, … */
  readonly into: string;
  /** The flow lands in the prompt itself (or env the step names), not a side input. */
  readonly direct: boolean;
}

export interface FlowContext {
  readonly workflow: Workflow;
  readonly job: Job;
  /** The job's triggers: a context none of them fills is empty and carries no text. */
  readonly inventory?: { readonly triggers: readonly string[] };
  readonly locateIn: (path: YamlPath, offset: number) => SourceLocation;
}

/** Contexts GitHub already exports to every step (GITHUB_HEAD_REF, …): an env copy adds nothing. */
const DEFAULT_ENV = new Set([
  'github.head_ref',
  'github.ref',
  'github.ref_name',
  'github.base_ref',
]);

const envRef = (name: string): RegExp =>
  new RegExp(
    `\\$\\{?${escape(name)}\\b|\\benv\\.${escape(name)}\\b|\\benv\\[['"]${escape(name)}['"]\\]`,
    'i',
  );

export function agentFlows(
  ctx: FlowContext,
  agents: readonly AgentUse[],
  options: FlowOptions,
): AgentFlow[] {
  const { workflow, job } = ctx;
  const triggers = ctx.inventory?.triggers ?? [];
  const keep = (ref: TaintedRef): boolean =>
    reportable(ref, workflow, options) && populatedBy(ref.context, triggers);
  const flows: AgentFlow[] = [];
  const seen = new Set<string>();
  const push = (flow: AgentFlow): void => {
    const key = `${flow.at.path}:${flow.at.line}:${flow.at.column}`;
    if (seen.has(key)) return;
    seen.add(key);
    flows.push(flow);
  };
  const matrix = matrixLookup(job);
  const jobOutputs = jobOutputLookup(workflow);
  const baseEnv = new Map<string, string>();
  for (const e of [...workflow.env, ...job.env]) baseEnv.set(e.key, e.value);

  for (const agent of agents) {
    const step = stepOf(job, agent);
    // gh-aw's setup action is not where its engine runs: the engine's own sighting is.
    const setupOnly = agent.id === 'gh-aw' && agent.via === 'uses';
    const env = new Map(baseEnv);
    for (const e of step?.env ?? []) env.set(e.key, e.value);
    const prompts = new Set(agent.promptInputs.map((p) => p.input.toLowerCase()));

    if ((agent.via === 'uses' && !setupOnly) || agent.via === 'job-uses') {
      const entries = agent.via === 'job-uses' ? job.with : (step?.with ?? []);
      for (const entry of entries) {
        const prompt = prompts.has(entry.key.toLowerCase());
        for (const ref of taintedContexts(entry.value, env, { matrix, jobOutputs }).filter(keep))
          push({
            agent,
            ref,
            at: ctx.locateIn(entry.at, ref.offset),
            into: `${prompt ? 'the prompt input' : 'input'} \`${entry.key}\``,
            direct: prompt,
          });
      }
    }

    if (agent.via === 'run' && step?.run !== undefined) {
      const path: YamlPath = [...step.at, 'run'];
      const refs = taintedContexts(step.run, env, { matrix, jobOutputs }).filter(keep);
      for (const prompt of agent.promptInputs) {
        for (const ref of refs) {
          if (!prompt.value.includes(ref.via ?? ref.text)) continue;
          const at = ctx.locateIn(path, ref.offset);
          if (before(at, prompt.at)) continue;
          push({ agent, ref, at, into: `the prompt argument \`${prompt.input}\``, direct: true });
        }
      }
    }

    if (step && !setupOnly) {
      const text = [step.run ?? '', ...step.with.map((w) => w.value)].join('\n');
      const scopes: [readonly Entry[], string][] = [
        [step.env, 'step'],
        [job.env, 'job'],
        [workflow.env, 'workflow'],
      ];
      for (const [entries, scope] of scopes) {
        for (const entry of entries) {
          if (scope !== 'step' && step.env.some((e) => e.key === entry.key)) continue;
          const named = envRef(entry.key).test(text);
          // Job and workflow env reach every step: only what the agent's step names counts.
          if (scope !== 'step' && !named) continue;
          for (const ref of taintedContexts(entry.value, undefined, { jobOutputs }).filter(keep)) {
            if (DEFAULT_ENV.has(ref.context)) continue;
            push({
              agent,
              ref,
              at: ctx.locateIn(entry.at, ref.offset),
              into: `${scope} env \`${entry.key}\``,
              direct: named,
            });
          }
        }
      }
    }
  }
  return flows;
}

function reportable(ref: TaintedRef, workflow: Workflow, options: FlowOptions): boolean {
  const c = ref.context;
  if (/^(steps|needs|jobs)\./.test(c)) return options.stepOutputs;
  // workflow_dispatch inputs come from someone with write access.
  if (c.startsWith('github.event.inputs.')) return false;
  if (c.startsWith('inputs.'))
    return options.workflowCallInputs && workflow.triggers.some((t) => t.event === 'workflow_call');
  return true;
}

function before(a: SourceLocation, b: SourceLocation): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
