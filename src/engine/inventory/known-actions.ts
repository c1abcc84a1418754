/**
 * A small reviewed catalog of popular third-party node / docker / composite actions that do
 * not publish or deploy (those are in action-table.ts): what each does, the inputs that carry
 * a credential, and whether it leaves a credential behind for later steps. An action listed
 * here is *known*: when it is not read it is not an opaque path, and it is classified by what
 * it is given (a secret in its `with:` is still `use-secret`) and by its action-table class.
 *
 * Entry format (review each against the action's own README / action.yml before adding):
 *   action       `owner/repo` (covers its sub-actions) or `owner/repo/path`
 *   does         one line: what it does with the runner and the network
 *   credentials  inputs that take a credential (they default to `github.token` when noted)
 *   setsUp       true when it writes a credential where later steps can use it
 *   runtime      the input naming the directory it writes its runtime scripts to
 * Publishers only (the tool's own vendor or a long-standing widely used maintainer); one-person
 * helpers stay opaque until a policy trusts them (`actions: { trusted }`).
 */

export interface KnownAction {
  readonly action: string;
  readonly does: string;
  readonly credentials: readonly string[];
  readonly setsUp?: boolean;
  /**
   * The action writes its own runtime (scripts versioned with the action) into the directory
   * its `input` names; the steps after it that run a script from there run this catalogued
   * code, not unknown code.
   */
  readonly runtime?: { readonly input: string; readonly what: string };
}

export const KNOWN_ACTIONS: readonly KnownAction[] = [
  {
    action: 'astral-sh/setup-uv',
    does: 'installs uv (download, cache)',
    credentials: ['github-token (default github.token, for release downloads)'],
  },
  { action: 'pnpm/action-setup', does: 'installs pnpm', credentials: [] },
  { action: 'oven-sh/setup-bun', does: 'installs Bun', credentials: [] },
  { action: 'denoland/setup-deno', does: 'installs Deno', credentials: [] },
  {
    action: 'ruby/setup-ruby',
    does: 'installs Ruby, optionally bundles and caches gems',
    credentials: [],
  },
  {
    action: 'hashicorp/setup-terraform',
    does: 'installs Terraform; `cli_config_credentials_token` is written to the CLI config file',
    credentials: ['cli_config_credentials_token'],
    setsUp: true,
  },
  { action: 'swatinem/rust-cache', does: 'caches Cargo and target directories', credentials: [] },
  {
    action: 'dtolnay/rust-toolchain',
    does: 'installs a Rust toolchain with rustup',
    credentials: [],
  },
  {
    action: 'taiki-e/install-action',
    does: 'installs prebuilt development tools',
    credentials: [],
  },
  { action: 'docker/setup-buildx-action', does: 'creates a Buildx builder', credentials: [] },
  { action: 'docker/setup-qemu-action', does: 'installs QEMU emulators', credentials: [] },
  { action: 'docker/metadata-action', does: 'computes image tags and labels', credentials: [] },
  {
    action: 'docker/login-action',
    does: 'logs in to a container registry (the credential is stored in the Docker config for later steps)',
    credentials: ['username', 'password'],
    setsUp: true,
  },
  { action: 'sigstore/cosign-installer', does: 'installs cosign', credentials: [] },
  {
    action: 'codecov/codecov-action',
    does: 'uploads coverage reports to codecov.io',
    credentials: ['token'],
  },
  {
    action: 'codecov/test-results-action',
    does: 'uploads test results to codecov.io',
    credentials: ['token'],
  },
  {
    action: 'step-security/harden-runner',
    does: 'monitors or restricts the runner’s network egress',
    credentials: [],
  },
  {
    action: 'ossf/scorecard-action',
    does: 'scores the repository’s supply-chain practices; `publish_results` sends them to the OpenSSF API with the job’s OIDC token',
    credentials: ['repo_token (default github.token)'],
  },
  {
    action: 'zizmorcore/zizmor-action',
    does: 'audits the workflows with zizmor (SARIF for code scanning)',
    credentials: ['token (default github.token)'],
  },
  {
    action: 'golang/govulncheck-action',
    does: 'installs Go and runs govulncheck',
    credentials: [],
  },
  {
    action: 'dorny/paths-filter',
    does: 'lists changed files through the API or git',
    credentials: ['token (default github.token)'],
  },
  {
    action: 're-actors/alls-green',
    does: 'checks the results of the jobs it needs (no network, no token)',
    credentials: [],
  },
  ...['github/gh-aw-actions/setup', 'github/gh-aw/actions/setup'].map((action) => ({
    action,
    does: 'copies the gh-aw runtime (the shell and JavaScript helpers of the compiled lock file, versioned with the action) into `destination`',
    credentials: [],
    runtime: { input: 'destination', what: 'the gh-aw runtime' },
  })),
  {
    action: 'lycheeverse/lychee-action',
    does: 'checks links in files',
    credentials: ['token (default github.token, for rate limits)'],
  },
];
