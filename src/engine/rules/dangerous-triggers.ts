/**
 * dangerous-triggers — `pull_request_target` and `workflow_run` run with the base
 * repository's token and secrets on events an outsider starts. zizmor reports every use;
 * we report every use too, but grade each job: one that checks out pull-request code (or
 * downloads another run's artifacts) with write access or secrets is the classic
 * "pwn request", while a job that only reads and runs none of it is low risk.
 */
import { insiderOnlyUpstream } from '../inventory/upstream-events.js';
import { actionMatches } from '../inventory/uses.js';
import { writeScopes } from '../inventory/permissions.js';
import { untrustedInputs } from '../inventory/untrusted-inputs.js';
import { triggerNode } from '../workflow/trigger-node.js';
import type { Confidence, RuleHit, Severity } from './types.js';
import { NO_OPTIONS, defineRule } from './types.js';
import { remoteActionName, type UsesReference } from '../workflow/uses-reference.js';

const DANGEROUS: Readonly<Record<string, string>> = {
  pull_request_target:
    'runs in the base repository with its token and secrets for pull requests from anyone',
  workflow_run:
    'runs with the base repository token and secrets after a workflow a pull request can start',
};

export default defineRule({
  meta: {
    id: 'dangerous-triggers',
    title: 'Privileged trigger (`pull_request_target`, `workflow_run`)',
    description:
      "These triggers run with the base repository's token and secrets on events an outsider can start. Checking out the pull request (or using another run's artifacts) in such a job hands that token and those secrets to the pull request's code (\"pwn request\").",
    severity: 'high',
    confidence: 'medium',
    category: 'workflow',
    messages: {
      trigger: '`{{event}}` {{danger}}: job `{{job}}` {{what}}',
      holds: '`{{event}}` {{danger}}: job `{{job}}` {{what}} and holds {{holds}}',
    },
    peers: ['zizmor:dangerous-triggers'],
    defaults: { baseline: 'allow', strict: 'approval-required' },
    remediation:
      'Use `pull_request` (read-only token, no secrets) for anything that builds or tests pull-request code; keep `pull_request_target` / `workflow_run` jobs free of pull-request code, with read-only permissions and no secrets they do not need.',
    options: NO_OPTIONS,
  },
  defaultOptions: {},
  check({ workflow, job, inventory, locate, context }) {
    const triggers = workflow.triggers.filter((t) => t.event in DANGEROUS);
    if (triggers.length === 0 || isLabelerOnly(workflow.jobs)) return [];

    const writes = writeScopes(inventory.permissions);
    const secrets = inventory.credentials
      .filter((c) => c.kind !== 'github-token' && c.kind !== 'oidc')
      .map((c) => c.name);
    const privileged = writes.length > 0 || secrets.length > 0;
    const code = untrustedInputs(job);
    const certain = code.some((c) => c.certain);
    const agents = inventory.agents.map((a) => a.id);

    let severity: Severity;
    let confidence: Confidence;
    let what: string;
    if (job.uses !== undefined) {
      [severity, confidence] = ['high', 'medium'];
      what = `calls ${job.uses}, which is not analysed`;
    } else if (code.length > 0) {
      [severity, confidence] = privileged
        ? ['high', certain ? 'high' : 'medium']
        : ['medium', 'medium'];
      what = code.map((c) => `step ${c.step + 1} ${c.what}`).join('; ');
    } else if (privileged || agents.length > 0) {
      [severity, confidence] = ['high', 'medium'];
      what =
        agents.length > 0
          ? `runs the AI agent ${agents.join(', ')} on outsider-controlled events`
          : 'checks out no pull-request code';
    } else {
      [severity, confidence] = ['low', 'low'];
      what = 'checks out no pull-request code and holds a read-only token without secrets';
    }
    const holds = [
      writes.length > 0 ? `write to ${writes.join(', ')}` : undefined,
      secrets.length > 0 ? `secrets ${secrets.join(', ')}` : undefined,
    ].filter((x): x is string => x !== undefined);

    // The classic safe shape: no pull-request code or artifacts, no agent, no unread callee.
    const safe = code.length === 0 && agents.length === 0 && job.uses === undefined;
    return triggers.map((t): RuleHit => {
      const node = triggerNode(t);
      // A `workflow_run` after workflows only insiders start is not an untrusted trigger.
      const insider = insiderOnlyUpstream(t, context);
      return {
        ...(insider
          ? { advisory: insider }
          : safe
            ? {
                advisory: `job \`${job.id}\` runs nothing from the pull request or another run and no AI agent`,
              }
            : {}),
        at: locate(node.path, { key: node.key }),
        ...(holds.length > 0
          ? {
              messageId: 'holds',
              data: {
                event: t.event,
                danger: DANGEROUS[t.event] ?? '',
                job: job.id,
                what,
                holds: holds.join(' and '),
              },
            }
          : {
              messageId: 'trigger',
              data: { event: t.event, danger: DANGEROUS[t.event] ?? '', job: job.id, what },
            }),
        severity,
        confidence,
      };
    });
  },
});

/** zizmor's exception: one job with one step, `actions/labeler`. */
function isLabelerOnly(
  jobs: readonly { steps: readonly { usesRef: UsesReference | undefined }[] }[],
): boolean {
  const [only] = jobs;
  if (jobs.length !== 1 || !only || only.steps.length !== 1) return false;
  const uses = remoteActionName(only.steps[0]?.usesRef);
  return uses !== undefined && actionMatches(uses, 'actions/labeler');
}
