/**
 * Checklist item 3 (Access Control): Maintain a tool allowlist.
 */
import { defineControl } from '../control.js';
import type { Evidence } from '../types.js';
import { ev, noAgent, reusableGap, verdict } from '../verdict.js';

/** Agent settings that hold an explicit tool allow-list. */
const ALLOW_LIST_SETTINGS = new Set([
  '--allowedTools',
  '--allowed-tools',
  'allowed_tools',
  'allowedTools',
  'permissions.allow',
  '--allow-tool',
  'tools.core',
  'tools.allowed',
  '--available-tools',
  '--tools',
  'enabled_tools',
]);

export default defineControl({
  meta: {
    id: 'tool-allowlist',
    number: 3,
    category: 'Access Control',
    title: 'Maintain a tool allowlist',
    short: 'Tool allowlist',
    basic: false,
    looksAt:
      'explicit tool allow-lists of each agent (`--allowedTools`, `permissions.allow`, `--allow-tool`, `tools.core`), unrestricted shell or bypass modes, MCP servers without a tools list',
    levels: {
      full: 'Every agent has an explicit, non-risky allow-list (`--allowedTools`, `permissions.allow`, `--allow-tool`, `tools.core`, …) and every MCP server has a `tools` list',
      partial:
        "No open shell, but some agent relies on its product's default tool set, or some MCP server has no tools list",
      none: 'An unrestricted shell, a bypass or allow-all mode, an MCP server with `trust` or `tools: ["*"]`',
      notObservable: 'no agent; reusable workflow',
    },
    messages: {
      open: 'an agent or tool server is not limited to an allow-list',
      defaults:
        'no unrestricted shell, but not every agent and tool server has an explicit allow-list',
      listed: 'every agent and tool server has an explicit tool allow-list',
    },
  },
  score(f) {
    const skip = reusableGap(f) ?? noAgent(f);
    if (skip) return skip;
    const open: Evidence[] = [];
    const defaults: Evidence[] = [];
    const lists: Evidence[] = [];
    for (const agent of f.agents) {
      const allow = agent.settings.filter((s) => ALLOW_LIST_SETTINGS.has(s.name));
      if (agent.unrestrictedShell || agent.permissionsBypassed) {
        // The setting that does it (the reader's own verdict), else the first risky one.
        const why =
          agent.settings.find((s) =>
            agent.permissionsBypassed ? s.bypassesChecks : s.grantsShell,
          ) ?? agent.settings.find((s) => s.risky);
        open.push(
          ev(
            `${agent.id} ${agent.permissionsBypassed ? 'runs with permission checks off' : 'may run any shell command'}${why ? `: ${why.name} (${why.reason})` : ''}`,
            why?.at ?? agent.at,
          ),
        );
      } else if (allow.length > 0 && allow.every((s) => !s.risky)) {
        lists.push(...allow.map((s) => ev(`${agent.id}: ${s.name} (${s.reason})`, s.at)));
      } else if (allow.some((s) => s.risky)) {
        const s = allow.find((x) => x.risky)!;
        defaults.push(ev(`${agent.id}: ${s.name} (${s.reason})`, s.at));
      } else {
        defaults.push(
          ev(`${agent.id} uses its default tool set: no explicit allow-list`, agent.at),
        );
      }
    }
    for (const tool of f.inv.tools) {
      if (tool.trust || tool.tools === '*')
        open.push(
          ev(
            `MCP server ${tool.name} (${tool.file}): ${tool.trust ? 'calls are not confirmed' : 'every tool allowed'}`,
            tool.at,
          ),
        );
      else if (tool.tools === undefined || tool.tools.length === 0)
        defaults.push(ev(`MCP server ${tool.name} (${tool.file}) has no tool allow-list`, tool.at));
      else
        lists.push(
          ev(`MCP server ${tool.name}: tools ${tool.tools.slice(0, 5).join(', ')}`, tool.at),
        );
    }
    if (open.length > 0) return verdict(0, 'open', [...open, ...defaults]);
    if (defaults.length > 0) return verdict(0.5, 'defaults', [...defaults, ...lists]);
    return verdict(1, 'listed', lists);
  },
});
