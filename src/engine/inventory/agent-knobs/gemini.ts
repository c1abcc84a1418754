/**
 * Google Gemini: `google-github-actions/run-gemini-cli` (always `--yolo`, so `settings`
 * decides everything) and the Gemini CLI's flags (agents.md §5.1, §5.2).
 */
import type { Entry } from '../../workflow/model.js';
import type { FlagRule } from './flags.js';
import type { ToolDialect } from './tools.js';
import { dirVerdict, judgeTools, shellGrant } from './tools.js';
import type { CliSpec } from './cli.js';
import type { Collector, Verdict } from './collector.js';
import {
  anchorAt,
  clip,
  entryAt,
  envEntry,
  input,
  isObject,
  isTrue,
  jsonGet,
  needleAt,
  parseJson,
  risky,
  safe,
  stringList,
} from './collector.js';
import type { InputRule } from './inputs.js';
import { applyCatalogInputs, applyInputRules, catalogDefault } from './inputs.js';
import { hasExpression } from '../../workflow/expressions/fences.js';

export const GEMINI_DIALECT: ToolDialect = {
  shell: ['run_shell_command', 'ShellTool'],
  prefixMatch: true,
};

const YOLO: Verdict = risky(
  'YOLO: every tool call is auto-approved, shell included unless settings restrict it',
  {
    shell: true,
    bypass: true,
    mode: 'yolo',
  },
);

const APPROVAL_MODES: Readonly<Record<string, Verdict>> = {
  yolo: YOLO,
  auto_edit: risky('edits are auto-approved', { mode: 'auto_edit' }),
  default: safe('tool calls need approval (denied in headless runs)', { mode: 'default' }),
  plan: safe('read-only planning', { mode: 'plan' }),
};

export const GEMINI_RULES: readonly FlagRule[] = [
  { names: ['--yolo', '-y'], arity: 'none', effect: { kind: 'flag', verdict: YOLO } },
  {
    names: ['--approval-mode'],
    arity: 'one',
    effect: {
      kind: 'enum',
      values: APPROVAL_MODES,
      other: risky('unknown approval mode: treated as risky'),
    },
  },
  {
    names: ['--allowed-tools'],
    arity: 'many',
    effect: { kind: 'allow-tools', dialect: GEMINI_DIALECT },
  },
  {
    names: ['--allowed-mcp-server-names'],
    arity: 'many',
    effect: { kind: 'value', verdict: safe('only these MCP servers load') },
  },
  {
    names: ['--sandbox', '-s'],
    arity: 'none',
    effect: { kind: 'flag', verdict: safe('tools run in the container / seatbelt sandbox') },
  },
  {
    names: ['--skip-trust'],
    arity: 'none',
    effect: {
      kind: 'flag',
      verdict: risky('trusts the workspace: repository .gemini settings and extensions load'),
    },
  },
  { names: ['--prompt', '-p'], arity: 'one', effect: { kind: 'prompt' } },
  { names: ['--prompt-interactive', '-i'], arity: 'one', effect: { kind: 'prompt' } },
  {
    names: ['--include-directories'],
    arity: 'many',
    effect: { kind: 'custom', apply: (c, n, v, at) => c.add(n, v, dirVerdict(v), at) },
  },
  ...['-m', '--model', '-o', '--output-format', '-e', '--extensions'].map((n): FlagRule => ({
    names: [n],
    arity: 'one',
    effect: { kind: 'skip' },
  })),
];

export const GEMINI_CLI: CliSpec = {
  catalogId: 'gemini-cli',
  match: {
    binaries: ['gemini'],
    packages: ['@google/gemini-cli'],
    notSubcommands: ['extensions', 'mcp'],
    valueFlags: new Set([
      '-m',
      '--model',
      '-p',
      '--prompt',
      '--approval-mode',
      '-o',
      '--output-format',
    ]),
  },
  rules: GEMINI_RULES,
  positionalPrompt: 'prompt',
  defaultMode: 'default',
  backstop: ['-y / --yolo'],
};

const GCP = 'mints a Google Cloud token through OIDC (google-github-actions/auth)';
const ACTION_RULES: readonly InputRule[] = [
  {
    names: ['extensions'],
    when: 'set',
    verdict: risky('installs third-party extensions (code, possibly MCP servers)'),
  },
  {
    names: ['gemini_debug'],
    when: 'true',
    verdict: risky('streams model responses to the job log'),
  },
  { names: ['gcp_workload_identity_provider'], when: 'set', verdict: risky(GCP) },
  { names: ['gcp_service_account'], when: 'set', verdict: risky(GCP) },
  { names: ['use_vertex_ai'], when: 'true', verdict: risky(`Vertex AI: ${GCP}`) },
  { names: ['use_gemini_code_assist'], when: 'true', verdict: risky(`Gemini Code Assist: ${GCP}`) },
];

export function runGeminiCli(c: Collector): void {
  const { ctx } = c;
  const anchor = anchorAt(ctx);
  c.add(
    '<always> gemini --yolo',
    'present',
    risky('the action always runs gemini --yolo: every enabled tool is auto-approved', {
      bypass: true,
    }),
    anchor,
  );
  const handled = applyInputRules(c, ACTION_RULES);
  for (const n of ['settings', 'gemini_cli_version', 'gcp_access_token_scopes', 'prompt'])
    handled.add(n);
  const settings = input(ctx, 'settings');
  if (!settings || settings.value.trim() === '') {
    c.add(
      'settings',
      '(default)',
      risky(
        'no settings, so no tools.core: every built-in tool, run_shell_command included, runs unapproved',
        { shell: true },
      ),
      anchor,
    );
  } else geminiSettings(c, settings);

  const version = input(ctx, 'gemini_cli_version');
  if (version && version.value.trim() !== '')
    c.add(
      version.key,
      version.value.trim(),
      versionVerdict(version.value.trim()),
      entryAt(ctx, version),
    );

  if (input(ctx, 'gcp_workload_identity_provider')?.value.trim()) {
    const scopes = input(ctx, 'gcp_access_token_scopes');
    const broad = (v: string) => v.includes('cloud-platform');
    if (!scopes || scopes.value.trim() === '') {
      const dflt = catalogDefault('run-gemini-cli', 'gcp_access_token_scopes') ?? 'cloud-platform';
      if (broad(dflt))
        c.add(
          'gcp_access_token_scopes',
          '(default)',
          risky(`default scopes (${dflt}) include cloud-platform: broad Google Cloud authority`),
          anchor,
        );
    } else {
      const v = scopes.value.trim();
      c.add(
        scopes.key,
        v,
        broad(v)
          ? risky('includes cloud-platform: broad Google Cloud authority')
          : safe('narrow Google Cloud scopes'),
        entryAt(ctx, scopes),
      );
    }
  }
  const trust = envEntry(ctx, 'GEMINI_CLI_TRUST_WORKSPACE');
  if (trust && isTrue(trust.value))
    c.add(
      'env:GEMINI_CLI_TRUST_WORKSPACE',
      'true',
      risky('trusts the workspace: repository .gemini settings and extensions load'),
      entryAt(ctx, trust),
    );
  const prompt = input(ctx, 'prompt');
  if (prompt && prompt.value.trim() !== '')
    c.promptInputs.push({ input: prompt.key, value: prompt.value, at: entryAt(ctx, prompt) });
  applyCatalogInputs(c, handled);
  c.mode = 'yolo';
}

function versionVerdict(v: string): Verdict {
  if (v === 'latest' || /^v?\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(v)) return safe('a published release');
  if (hasExpression(v)) return risky('set from an expression: a git ref would be cloned and built');
  if (/^(?:nightly|preview)$/.test(v)) return risky('a pre-release channel');
  return risky('a git ref: the CLI is cloned and built from that ref');
}

/** `.gemini/settings.json` content given to the action. Malformed JSON fails closed. */
function geminiSettings(c: Collector, entry: Entry): void {
  const { ctx } = c;
  const v = entry.value.trim();
  const at = (needle: string) => needleAt(ctx, entry.at, entry.value, needle);
  const parsed = v.startsWith('{') ? parseJson(v) : undefined;
  if (!parsed || !parsed.ok || !isObject(parsed.value)) {
    const why =
      hasExpression(v) && !v.startsWith('{')
        ? 'settings come from an expression: tools.core unknown, so every built-in tool may run'
        : `unparsable JSON (${parsed && !parsed.ok ? parsed.error : 'not an object'}): tools.core unknown, treated as absent`;
    c.add(entry.key, clip(v), risky(why, { shell: true }), at(''));
    return;
  }
  const s = parsed.value;
  const core = stringList(jsonGet(s, 'tools', 'core')) ?? stringList(s.coreTools);
  if (!core)
    c.add(
      'tools.core',
      '(absent)',
      risky(
        'no tools.core: every built-in tool, run_shell_command included, runs unapproved under --yolo',
        { shell: true },
      ),
      at(''),
    );
  else c.add('tools.core', core.join(','), judgeTools(core, GEMINI_DIALECT), at('"core"'));
  const exclude = stringList(jsonGet(s, 'tools', 'exclude')) ?? stringList(s.excludeTools);
  if (exclude) {
    const denies = exclude.some((t) => shellGrant(t, GEMINI_DIALECT) === 'unrestricted');
    if (denies) c.denyShell();
    c.add(
      'tools.exclude',
      exclude.join(','),
      safe(denies ? 'excludes the shell tool' : 'excluded tools'),
      at('"exclude"'),
    );
  }
  const servers = jsonGet(s, 'mcpServers');
  if (isObject(servers)) {
    c.mcpConfig.push({ source: entry.key, value: JSON.stringify(servers), at: at('"mcpServers"') });
    for (const [name, server] of Object.entries(servers)) {
      if (!isObject(server)) continue;
      const where = at(`"${name}"`);
      if (server.trust === true)
        c.add(
          `mcpServers.${name}.trust`,
          'true',
          risky('calls to this server skip confirmation'),
          where,
        );
      const url = server.url ?? server.httpUrl;
      if (typeof url === 'string')
        c.add(`mcpServers.${name}.url`, url, risky('a remote MCP server'), where);
      const env = JSON.stringify(server.env ?? {});
      if (/GITHUB_PERSONAL_ACCESS_TOKEN|secrets\./.test(env))
        c.add(
          `mcpServers.${name}.env`,
          clip(env, 120),
          risky('passes a token or secret to the MCP server'),
          where,
        );
    }
  }
  if (jsonGet(s, 'security', 'folderTrust', 'enabled') === false)
    c.add(
      'security.folderTrust.enabled',
      'false',
      risky('folder trust is off: workspace settings always apply'),
      at('"folderTrust"'),
    );
}
