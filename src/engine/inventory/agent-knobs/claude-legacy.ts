/**
 * claude-code-action versions: which ref is v0 / @beta, and the v0 inputs removed in v1
 * (`allowed_tools`, `mcp_config`, `direct_prompt`, `mode`, …), read only where they apply.
 */
import { locate } from '../../workflow/source.js';
import { CLAUDE_DIALECT } from './claude-settings.js';
import type { Collector } from './collector.js';
import { entryAt, input, risky, safe } from './collector.js';
import { judgeTools, shellGrant, splitTools } from './tools.js';

/** v0.x / @beta inputs removed in v1. */
export const LEGACY = [
  'allowed_tools',
  'disallowed_tools',
  'mcp_config',
  'claude_env',
  'direct_prompt',
  'override_prompt',
  'mode',
  'custom_instructions',
  'max_turns',
  'model',
  'timeout_minutes',
];

export type Version = 'legacy' | 'current' | 'unknown';

/** v0 / beta, v1+, or unknown (a SHA without a version comment, a branch). */
export function actionVersion(c: Collector): Version {
  let tag = c.ctx.step?.usesRef?.ref ?? '';
  if (/^[0-9a-f]{40}$/i.test(tag) && c.ctx.step) {
    const line = locate(c.ctx.workflow.source, [...c.ctx.step.at, 'uses']).line;
    const text = c.ctx.workflow.source.text.split('\n')[line - 1] ?? '';
    tag = /#\s*(\S+)/.exec(text)?.[1] ?? '';
  }
  if (/^v?0(?:\.|$)/i.test(tag) || /^beta$/i.test(tag)) return 'legacy';
  if (/^v?[1-9]\d*(?:\.|$)/i.test(tag) || /^(?:main|master)$/.test(tag)) return 'current';
  return 'unknown';
}

/** The v0 inputs: evaluated for v0/beta and unknown refs, reported as ignored for v1. */
export function legacyInputs(c: Collector, version: Version): string | undefined {
  const { ctx } = c;
  let mode: string | undefined;
  for (const name of LEGACY) {
    const entry = input(ctx, name);
    if (!entry || entry.value.trim() === '') continue;
    const at = entryAt(ctx, entry);
    const v = entry.value;
    if (version === 'current') {
      c.add(entry.key, v, safe('removed in v1: GitHub ignores this input'), at);
      continue;
    }
    switch (name) {
      case 'allowed_tools':
        c.add(entry.key, v, judgeTools(splitTools(v), CLAUDE_DIALECT), at);
        break;
      case 'disallowed_tools': {
        const denies = splitTools(v).some((t) => shellGrant(t, CLAUDE_DIALECT) === 'unrestricted');
        if (denies) c.denyShell();
        c.add(entry.key, v, safe(denies ? 'denies the shell tool outright' : 'deny list'), at);
        break;
      }
      case 'mcp_config':
        c.mcpConfig.push({ source: entry.key, value: v, at });
        c.add(entry.key, v.trim().slice(0, 200), risky('adds MCP servers (v0 input)'), at);
        break;
      case 'claude_env':
        c.add(
          entry.key,
          v,
          /secrets\.|TOKEN|SECRET|_KEY\b/i.test(v)
            ? risky('passes secrets to every command the agent runs')
            : safe('environment for the agent'),
          at,
        );
        break;
      case 'mode':
        mode = v.trim();
        break;
      case 'direct_prompt':
      case 'override_prompt':
        mode ??= 'agent';
        break;
      default:
        break;
    }
  }
  return mode;
}
