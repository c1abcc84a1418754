/**
 * agent-unbounded-app-token — an AI agent works with a GitHub App token whose scopes nothing
 * in the workflow limits: a token minted by `actions/create-github-app-token` (or a similar
 * action) without `permission-*` inputs and handed to the agent, or the agent action's own
 * OIDC exchange (claude-code-action without `github_token`, opencode without
 * `use_github_token`), which yields an App installation token not bounded by `permissions:`.
 */
import { APP_TOKEN_ACTIONS } from '../inventory/action-table.js';
import { actionMatches } from '../inventory/uses.js';
import type { Step } from '../workflow/model.js';
import { activeAgents, describeAgent, stepOf } from './shared/agent-facts.js';
import type { RuleHit } from './types.js';
import { NO_OPTIONS, defineRule } from './types.js';
import { remoteActionName } from '../workflow/uses-reference.js';

export default defineRule({
  meta: {
    id: 'agent-unbounded-app-token',
    title: 'AI agent gets a GitHub App token with unbounded scopes',
    description:
      'The agent uses a GitHub App token minted without a permissions limit — every permission the App installation has (often contents, pull requests, issues and workflows write on every repository it is installed on) — or trades the job’s OIDC token for one. The job’s `permissions:` block does not bound it, so the workflow shows less authority than the agent has.',
    severity: 'high',
    confidence: 'high',
    category: 'agent',
    messages: {
      mint: 'step {{step}}{{name}} mints a GitHub App token without `permission-*` inputs (every permission of the installation) for {{agents}}',
      exchange:
        "{{agent}} exchanges the job's OIDC token with {{issuer}} for an App token not bounded by `permissions:` ({{note}})",
    },
    peers: [],
    defaults: { baseline: 'approval-required', strict: 'blocked' },
    remediation:
      'Limit the minted token with `permission-<scope>: read|write` inputs (and `repositories:`), or give the agent the job’s GITHUB_TOKEN (`github_token: ${{ github.token }}`, `use_github_token: true`) bounded by a minimal `permissions:` block.',
    options: NO_OPTIONS,
  },
  defaultOptions: {},
  check({ job, inventory, locate }) {
    const agents = activeAgents(inventory);
    if (agents.length === 0) return [];
    const hits: RuleHit[] = [];
    // Minted tokens without a permissions limit, handed to an agent step.
    for (const mint of job.steps.filter(isAppTokenStep)) {
      if (mint.id === undefined) continue;
      if (mint.with.some((w) => /^permission-|^permissions$/i.test(w.key))) continue;
      const ref = new RegExp(`steps\\.${escape(mint.id)}\\.outputs\\.token\\b`);
      const jobWide = job.env.some((e) => ref.test(e.value));
      const users = agents.filter((a) => {
        const step = stepOf(job, a);
        if (!step || step.index <= mint.index) return false;
        const text = [
          step.run ?? '',
          ...step.with.map((w) => w.value),
          ...step.env.map((e) => e.value),
        ];
        return jobWide || text.some((v) => ref.test(v));
      });
      if (users.length === 0) continue;
      hits.push({
        at: locate([...mint.at, 'uses']),
        messageId: 'mint',
        data: {
          step: mint.index + 1,
          name: mint.name ? ` (${mint.name})` : '',
          agents: [...new Set(users.map((a) => describeAgent(job, a)))].join(', '),
        },
      });
    }
    // The agent action's own OIDC exchange.
    for (const agent of agents) {
      if (!agent.tokenExchange) continue;
      const setting = agent.settings.find(
        (s) => s.risky && (s.name.includes('github_token') || s.name.includes('id-token')),
      );
      hits.push({
        at: setting?.at ?? agent.at,
        messageId: 'exchange',
        data: {
          agent: describeAgent(job, agent),
          issuer: agent.tokenExchange.issuer,
          note: agent.tokenExchange.note,
        },
      });
    }
    return hits;
  },
});

function isAppTokenStep(step: Step): boolean {
  const name = remoteActionName(step.usesRef);
  return name !== undefined && APP_TOKEN_ACTIONS.some((a) => actionMatches(name, a));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
