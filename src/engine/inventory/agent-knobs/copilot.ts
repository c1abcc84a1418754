/**
 * GitHub Copilot CLI in `run:` (agents.md §6.2): approvals by tool, path and URL.
 */
import { dirVerdict } from './tools.js';
import type { CliSpec } from './cli.js';
import { risky, safe } from './collector.js';
import { ALL, boolFlag as flag, skipFlags as skip } from './flags.js';
import type { ToolDialect } from './tools.js';

const COPILOT_DIALECT: ToolDialect = {
  shell: ['shell'],
  riskyTool: (t) =>
    t.startsWith('shell(')
      ? undefined
      : t === 'write'
        ? 'write lets the agent change files without approval'
        : `${t} approves every tool of that MCP server`,
};

export const COPILOT_CLI: CliSpec = {
  catalogId: 'copilot-cli',
  match: {
    binaries: ['copilot'],
    packages: ['@github/copilot'],
    notSubcommands: ['mcp', 'plugin', 'login', 'help', 'version', 'update'],
  },
  rules: [
    flag(
      ['--allow-all', '--yolo'],
      risky('every tool, path and URL is allowed without approval', { ...ALL, mode: 'allow-all' }),
    ),
    flag(['--allow-all-tools'], risky('every tool, shell included, runs without approval', ALL)),
    {
      names: ['--allow-tool'],
      arity: 'one',
      effect: { kind: 'allow-tools', dialect: COPILOT_DIALECT },
    },
    {
      names: ['--deny-tool'],
      arity: 'one',
      effect: { kind: 'deny-tools', dialect: COPILOT_DIALECT },
    },
    flag(['--allow-all-paths'], risky('path checks are off: any file on the runner')),
    {
      names: ['--add-dir'],
      arity: 'one',
      effect: { kind: 'custom', apply: (c, n, v, at) => c.add(n, v, dirVerdict(v), at) },
    },
    flag(['--allow-all-urls'], risky('web fetches to any URL without approval')),
    {
      names: ['--allow-url'],
      arity: 'one',
      effect: { kind: 'value', verdict: risky('web fetches to this URL without approval') },
    },
    {
      names: ['--additional-mcp-config'],
      arity: 'one',
      effect: { kind: 'mcp', verdict: risky('adds MCP servers') },
    },
    flag(['--disable-builtin-mcps'], safe('no built-in GitHub MCP server')),
    { names: ['--prompt', '-p'], arity: 'one', effect: { kind: 'prompt' } },
    { names: ['--prompt-file'], arity: 'one', effect: { kind: 'prompt' } },
    ...skip(
      '--model',
      '--log-level',
      '--log-dir',
      '--agent',
      '--resume',
      '--available-tools',
      '--excluded-tools',
      '--secret-env-vars',
      '--config-dir',
    ),
  ],
  backstop: ['--allow-all / --yolo'],
};
