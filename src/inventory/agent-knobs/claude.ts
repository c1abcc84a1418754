/**
 * Claude Code: the CLI flag table and settings JSON (shared by the CLI in `run:`,
 * `claude_args` / `settings` of the actions), and the two actions' inputs
 * (agents.md §3.1–§3.3).
 */
import type { SourceLocation } from '../../errors.js';
import { argsFromValue } from './argv.js';
import type { FlagRule } from './flags.js';
import type { ToolDialect } from './tools.js';
import { judgeTools, shellGrant, splitTools } from './tools.js';
import type { CliSpec } from './cli.js';
import { applyCli, applySpecArgs, backstop } from './cli.js';
import type { Collector, Verdict } from './collector.js';
import {
  clip,
  isExpression,
  isObject,
  jsonGet,
  needleAt,
  parseJson,
  risky,
  safe,
  scalarLocator,
  stringList,
} from './collector.js';
import type { YamlPath } from '../../workflow/source.js';

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
const UNKNOWN_MODE = risky('unknown permission mode: treated as risky');

/** Where an extra directory is: inside the workspace or a scratch dir is fine, elsewhere is not. */
export function dirVerdict(value: string): Verdict {
  const v = value.trim();
  const workspace = /^(?:\$\{?GITHUB_WORKSPACE\}?|\$\{\{\s*github\.workspace\s*\}\})(?:\/|$)/;
  const scratch = /^(?:\/tmp(?:\/|$)|\$\{?RUNNER_TEMP\}?(?:\/|$)|\$\{\{\s*runner\.temp\s*\}\})/;
  const up = v.split('/').includes('..');
  if (!up && workspace.test(v)) return safe('an extra directory inside the workspace');
  if (!up && scratch.test(v)) return safe('a runner scratch directory');
  if (!up && v !== '' && !/^[/~$]/.test(v)) return safe('an extra directory inside the workspace');
  return risky(`${v || '(empty)'} is outside the workspace: the agent can read and write there`);
}

const settingSources = (c: Collector, name: string, value: string, at: SourceLocation): void => {
  const project = value.split(',').some((s) => s.trim() === 'project');
  c.add(
    name,
    value,
    project
      ? risky('project loads the repository-controlled .claude/settings.json (hooks, permissions)')
      : safe('settings load only from the listed sources'),
    at,
  );
};

const VALUE_FLAGS =
  '--model --max-turns --output-format --input-format --fallback-model --session-id --resume -r --agents --agent --debug-file --json-schema --effort --max-budget-usd --betas --tools --permission-prompt-tool --prompt-file';

export const CLAUDE_RULES: readonly FlagRule[] = [
  {
    names: ['--dangerously-skip-permissions'],
    arity: 'none',
    effect: { kind: 'flag', verdict: PERMISSION_MODES.bypassPermissions! },
  },
  {
    names: ['--permission-mode'],
    arity: 'one',
    effect: { kind: 'enum', values: PERMISSION_MODES, other: UNKNOWN_MODE },
  },
  {
    names: ['--allowedTools', '--allowed-tools'],
    arity: 'many',
    effect: { kind: 'allow-tools', dialect: CLAUDE_DIALECT },
  },
  {
    names: ['--disallowedTools', '--disallowed-tools'],
    arity: 'many',
    effect: { kind: 'deny-tools', dialect: CLAUDE_DIALECT },
  },
  {
    names: ['--mcp-config'],
    arity: 'many',
    effect: {
      kind: 'mcp',
      verdict: risky('adds MCP servers: their tools are reachable once allowed'),
    },
  },
  {
    names: ['--strict-mcp-config'],
    arity: 'none',
    effect: {
      kind: 'flag',
      verdict: safe('only --mcp-config servers load, not the repository .mcp.json'),
    },
  },
  {
    names: ['--add-dir'],
    arity: 'many',
    effect: { kind: 'custom', apply: (c, n, v, at) => c.add(n, v, dirVerdict(v), at) },
  },
  { names: ['--setting-sources'], arity: 'one', effect: { kind: 'custom', apply: settingSources } },
  {
    names: ['--settings'],
    arity: 'one',
    effect: { kind: 'custom', apply: (c, n, v, at) => claudeSettings(c, v, () => at, n) },
  },
  {
    names: ['--plugin-dir'],
    arity: 'many',
    effect: { kind: 'value', verdict: risky('loads Claude Code plugin code from a directory') },
  },
  {
    names: ['--allow-dangerously-skip-permissions'],
    arity: 'none',
    effect: { kind: 'flag', verdict: safe('makes bypass mode available without turning it on') },
  },
  {
    names: ['--append-system-prompt', '--system-prompt'],
    arity: 'one',
    effect: { kind: 'prompt' },
  },
  {
    names: ['--append-system-prompt-file', '--system-prompt-file'],
    arity: 'one',
    effect: { kind: 'prompt' },
  },
  { names: ['-p', '--print'], arity: 'none', effect: { kind: 'skip' } },
  ...VALUE_FLAGS.split(' ').map((n): FlagRule => ({
    names: [n],
    arity: 'one',
    effect: { kind: 'skip' },
  })),
];

export const CLAUDE_CLI: CliSpec = {
  catalogId: 'claude-code-cli',
  match: {
    binaries: ['claude'],
    packages: ['@anthropic-ai/claude-code'],
    notSubcommands: [
      'mcp',
      'config',
      'update',
      'install',
      'doctor',
      'migrate-installer',
      'setup-token',
      'plugin',
    ],
    valueFlags: new Set(VALUE_FLAGS.split(' ')),
  },
  rules: CLAUDE_RULES,
  positionalPrompt: '-p',
  defaultMode: 'default',
  backstop: ['--dangerously-skip-permissions'],
};

export function claudeCli(c: Collector): void {
  applyCli(c, CLAUDE_CLI);
}

/** Arguments of `claude_args` (one or many lines, shell quoting). */
export function claudeArgs(c: Collector, value: string, path: YamlPath): void {
  applySpecArgs(c, CLAUDE_CLI, argsFromValue(value, scalarLocator(c.ctx, path)));
  const at = (needle: string) => needleAt(c.ctx, path, value, needle);
  backstop(c, CLAUDE_CLI, value, at, ['claude_args'], 'claude-code-action');
}

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
    const why = isExpression(v)
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
