/**
 * template-injection — an attacker-controllable context expands (`${{ }}`) into code: a
 * `run:` script or an action input that is executed (`actions/github-script` `script`, …).
 * The expansion happens before the shell parses the script, so quotes do not help. Same
 * semantics as zizmor's `template-injection` (capability table, dataflow through toJSON /
 * format / join, `&&` / `||`, typed inputs), graded by capability and by whether a trigger
 * of the job fills the context at all.
 */
import type { Step, Workflow } from '../workflow/model.js';
import { jobOutputLookup, matrixLookup } from '../workflow/value-sources.js';
import { stepAction } from './shared/checkout-steps.js';
import { callInputs, declaredInputTypes, envFor, populatedBy } from './shared/inject-events.js';
import { isSinkInput } from './template-injection/sinks.js';
import { OUTSIDER_EVENTS } from '../workflow/event-sets.js';
import { contextCapability } from '../workflow/expressions/contexts.js';
import { taintedContexts, type TaintedRef } from '../workflow/expressions/dataflow.js';
import { defineRule, type Confidence, type RuleHit, type Severity } from './types.js';
import { stepLabel } from '../workflow/step-label.js';

interface Options {
  /** Lowest severity reported: `low` adds dispatch and trusted-caller inputs, writer refs, outputs, unfilled contexts. */
  readonly minSeverity: 'low' | 'medium' | 'high';
}

const RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

/** Refs only someone with write access can name (branches, tags of this repository). */
const WRITER_REFS =
  /^github\.(?:ref|ref_name|base_ref)$|^github\.event\.(?:ref|base_ref|master_branch|release\.(?:tag_name|target_commitish)|deployment\.(?:ref|environment)|deployment_status\.environment|pull_request\.base\.(?:ref|label)|merge_group\.(?:head_ref|base_ref))$/;
const OUTPUTS = /^(?:steps|needs|jobs)\./;
const INPUTS = /^(?:inputs|github\.event\.inputs)\./;

interface Inputs {
  readonly declared: ReadonlyMap<string, string>;
  readonly call: ReadonlySet<string>;
  /** The workflow runs on events whose payload carries outsider text (itself or via callers). */
  readonly outsiderEvents: boolean;
}

/**
 * A `workflow_call` input carries whatever the caller passes. Graded medium when the workflow
 * shows it runs on outsider events (it also declares such a trigger, or its own expressions
 * read an outsider event's payload, so its callers run on those events and may pass their
 * text); otherwise low: the calling workflows are the repository's own and usually pass
 * literals, defaults or their own inputs. A `workflow_dispatch` input is typed by someone with
 * write access: low.
 */
function fromCaller(context: string, triggers: readonly string[], inputs: Inputs): boolean {
  if (!context.startsWith('inputs.') || !triggers.includes('workflow_call')) return false;
  const name = context.split('.')[1] ?? '';
  return inputs.call.has(name) || !inputs.declared.has(name);
}

/** Triggers whose payload carries text an outsider writes. */
const OUTSIDER_TEXT_EVENTS: ReadonlySet<string> = new Set([
  ...OUTSIDER_EVENTS,
  'commit_comment',
  'gollum',
  'check_run',
  'check_suite',
]);

/** A context of an outsider event's payload written anywhere in the workflow text. */
const OUTSIDER_PAYLOAD =
  /\bgithub\.(?:head_ref\b|event\.(?:issue|pull_request|comment|review|review_comment|discussion|workflow_run|check_suite|check_run|pages)\b[\w.*-]*)/g;

/**
 * The workflow runs on events that carry outsider text: it declares such a trigger, or its
 * own expressions read outsider-written text of such a payload (`github.event.issue.body`,
 * `github.head_ref`; ids, numbers and SHAs do not count), so its callers run on them.
 */
function runsOnOutsiderEvents(workflow: Workflow, triggers: readonly string[]): boolean {
  const declared = new Set([...triggers, ...workflow.triggers.map((t) => t.event)]);
  for (const event of declared) if (OUTSIDER_TEXT_EVENTS.has(event)) return true;
  for (const m of workflow.source.text.matchAll(OUTSIDER_PAYLOAD))
    if (contextCapability(m[0]) === 'arbitrary') return true;
  return false;
}

function grade(
  ref: TaintedRef,
  triggers: readonly string[],
  inputs: Inputs,
): { severity: Severity; confidence: Confidence; what: string } {
  if (!populatedBy(ref.context, triggers))
    return { severity: 'low', confidence: 'low', what: 'a context no trigger of this job fills' };
  if (OUTPUTS.test(ref.context))
    return { severity: 'low', confidence: 'low', what: 'an output of unknown content' };
  if (WRITER_REFS.test(ref.context))
    return {
      severity: 'low',
      confidence: 'medium',
      what: 'a ref name (no spaces, shell syntax allowed)',
    };
  if (INPUTS.test(ref.context))
    return !fromCaller(ref.context, triggers, inputs)
      ? { severity: 'low', confidence: 'medium', what: 'a free-text dispatch input' }
      : inputs.outsiderEvents
        ? {
            severity: 'medium',
            confidence: 'medium',
            what: 'a free-text input from a caller that runs on outsider events',
          }
        : {
            severity: 'low',
            confidence: 'medium',
            what: 'a free-text input from the calling workflow',
          };
  if (ref.capability === 'arbitrary')
    return { severity: 'high', confidence: 'high', what: 'attacker-controlled text' };
  return { severity: 'medium', confidence: 'medium', what: 'attacker-influenced structured text' };
}

export default defineRule<Options>({
  meta: {
    id: 'template-injection',
    title: 'Attacker-controlled expression expands into code',
    description:
      'A `${{ }}` expression whose value an outsider can set (an issue or PR title, a comment, a branch name, a commit message, a free-text input) is pasted into a `run:` script or an action input that executes code, before the shell or interpreter parses it. Quoting does not help: the text becomes code.',
    severity: 'high',
    confidence: 'high',
    category: 'workflow',
    messages: {
      expands:
        '`{{expression}}`{{via}}, {{what}}, expands into {{sink}} of {{step}} in job `{{job}}`',
    },
    peers: [
      'zizmor:template-injection',
      'scorecard:Dangerous-Workflow',
      'poutine:injection',
      'octoscan:expression-injection',
    ],
    defaults: { baseline: 'approval-required', strict: 'blocked' },
    remediation:
      'Pass the value through an environment variable (`env: { TITLE: ${{ github.event.issue.title }} }`) and use it quoted in the script (`"$TITLE"`; `process.env.TITLE` in github-script).',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minSeverity: {
          enum: ['low', 'medium', 'high'],
          description:
            'Lowest severity reported. `low` adds workflow_dispatch inputs, workflow_call inputs of a reusable workflow that does not run on outsider events, writer-controlled refs (`github.ref_name`), step and job outputs, and contexts no trigger of the job fills.',
        },
      },
    },
  },
  defaultOptions: { minSeverity: 'medium' },
  check({ workflow, job, inventory, options, locateIn }) {
    const hits: RuleHit[] = [];
    const inputTypes = declaredInputTypes(workflow);
    // The triggers are read only for a tainted expression: a job without one is the same under
    // every trigger (src/engine/inventory/trigger-reads.ts).
    let outsiderEvents: boolean | undefined;
    const inputs: Inputs = {
      declared: inputTypes,
      call: callInputs(workflow),
      get outsiderEvents() {
        return (outsiderEvents ??= runsOnOutsiderEvents(workflow, inventory.triggers));
      },
    };
    const min = RANK[options.minSeverity];
    const matrix = matrixLookup(job);
    const jobOutputs = jobOutputLookup(workflow);
    const report = (
      step: Step,
      path: readonly (string | number)[],
      value: string,
      sink: string,
    ) => {
      const env = envFor(workflow, job, step);
      for (const ref of taintedContexts(value, env, { inputTypes, matrix, jobOutputs })) {
        const g = grade(ref, inventory.triggers, inputs);
        if (RANK[g.severity] < min) continue;
        const via = ref.via ? ` (through \`${ref.via}\`)` : '';
        hits.push({
          at: locateIn(path, ref.offset),
          messageId: 'expands',
          data: {
            expression: ref.text,
            via,
            what: g.what,
            sink,
            step: stepLabel(step),
            job: job.id,
          },
          severity: g.severity,
          confidence: g.confidence,
        });
      }
    };
    for (const step of job.steps) {
      if (step.run !== undefined) report(step, [...step.at, 'run'], step.run, 'the `run:` script');
      const action = stepAction(step);
      if (!action) continue;
      for (const entry of step.with) {
        if (isSinkInput(action.name, entry.key))
          report(step, entry.at, entry.value, `input \`${entry.key}\` of ${action.name}`);
      }
    }
    return hits;
  },
});
