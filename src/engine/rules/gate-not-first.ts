/**
 * gate-not-first — the agent-gate step is not the first step of its job. A step that runs
 * before it can rewrite what the gate reads: `.git` (the gate reads the workflow, its policy
 * and CODEOWNERS at a commit through `git cat-file`, which does not re-hash loose objects),
 * the workspace, `$GITHUB_ENV` for the gate's own process. Only `actions/checkout`, which
 * fetches verified objects from GitHub, may come first.
 */
import type { Step } from '../workflow/model.js';
import { NO_OPTIONS, defineRule } from './types.js';
import { stepLabel } from '../workflow/step-label.js';
import { remoteActionName, type UsesReference } from '../workflow/uses-reference.js';

/** `owner/agent-gate@ref` or `owner/agent-gate/path@ref`: the gate action itself. */
export function isGateUses(uses: UsesReference | undefined): boolean {
  const repo = remoteActionName(uses)?.split('/')[1];
  return repo?.toLowerCase() === 'agent-gate';
}

function isCheckout(step: Step): boolean {
  return step.run === undefined && /^actions\/checkout@/i.test(step.uses ?? '');
}

function describeStep(step: Step): string {
  const what = step.uses ? `uses ${step.uses}` : 'a run script';
  return `${stepLabel(step, 'name')}: ${what}`;
}

export default defineRule({
  meta: {
    id: 'gate-not-first',
    title: 'A step runs before the agent-gate step',
    description:
      "Steps that run before the gate can rewrite what it reads: git objects under `.git` (the gate reads the workflow, the policy and CODEOWNERS at a commit, and `git cat-file` does not re-hash stored objects), the workspace, or the environment of later steps. The gate's decision is then about files the step chose.",
    severity: 'high',
    confidence: 'high',
    category: 'agent',
    messages: {
      notFirst:
        'the agent-gate step is step {{step}} of job `{{job}}`; {{before}} runs before it and could rewrite `.git` or the files the gate reads',
      notFirstMany:
        'the agent-gate step is step {{step}} of job `{{job}}`; {{before}} runs before it and could rewrite `.git` or the files the gate reads ({{count}} such steps)',
    },
    peers: [],
    defaults: { baseline: 'approval-required', strict: 'blocked' },
    remediation:
      'Make the gate the first step of the job (an `actions/checkout` step may come before it), or run it as a job of its own that the others `needs:`.',
    options: NO_OPTIONS,
  },
  defaultOptions: {},
  check({ job, locate }) {
    const gate = job.steps.find((s) => isGateUses(s.usesRef));
    if (!gate) return [];
    const before = job.steps.slice(0, gate.index).filter((s) => !isCheckout(s));
    const first = before[0];
    if (!first) return [];
    return [
      {
        at: locate([...gate.at, 'uses']),
        messageId: before.length > 1 ? 'notFirstMany' : 'notFirst',
        data: {
          step: gate.index + 1,
          job: job.id,
          before: describeStep(first),
          count: before.length,
        },
      },
    ];
  },
});
