/**
 * `anthropics/claude-code-action` (v1 and v0/@beta inputs) and the base action
 * (agents.md §3.1, §3.2): mode, token, actor gates, prompt inputs, and the Claude Code
 * arguments and settings they pass through.
 */
import { claudeArgs } from './claude.js';
import { LEGACY, actionVersion, legacyInputs } from './claude-legacy.js';
import { claudeSettings } from './claude-settings.js';
import type { Collector } from './collector.js';
import {
  anchorAt,
  entryAt,
  envEntry,
  input,
  isJobToken,
  needleAt,
  risky,
  safe,
} from './collector.js';
import type { InputRule } from './inputs.js';
import { applyCatalogInputs, applyInputRules } from './inputs.js';
import { hasExpression } from '../../workflow/expressions/fences.js';

const CLOUD = (name: string): InputRule => ({
  names: [name],
  when: 'true',
  verdict: risky('cloud provider auth through OIDC: cloud credentials in the job'),
});

const SHARED_RULES: readonly InputRule[] = [
  {
    names: ['plugins'],
    when: 'set',
    verdict: risky('installs third-party Claude Code plugin code before the run'),
  },
  {
    names: ['plugin_marketplaces'],
    when: 'set',
    verdict: risky('adds plugin marketplaces: third-party plugin code'),
  },
  {
    names: ['path_to_claude_code_executable'],
    when: 'set',
    verdict: risky('replaces the Claude Code binary'),
  },
  {
    names: ['path_to_bun_executable'],
    when: 'set',
    verdict: risky('replaces the Bun runtime the action runs on'),
  },
  CLOUD('use_bedrock'),
  CLOUD('use_vertex'),
  CLOUD('use_foundry'),
];

const ACTION_RULES: readonly InputRule[] = [
  ...SHARED_RULES,
  {
    names: ['show_full_output'],
    when: 'true',
    verdict: risky('tool output, possibly secrets, goes to the public job log'),
  },
  {
    names: ['display_report'],
    when: 'true',
    verdict: risky('the run report, possibly secrets, goes to the step summary'),
  },
  {
    names: ['use_commit_signing'],
    when: 'false',
    verdict: risky('commits are made with the git CLI and are unsigned'),
    otherwise: safe('commits go through the GitHub API and are signed'),
    absent: risky(
      'commits are made with the git CLI and are unsigned (default use_commit_signing: false)',
    ),
  },
  { names: ['bot_id'], when: 'set', verdict: risky('commits under a custom git identity') },
  { names: ['bot_name'], when: 'set', verdict: risky('commits under a custom git identity') },
  {
    names: ['ssh_signing_key'],
    when: 'set',
    verdict: risky('signs commits with an SSH key given to the job'),
  },
  {
    names: ['trigger_phrase'],
    when: 'set',
    verdict: safe('tag-mode trigger phrase; the write-access check still applies'),
  },
  {
    names: ['label_trigger'],
    when: 'set',
    verdict: safe('tag-mode trigger label; the write-access check still applies'),
  },
  {
    names: ['assignee_trigger'],
    when: 'set',
    verdict: safe('tag-mode trigger assignee; the write-access check still applies'),
  },
  {
    names: ['include_comments_by_actor'],
    when: 'set',
    verdict: safe('limits whose comments reach Claude'),
  },
  {
    names: ['exclude_comments_by_actor'],
    when: 'set',
    verdict: safe("keeps these actors' comments from Claude"),
  },
];

const PROMPTS = [
  'prompt',
  'prompt_file',
  'direct_prompt',
  'override_prompt',
  'custom_instructions',
];

export function claudeCodeAction(c: Collector, base: boolean): void {
  const { ctx } = c;
  const version = actionVersion(c);
  const handled = applyInputRules(c, base ? SHARED_RULES : ACTION_RULES);
  for (const name of [
    'claude_args',
    'settings',
    ...PROMPTS,
    ...LEGACY,
    'github_token',
    'additional_permissions',
  ])
    handled.add(name);
  handled.add('allowed_bots').add('allowed_non_write_users');

  const args = input(ctx, 'claude_args');
  if (args) claudeArgs(c, args.value, args.at);
  const settings = input(ctx, 'settings');
  if (settings)
    claudeSettings(
      c,
      settings.value,
      (n) => needleAt(ctx, settings.at, settings.value, n),
      settings.key,
    );

  for (const name of PROMPTS) {
    const entry = input(ctx, name);
    if (entry && entry.value.trim() !== '' && (version !== 'current' || !LEGACY.includes(name)))
      c.promptInputs.push({ input: entry.key, value: entry.value, at: entryAt(ctx, entry) });
  }
  const legacyMode = legacyInputs(c, version);
  const permissionMode = c.mode;
  if (base) {
    c.mode = permissionMode ?? 'default';
  } else {
    tokenAndActors(c);
    const prompted = ['prompt', 'direct_prompt', 'override_prompt'].some(
      (n) =>
        (version !== 'current' || n === 'prompt') && (input(ctx, n)?.value.trim() ?? '') !== '',
    );
    const mode = legacyMode ?? (prompted ? 'agent' : 'tag');
    c.add(
      'mode',
      mode,
      mode === 'tag'
        ? safe(
            'tag mode: acceptEdits with a fixed tool list (git add/commit/push), no arbitrary Bash',
          )
        : safe(
            'agent mode: the prompt runs without a trigger phrase, with only the claude_args tools',
          ),
      anchorAt(ctx),
    );
    c.mode = mode;
  }
  const scrub = envEntry(ctx, 'CLAUDE_CODE_SUBPROCESS_ENV_SCRUB');
  if (scrub?.value.trim() === '0')
    c.add(
      'env:CLAUDE_CODE_SUBPROCESS_ENV_SCRUB',
      '0',
      risky('turns off the secret scrub for subprocesses'),
      entryAt(ctx, scrub),
    );
  applyCatalogInputs(c, handled);
}

function tokenAndActors(c: Collector): void {
  const { ctx } = c;
  const token = input(ctx, 'github_token');
  const perms = input(ctx, 'additional_permissions');
  const extra = perms?.value.trim() ?? '';
  if (!token || token.value.trim() === '') {
    if (ctx.idTokenWrite) {
      c.tokenExchange = {
        issuer: 'api.anthropic.com (Claude GitHub App)',
        note:
          extra === ''
            ? 'no github_token: the job OIDC token is exchanged for a Claude App installation token scoped by the installation (contents, pull requests, issues, workflows …), not by permissions:'
            : `no github_token: the job OIDC token is exchanged for a Claude App token with contents, pull_requests and issues write plus ${extra.replace(/\s*\n\s*/g, ', ')}`,
      };
      c.add(
        '<absent github_token> + permissions.id-token: write',
        '(absent)',
        risky(
          'the Claude GitHub App token is minted through OIDC; its scopes are not bounded by permissions:',
        ),
        anchorAt(ctx),
      );
    }
  } else {
    const v = token.value.trim();
    const verdict = isJobToken(v)
      ? safe('the job GITHUB_TOKEN, bounded by permissions:')
      : /^\$\{\{\s*secrets\.\w+\s*\}\}$/i.test(v)
        ? risky(
            'a PAT or App token from a secret: not bounded by permissions:, recoverable through prompt injection',
          )
        : /steps\.[\w-]+\.outputs/.test(v)
          ? risky('a token minted in an earlier step: not bounded by permissions:')
          : risky('a token other than the job GITHUB_TOKEN: not bounded by permissions:');
    c.add(token.key, v, verdict, entryAt(ctx, token));
  }
  if (perms && extra !== '') {
    const writes = extra
      .split(/\n|,/)
      .map((l) => l.trim())
      .filter((l) => /:\s*write\b/i.test(l) || hasExpression(l))
      .map((l) => l.split(':')[0]!.trim());
    c.add(
      perms.key,
      extra,
      writes.length > 0
        ? risky(`asks for ${writes.join(', ')} write on the App token`)
        : safe('read-only extra scopes for the App token'),
      entryAt(ctx, perms),
    );
  }
  const bots = input(ctx, 'allowed_bots');
  if (bots && bots.value.trim() !== '') {
    c.actor(bots.key, bots.value.trim());
    const any = c.allowedActors.at(-1)?.wildcard;
    c.add(
      bots.key,
      bots.value.trim(),
      risky(
        any
          ? 'any bot or GitHub App can trigger the agent, unchecked for repository access'
          : 'these bots trigger the agent without a repository-permission check',
      ),
      entryAt(ctx, bots),
    );
  }
  const users = input(ctx, 'allowed_non_write_users');
  if (users && users.value.trim() !== '') {
    c.actor(users.key, users.value.trim());
    const effective = token !== undefined && token.value.trim() !== '';
    c.add(
      users.key,
      users.value.trim(),
      effective
        ? risky(
            'these users trigger the agent without write access (a best-effort secret scrub turns on)',
          )
        : safe('ignored: allowed_non_write_users only works when github_token is given'),
      entryAt(ctx, users),
    );
  }
}
