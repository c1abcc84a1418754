/**
 * agent-risky-mcp — tool (MCP) servers an AI agent loads that widen its reach or its supply
 * chain: remote servers (data and tool calls leave the runner), servers given secrets,
 * servers fetched at run time without a version (`npx -y pkg`, `uvx pkg`, `docker run
 * image:latest`), servers whose config the agent cannot read, and servers declared in a
 * repository file that the pull request itself controls. One hit per server and reason,
 * located at the server's declaration (inline input or repository file); a server of a
 * repository file is reported once per workflow, for every job that loads it.
 */
import { analyzeLaunch, imageName, packageName } from '../inventory/tools/launch.js';
import type { AgentUse, ToolReach } from '../inventory/types.js';
import {
  RESTORES_CONFIG_FROM_BASE,
  UNTRUSTED_TRIGGERS,
  activeAgents,
  isGhAwManifest,
  prCodeCheckout,
  stepOf,
  toolServers,
} from './shared/agent-facts.js';
import type { Confidence, RuleHit, Severity } from './types.js';
import { defineRule } from './types.js';

type Reason = 'remote' | 'secrets' | 'unpinned' | 'unread' | 'pr-controlled';
const REASONS: readonly Reason[] = ['remote', 'secrets', 'unpinned', 'unread', 'pr-controlled'];

interface Options {
  readonly reasons: readonly Reason[];
}

export default defineRule<Options>({
  meta: {
    id: 'agent-risky-mcp',
    title: 'AI agent loads a risky MCP / tool server',
    description:
      'A tool server the agent can call is remote, receives secrets, is fetched at run time without a pinned version, could not be read, or is declared in a file the pull request controls. Each widens what a prompt injection reaches, or lets someone else’s code run with the agent’s authority.',
    severity: 'medium',
    confidence: 'high',
    category: 'agent',
    messages: {
      risky: 'MCP server `{{server}}` ({{where}}, loaded by {{agent}}) {{what}}',
    },
    peers: [],
    defaults: { baseline: 'allow', strict: 'approval-required' },
    remediation:
      'Pin run-time-fetched servers (`npx -y pkg@1.2.3`, `uvx pkg==1.2.3`, `image@sha256:…`), prefer local servers with a tool allow-list, pass only narrow tokens, and never load MCP config from a pull request’s checkout on privileged events.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        reasons: {
          type: 'array',
          items: { enum: [...REASONS] },
          description: 'Which reasons are reported.',
        },
      },
    },
  },
  defaultOptions: { reasons: REASONS },
  check({ job, inventory, context, options, locateIn }) {
    const agents = activeAgents(inventory);
    if (agents.length === 0) return [];
    const ids = new Set(agents.map((a) => a.id));
    const firstStep = agents.map((a) => a.step).find((s) => s !== undefined);
    const checkout = prCodeCheckout(job, firstStep, inventory.triggers);
    const untrusted = inventory.triggers.filter((t) => UNTRUSTED_TRIGGERS.includes(t));
    const hits: RuleHit[] = [];
    const seen = new Set<string>();
    const want = new Set(options.reasons);
    const push = (
      t: ToolReach,
      reason: Reason,
      what: string,
      severity: Severity,
      confidence: Confidence = 'high',
    ): void => {
      if (!want.has(reason)) return;
      const key = `${t.at.path}:${t.at.line}:${t.at.column}:${reason}`;
      if (seen.has(key)) return;
      seen.add(key);
      const inline = t.file.startsWith('inline:');
      const where = inline ? `input ${t.file.slice(7)}` : t.file;
      hits.push({
        at: t.at,
        messageId: 'risky',
        data: { server: t.name, where, agent: t.agent, what },
        severity,
        confidence,
        // A repository config file is the same for every job that loads it: one finding per
        // workflow, listing the jobs. Whether the PR controls it depends on the job's checkout.
        ...(!inline && reason !== 'pr-controlled' ? { scope: 'workflow' as const } : {}),
      });
    };
    const locateName = (agent: AgentUse, input: string, needle: string) => {
      const entry = stepOf(job, agent)?.with.find((w) => w.key === input);
      const offset = entry ? entry.value.indexOf(needle) : -1;
      return entry && offset >= 0 ? locateIn(entry.at, offset) : undefined;
    };
    for (const t of toolServers(inventory, locateName)) {
      if (!ids.has(t.agent) || isGhAwManifest(t)) continue;
      if (t.name.startsWith('(')) {
        push(
          t,
          'unread',
          'could not be read: treated as remote, fetched at run time and able to write',
          'medium',
          'low',
        );
        continue;
      }
      if (t.remote)
        push(
          t,
          'remote',
          `is remote${t.url ? ` (${t.url})` : ''}: tool calls and the data they carry leave the runner`,
          'medium',
        );
      if (t.secrets.length > 0)
        push(
          t,
          'secrets',
          `receives secrets ${t.secrets.join(', ')}`,
          t.writeCapable ? 'high' : 'medium',
        );
      const spec = t.command !== undefined ? unpinnedSpec(t.command, t.args) : undefined;
      if (spec)
        push(
          t,
          'unpinned',
          `is fetched at run time without a pinned version (\`${spec}\`)`,
          'medium',
        );
      // A server declared in a repository file the pull request can change.
      if (!t.file.startsWith('inline:') && !RESTORES_CONFIG_FROM_BASE.includes(t.agent)) {
        const changed = context.changedFiles?.includes(t.file) === true;
        const fromHead = checkout !== undefined;
        if (changed || fromHead) {
          push(
            t,
            'pr-controlled',
            changed
              ? `is declared in ${t.file}, which this pull request changes`
              : `is declared in ${t.file} from the pull request's code (${checkout?.how ?? ''})`,
            untrusted.length > 0 ? 'critical' : 'high',
            changed ? 'high' : 'medium',
          );
        }
      }
    }
    return hits;
  },
});

/** The package or image spec a run-time-fetched server uses when it names no version. */
function unpinnedSpec(command: string, args: readonly string[]): string | undefined {
  const launch = analyzeLaunch(command, args);
  if (!launch.fetchesCode) return undefined;
  const identity = launch.identities[0] ?? '';
  if (identity.startsWith('pkg:')) {
    const name = identity.slice(4);
    const spec = launch.tokens.find((t) => !t.startsWith('-') && packageName(t) === name);
    if (!spec) return undefined;
    const bare = spec.replace(/^(npm|jsr|pypi):/, '');
    const version = bare.slice(packageName(bare).length).replace(/^(@|==|=|\[[^\]]*\](==)?)/, '');
    if (version === '' || /^(latest|next|\*|x)$/i.test(version)) return spec;
    return undefined;
  }
  if (identity.startsWith('image:')) {
    const name = identity.slice(6);
    const spec = launch.tokens.find((t) => !t.startsWith('-') && imageName(t) === name);
    if (!spec || spec.includes('@sha256:')) return undefined;
    const slash = spec.lastIndexOf('/');
    const colon = spec.lastIndexOf(':');
    const tag = colon > slash ? spec.slice(colon + 1) : '';
    return tag === '' || tag === 'latest' ? spec : undefined;
  }
  return undefined;
}
