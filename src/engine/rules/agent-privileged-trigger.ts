/**
 * agent-privileged-trigger — an AI agent job that outsiders can start or steer
 * (`pull_request_target`, `issue_comment`, `issues`, `workflow_run`, discussions, reviews) or
 * that nobody attends (`schedule`, `repository_dispatch`), and that holds something worth
 * taking: a write-scoped GITHUB_TOKEN, secrets beyond the agent's own model key, minted App
 * tokens, a self-hosted runner, or checkout credentials left in `.git/config`.
 */
import {
  PRIVILEGED_TRIGGERS,
  activeAgents,
  describeAgent,
  holdings,
  inAwf,
  primaryAgent,
  triggersIn,
  triggersOption,
} from './shared/agent-facts.js';
import { defineRule } from './types.js';

interface Options {
  readonly triggers: readonly string[];
}

export default defineRule<Options>({
  meta: {
    id: 'agent-privileged-trigger',
    title: 'AI agent on a privileged or unattended trigger holds credentials',
    description:
      'An AI agent runs on an event that outsiders can start or steer (pull_request_target, issue_comment, issues, workflow_run, …) or that nobody attends (schedule), in a job that holds a write token, secrets, App tokens, a self-hosted runner or persisted checkout credentials. A prompt injection in the text the agent reads can use all of it.',
    severity: 'high',
    confidence: 'high',
    category: 'agent',
    messages: {
      privileged: '{{agent}} runs on {{events}} and the job holds {{held}}',
    },
    peers: [],
    defaults: { baseline: 'allow', strict: 'approval-required' },
    remediation:
      'Give the agent job `permissions: read-all` (or `{}`), no secrets beyond its model key, a GitHub-hosted runner and `persist-credentials: false`; move writes to a separate job that acts on the agent’s validated output.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        triggers: triggersOption('Events treated as privileged or unattended.'),
      },
    },
  },
  defaultOptions: { triggers: PRIVILEGED_TRIGGERS },
  check({ job, inventory, options }) {
    const agents = activeAgents(inventory);
    const agent = primaryAgent(agents);
    if (!agent) return [];
    const events = triggersIn(inventory, options.triggers);
    if (events.length === 0) return [];
    const h = holdings(inventory, job, agent);
    const contained = agents.some(inAwf);
    const held: string[] = [];
    const writes = h.writeScopes.filter((s) => s !== 'id-token');
    if (writes.length > 0)
      held.push(
        `GITHUB_TOKEN write (${writes.join(', ')})${h.assumed ? ' — repository default assumed' : ''}`,
      );
    // AWF also keeps the OIDC request variables out of the agent container.
    if (h.writeScopes.includes('id-token') && !contained)
      held.push('OIDC tokens (`id-token: write`)');
    // gh-aw's AWF keeps the job's secrets out of the agent container.
    if (!contained && h.secrets.length > 0)
      held.push(`secrets ${h.secrets.map((c) => c.name).join(', ')}`);
    if (h.appTokens.length > 0) held.push(h.appTokens.map((c) => c.name).join(', '));
    if (h.selfHosted) held.push('a self-hosted runner');
    if (h.persistedCheckout)
      held.push(
        `checkout credentials persisted by step ${h.persistedCheckout.index + 1} (no \`persist-credentials: false\`)`,
      );
    if (held.length === 0) return [];
    const strong =
      h.strongWrites.length > 0 ||
      (!contained && h.secrets.length > 0) ||
      h.appTokens.some((c) => c.write) ||
      h.selfHosted !== undefined;
    const onlyAssumed = h.assumed && held.length === 1 && writes.length > 0;
    return [
      {
        at: agent.at,
        messageId: 'privileged',
        data: {
          agent: describeAgent(job, agent),
          events: events.join(', '),
          held: held.join('; '),
        },
        severity: strong ? 'high' : 'medium',
        confidence: onlyAssumed ? 'medium' : 'high',
      },
    ];
  },
});
