/**
 * Well-known actions that publish, deploy or mint credentials, as data. A `uses:` step
 * matching an entry puts its job in the entry's class; `when` narrows it to inputs that
 * actually turn the behaviour on (e.g. docker/build-push-action only with `push: true`).
 */
import type { ActionClass } from './action-classes.js';

export interface ActionEntry {
  readonly action: string;
  readonly class: ActionClass;
  readonly detail: string;
  /** Input that must be truthy (`true`, or an expression) for the entry to apply. */
  readonly whenInput?: string;
  /**
   * The action runs `command <input>`: the entry applies only when the command classifier
   * puts that command line in the entry's class (an expression in the input: it applies).
   */
  readonly runs?: { readonly command: string; readonly input: string };
  readonly target?: string;
}

export const ACTION_TABLE: readonly ActionEntry[] = [
  {
    action: 'pypa/gh-action-pypi-publish',
    class: 'publish',
    detail: 'publishes to PyPI',
    target: 'registry:pypi',
  },
  {
    action: 'JS-DevTools/npm-publish',
    class: 'publish',
    detail: 'publishes to npm',
    target: 'registry:npm',
  },
  {
    action: 'docker/build-push-action',
    class: 'publish',
    detail: 'pushes a container image',
    whenInput: 'push',
  },
  {
    action: 'softprops/action-gh-release',
    class: 'publish',
    detail: 'creates a GitHub release',
    target: 'github:releases',
  },
  {
    action: 'ncipollo/release-action',
    class: 'publish',
    detail: 'creates a GitHub release',
    target: 'github:releases',
  },
  {
    action: 'actions/create-release',
    class: 'publish',
    detail: 'creates a GitHub release',
    target: 'github:releases',
  },
  {
    action: 'actions/upload-release-asset',
    class: 'publish',
    detail: 'uploads a release asset',
    target: 'github:releases',
  },
  {
    action: 'goreleaser/goreleaser-action',
    class: 'publish',
    detail: 'runs goreleaser',
    // `args: check`, `build`, `release --snapshot` publish nothing; no args is `release`.
    runs: { command: 'goreleaser', input: 'args' },
  },
  {
    action: 'changesets/action',
    class: 'publish',
    detail: 'publishes with changesets',
    whenInput: 'publish',
  },
  {
    action: 'rust-lang/crates-io-auth-action',
    class: 'publish',
    detail: 'authenticates to crates.io for publishing',
    target: 'registry:crates.io',
  },
  { action: 'cycjimmy/semantic-release-action', class: 'publish', detail: 'runs semantic-release' },
  {
    action: 'HaaLeo/publish-vscode-extension',
    class: 'publish',
    detail: 'publishes a VS Code extension',
  },
  {
    action: 'actions/deploy-pages',
    class: 'deploy',
    detail: 'deploys GitHub Pages',
    target: 'github:pages',
  },
  {
    action: 'peaceiris/actions-gh-pages',
    class: 'deploy',
    detail: 'deploys GitHub Pages',
    target: 'github:pages',
  },
  {
    action: 'JamesIves/github-pages-deploy-action',
    class: 'deploy',
    detail: 'deploys GitHub Pages',
    target: 'github:pages',
  },
  {
    action: 'azure/webapps-deploy',
    class: 'deploy',
    detail: 'deploys an Azure web app',
    target: 'cloud:azure',
  },
  {
    action: 'azure/k8s-deploy',
    class: 'deploy',
    detail: 'deploys to Kubernetes',
    target: 'cluster',
  },
  {
    action: 'azure/arm-deploy',
    class: 'deploy',
    detail: 'deploys Azure resources',
    target: 'cloud:azure',
  },
  {
    action: 'aws-actions/amazon-ecs-deploy-task-definition',
    class: 'deploy',
    detail: 'deploys an ECS service',
    target: 'cloud:aws',
  },
  {
    action: 'aws-actions/aws-cloudformation-github-deploy',
    class: 'deploy',
    detail: 'deploys a CloudFormation stack',
    target: 'cloud:aws',
  },
  {
    action: 'google-github-actions/deploy-cloudrun',
    class: 'deploy',
    detail: 'deploys to Cloud Run',
    target: 'cloud:gcp',
  },
  {
    action: 'google-github-actions/deploy-appengine',
    class: 'deploy',
    detail: 'deploys to App Engine',
    target: 'cloud:gcp',
  },
  {
    action: 'google-github-actions/deploy-cloud-functions',
    class: 'deploy',
    detail: 'deploys Cloud Functions',
    target: 'cloud:gcp',
  },
  {
    action: 'cloudflare/wrangler-action',
    class: 'deploy',
    detail: 'deploys to Cloudflare',
    target: 'cloud:cloudflare',
  },
  {
    action: 'amondnet/vercel-action',
    class: 'deploy',
    detail: 'deploys to Vercel',
    target: 'cloud:vercel',
  },
  {
    action: 'nwtgck/actions-netlify',
    class: 'deploy',
    detail: 'deploys to Netlify',
    target: 'cloud:netlify',
  },
  {
    action: 'superfly/flyctl-actions',
    class: 'deploy',
    detail: 'deploys to Fly.io',
    target: 'cloud:fly',
  },
  {
    action: 'aws-actions/configure-aws-credentials',
    class: 'cloud-credential',
    detail: 'configures AWS credentials',
    target: 'cloud:aws',
  },
  {
    action: 'google-github-actions/auth',
    class: 'cloud-credential',
    detail: 'authenticates to Google Cloud',
    target: 'cloud:gcp',
  },
  {
    action: 'azure/login',
    class: 'cloud-credential',
    detail: 'logs in to Azure',
    target: 'cloud:azure',
  },
];

/** Actions that mint a GitHub App installation token inside the job. */
export const APP_TOKEN_ACTIONS: readonly string[] = [
  'actions/create-github-app-token',
  'tibdex/github-app-token',
  'peter-murray/workflow-application-token-action',
];
