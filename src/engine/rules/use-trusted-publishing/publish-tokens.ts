/**
 * Static publishing tokens where the registry offers trusted publishing (OIDC): which publish
 * commands and actions go to which registry, where each tool reads its token from (flags,
 * environment variables, action inputs) and whether a value is a static secret rather than a
 * token minted for the run. Data first; the use-trusted-publishing rule walks it.
 */
import { hasExpression } from '../../workflow/expressions/fences.js';
import { findSecretReferences } from '../../workflow/expressions/secrets.js';
import type { Entry } from '../../workflow/model.js';

export type Registry = 'npm' | 'PyPI' | 'crates.io' | 'RubyGems' | 'NuGet';

/** Publish command kinds of the command classifier whose registry supports trusted publishing. */
export const PUBLISH_COMMANDS: ReadonlyMap<string, Registry> = new Map<string, Registry>([
  ['npm-publish', 'npm'],
  ['pnpm-publish', 'npm'],
  ['yarn-publish', 'npm'],
  ['bun-publish', 'npm'],
  ['changeset-publish', 'npm'],
  ['lerna-publish', 'npm'],
  ['semantic-release', 'npm'],
  ['twine-upload', 'PyPI'],
  ['uv-publish', 'PyPI'],
  ['poetry-publish', 'PyPI'],
  ['flit-publish', 'PyPI'],
  ['hatch-publish', 'PyPI'],
  ['cargo-publish', 'crates.io'],
  ['gem-push', 'RubyGems'],
  ['nuget-push', 'NuGet'],
]);

/** Environment variables each registry's tools read a static token from. */
export const TOKEN_ENV: Readonly<Record<Registry, RegExp>> = {
  npm: /^(?:NODE_AUTH_TOKEN|NPM_TOKEN|NPM_AUTH_TOKEN|NPM_API_TOKEN|NPM_PUBLISH_TOKEN|YARN_NPM_AUTH_TOKEN|NPM_CONFIG__AUTH(?:TOKEN)?)$/i,
  PyPI: /^(?:TWINE_PASSWORD|UV_PUBLISH_TOKEN|UV_PUBLISH_PASSWORD|POETRY_PYPI_TOKEN_\w+|POETRY_HTTP_BASIC_\w+_PASSWORD|HATCH_INDEX_AUTH|FLIT_PASSWORD|PYPI_(?:API_)?TOKEN|PYPI_PASSWORD)$/i,
  'crates.io':
    /^(?:CARGO_REGISTRY_TOKEN|CARGO_REGISTRIES_CRATES_IO_TOKEN|CRATES_IO_TOKEN|CARGO_TOKEN)$/i,
  RubyGems: /^(?:GEM_HOST_API_KEY|RUBYGEMS_API_KEY|RUBYGEMS_AUTH_TOKEN|RUBYGEMS_TOKEN)$/i,
  NuGet: /^(?:NUGET_API_KEY|NUGET_AUTH_TOKEN|NUGET_TOKEN|NUGET_KEY)$/i,
};

/** Command-line flags that pass the token itself, per command kind. */
export const TOKEN_FLAGS: ReadonlyMap<string, readonly string[]> = new Map([
  ['cargo-publish', ['--token']],
  ['twine-upload', ['-p', '--password']],
  ['uv-publish', ['-t', '--token', '-p', '--password']],
  ['poetry-publish', ['-p', '--password']],
  ['hatch-publish', ['-a', '--auth']],
  ['nuget-push', ['-k', '--api-key', '-ApiKey', '-apikey']],
]);

/** Literal registry targets that are the public registry (anything else is another index). */
const PUBLIC_TARGET: Readonly<Record<Registry, RegExp>> = {
  npm: /^(?:https?:\/\/)?registry\.npmjs\.org\/?$/i,
  PyPI: /^(?:pypi|testpypi|(?:https?:\/\/)?(?:upload\.pypi\.org|test\.pypi\.org)(?:\/legacy)?\/?)$/i,
  'crates.io': /^(?:crates-io|(?:https?:\/\/)?crates\.io\/?)$/i,
  RubyGems: /^(?:https?:\/\/)?rubygems\.org\/?$/i,
  NuGet: /^(?:nuget\.org|(?:https?:\/\/)?api\.nuget\.org\/v3\/index\.json)$/i,
};

/**
 * True when `target` (a `--registry`, `--repository-url`, `--host` … value) names another
 * index than the public registry. Variables and expressions are unknown, not "other".
 */
export function isOtherRegistry(registry: Registry, target: string | undefined): boolean {
  if (target === undefined || target === '' || target.includes('$')) return false;
  return !PUBLIC_TARGET[registry].test(target.trim());
}

/** A publishing action with the input that carries its static token. */
export interface PublishAction {
  readonly action: string;
  readonly registry: Registry;
  /** Inputs holding a token; absent when the action reads it from `env:`. */
  readonly tokenInputs?: readonly string[];
  /** Inputs naming the index; a literal non-public value takes the step out. */
  readonly registryInputs?: readonly string[];
  /** Only when this input is set (changesets/action publishes only with `publish:`). */
  readonly whenInput?: string;
}

export const PUBLISH_ACTIONS: readonly PublishAction[] = [
  {
    action: 'pypa/gh-action-pypi-publish',
    registry: 'PyPI',
    tokenInputs: ['password'],
    registryInputs: ['repository-url', 'repository_url'],
  },
  {
    action: 'JS-DevTools/npm-publish',
    registry: 'npm',
    tokenInputs: ['token'],
    registryInputs: ['registry'],
  },
  {
    action: 'rubygems/configure-rubygems-credentials',
    registry: 'RubyGems',
    tokenInputs: ['api-token'],
    registryInputs: ['gem-server'],
  },
  { action: 'katyo/publish-crates', registry: 'crates.io', tokenInputs: ['registry-token'] },
  { action: 'changesets/action', registry: 'npm', whenInput: 'publish' },
  { action: 'cycjimmy/semantic-release-action', registry: 'npm' },
];

/** Why a value is a static credential: the secret it names, or `a literal value`. */
export function staticCredential(
  value: string,
  env: ReadonlyMap<string, Entry>,
  depth = 0,
): string | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  const secret = findSecretReferences(text).find(
    (r) => r.form === 'named' && r.name !== 'GITHUB_TOKEN',
  );
  if (secret) return `secret ${secret.name}`;
  if (depth > 2) return undefined;
  // `${{ env.X }}` or a shell `$X` / `${X}` names another variable: follow it once or twice.
  const viaEnv = /\$\{\{\s*env\.([A-Za-z_]\w*)\s*\}\}|\$\{?([A-Za-z_]\w*)\}?/.exec(text);
  const name = viaEnv?.[1] ?? viaEnv?.[2];
  if (name !== undefined) {
    const entry = env.get(name.toUpperCase());
    return entry ? staticCredential(entry.value, env, depth + 1) : undefined;
  }
  // Step outputs, inputs and the like are minted or passed at run time: not known static.
  if (hasExpression(text) || text.includes('$')) return undefined;
  return 'a literal value';
}
