/**
 * OpenAI Codex: the `codex exec` flag table with `-c key=value` overrides, and
 * `openai/codex-action` inputs (agents.md §4.1, §4.2).
 */
import type { SourceLocation } from '../../errors.js';
import type { Arg } from './argv.js';
import type { FlagRule } from './flags.js';
import { argsFromValue } from './argv.js';
import { dirVerdict } from './tools.js';
import type { CliSpec } from './cli.js';
import { applySpecArgs, backstop } from './cli.js';
import type { Collector, Verdict } from './collector.js';
import {
  clip,
  entryAt,
  input,
  needleAt,
  parseJson,
  risky,
  safe,
  scalarLocator,
} from './collector.js';
import type { InputRule } from './inputs.js';
import { applyCatalogInputs, applyInputRules } from './inputs.js';
import { hasExpression } from '../../workflow/expressions/fences.js';

export const SANDBOX: Readonly<Record<string, Verdict>> = {
  'read-only': safe('read-only sandbox: no writes, no network', { mode: 'read-only' }),
  'workspace-write': safe('workspace-write sandbox: writes inside the workspace, network off', {
    mode: 'workspace-write',
  }),
  'danger-full-access': risky(
    'danger-full-access: no sandbox, any command with full disk and network access',
    {
      shell: true,
      bypass: true,
      mode: 'danger-full-access',
    },
  ),
};
const UNKNOWN_SANDBOX = risky('unknown sandbox mode: treated as risky');

const APPROVAL: Readonly<Record<string, Verdict>> = {
  never: safe('never asks for approval: the sandbox is the only limit'),
  'on-request': safe('the model asks for approval when it wants to leave the sandbox'),
  'on-failure': safe('asks for approval when a sandboxed command fails'),
  untrusted: safe('asks for approval before any command outside a trusted set'),
};

const unquote = (v: string): string => v.trim().replace(/^(["'])(.*)\1$/s, '$2');

/** `-c key=value` overrides of `config.toml`. */
function configOverride(c: Collector, name: string, value: string, at: SourceLocation): void {
  const eq = value.indexOf('=');
  if (eq < 0) return;
  const key = value.slice(0, eq).trim();
  const v = unquote(value.slice(eq + 1));
  if (key === 'sandbox_mode') c.add(name, value, SANDBOX[v] ?? UNKNOWN_SANDBOX, at);
  else if (key === 'approval_policy')
    c.add(name, value, APPROVAL[v] ?? safe('approval policy'), at);
  else if (/(?:^|\.)network_access$/.test(key))
    c.add(
      name,
      value,
      v === 'true'
        ? risky('network access inside the workspace-write sandbox')
        : safe('sandbox network stays off'),
      at,
    );
  else if (key.startsWith('mcp_servers')) {
    c.mcpConfig.push({ source: name, value, at });
    c.add(name, value, risky('adds or changes an MCP server'), at);
  } else if (key === 'shell_environment_policy.inherit')
    c.add(
      name,
      value,
      v === 'all'
        ? risky('commands inherit every env var, secrets included')
        : safe('commands get a filtered environment'),
      at,
    );
  else if (/^projects\..*trust_level$/.test(key))
    c.add(
      name,
      value,
      v === 'trusted'
        ? risky('trusts a project: its .codex/config.toml applies')
        : safe('project not trusted'),
      at,
    );
  else if (/writable_roots$/.test(key))
    c.add(name, value, risky('extra writable directories for the sandbox'), at);
}

const VALUE_FLAGS =
  '-m --model -C --cd -i --image --output-last-message -o --output-schema --color -p --profile --local-provider --enable --disable';

export const CODEX_RULES: readonly FlagRule[] = [
  {
    names: ['--dangerously-bypass-approvals-and-sandbox', '--yolo'],
    arity: 'none',
    effect: {
      kind: 'flag',
      verdict: risky('no sandbox and no approvals', {
        shell: true,
        bypass: true,
        mode: 'danger-full-access',
      }),
    },
  },
  {
    names: ['--sandbox', '-s'],
    arity: 'one',
    effect: { kind: 'enum', values: SANDBOX, other: UNKNOWN_SANDBOX },
  },
  {
    names: ['--full-auto'],
    arity: 'none',
    effect: {
      kind: 'flag',
      verdict: risky(
        'workspace-write sandbox with on-request approvals: edits and commands run unattended',
        {
          mode: 'workspace-write',
        },
      ),
    },
  },
  {
    names: ['--ask-for-approval', '-a'],
    arity: 'one',
    effect: { kind: 'enum', values: APPROVAL, other: safe('approval policy') },
  },
  { names: ['-c', '--config'], arity: 'one', effect: { kind: 'custom', apply: configOverride } },
  {
    names: ['--add-dir'],
    arity: 'one',
    effect: { kind: 'custom', apply: (c, n, v, at) => c.add(n, v, dirVerdict(v), at) },
  },
  ...VALUE_FLAGS.split(' ').map((n): FlagRule => ({
    names: [n],
    arity: 'one',
    effect: { kind: 'skip' },
  })),
];

export const CODEX_CLI: CliSpec = {
  catalogId: 'codex-cli',
  match: {
    binaries: ['codex'],
    packages: ['@openai/codex'],
    subcommands: [['exec'], ['e']],
    valueFlags: new Set([
      '-c',
      '--config',
      '-s',
      '--sandbox',
      '-a',
      '--ask-for-approval',
      '--add-dir',
      ...VALUE_FLAGS.split(' '),
    ]),
  },
  rules: CODEX_RULES,
  positionalPrompt: 'prompt',
  defaultMode: 'read-only',
  backstop: ['--dangerously-bypass-approvals-and-sandbox / --yolo'],
};

const SAFETY: Readonly<Record<string, Verdict>> = {
  'drop-sudo': safe('sudo is removed for the rest of the job before Codex runs'),
  'unprivileged-user': safe('Codex runs as an unprivileged user'),
  'read-only': risky('read-only sandbox, but Codex still runs as a sudo-capable user', {
    mode: 'read-only',
  }),
  unsafe: risky('no privilege reduction: Codex runs as a sudo-capable user'),
};

const ACTION_RULES: readonly InputRule[] = [
  {
    names: ['responses-api-endpoint'],
    when: 'set',
    verdict: risky('model traffic (prompts, code) goes to a custom endpoint'),
  },
];

export function codexAction(c: Collector): void {
  const { ctx } = c;
  const handled = applyInputRules(c, ACTION_RULES);
  for (const n of [
    'openai-api-key',
    'working-directory',
    'sandbox',
    'safety-strategy',
    'codex-args',
    'allow-users',
    'allow-bots',
    'allow-bot-users',
    'codex-home',
    'prompt',
    'prompt-file',
  ])
    handled.add(n);

  const args = input(ctx, 'codex-args');
  if (args && args.value.trim() !== '') codexArgs(c, args.value, args.at, entryAt(ctx, args));
  const sandbox = input(ctx, 'sandbox');
  if (sandbox && sandbox.value.trim() !== '') {
    const v = sandbox.value.trim();
    const verdict =
      SANDBOX[v] ??
      (hasExpression(v)
        ? risky('sandbox set from an expression: may be danger-full-access')
        : UNKNOWN_SANDBOX);
    c.add(sandbox.key, v, verdict, entryAt(ctx, sandbox));
  }
  c.mode ??= 'workspace-write';
  const safety = input(ctx, 'safety-strategy');
  if (safety && safety.value.trim() !== '') {
    const v = safety.value.trim();
    c.add(
      safety.key,
      v,
      SAFETY[v] ?? risky('unknown safety strategy: treated as risky'),
      entryAt(ctx, safety),
    );
  }
  for (const name of ['allow-users', 'allow-bot-users']) {
    const entry = input(ctx, name);
    if (!entry || entry.value.trim() === '') continue;
    c.actor(entry.key, entry.value.trim());
    const any = c.allowedActors.at(-1)?.wildcard === true;
    const who = name === 'allow-users' ? 'users' : 'bots';
    c.add(
      entry.key,
      entry.value.trim(),
      risky(
        any
          ? `any ${who.slice(0, -1)} can run Codex without write access`
          : `these ${who} run Codex without write access`,
      ),
      entryAt(ctx, entry),
    );
  }
  const bots = input(ctx, 'allow-bots');
  if (bots && bots.value.trim().toLowerCase() === 'true') {
    c.actor(bots.key, 'true');
    c.add(
      bots.key,
      'true',
      risky('github-actions[bot] runs Codex without the write-access check'),
      entryAt(ctx, bots),
    );
  }
  const workdir = input(ctx, 'working-directory');
  if (workdir && workdir.value.trim() !== '')
    c.add(
      workdir.key,
      workdir.value.trim(),
      dirVerdict(workdir.value.trim()),
      entryAt(ctx, workdir),
    );
  const home = input(ctx, 'codex-home');
  if (home && home.value.trim() !== '') {
    const at = entryAt(ctx, home);
    c.mcpConfig.push({ source: home.key, value: home.value.trim(), at });
    c.add(
      home.key,
      home.value.trim(),
      risky('its config.toml (MCP servers, sandbox overrides) is not read here'),
      at,
    );
  }
  for (const name of ['prompt', 'prompt-file']) {
    const entry = input(ctx, name);
    if (entry && entry.value.trim() !== '')
      c.promptInputs.push({ input: entry.key, value: entry.value, at: entryAt(ctx, entry) });
  }
  applyCatalogInputs(c, handled);
}

/** `codex-args`: a JSON array of strings or a shell-quoted string. */
function codexArgs(
  c: Collector,
  value: string,
  path: readonly (string | number)[],
  at: SourceLocation,
): void {
  const v = value.trim();
  let args: Arg[];
  if (v.startsWith('[')) {
    const parsed = parseJson(v);
    if (!parsed.ok || !Array.isArray(parsed.value)) {
      const why = parsed.ok ? 'not an array' : parsed.error;
      c.add('codex-args', clip(v), risky(`unparsable JSON (${why}): treated as risky`), at);
      return;
    }
    args = parsed.value.map((a) => ({ value: typeof a === 'string' ? a : JSON.stringify(a), at }));
  } else {
    args = argsFromValue(value, scalarLocator(c.ctx, path));
  }
  applySpecArgs(c, CODEX_CLI, args);
  backstop(
    c,
    CODEX_CLI,
    value,
    (n) => needleAt(c.ctx, path, value, n),
    ['codex-args'],
    'codex-action',
  );
}
