/**
 * opencode (agents.md §7): the GitHub action (OIDC App token, sharing) and `opencode run`;
 * opencode allows bash and edits by default unless its config says otherwise.
 */
import type { CliSpec } from './cli.js';
import { applyCli } from './cli.js';
import type { Collector } from './collector.js';
import {
  anchorAt,
  entryAt,
  envEntry,
  input,
  isObject,
  isTrue,
  parseJson,
  risky,
  safe,
} from './collector.js';
import { ALL, boolFlag as flag, skipFlags as skip } from './flags.js';
import { applyCatalogInputs, applyInputRules } from './inputs.js';

const OPENCODE_DEFAULT = risky(
  'opencode allows bash and edits without approval unless opencode.json says otherwise',
  { shell: true },
);

export const OPENCODE_CLI: CliSpec = {
  catalogId: 'opencode',
  match: {
    binaries: ['opencode'],
    packages: ['opencode-ai'],
    subcommands: [['run'], ['github', 'run']],
  },
  rules: [
    flag(
      ['--auto'],
      risky('approves every permission request not explicitly denied', { ...ALL, mode: 'auto' }),
    ),
    flag(['--share'], risky('publishes the session through a share link')),
    ...skip('-m', '--model', '--agent', '-s', '--session', '-f', '--file'),
  ],
  positionalPrompt: 'message',
  finish: (c) => opencodeDefaultPermission(c),
};

export function opencode(c: Collector): void {
  const { ctx } = c;
  if (ctx.step?.run) {
    applyCli(c, OPENCODE_CLI);
    return;
  }
  const handled = applyInputRules(c, [
    {
      names: ['share'],
      when: 'true',
      verdict: risky('the conversation is published through a public share link'),
      otherwise: safe('not shared'),
      absent: risky('on public repositories the conversation is shared publicly by default'),
    },
    {
      names: ['mentions'],
      when: 'set',
      verdict: safe('trigger mentions; the actor check still applies'),
    },
  ]);
  for (const n of ['use_github_token', 'allowed_bots', 'prompt', 'oidc_base_url']) handled.add(n);
  const use = input(ctx, 'use_github_token');
  if (use && isTrue(use.value))
    c.add(
      use.key,
      use.value.trim(),
      safe('uses the GITHUB_TOKEN env, bounded by permissions:'),
      entryAt(ctx, use),
    );
  else if (ctx.idTokenWrite) {
    const base = input(ctx, 'oidc_base_url')?.value.trim();
    c.tokenExchange = {
      issuer: base || 'api.opencode.ai (opencode-agent GitHub App)',
      note: 'use_github_token is false: the job OIDC token is exchanged for an opencode-agent App token, not bounded by permissions:',
    };
    c.add(
      'use_github_token',
      use ? use.value.trim() : '(default)',
      risky(
        'the opencode-agent App token is minted through OIDC; its scopes are not bounded by permissions:',
      ),
      use ? entryAt(ctx, use) : anchorAt(ctx),
    );
  }
  const bots = input(ctx, 'allowed_bots');
  if (bots && bots.value.trim() !== '') {
    c.actor(bots.key, bots.value.trim());
    c.add(
      bots.key,
      bots.value.trim(),
      risky('these bots trigger the agent without the actor check'),
      entryAt(ctx, bots),
    );
  }
  const prompt = input(ctx, 'prompt');
  if (prompt && prompt.value.trim() !== '')
    c.promptInputs.push({ input: prompt.key, value: prompt.value, at: entryAt(ctx, prompt) });
  opencodeDefaultPermission(c);
  applyCatalogInputs(c, handled);
}

/** `OPENCODE_CONFIG_CONTENT` `permission`, or opencode's permissive default. */
function opencodeDefaultPermission(c: Collector): void {
  if (c.has('permission')) return;
  const content = envEntry(c.ctx, 'OPENCODE_CONFIG_CONTENT');
  if (!content) {
    c.add('permission', '(default)', OPENCODE_DEFAULT, anchorAt(c.ctx));
    return;
  }
  const at = entryAt(c.ctx, content);
  const parsed = parseJson(content.value);
  if (!parsed.ok) {
    c.add(
      'permission',
      content.value.slice(0, 200),
      risky(`unparsable JSON (${parsed.error}): treated as risky`, { shell: true }),
      at,
    );
    return;
  }
  const permission = isObject(parsed.value) ? parsed.value.permission : undefined;
  const bash = isObject(permission) ? (permission.bash ?? permission['*']) : permission;
  const open = bash === undefined || bash === 'allow' || (isObject(bash) && bash['*'] === 'allow');
  c.add(
    'permission',
    JSON.stringify(permission ?? '(default)'),
    open ? OPENCODE_DEFAULT : safe('bash needs approval or is limited to listed commands'),
    at,
  );
}
