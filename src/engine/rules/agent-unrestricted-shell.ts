/**
 * agent-unrestricted-shell — an AI agent may run any shell command without approval
 * (`--allowedTools Bash`, `permissions.allow: ["Bash"]`, run-gemini-cli without `tools.core`,
 * `--allow-all-tools`, `GOOSE_MODE=auto`, …). With a shell the model can read every env var
 * and file on the runner, reach the network and use every credential the job holds.
 *
 * Located at the setting that grants it. Engines inside gh-aw's AWF container are contained
 * (no job tokens in the container, egress firewall) and not reported.
 */
import {
  activeAgents,
  describeAgent,
  holdings,
  inAwf,
  primaryAgent,
  writeAuthority,
  hitsOnePerLocation,
} from './shared/agent-facts.js';
import { NO_OPTIONS, defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'agent-unrestricted-shell',
    title: 'AI agent may run any shell command',
    description:
      'An AI agent is allowed to run arbitrary shell commands without approval. With a shell the model can read every environment variable and file on the runner, reach the network and use every credential the job holds, so a prompt injection becomes code execution.',
    severity: 'medium',
    confidence: 'high',
    category: 'agent',
    messages: {
      anyShell: '{{agent}} may run any shell command{{tail}}',
      setting: '{{agent}} may run any shell command: `{{setting}}` — {{reason}}{{tail}}',
    },
    peers: [],
    defaults: { baseline: 'allow', strict: 'approval-required' },
    remediation:
      'Allow-list the commands the task needs (e.g. `Bash(npm test:*)`, gemini `tools.core: ["run_shell_command(npm test)"]`) instead of the bare shell tool, or deny it; keep secrets and write tokens out of the agent job.',
    options: NO_OPTIONS,
  },
  defaultOptions: {},
  check({ job, inventory }) {
    const all = activeAgents(inventory);
    const agents = all.filter((a) => a.unrestrictedShell && !inAwf(a));
    if (agents.length === 0) return [];
    const h = holdings(inventory, job, primaryAgent(agents));
    const authority = writeAuthority(h, all);
    if (h.secrets.length > 0) authority.push(`secrets ${h.secrets.map((c) => c.name).join(', ')}`);
    const severity = authority.length > 0 ? 'high' : 'medium';
    const tail = authority.length > 0 ? `; the job holds ${authority.join('; ')}` : '';
    const { hits, push } = hitsOnePerLocation(severity);
    for (const agent of agents) {
      const who = describeAgent(job, agent);
      const granting = agent.settings.filter((s) => s.grantsShell);
      if (granting.length === 0) {
        push(agent.at, 'anyShell', { agent: who, tail });
        continue;
      }
      for (const setting of granting) {
        const value = setting.value === 'present' ? '' : ` ${clip(setting.value)}`;
        push(setting.at, 'setting', {
          agent: who,
          setting: `${setting.name}${value}`,
          reason: setting.reason,
          tail,
        });
      }
    }
    return hits;
  },
});

function clip(v: string): string {
  const flat = v.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
