/**
 * template-injection — an attacker-controllable context expands (`${{ }}`) into code: a
 * `run:` script or an action input that is executed (`actions/github-script` `script`, …).
 * The expansion happens before the shell parses the script, so quotes do not help. Same
 * semantics as zizmor's `template-injection` (capability table, dataflow through toJSON /
 * format / join, `&&` / `||`, typed inputs), graded by capability and by whether a trigger
 * of the job fills the context at all.
 */
import type { Step } from '../workflow/model.js';
import { stepAction } from './lib/checkout-steps.js';
import { callInputs, declaredInputTypes, envFor, populatedBy } from './lib/inject-events.js';
import { isSinkInput } from './lib/inject-sinks.js';
import { taintedContexts, type TaintedRef } from './lib/untrusted-context.js';
import { defineRule, type Confidence, type RuleHit, type Severity } from './types.js';

interface Options {
  /** Lowest severity reported: `low` adds dispatch inputs, writer refs, outputs, unfilled contexts. */
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
}

/**
 * A `workflow_call` input carries whatever the caller passes (event text included): medium.
 * A `workflow_dispatch` input is typed by someone with write access: low.
 */
function fromCaller(context: string, triggers: readonly string[], inputs: Inputs): boolean {
  if (!context.startsWith('inputs.') || !triggers.includes('workflow_call')) return false;
  const name = context.split('.')[1] ?? '';
  return inputs.call.has(name) || !inputs.declared.has(name);
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
    return fromCaller(ref.context, triggers, inputs)
      ? { severity: 'medium', confidence: 'medium', what: 'a free-text input from the caller' }
      : { severity: 'low', confidence: 'medium', what: 'a free-text dispatch input' };
  if (ref.capability === 'arbitrary')
    return { severity: 'high', confidence: 'high', what: 'attacker-controlled text' };
  return { severity: 'medium', confidence: 'medium', what: 'attacker-influenced structured text' };
}

function stepLabel(step: Step): string {
  return `step ${step.index + 1}${step.name ? ` (${step.name})` : step.id ? ` (${step.id})` : ''}`;
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
            'Lowest severity reported. `low` adds workflow_dispatch inputs, writer-controlled refs (`github.ref_name`), step and job outputs, and contexts no trigger of the job fills.',
        },
      },
    },
  },
  defaultOptions: { minSeverity: 'medium' },
  check({ workflow, job, inventory, options, locateIn }) {
    const hits: RuleHit[] = [];
    const inputTypes = declaredInputTypes(workflow);
    const inputs: Inputs = { declared: inputTypes, call: callInputs(workflow) };
    const min = RANK[options.minSeverity];
    const report = (
      step: Step,
      path: readonly (string | number)[],
      value: string,
      sink: string,
    ) => {
      const env = envFor(workflow, job, step);
      for (const ref of taintedContexts(value, env, { inputTypes })) {
        const g = grade(ref, inventory.triggers, inputs);
        if (RANK[g.severity] < min) continue;
        const via = ref.via ? ` (through \`${ref.via}\`)` : '';
        hits.push({
          at: locateIn(path, ref.offset),
          message: `\`${ref.text}\`${via}, ${g.what}, expands into ${sink} of ${stepLabel(step)} in job \`${job.id}\``,
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
