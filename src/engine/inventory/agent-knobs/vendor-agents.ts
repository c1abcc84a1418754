/**
 * Factory Droid, Continue, Amazon Q / Kiro and PR-Agent (agents.md §7).
 */
import type { CliSpec } from './cli.js';
import { applyCli } from './cli.js';
import type { Collector, Verdict } from './collector.js';
import { entryAt, envEntry, input, isFalse, isTrue, risky, safe } from './collector.js';
import { ALL, boolFlag as flag, skipFlags as skip } from './flags.js';
import { applyCatalogInputs } from './inputs.js';

const DROID_AUTO: Readonly<Record<string, Verdict>> = {
  low: safe('low autonomy: file edits only', { mode: 'low' }),
  medium: risky('medium autonomy: edits plus reversible commands (installs, builds, local git)', {
    mode: 'medium',
  }),
  high: risky('high autonomy: any command, pushes and deploys included', {
    shell: true,
    mode: 'high',
  }),
};

export const DROID_CLI: CliSpec = {
  catalogId: 'factory-droid',
  match: { binaries: ['droid'], subcommands: [['exec']] },
  rules: [
    {
      names: ['--auto'],
      arity: 'one',
      effect: {
        kind: 'enum',
        values: DROID_AUTO,
        other: risky('unknown autonomy level: treated as risky'),
      },
    },
    flag(
      ['--skip-permissions-unsafe'],
      risky('every permission check is skipped', { ...ALL, mode: 'skip-permissions-unsafe' }),
    ),
    { names: ['--file', '-f'], arity: 'one', effect: { kind: 'prompt' } },
    ...skip(
      '-m',
      '--model',
      '-o',
      '--output-format',
      '--cwd',
      '-s',
      '--session-id',
      '-r',
      '--reasoning-effort',
    ),
  ],
  positionalPrompt: 'prompt',
  defaultMode: 'read-only',
};

export function factoryDroid(c: Collector): void {
  if (c.ctx.step?.run) {
    applyCli(c, DROID_CLI);
    return;
  }
  const bots = input(c.ctx, 'allowed_bots');
  if (bots && bots.value.trim() !== '') {
    c.actor(bots.key, bots.value.trim());
    c.add(
      bots.key,
      bots.value.trim(),
      risky('these bots trigger Droid without the actor check'),
      entryAt(c.ctx, bots),
    );
  }
  applyCatalogInputs(c, new Set(['allowed_bots']));
}

export const CONTINUE_CLI: CliSpec = {
  catalogId: 'continue-cli',
  match: { binaries: ['cn'], packages: ['@continuedev/cli'] },
  rules: [
    {
      names: ['--allow'],
      arity: 'one',
      effect: {
        kind: 'allow-tools',
        dialect: {
          shell: ['Bash'],
          all: ['*'],
          riskyTool: (t) =>
            /^(?:Write|Edit)\b/.test(t) ? `${t} changes files without approval` : undefined,
        },
      },
    },
    {
      names: ['--exclude'],
      arity: 'one',
      effect: { kind: 'deny-tools', dialect: { shell: ['Bash'] } },
    },
    { names: ['-p', '--print'], arity: 'none', effect: { kind: 'skip' } },
    {
      names: ['--agent'],
      arity: 'one',
      effect: { kind: 'value', verdict: safe('runs an agent definition from the hub or a file') },
    },
    ...skip('--ask', '--config', '--model', '--org', '--rule'),
  ],
  positionalPrompt: 'prompt',
};

export const AMAZON_Q_CLI: CliSpec = {
  catalogId: 'amazon-q-developer',
  match: { binaries: ['q', 'kiro-cli'], subcommands: [['chat']] },
  rules: [
    flag(
      ['--trust-all-tools'],
      risky('every tool, execute_bash included, runs without confirmation', ALL),
    ),
    {
      names: ['--trust-tools'],
      arity: 'one',
      effect: {
        kind: 'allow-tools',
        dialect: {
          shell: ['execute_bash'],
          riskyTool: (t) =>
            t === 'fs_write'
              ? 'fs_write changes files without approval'
              : t === 'use_aws'
                ? 'use_aws calls AWS APIs without approval'
                : undefined,
        },
      },
    },
    { names: ['--no-interactive'], arity: 'none', effect: { kind: 'skip' } },
    ...skip('--agent', '--model'),
  ],
  positionalPrompt: 'prompt',
};

/** PR-Agent's env switches that make it write. */
const PR_AGENT_ENV: readonly [string, string][] = [
  ['github_action_config.auto_review', 'reviews every pull request automatically'],
  ['github_action_config.auto_describe', 'rewrites pull request descriptions automatically'],
  ['github_action_config.auto_improve', 'posts code suggestions automatically'],
  ['pr_code_suggestions.commitable_code_suggestions', 'posts suggestions that can be committed'],
  ['pr_update_changelog.push_changelog_changes', 'pushes changelog commits'],
];

export function prAgent(c: Collector): void {
  for (const [key, reason] of PR_AGENT_ENV) {
    const entry = envEntry(c.ctx, key);
    if (entry && isTrue(entry.value))
      c.add(`env:${key}`, 'true', risky(reason), entryAt(c.ctx, entry));
    else if (entry && isFalse(entry.value))
      c.add(`env:${key}`, 'false', safe(`off: ${reason}`), entryAt(c.ctx, entry));
  }
  applyCatalogInputs(c, new Set());
}
