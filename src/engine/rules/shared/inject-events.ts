/**
 * Which events populate which contexts, and the declared input types of a workflow. A
 * context no trigger of the job can populate expands to an empty string: reported, but low.
 */
import type { Step, Workflow } from '../../workflow/model.js';

const PR = [
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
];
const INPUT_EVENTS = ['workflow_dispatch', 'workflow_call'];

/** Context prefix → events whose payload carries it; first matching prefix wins. */
const POPULATED_BY: readonly (readonly [prefix: string, events: readonly string[]])[] = [
  ['github.head_ref', PR],
  ['github.event.issue', ['issues', 'issue_comment']],
  ['github.event.pull_request', PR],
  [
    'github.event.comment',
    ['issue_comment', 'pull_request_review_comment', 'commit_comment', 'discussion_comment'],
  ],
  ['github.event.review_comment', ['pull_request_review_comment']],
  ['github.event.review', ['pull_request_review']],
  ['github.event.discussion', ['discussion', 'discussion_comment']],
  ['github.event.pages', ['gollum']],
  ['github.event.head_commit', ['push']],
  ['github.event.commits', ['push']],
  ['github.event.workflow_run', ['workflow_run']],
  ['github.event.workflow_job', ['workflow_job']],
  ['github.event.check_suite', ['check_suite']],
  ['github.event.check_run', ['check_run']],
  ['github.event.merge_group', ['merge_group']],
  ['github.event.release', ['release']],
  ['github.event.label', ['label', 'issues', 'pull_request', 'pull_request_target', 'discussion']],
  ['github.event.milestone', ['milestone', 'issues', 'pull_request', 'pull_request_target']],
  ['github.event.project_card', ['project_card']],
  ['github.event.deployment_status', ['deployment_status']],
  ['github.event.deployment', ['deployment', 'deployment_status']],
  ['github.event.forkee', ['fork']],
  ['github.event.client_payload', ['repository_dispatch']],
  ['github.event.inputs', INPUT_EVENTS],
  ['inputs', INPUT_EVENTS],
];

/**
 * True when some trigger can fill the context. `workflow_call` runs with the caller's event,
 * so it fills everything; unknown contexts count as filled.
 */
export function populatedBy(context: string, triggers: readonly string[]): boolean {
  if (triggers.length === 0 || triggers.includes('workflow_call')) return true;
  for (const [prefix, events] of POPULATED_BY) {
    if (context === prefix || context.startsWith(`${prefix}.`))
      return events.some((e) => triggers.includes(e));
  }
  return true;
}

/**
 * Declared input types (lower-case name → type) of `workflow_dispatch` and `workflow_call`.
 * When both declare a name, the freer type wins (string beats boolean).
 */
export function declaredInputTypes(workflow: Workflow): Map<string, string> {
  const types = new Map<string, string>();
  const data = workflow.source.data;
  const on = isRecord(data) ? data.on : undefined;
  if (!isRecord(on)) return types;
  for (const event of INPUT_EVENTS) {
    const config = on[event];
    const inputs = isRecord(config) ? config.inputs : undefined;
    if (!isRecord(inputs)) continue;
    for (const [name, def] of Object.entries(inputs)) {
      const type =
        isRecord(def) && typeof def.type === 'string' ? def.type.toLowerCase() : 'string';
      const key = name.toLowerCase();
      if (!types.has(key) || type === 'string') types.set(key, type);
    }
  }
  return types;
}

/** Input names declared under `workflow_call` (lower case). */
export function callInputs(workflow: Workflow): Set<string> {
  const data = workflow.source.data;
  const on = isRecord(data) ? data.on : undefined;
  const call = isRecord(on) ? on.workflow_call : undefined;
  const inputs = isRecord(call) ? call.inputs : undefined;
  return new Set(isRecord(inputs) ? Object.keys(inputs).map((k) => k.toLowerCase()) : []);
}

/** Workflow, job and step `env:` merged (the step's win), for following `env.X`. */
export function envFor(
  workflow: Workflow,
  job: { readonly env: readonly { key: string; value: string }[] },
  step: Step,
): Map<string, string> {
  const env = new Map<string, string>();
  for (const e of [...workflow.env, ...job.env, ...step.env]) env.set(e.key, e.value);
  return env;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
