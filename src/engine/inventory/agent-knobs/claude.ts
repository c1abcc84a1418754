/**
 * Claude Code CLI flags (agents.md §3.3), shared by `claude` in `run:` and the actions'
 * `claude_args`.
 */
import type { SourceLocation } from '../../errors.js';
import type { YamlPath } from '../../workflow/source.js';
import { argsFromValue } from './argv.js';
import {
  CLAUDE_DIALECT,
  PERMISSION_MODES,
  UNKNOWN_MODE,
  claudeSettings,
} from './claude-settings.js';
import type { CliSpec } from './cli.js';
import { applyCli, applySpecArgs, backstop } from './cli.js';
import type { Collector } from './collector.js';
import { needleAt, risky, safe, scalarLocator } from './collector.js';
import type { FlagRule } from './flags.js';
import { dirVerdict } from './tools.js';

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
