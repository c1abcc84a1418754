/**
 * cache-poisoning — a job that publishes (on a release or a tag push, or with a publishing
 * action) restores a GitHub Actions cache. Caches are shared across workflows of the branch
 * and the default branch, so code that ran in a less trusted workflow can plant what the
 * release build then uses. Same semantics as zizmor's `cache-poisoning` (publishing triggers
 * and steps, cache-aware action coordinates with their opt-in / opt-out inputs).
 */
import type { Step, Workflow } from '../workflow/model.js';
import {
  actionVersion,
  booleanValue,
  input,
  stepAction,
  versionBelow,
  type Version,
} from './shared/checkout-steps.js';
import { defineRule, type RuleHit } from './types.js';
import { hasExpression, wholeExpression } from '../workflow/expressions/fences.js';

interface Options {
  /** More publishing actions (`owner/repo[/path]`), beyond the built-in list. */
  readonly publishers: readonly string[];
}

type Field =
  | {
      readonly input: string;
      readonly mode: 'opt-in' | 'opt-out';
      readonly type: 'bool' | 'string';
    }
  | undefined;

interface Coordinate {
  /** The input that turns the cache on (opt-in) or off (opt-out); undefined = always on. */
  readonly field: Field;
  /** Whether an opt-in / opt-out field left unset means the cache is on. */
  readonly onByDefault: (version: Version | undefined, step: Step) => boolean | 'maybe';
}

const always = (): boolean => true;
const off = (): boolean => false;
const optOut = (name: string): Coordinate => ({
  field: { input: name, mode: 'opt-out', type: 'bool' },
  onByDefault: always,
});
const onByDefaultIn = (name: string, type: 'bool' | 'string' = 'bool'): Coordinate => ({
  field: { input: name, mode: 'opt-in', type },
  onByDefault: always,
});
const optIn = (name: string, type: 'bool' | 'string'): Coordinate => ({
  field: { input: name, mode: 'opt-in', type },
  onByDefault: off,
});

/** Cache-aware actions and how their inputs switch the cache. */
const CACHE_ACTIONS: ReadonlyMap<string, Coordinate> = new Map<string, Coordinate>([
  ['actions/cache', optOut('lookup-only')],
  ['actions/cache/restore', optOut('lookup-only')],
  ['actions/setup-java', optIn('cache', 'string')],
  [
    'actions/setup-go',
    {
      field: { input: 'cache', mode: 'opt-in', type: 'bool' },
      onByDefault: (v) => (v === undefined ? true : !versionBelow(v, [4, 0, 0])),
    },
  ],
  [
    'actions/setup-node',
    {
      field: { input: 'cache', mode: 'opt-in', type: 'string' },
      // v5+: `package-manager-cache` (default true) caches npm when package.json names it.
      onByDefault: (v, step) => {
        if (booleanValue(input(step, 'package-manager-cache')?.value) === false) return false;
        return v === undefined || !versionBelow(v, [5, 0, 0]) ? 'maybe' : false;
      },
    },
  ],
  ['actions/setup-python', optIn('cache', 'string')],
  ['actions/setup-dotnet', optIn('cache', 'bool')],
  [
    'astral-sh/setup-uv',
    {
      field: { input: 'enable-cache', mode: 'opt-in', type: 'bool' },
      // `auto` (the default): on for GitHub-hosted runners before v10; from v10 off on
      // release and tag events.
      onByDefault: (v) => (v === undefined ? 'maybe' : versionBelow(v, [10, 0, 0])),
    },
  ],
  ['swatinem/rust-cache', optOut('lookup-only')],
  ['ruby/setup-ruby', optIn('bundler-cache', 'bool')],
  ['pyo3/maturin-action', optIn('sccache', 'bool')],
  ['mlugg/setup-zig', onByDefaultIn('use-cache')],
  ['oven-sh/setup-bun', optOut('no-cache')],
  ['determinatesystems/magic-nix-cache-action', onByDefaultIn('use-gha-cache')],
  ['graalvm/setup-graalvm', optIn('cache', 'string')],
  ['gradle/actions/setup-gradle', optOut('cache-disabled')],
  [
    'docker/setup-buildx-action',
    {
      field: { input: 'cache-binary', mode: 'opt-in', type: 'bool' },
      onByDefault: (_v, step) => (input(step, 'version')?.value.trim() ?? '') !== '',
    },
  ],
  ['actions-rust-lang/setup-rust-toolchain', onByDefaultIn('cache')],
  ['jdx/mise-action', onByDefaultIn('cache')],
  ['ramsey/composer-install', optOut('ignore-cache')],
  ['mozilla-actions/sccache-action', { field: undefined, onByDefault: always }],
  ['nix-community/cache-nix-action', { field: undefined, onByDefault: always }],
  ['awalsh128/cache-apt-pkgs-action', { field: undefined, onByDefault: always }],
]);

/** Actions that publish or deploy what the job built. */
const PUBLISHERS: ReadonlyMap<string, (step: Step) => boolean> = new Map<
  string,
  (step: Step) => boolean
>([
  ...[
    'pypa/gh-action-pypi-publish',
    'rubygems/release-gem',
    'jreleaser/release-action',
    'goreleaser/goreleaser-action',
    'softprops/action-gh-release',
    'release-drafter/release-drafter',
    'googleapis/release-please-action',
    'redhat-actions/push-to-registry',
    'aws-actions/amazon-ecs-deploy-task-definition',
    'aws-actions/aws-cloudformation-github-deploy',
    'azure/aci-deploy',
    'azure/container-apps-deploy-action',
    'azure/functions-action',
    'azure/sql-action',
    'cloudflare/wrangler-action',
    'google-github-actions/deploy-appengine',
    'google-github-actions/deploy-cloudrun',
    'google-github-actions/deploy-cloud-functions',
  ].map((name) => [name, () => true] as const),
  [
    'docker/build-push-action',
    (s) => booleanValue(input(s, 'push')?.value) === true || hasExpression(input(s, 'push')?.value),
  ],
]);

type Usage = { readonly kind: 'on' | 'conditional'; readonly at: string } | undefined;

const TAG_GUARD =
  /^(?:startsWith\(github\.ref,'refs\/tags\/'\)|github\.ref_type=='tag'|github\.event_name=='release')$/i;
const NOT_TAG_GUARD =
  /^(?:!startsWith\(github\.ref,'refs\/tags\/'\)|github\.ref_type!='tag'|github\.event_name!='release'|!\(github\.ref_type=='tag'\))$/i;

/** The body of a whole-value expression without spaces, e.g. `!startsWith(github.ref,'refs/tags/')`. */
function guardOf(value: string): string | undefined {
  return wholeExpression(value)?.replace(/\s+/g, '').replace(/"/g, "'");
}

function cacheUsage(step: Step, workflow: Workflow, line: number, tagOnly: boolean): Usage {
  const action = stepAction(step);
  if (!action) return undefined;
  const coord = CACHE_ACTIONS.get(action.name);
  if (!coord) return undefined;
  const version = actionVersion(step, workflow, line)?.version;
  const field = coord.field;
  if (!field) return { kind: 'on', at: 'uses' };
  const entry = input(step, field.input);
  const raw = entry?.value;
  const byDefault = coord.onByDefault(version, step);
  const defaultUsage: Usage =
    byDefault === true
      ? { kind: 'on', at: 'uses' }
      : byDefault === 'maybe'
        ? { kind: 'conditional', at: 'uses' }
        : undefined;
  if (raw === undefined || (field.type === 'string' && raw.trim() === '')) {
    return field.mode === 'opt-out' ? { kind: 'on', at: 'uses' } : defaultUsage;
  }
  if (hasExpression(raw)) {
    const guard = guardOf(raw);
    // A tag / release guard that switches the cache off for the publishing run.
    if (tagOnly && guard !== undefined) {
      if (field.mode === 'opt-in' && NOT_TAG_GUARD.test(guard)) return undefined;
      if (field.mode === 'opt-out' && TAG_GUARD.test(guard)) return undefined;
    }
    return { kind: 'conditional', at: field.input };
  }
  const b = booleanValue(raw);
  if (field.mode === 'opt-out') return b === true ? undefined : { kind: 'on', at: 'uses' };
  if (field.type === 'string') return b === false ? undefined : { kind: 'on', at: field.input };
  if (b === true) return { kind: 'on', at: field.input };
  if (b === false) return undefined;
  // A non-boolean value such as setup-uv's `auto`: the default decides.
  return defaultUsage;
}

interface Publishing {
  readonly reasons: readonly string[];
  /** Every trigger of the job is a release or a tag push (so `github.ref` is a tag). */
  readonly tagOnly: boolean;
}

function pushTags(workflow: Workflow): unknown {
  const data = workflow.source.data as { on?: unknown } | undefined;
  const on = data?.on;
  if (typeof on !== 'object' || on === null || Array.isArray(on)) return undefined;
  const push = (on as Record<string, unknown>).push;
  return typeof push === 'object' && push !== null ? (push as { tags?: unknown }).tags : undefined;
}

function publishing(
  workflow: Workflow,
  triggers: readonly string[],
  steps: readonly Step[],
  extra: readonly string[],
): Publishing {
  const reasons: string[] = [];
  if (triggers.includes('release')) reasons.push('runs on `release`');
  const push = workflow.triggers.find((t) => t.event === 'push');
  const tags = pushTags(workflow);
  const hasTags = tags !== undefined && tags !== null;
  if (push && triggers.includes('push')) {
    if (hasTags) reasons.push('runs on tag pushes');
    if (push.branches.some((b) => /release/i.test(b)))
      reasons.push('runs on pushes to release branches');
  }
  for (const step of steps) {
    const a = stepAction(step);
    if (!a) continue;
    const publisher = PUBLISHERS.get(a.name);
    if (publisher?.(step) || extra.some((e) => e.toLowerCase() === a.name))
      reasons.push(`publishes with ${a.name} in step ${step.index + 1}`);
  }
  const tagOnly =
    triggers.length > 0 &&
    triggers.every(
      (t) => t === 'release' || (t === 'push' && hasTags && push?.branches.length === 0),
    );
  return { reasons, tagOnly };
}

export default defineRule<Options>({
  meta: {
    id: 'cache-poisoning',
    title: 'Publishing job restores a shared cache',
    description:
      'A job that publishes a release, a package or an image restores a GitHub Actions cache. Caches are shared with other workflows on the same and the default branch, so code that ran in a less trusted workflow can plant dependencies or tools the release is then built with.',
    severity: 'high',
    confidence: 'low',
    category: 'workflow',
    messages: {
      restores:
        'step {{step}}{{name}} restores a cache with {{action}} in job `{{job}}`, which {{reasons}}',
      restoresMaybe:
        'step {{step}}{{name}} restores a cache with {{action}} (depending on a run-time value or the project files) in job `{{job}}`, which {{reasons}}',
    },
    peers: ['zizmor:cache-poisoning'],
    defaults: { baseline: 'allow', strict: 'approval-required' },
    remediation:
      'Turn the cache off in publishing jobs (`cache: ""`, `enable-cache: false`, `lookup-only: true`, …) or gate it off for tags (`${{ !startsWith(github.ref, \'refs/tags/\') }}`), and build releases from a clean environment.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        publishers: {
          type: 'array',
          items: { type: 'string', minLength: 3 },
          description: 'More publishing actions (`owner/repo[/path]`), beyond the built-in list.',
        },
      },
    },
  },
  defaultOptions: { publishers: [] },
  check({ workflow, job, inventory, options, locate }) {
    const pub = publishing(workflow, inventory.triggers, job.steps, options.publishers);
    if (pub.reasons.length === 0) return [];
    // A poisoned cache matters where the job ships what it built (publish or deploy path).
    const ships =
      pub.reasons.some((r) => r.startsWith('publishes with')) ||
      inventory.paths.some((p) => p.class === 'publish' || p.class === 'deploy');
    const hits: RuleHit[] = [];
    for (const step of job.steps) {
      const usesAt = [...step.at, 'uses'];
      const usage = cacheUsage(step, workflow, locate(usesAt).line, pub.tagOnly);
      if (!usage) continue;
      const entry = usage.at === 'uses' ? undefined : input(step, usage.at);
      const name = stepAction(step)?.name ?? '';
      hits.push({
        at: locate(entry ? entry.at : usesAt),
        messageId: usage.kind === 'conditional' ? 'restoresMaybe' : 'restores',
        data: {
          step: step.index + 1,
          name: step.name ? ` (${step.name})` : '',
          action: name,
          job: job.id,
          reasons: pub.reasons.join(' and '),
        },
        severity: usage.kind === 'on' ? 'high' : 'medium',
        confidence: 'low',
        ...(ships ? {} : { advisory: 'the job publishes and deploys nothing' }),
      });
    }
    return hits;
  },
});
