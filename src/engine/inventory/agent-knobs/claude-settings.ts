/**
 * Claude Code permissions: the tool dialect, permission modes, and settings JSON (the
 * `settings` input of both actions and `--settings`), agents.md §3.3.
 */
import type { SourceLocation } from '../../errors.js';
import type { Collector, Verdict } from './collector.js';
import { clip, isObject, jsonGet, parseJson, risky, safe, stringList } from './collector.js';
import type { ToolDialect } from './tools.js';
import { dirVerdict, judgeTools, shellGrant, splitTools } from './tools.js';
import { hasExpression } from '../../workflow/expressions/fences.js';

export const CLAUDE_DIALECT: ToolDialect = {
  shell: ['Bash'],
  riskyTool: (t) =>
    t === 'WebFetch'
      ? 'WebFetch lets the agent fetch any URL'
      : /^mcp__(?:(?!__).)+(?:__\*)?$/.test(t)
        ? `${t} allows every tool of that MCP server`
        : undefined,
};

export const PERMISSION_MODES: Readonly<Record<string, Verdict>> = {
  bypassPermissions: risky(
    'bypassPermissions: no permission checks, every tool (Bash included) runs',
    {
      shell: true,
      bypass: true,
      mode: 'bypassPermissions',
    },
  ),
  auto: risky('auto mode approves whatever a classifier judges safe, without asking', {
    mode: 'auto',
  }),
  acceptEdits: safe(
    'acceptEdits: edits in the working directory are auto-approved; other tools need an allow rule',
    {
      mode: 'acceptEdits',
    },
  ),
  dontAsk: safe('dontAsk: only allow-listed tools run, everything else is denied', {
    mode: 'dontAsk',
  }),
  default: safe('default: in -p mode anything not allow-listed is denied', { mode: 'default' }),
  plan: safe('plan: read-only planning, no edits or commands', { mode: 'plan' }),
};
export const UNKNOWN_MODE = risky('unknown permission mode: treated as risky');

/**
 * Claude Code settings (`settings` input, `--settings`): JSON, a file path, or an expression.
 * `at(needle)` locates a key inside the value. Malformed JSON fails closed.
 */
export function claudeSettings(
  c: Collector,
  value: string,
  at: (needle: string) => SourceLocation,
  source: string,
): void {
  const v = value.trim();
  if (v === '') return;
  if (!v.startsWith('{')) {
    const why = hasExpression(v)
      ? 'settings come from an expression and cannot be checked statically'
      : `settings are read from ${v}, which is not checked here`;
    c.add(source, v, risky(why), at(''));
    return;
  }
  const parsed = parseJson(v);
  if (!parsed.ok || !isObject(parsed.value)) {
    const error = parsed.ok ? 'not an object' : parsed.error;
    c.add(source, clip(v), risky(`unparsable JSON (${error}): treated as risky`), at(''));
    return;
  }
  const s = parsed.value;
  const mode = jsonGet(s, 'permissions', 'defaultMode');
  if (typeof mode === 'string')
    c.add(
      'permissions.defaultMode',
      mode,
      PERMISSION_MODES[mode] ?? UNKNOWN_MODE,
      at('"defaultMode"'),
    );
  const allow = stringList(jsonGet(s, 'permissions', 'allow'));
  if (allow)
    c.add('permissions.allow', allow.join(','), judgeTools(allow, CLAUDE_DIALECT), at('"allow"'));
  const deny = stringList(jsonGet(s, 'permissions', 'deny'));
  if (deny) {
    const deniesShell = deny
      .flatMap(splitTools)
      .some((t) => shellGrant(t, CLAUDE_DIALECT) === 'unrestricted');
    if (deniesShell) c.denyShell();
    c.add(
      'permissions.deny',
      deny.join(','),
      safe(deniesShell ? 'denies the shell tool outright' : 'deny rules'),
      at('"deny"'),
    );
  }
  for (const dir of stringList(jsonGet(s, 'permissions', 'additionalDirectories')) ?? []) {
    c.add('permissions.additionalDirectories', dir, dirVerdict(dir), at('"additionalDirectories"'));
  }
  const sandbox = jsonGet(s, 'sandbox');
  if (isObject(sandbox)) {
    if (sandbox.enabled === false)
      c.add('sandbox.enabled', 'false', risky('Bash runs without the OS sandbox'), at('"sandbox"'));
    if (sandbox.enabled === true)
      c.add(
        'sandbox.enabled',
        'true',
        safe('Bash runs inside the OS sandbox (bubblewrap / seatbelt)'),
        at('"sandbox"'),
      );
    if (sandbox.allowUnsandboxedCommands === true)
      c.add(
        'sandbox.allowUnsandboxedCommands',
        'true',
        risky('commands may escape the sandbox on request'),
        at('"allowUnsandboxedCommands"'),
      );
    if (sandbox.enabled === true && sandbox.failIfUnavailable === false)
      c.add(
        'sandbox.failIfUnavailable',
        'false',
        risky('runs unsandboxed when the sandbox cannot start'),
        at('"failIfUnavailable"'),
      );
    const domains = stringList(jsonGet(sandbox, 'network', 'allowedDomains'));
    if (domains?.includes('*'))
      c.add(
        'sandbox.network.allowedDomains',
        domains.join(','),
        risky('sandboxed commands may reach any domain'),
        at('"allowedDomains"'),
      );
  }
  const hooks = jsonGet(s, 'hooks');
  if (isObject(hooks) && Object.keys(hooks).length > 0)
    c.add(
      'hooks',
      Object.keys(hooks).join(','),
      risky('hooks run shell commands on agent events'),
      at('"hooks"'),
    );
  for (const key of ['apiKeyHelper', 'statusLine']) {
    if (s[key] !== undefined)
      c.add(
        key,
        clip(JSON.stringify(s[key])),
        risky(`${key} runs a shell command`),
        at(`"${key}"`),
      );
  }
  const env = jsonGet(s, 'env');
  if (isObject(env)) {
    const secret = Object.entries(env).some(([k, val]) =>
      /secrets\.|TOKEN|SECRET|PASSWORD|_KEY\b/i.test(`${k} ${String(val)}`),
    );
    c.add(
      'env',
      Object.keys(env).join(','),
      secret
        ? risky('env passes secrets to every command the agent runs')
        : safe('environment for the agent'),
      at('"env"'),
    );
  }
  if (s.enableAllProjectMcpServers === true)
    c.add(
      'enableAllProjectMcpServers',
      'true',
      risky('auto-approves every server in the repository .mcp.json'),
      at('"enableAllProjectMcpServers"'),
    );
  const enabled = stringList(s.enabledMcpjsonServers);
  if (enabled && enabled.length > 0)
    c.add(
      'enabledMcpjsonServers',
      enabled.join(','),
      risky('auto-approves these repository .mcp.json servers'),
      at('"enabledMcpjsonServers"'),
    );
  if (s.mcpServers !== undefined)
    c.mcpConfig.push({ source, value: JSON.stringify(s.mcpServers), at: at('"mcpServers"') });
}
