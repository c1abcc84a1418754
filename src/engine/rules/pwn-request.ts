/**
 * pwn-request — a job started by a privileged trigger (pull_request_target, workflow_run,
 * issue_comment, issues, or a reusable workflow) checks out pull-request code (or downloads
 * another run's artifact) and then runs it: a build, test, install or lint step reads the
 * checked-out tree, so the pull request's author runs code with the base repository's token
 * and secrets. poutine's `untrusted_checkout_exec` plus octoscan's `gh pr checkout` /
 * `git checkout` / artifact vectors.
 */
import { executesIn, workspaceExecutions, type Execution } from './pwn-request/checkout-exec.js';
import { untrustedCheckouts, type UntrustedCheckout } from './pwn-request/checkout-untrusted.js';
import { insiderOnlyUpstream } from '../inventory/upstream-events.js';
import type { Job, Step } from '../workflow/model.js';
import { defineRule, type Confidence, type RuleHit } from './types.js';
import { stepLabel } from '../workflow/step-label.js';
import { PWN_REQUEST_EVENTS } from '../workflow/event-sets.js';

interface Options {
  /** Also report untrusted checkouts that no later step is seen to run (Scorecard's semantics). */
  readonly checkoutOnly: boolean;
  /** Treat a reusable workflow (`workflow_call`, caller unknown) as privileged. */
  readonly reusableWorkflows: boolean;
}

/** Triggers whose runs hold the base repository's write token and secrets. */
const PRIVILEGED = PWN_REQUEST_EVENTS;

/** The job only runs for pull requests from this repository: forks cannot reach it. */
const SAME_REPO =
  /head\.repo\.full_name\s*==\s*github\.repository\b|github\.repository\s*==\s*github\.event\.pull_request\.head\.repo\.full_name|head\.repo\.fork\s*==\s*false|!\s*github\.event\.pull_request\.head\.repo\.fork\b|head_repository\.full_name\s*==\s*github\.repository\b/i;
/** A maintainer gate: a label, the author's association or a named actor. */
const MAINTAINER_GATE =
  /labels\.\*\.name|label\.name|author_association|github\.(?:triggering_)?actor\s*==|\.user\.login\s*==/i;

const LOWER: Record<Confidence, Confidence> = { high: 'medium', medium: 'low', low: 'low' };

/**
 * The first later thing that runs the untrusted code: after the command or step where it
 * lands in the working tree; for an artifact unpacked into its own directory, only what runs
 * from that directory (or walks the whole tree).
 */
function firstExecution(
  job: Job,
  c: UntrustedCheckout,
): { step: Step; exec: Execution } | undefined {
  const from = c.lands ?? { step: c.step, position: c.position };
  const relevant = (step: Step, exec: Execution): boolean =>
    c.dir === undefined || executesIn(step, exec, c.dir);
  if (from.position) {
    const exec = workspaceExecutions(from.step, from.position).find((e) => relevant(from.step, e));
    if (exec) return { step: from.step, exec };
  }
  for (const step of job.steps) {
    if (step.index <= from.step.index) continue;
    const exec = workspaceExecutions(step).find((e) => relevant(step, e));
    if (exec) return { step, exec };
  }
  return undefined;
}

export default defineRule<Options>({
  meta: {
    id: 'pwn-request',
    title: 'Privileged workflow checks out and runs pull-request code',
    description:
      'A job started by pull_request_target, workflow_run, issue_comment or issues checks out the pull request head (or downloads a pull request run’s artifact) and then builds, tests, installs or lints it. Build tools read their configuration from the checkout, so the pull request’s author runs code with the base repository’s token, secrets and caches.',
    severity: 'critical',
    confidence: 'high',
    category: 'workflow',
    messages: {
      runs: 'job `{{job}}` ({{trigger}}) brings in untrusted code — {{what}} in {{step}} — and runs it {{where}}: {{exec}}{{note}}',
      checkoutOnly:
        'job `{{job}}` ({{trigger}}) brings in untrusted code — {{what}} in {{step}}; no later step is seen to run it{{note}}',
    },
    peers: [
      'poutine:untrusted_checkout_exec',
      'octoscan:dangerous-checkout',
      'octoscan:dangerous-action',
      'scorecard:Dangerous-Workflow',
      'zizmor:dangerous-triggers',
    ],
    defaults: { baseline: 'approval-required', strict: 'blocked' },
    remediation:
      'Build untrusted code in a `pull_request` workflow (no secrets, read-only token) and pass results as data; if the privileged job must check out the PR, do not run anything from it, or gate it with an environment that requires approval.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        checkoutOnly: {
          type: 'boolean',
          description:
            'Also report untrusted checkouts that no later step is seen to run (medium severity, low confidence), like Scorecard.',
        },
        reusableWorkflows: {
          type: 'boolean',
          description:
            'Report reusable workflows (`workflow_call`) whose caller is not known, one step lower in confidence, like poutine. When the gate runs inside the job it knows the caller’s event and checks it anyway.',
        },
      },
    },
  },
  defaultOptions: { checkoutOnly: false, reusableWorkflows: false },
  check({ workflow, job, inventory, options, locate, locateIn, context }) {
    // A `workflow_run` after workflows only insiders start brings no outsider's code.
    const insiderRun = workflow.triggers.some(
      (t) => t.event === 'workflow_run' && insiderOnlyUpstream(t, context) !== undefined,
    );
    const privileged = inventory.triggers.filter(
      (t) => PRIVILEGED.includes(t) && !(t === 'workflow_run' && insiderRun),
    );
    const called = inventory.triggers.includes('workflow_call');
    if (privileged.length === 0 && !(called && options.reusableWorkflows)) return [];
    const hits: RuleHit[] = [];
    const writes = Object.values(inventory.permissions.scopes).some((l) => l === 'write');
    const secrets = inventory.credentials.some((c) => c.kind !== 'github-token');
    const jobIf = job.if ?? '';
    const scope = {
      triggers: [...new Set([...inventory.triggers, ...workflow.triggers.map((t) => t.event)])],
      name: workflow.name,
      path: workflow.path,
    };
    for (const c of untrustedCheckouts(job, scope)) {
      const gates = `${jobIf}\n${c.step.if ?? ''}`;
      let confidence: Confidence = c.certainty;
      const notes: string[] = [];
      if (privileged.length === 0) {
        confidence = LOWER[confidence];
        notes.push("the caller's trigger is not known");
      }
      if (SAME_REPO.test(gates)) {
        confidence = 'low';
        notes.push('gated to same-repository pull requests');
      } else if (MAINTAINER_GATE.test(gates)) {
        confidence = LOWER[confidence];
        notes.push('gated by a label or actor check');
      }
      if (job.environment) {
        confidence = LOWER[confidence];
        notes.push(`environment \`${job.environment.name}\` may require approval`);
      }
      const at = c.offset !== undefined ? locateIn(c.at, c.offset) : locate(c.at);
      const trigger = privileged.length > 0 ? privileged.join(', ') : 'workflow_call';
      const found = firstExecution(job, c);
      const note = notes.length > 0 ? ` (${notes.join('; ')})` : '';
      if (found) {
        const where = found.step === c.step ? 'in the same script' : `in ${stepLabel(found.step)}`;
        hits.push({
          at,
          messageId: 'runs',
          data: {
            job: job.id,
            trigger,
            what: c.what,
            step: stepLabel(c.step),
            where,
            exec: found.exec.what,
            note,
          },
          severity: writes || secrets ? 'critical' : 'high',
          confidence,
        });
      } else if (options.checkoutOnly) {
        hits.push({
          at,
          messageId: 'checkoutOnly',
          data: { job: job.id, trigger, what: c.what, step: stepLabel(c.step), note },
          severity: 'medium',
          confidence: 'low',
        });
      }
    }
    return hits;
  },
});
