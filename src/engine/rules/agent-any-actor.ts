/**
 * agent-any-actor — the agent's actor gate lets anyone in: `allowed_bots: "*"`,
 * `allowed_non_write_users: "*"`, codex-action `allow-users: "*"`, opencode / droid
 * `allowed_bots: "*"`. On events an
 * outsider can start (issues, comments, pull_request_target, workflow_run), any account or
 * GitHub App then runs the agent with a prompt it controls.
 */
import {
  UNTRUSTED_TRIGGERS,
  activeAgents,
  describeAgent,
  holdings,
  primaryAgent,
  triggersIn,
  writeAuthority,
  hitsOnePerLocation,
  triggersOption,
} from './shared/agent-facts.js';
import { defineRule } from './types.js';

interface Options {
  readonly triggers: readonly string[];
}

export default defineRule<Options>({
  meta: {
    id: 'agent-any-actor',
    title: 'Any user or bot can trigger the AI agent',
    description:
      'The agent’s actor gate admits everyone (`allowed_bots: "*"`, `allowed_non_write_users: "*"`, `allow-users: "*"`) on an event outsiders can start. Any account or GitHub App can then run the agent with a prompt it writes, and use the authority of the job.',
    severity: 'high',
    confidence: 'high',
    category: 'agent',
    messages: {
      anyone: '{{agent}} can be triggered by anyone: `{{name}}: {{value}}` {{tail}}',
    },
    peers: [],
    defaults: { baseline: 'approval-required', strict: 'blocked' },
    remediation:
      'List the bots or users that may trigger the agent by name (or drop the setting so only users with write access can), and keep write authority out of a job that anyone can start.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        triggers: triggersOption('Events on which an open actor gate is reported.'),
      },
    },
  },
  defaultOptions: { triggers: UNTRUSTED_TRIGGERS },
  check({ job, inventory, options }) {
    const agents = activeAgents(inventory);
    if (agents.length === 0) return [];
    const events = triggersIn(inventory, options.triggers);
    if (events.length === 0) return [];
    const authority = writeAuthority(holdings(inventory, job, primaryAgent(agents)), agents);
    const severity = authority.length > 0 ? 'high' : 'medium';
    const tail = `on ${events.join(', ')}${authority.length > 0 ? `; the job holds ${authority.join('; ')}` : ''}`;
    const { hits, push } = hitsOnePerLocation(severity);
    for (const agent of agents) {
      for (const actor of agent.allowedActors.filter((a) => a.wildcard)) {
        const setting = [...agent.settings].reverse().find((s) => s.name === actor.name);
        // e.g. allowed_non_write_users without github_token: ignored by the action.
        if (setting && !setting.risky) continue;
        push(setting?.at ?? agent.at, 'anyone', {
          agent: describeAgent(job, agent),
          name: actor.name,
          value: actor.value,
          tail,
        });
      }
    }
    return hits;
  },
});
