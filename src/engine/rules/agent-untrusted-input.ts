/**
 * agent-untrusted-input — text an outsider writes (issue, pull-request, comment and review
 * bodies and titles, branch names, commit messages, `workflow_run` fields, dispatch
 * payloads) flows into what an AI agent reads as instructions: its prompt and other inputs,
 * the env of its step, or the prompt argument of an agent CLI. The agent analogue of
 * template injection: whoever writes that text steers the agent and its authority.
 *
 * Only explicit data flow is reported, at the context inside the `${{ }}`. Agents that fetch
 * the triggering issue or comment themselves (claude-code-action tag mode) read untrusted
 * text by design; that exposure is judged by `agent-read-write-split` (untrusted trigger +
 * write authority) and `agent-privileged-trigger`.
 */
import {
  activeAgents,
  describeAgent,
  holdings,
  primaryAgent,
  writeAuthority,
} from './shared/agent-facts.js';
import { agentFlows } from './shared/agent-flows.js';
import type { Confidence } from './types.js';
import { defineRule } from './types.js';

interface Options {
  readonly stepOutputs: boolean;
  readonly workflowCallInputs: boolean;
}

export default defineRule<Options>({
  meta: {
    id: 'agent-untrusted-input',
    title: 'Untrusted event text flows into an AI agent prompt',
    description:
      'Issue, pull-request and comment text, branch names, commit messages, workflow_run fields or dispatch payloads are placed in an AI agent’s prompt, inputs or environment. Whoever writes that text can instruct the agent (prompt injection) and use every tool, token and secret it holds.',
    severity: 'high',
    confidence: 'high',
    category: 'agent',
    messages: {
      flows: '{{kind}} `{{expression}}`{{via}} flows into {{into}} of {{agent}}{{held}}',
    },
    peers: [],
    defaults: { baseline: 'approval-required', strict: 'blocked' },
    remediation:
      'Do not interpolate event text into the prompt or the agent’s env: pass only ids (issue or PR number) and let a read-only agent fetch the content, or sanitise it in a separate job; keep write authority out of the agent job.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        stepOutputs: {
          type: 'boolean',
          description:
            'Also report step and job outputs (`steps.*.outputs.*`, `needs.*.outputs.*`) in agent inputs; their content is not known statically.',
        },
        workflowCallInputs: {
          type: 'boolean',
          description:
            'Also report `inputs.*` of a reusable workflow (`workflow_call`); the caller decides what they carry.',
        },
      },
    },
  },
  defaultOptions: { stepOutputs: false, workflowCallInputs: false },
  check(ctx) {
    const { job, inventory } = ctx;
    const agents = activeAgents(inventory);
    if (agents.length === 0) return [];
    const authority = writeAuthority(holdings(inventory, job, primaryAgent(agents)), agents);
    const held = authority.length > 0 ? `; the job holds ${authority.join('; ')}` : '';
    return agentFlows(ctx, agents, ctx.options).map((f) => {
      const base: Confidence = f.direct ? 'high' : 'medium';
      const via = f.ref.via ? ` (through \`${f.ref.via}\`)` : '';
      const kind = f.ref.capability === 'arbitrary' ? 'untrusted' : 'outsider-shaped';
      return {
        at: f.at,
        messageId: 'flows',
        data: {
          kind,
          expression: f.ref.text,
          via,
          into: f.into,
          agent: describeAgent(job, f.agent),
          held,
        },
        severity: authority.length > 0 ? 'critical' : 'high',
        confidence: f.ref.capability === 'arbitrary' ? base : base === 'high' ? 'medium' : 'low',
      };
    });
  },
});
