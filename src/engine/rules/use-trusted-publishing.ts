/**
 * use-trusted-publishing — a long-lived registry token is used to publish to a registry that
 * supports trusted publishing (OIDC): npm, PyPI, crates.io, RubyGems, NuGet. Same family as
 * zizmor's `use-trusted-publishing`, but it points at the token (the action input, the env
 * var, the flag) rather than at every publish command of a job without `id-token: write`.
 */
import { memoByText } from '../workflow/text-memo.js';
import { classifyScript } from '../inventory/commands.js';
import { splitCommands } from '../inventory/shell.js';
import { normalizeActionName } from '../inventory/uses.js';
import { offsetOf } from '../workflow/text-position.js';
import type { Entry, Step } from '../workflow/model.js';
import type { YamlPath } from '../workflow/source.js';
import {
  PUBLISH_ACTIONS,
  PUBLISH_COMMANDS,
  TOKEN_ENV,
  TOKEN_FLAGS,
  isOtherRegistry,
  staticCredential,
  type Registry,
} from './use-trusted-publishing/publish-tokens.js';
import { NO_OPTIONS, defineRule, type RuleContext, type RuleHit } from './types.js';
import { stepName } from '../workflow/step-label.js';
import { remoteActionName } from '../workflow/uses-reference.js';

const HOW: Readonly<Record<Registry, string>> = {
  npm: 'configure a trusted publisher on npmjs.com and publish with `id-token: write` (npm ≥ 11.5)',
  PyPI: 'configure a trusted publisher on PyPI and drop `password:` (pypa/gh-action-pypi-publish uses OIDC with `id-token: write`)',
  'crates.io':
    'configure trusted publishing on crates.io and get a short-lived token from rust-lang/crates-io-auth-action',
  RubyGems:
    'configure a trusted publisher on rubygems.org and use rubygems/release-gem (or configure-rubygems-credentials without api-token)',
  NuGet:
    'configure a trusted publishing policy on nuget.org and get a short-lived key from NuGet/login',
};

export default defineRule({
  meta: {
    id: 'use-trusted-publishing',
    title: 'Static registry token used where trusted publishing (OIDC) is available',
    description:
      'A job publishes to npm, PyPI, crates.io, RubyGems or NuGet with a long-lived API token from a secret. These registries accept short-lived OIDC credentials bound to the repository and workflow; a static token works from anywhere until revoked, and anyone who can read it (a compromised step, an agent with shell access) can publish.',
    severity: 'low',
    confidence: 'high',
    category: 'workflow',
    messages: {
      flag: '`{{command}}` in job `{{job}}` passes a static {{registry}} token ({{flag}}, {{via}}); {{registry}} supports trusted publishing',
      env: 'env `{{key}}` ({{why}}) gives `{{command}}` in job `{{job}}` a static {{registry}} token; {{registry}} supports trusted publishing',
      stores:
        '`{{command}}` in job `{{job}}` stores a static {{registry}} token ({{why}}) for publishing; {{registry}} supports trusted publishing',
      rubygemsOff:
        '{{step}} in job `{{job}}` turns off trusted publishing in rubygems/release-gem (`setup-trusted-publisher: false`)',
      action:
        '{{step}} ({{action}}) in job `{{job}}` publishes to {{registry}} with a static token ({{what}}, {{why}}); {{registry}} supports trusted publishing',
    },
    peers: ['zizmor:use-trusted-publishing'],
    defaults: { baseline: 'allow', strict: 'approval-required' },
    remediation:
      'Configure a trusted publisher on the registry, give the publishing job `permissions: id-token: write`, and remove the token secret from the workflow.',
    options: NO_OPTIONS,
  },
  defaultOptions: {},
  check(ctx) {
    const { job, workflow } = ctx;
    if (job.uses !== undefined) return [];
    const hits = new Map<string, RuleHit>();
    const add = (hit: RuleHit): void => {
      const key = `${hit.at.line}:${hit.at.column}`;
      if (!hits.has(key)) hits.set(key, hit);
    };
    const npmElsewhere = job.steps.some(
      (s) =>
        normalizeActionName(remoteActionName(s.usesRef) ?? '') === 'actions/setup-node' &&
        isOtherRegistry('npm', s.with.find((w) => w.key === 'registry-url')?.value),
    );
    const published = new Set<Registry>();
    for (const step of job.steps) {
      const env = effectiveEnv(workflow.env, job.env, step.env);
      if (step.uses !== undefined) {
        for (const hit of actionHits(ctx, step, env)) add(hit);
        const entry = PUBLISH_ACTIONS.find(
          (a) =>
            normalizeActionName(remoteActionName(step.usesRef) ?? '') === a.action.toLowerCase(),
        );
        if (
          entry &&
          (entry.whenInput === undefined || step.with.some((w) => w.key === entry.whenInput))
        )
          published.add(entry.registry);
      }
      if (step.run === undefined) continue;
      for (const pub of publishCommands(step.run)) {
        if (pub.registry === 'npm' && npmElsewhere) continue;
        if (isOtherRegistry(pub.registry, pub.target)) continue;
        published.add(pub.registry);
        const runPath: YamlPath = [...step.at, 'run'];
        const at = ctx.locateIn(runPath, offsetOf(step.run, pub.line, pub.column));
        const flag = tokenFlag(pub.kind, pub.argv);
        const viaFlag = flag ? staticCredential(flag.value, env) : undefined;
        if (flag && viaFlag) {
          add({
            at,
            messageId: 'flag',
            data: {
              command: pub.command,
              job: job.id,
              registry: pub.registry,
              flag: flag.flag,
              via: viaFlag,
            },
            remediation: `Use trusted publishing: ${HOW[pub.registry]}.`,
          });
          continue;
        }
        for (const entry of env.values()) {
          if (!TOKEN_ENV[pub.registry].test(entry.key)) continue;
          const why = staticCredential(entry.value, env);
          if (!why) continue;
          add({
            at: ctx.locate(entry.at),
            messageId: 'env',
            data: {
              key: entry.key,
              why,
              command: pub.command,
              job: job.id,
              registry: pub.registry,
            },
            remediation: `Use trusted publishing: ${HOW[pub.registry]}.`,
          });
        }
      }
    }
    // Tokens written into tool configuration in any step of a job that publishes there.
    for (const step of job.steps) {
      if (step.run === undefined) continue;
      const env = effectiveEnv(workflow.env, job.env, step.env);
      for (const c of configuredTokens(step.run, env)) {
        if (!published.has(c.registry)) continue;
        add({
          at: ctx.locateIn([...step.at, 'run'], c.offset),
          messageId: 'stores',
          data: { command: c.what, job: job.id, registry: c.registry, why: c.why },
          remediation: `Use trusted publishing: ${HOW[c.registry]}.`,
        });
      }
    }
    return [...hits.values()];
  },
});

/** Workflow, job and step `env:` merged (later wins), keyed by upper-cased name. */
function effectiveEnv(...levels: readonly (readonly Entry[])[]): Map<string, Entry> {
  const env = new Map<string, Entry>();
  for (const level of levels) for (const e of level) env.set(e.key.toUpperCase(), e);
  return env;
}

function actionHits(
  ctx: RuleContext<Record<string, never>>,
  step: Step,
  env: ReadonlyMap<string, Entry>,
): RuleHit[] {
  const name = normalizeActionName(remoteActionName(step.usesRef) ?? '');
  const input = (key: string): Entry | undefined => step.with.find((w) => w.key === key);
  const label = stepName(step);
  if (name === 'rubygems/release-gem') {
    const setting = input('setup-trusted-publisher');
    if (setting && setting.value.trim().toLowerCase() === 'false') {
      return [
        {
          at: ctx.locate(setting.at),
          messageId: 'rubygemsOff',
          data: { step: label, job: ctx.job.id },
          remediation: `Remove \`setup-trusted-publisher: false\`: ${HOW.RubyGems}.`,
        },
      ];
    }
    return [];
  }
  const entry = PUBLISH_ACTIONS.find((a) => a.action.toLowerCase() === name);
  if (!entry) return [];
  if (entry.whenInput !== undefined && input(entry.whenInput) === undefined) return [];
  if ((entry.registryInputs ?? []).some((k) => isOtherRegistry(entry.registry, input(k)?.value)))
    return [];
  const out: RuleHit[] = [];
  const hit = (e: Entry, what: string, why: string): void => {
    out.push({
      at: ctx.locate(e.at),
      messageId: 'action',
      data: {
        step: label,
        action: entry.action,
        job: ctx.job.id,
        registry: entry.registry,
        what,
        why,
      },
      remediation: `Use trusted publishing: ${HOW[entry.registry]}.`,
    });
  };
  if (entry.tokenInputs) {
    for (const key of entry.tokenInputs) {
      const e = input(key);
      const why = e ? staticCredential(e.value, env) : undefined;
      if (e && why) hit(e, `input \`${key}\``, why);
    }
    return out;
  }
  for (const e of env.values()) {
    if (!TOKEN_ENV[entry.registry].test(e.key)) continue;
    const why = staticCredential(e.value, env);
    if (why) hit(e, `env \`${e.key}\``, why);
  }
  return out;
}

interface PublishCommand {
  readonly kind: string;
  readonly registry: Registry;
  readonly command: string;
  readonly argv: readonly string[];
  readonly target: string | undefined;
  readonly line: number;
  readonly column: number;
}

/** The publish commands of a script (from the inventory's classifier) with their argv. */
/** Each distinct script once (a workflow is decided once per trigger). */
const publishCommands = memoByText(findPublishCommands);

function findPublishCommands(script: string): PublishCommand[] {
  const out: PublishCommand[] = [];
  for (const h of classifyScript(script).hits) {
    const registry = h.class === 'publish' ? PUBLISH_COMMANDS.get(h.kind) : undefined;
    if (!registry) continue;
    out.push({
      kind: h.kind,
      registry,
      command: h.command,
      argv: h.argv,
      target: h.target,
      line: h.line,
      column: h.column,
    });
  }
  return out;
}

/** The value of the first token flag of a command kind present in argv. */
function tokenFlag(
  kind: string,
  argv: readonly string[],
): { flag: string; value: string } | undefined {
  const flags = TOKEN_FLAGS.get(kind) ?? [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') return undefined;
    for (const f of flags) {
      if (a === f && argv[i + 1] !== undefined) return { flag: f, value: argv[i + 1] ?? '' };
      if (f.startsWith('--') && a.startsWith(`${f}=`))
        return { flag: f, value: a.slice(f.length + 1) };
    }
  }
  return undefined;
}

/** `//registry.npmjs.org/:_authToken=<value>` in an `.npmrc` line or `npm config set`. */
const NPM_AUTH_TOKEN = /(?:\/\/([^/\s'"]+)\/)?:_authToken[ \t]*=?[ \t]*(\$\{\{[^}]*\}\}|[^\s'"]+)/g;

/** `cargo login <token>` and npm `_authToken=<token>` lines: a token stored for later publishing. */
function configuredTokens(
  script: string,
  env: ReadonlyMap<string, Entry>,
): { registry: Registry; offset: number; what: string; why: string }[] {
  const out: { registry: Registry; offset: number; what: string; why: string }[] = [];
  for (const c of splitCommands(script).commands) {
    const name = (c.argv[0] ?? '').replace(/^.*\//, '');
    if (name !== 'cargo' || c.argv[1] !== 'login') continue;
    const token = c.argv.slice(2).find((a) => !a.startsWith('-'));
    const why = token === undefined ? undefined : staticCredential(token, env);
    if (why) {
      out.push({
        registry: 'crates.io',
        offset: offsetOf(script, c.line, c.column),
        what: 'cargo login',
        why,
      });
    }
  }
  for (const m of script.matchAll(NPM_AUTH_TOKEN)) {
    if (m[1] !== undefined && m[1].toLowerCase() !== 'registry.npmjs.org') continue;
    const why = staticCredential(m[2] ?? '', env);
    const offset = m.index + m[0].indexOf(':_authToken') + 1;
    if (why) out.push({ registry: 'npm', offset, what: '_authToken', why });
  }
  return out;
}
