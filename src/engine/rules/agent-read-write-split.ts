/**
 * agent-read-write-split — one job both lets an AI agent read untrusted input (an event
 * outsiders start or write: issues, comments, pull_request_target, workflow_run; event text
 * in the prompt; the pull request's code checked out before the agent) and holds write
 * authority (a GITHUB_TOKEN that can change code or settings, token secrets, minted App
 * tokens, write-capable tool servers, push credentials). gh-aw enforces the split: a
 * read-only agent job whose output a separate safe-outputs job validates and applies. A
 * compiled gh-aw lock file with that split is not reported.
 */
import {
  UNTRUSTED_TRIGGERS,
  activeAgents,
  describeAgent,
  ghAwSplit,
  holdings,
  prCodeCheckout,
  primaryAgent,
  triggersIn,
  writeAuthority,
  triggersOption,
} from './shared/agent-facts.js';
import { agentFlows } from './shared/agent-flows.js';
import { defineRule } from './types.js';

interface Options {
  readonly conversationWrites: boolean;
  readonly triggers: readonly string[];
}

export default defineRule<Options>({
  meta: {
    id: 'agent-read-write-split',
    title: 'AI agent job reads untrusted input and holds write authority',
    description:
      'The same job lets an AI agent read input outsiders control (issue and comment text, pull-request code, event text in its prompt) and holds authority to change the repository (write token, token secrets, App tokens, write-capable tools, push credentials). A prompt injection in that input acts with that authority. gh-aw’s read-only agent job + safe-outputs job is the split that prevents it.',
    severity: 'high',
    confidence: 'medium',
    category: 'agent',
    messages: {
      split: '{{agent}} reads {{reads}} while the job holds {{held}}',
    },
    peers: [],
    defaults: { baseline: 'allow', strict: 'approval-required' },
    remediation:
      'Split the job: run the agent with `permissions: read-all`, no token secrets and `persist-credentials: false`, have it write its result to an artifact or output, and apply that result in a separate job (after validation) that holds the write permissions — the pattern gh-aw safe-outputs compiles to.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        conversationWrites: {
          type: 'boolean',
          description:
            'Count conversation-only writes (issues, pull-requests, discussions, statuses, checks) as write authority.',
        },
        triggers: triggersOption('Events on which the agent is taken to read untrusted text.'),
      },
    },
  },
  defaultOptions: { conversationWrites: false, triggers: UNTRUSTED_TRIGGERS },
  check(ctx) {
    const { workflow, job, inventory, options } = ctx;
    const agents = activeAgents(inventory);
    const agent = primaryAgent(agents);
    if (!agent) return [];
    if (ghAwSplit(workflow, job, inventory)) return [];
    const h = holdings(inventory, job, agent);
    const authority = writeAuthority(h, agents);
    if (options.conversationWrites) {
      const talk = h.writeScopes.filter((s) => !h.strongWrites.includes(s) && s !== 'id-token');
      if (talk.length > 0) authority.push(`GITHUB_TOKEN write (${talk.join(', ')})`);
    }
    if (authority.length === 0) return [];

    const reads: string[] = [];
    let explicit = false;
    const flows = agentFlows(ctx, agents, { stepOutputs: false, workflowCallInputs: false }).filter(
      (f) => f.ref.capability === 'arbitrary',
    );
    if (flows.length > 0) {
      reads.push(
        `event text in its inputs (${[...new Set(flows.map((f) => f.ref.text))].join(', ')})`,
      );
      explicit = true;
    }
    // An explicit checkout of the pull request head (a PR event's default checkout runs with
    // the reduced token GitHub gives forks).
    const checkout = prCodeCheckout(job, agent.step, inventory.triggers, false);
    if (checkout) {
      reads.push(`the pull request's code (${checkout.how}, step ${checkout.step.index + 1})`);
      explicit = true;
    }
    const events = triggersIn(inventory, options.triggers);
    if (events.length > 0) reads.push(`text outsiders write on ${events.join(', ')}`);
    if (reads.length === 0) return [];
    return [
      {
        at: agent.at,
        messageId: 'split',
        data: {
          agent: describeAgent(job, agent),
          reads: reads.join('; '),
          held: authority.join('; '),
        },
        severity: explicit ? 'high' : 'medium',
        confidence: explicit ? 'high' : 'medium',
      },
    ];
  },
});
