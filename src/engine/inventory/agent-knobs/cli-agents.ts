/**
 * aider, Cursor CLI, Goose and Amp (agents.md §7): flag tables plus what their defaults
 * mean when no flag is given.
 */
import type { Invocation } from './argv.js';
import type { CliSpec } from './cli.js';
import type { Collector, Verdict } from './collector.js';
import { entryAt, envEntry, risky, safe } from './collector.js';
import { ALL, boolFlag as flag, skipFlags as skip } from './flags.js';

const AUTO_COMMITS = '--auto-commits';

export const AIDER_CLI: CliSpec = {
  catalogId: 'aider',
  match: { binaries: ['aider'], packages: ['aider-chat'] },
  rules: [
    flag(
      ['--yes-always', '--yes'],
      risky('answers yes to every confirmation (edits, file adds)', {
        bypass: true,
        mode: 'yes-always',
      }),
    ),
    flag([AUTO_COMMITS], risky('commits every edit')),
    flag(['--no-auto-commits'], safe('no automatic commits')),
    {
      names: ['--test-cmd', '--lint-cmd'],
      arity: 'one',
      effect: { kind: 'value', verdict: risky('aider runs this command itself') },
    },
    flag(['--auto-test'], risky('runs the test command after every edit')),
    { names: ['--message', '-m', '--msg'], arity: 'one', effect: { kind: 'prompt' } },
    { names: ['--message-file', '-f'], arity: 'one', effect: { kind: 'prompt' } },
    ...skip(
      '--model',
      '--edit-format',
      '--map-tokens',
      '--read',
      '--file',
      '--config',
      '--env-file',
    ),
  ],
  finish: (c, inv, seen) => {
    if (!seen.has(AUTO_COMMITS) && !seen.has('--no-auto-commits') && !c.has(AUTO_COMMITS))
      c.add(
        AUTO_COMMITS,
        '(default)',
        risky('aider commits every edit (auto-commits is on by default)'),
        inv.at,
      );
  },
};

export function cursorSpec(c: Collector): CliSpec {
  const installed = c.ctx.job.steps.some((s) => /cursor\.com\/install/.test(s.run ?? ''));
  return {
    catalogId: 'cursor-cli',
    match: { binaries: installed ? ['cursor-agent', 'agent'] : ['cursor-agent'] },
    rules: [
      flag(
        ['--force', '-f', '--yolo'],
        risky('runs every command unless denied', { ...ALL, mode: 'force' }),
      ),
      {
        names: ['--sandbox'],
        arity: 'one',
        effect: {
          kind: 'enum',
          values: {
            disabled: risky('the command sandbox is off', { bypass: true }),
            enabled: safe('commands run sandboxed'),
          },
          other: safe('sandbox setting'),
        },
      },
      flag(['--approve-mcps'], risky('auto-approves every MCP server')),
      flag(['--trust'], risky('trusts the workspace without a prompt')),
      { names: ['-p', '--print'], arity: 'none', effect: { kind: 'skip' } },
      ...skip('--model', '-m', '--output-format', '--api-key'),
    ],
    positionalPrompt: 'prompt',
  };
}

const GOOSE_MODES: Readonly<Record<string, Verdict>> = {
  auto: risky('GOOSE_MODE=auto: fully autonomous, tools run without approval', {
    ...ALL,
    mode: 'auto',
  }),
  approve: safe('every tool call needs approval', { mode: 'approve' }),
  smart_approve: safe('risky tool calls need approval', { mode: 'smart_approve' }),
  chat: safe('chat only, no tools', { mode: 'chat' }),
};

export const GOOSE_CLI: CliSpec = {
  catalogId: 'goose',
  match: { binaries: ['goose'], subcommands: [['run']] },
  rules: [
    {
      names: ['--with-builtin'],
      arity: 'one',
      effect: {
        kind: 'custom',
        apply: (c, n, v, at) =>
          c.add(
            n,
            v,
            v.split(',').includes('developer')
              ? risky('developer builtin: shell and file-editing tools')
              : safe('builtin extension'),
            at,
          ),
      },
    },
    {
      names: ['--with-extension'],
      arity: 'one',
      effect: { kind: 'mcp', verdict: risky('adds an extension (a local MCP server command)') },
    },
    {
      names: ['--with-remote-extension', '--with-streamable-http-extension'],
      arity: 'one',
      effect: { kind: 'mcp', verdict: risky('adds a remote extension') },
    },
    { names: ['--text', '-t'], arity: 'one', effect: { kind: 'prompt' } },
    { names: ['--instructions', '-i'], arity: 'one', effect: { kind: 'prompt' } },
    { names: ['--recipe'], arity: 'one', effect: { kind: 'prompt' } },
    ...skip(
      '--name',
      '-n',
      '--session-id',
      '--max-turns',
      '--provider',
      '--model',
      '--params',
      '--system',
    ),
  ],
  finish: (c, inv) => {
    if (c.has('env:GOOSE_MODE')) return;
    const inline = inv.env.get('GOOSE_MODE');
    const entry = inline ? undefined : envEntry(c.ctx, 'GOOSE_MODE');
    const value = inline?.value ?? entry?.value.trim();
    const at = inline?.at ?? (entry ? entryAt(c.ctx, entry) : inv.at);
    if (value === undefined) c.add('env:GOOSE_MODE', '(default)', GOOSE_MODES.auto!, inv.at);
    else
      c.add(
        'env:GOOSE_MODE',
        value,
        GOOSE_MODES[value] ?? risky('unknown GOOSE_MODE: treated as risky'),
        at,
      );
  },
};

export const AMP_CLI: CliSpec = {
  catalogId: 'amp',
  match: {
    binaries: ['amp'],
    packages: ['@sourcegraph/amp', '@ampcode/cli'],
    notSubcommands: [
      'login',
      'logout',
      'threads',
      'tools',
      'mcp',
      'update',
      'permissions',
      'config',
      'doctor',
    ],
  },
  rules: [
    flag(
      ['--dangerously-allow-all'],
      risky('every tool runs without approval', { ...ALL, mode: 'dangerously-allow-all' }),
    ),
    { names: ['--execute', '-x'], arity: 'one', effect: { kind: 'prompt' } },
    ...skip('--settings-file', '--mode', '-m', '--log-level', '--log-file'),
  ],
  finish: (c, inv: Invocation) => {
    if (!c.has('--dangerously-allow-all') && !c.has('amp.permissions'))
      c.add(
        'amp.permissions',
        '(default)',
        risky('Amp runs tools without approval by default', ALL),
        inv.at,
      );
  },
};
