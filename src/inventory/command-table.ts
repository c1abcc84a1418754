/**
 * The data half of the command classifier (commands.ts): which argv shapes publish, deploy,
 * destroy, bypass checks, write branches or check out untrusted code. Each rule names the
 * tools it applies to (argv[0] basename), the subcommand path (`'s3 cp|sync'`: positionals,
 * `|` for alternatives, `*` for any, `,` between alternative paths) and an optional predicate.
 * Adding a tool should mean adding a row here, not code in the engine.
 */
import type { ActionClass } from './action-classes.js';

export type HitClass = ActionClass | 'untrusted-checkout';

/** One argv seen through its tool's flag grammar. */
export interface ParsedCommand {
  /** Basename of argv[0] (`/usr/bin/npm` → `npm`), version suffix dropped (`pkg@1` → `pkg`). */
  readonly name: string;
  readonly args: readonly string[];
  /** Source text of each arg, quotes kept. */
  readonly raw: readonly string[];
  /** Args that are not flags nor values of the tool's known value flags. */
  readonly positionals: readonly string[];
  has(...flags: string[]): boolean;
  value(...flags: string[]): string | undefined;
}

/** `rest` is the positionals after the matched path (`gh release create v1` → `['v1']`). */
type Predicate = (c: ParsedCommand, rest: readonly string[]) => boolean;
type TargetOf = (c: ParsedCommand, rest: readonly string[]) => string | undefined;

export interface CommandRule {
  readonly tools: string;
  readonly path?: string;
  readonly class: HitClass;
  readonly kind: string;
  readonly detail: string;
  readonly when?: Predicate;
  readonly target?: TargetOf;
}

type Row = Omit<CommandRule, 'class'>;
const as = (cls: HitClass, rows: readonly Row[]): CommandRule[] => rows.map((r) => ({ ...r, class: cls }));

const first: TargetOf = (_c, rest) => rest[0];
const registry: TargetOf = (c) => c.value('--registry');
const kubeContext: TargetOf = (c) => c.value('--context', '--cluster');
const not = (p: Predicate): Predicate => (c, rest) => !p(c, rest);

const NAMESPACE = /^(?:namespaces?|ns)(?:\/|$)/;
const deletesNamespace: Predicate = (_c, rest) => NAMESPACE.test(rest[0] ?? '');
const isAdminMerge: Predicate = (c) => c.has('--admin');
const destroys: Predicate = (c) => c.positionals.includes('destroy') || c.has('-destroy');
const toS3: Predicate = (_c, rest) => (rest[1] ?? '').startsWith('s3://');
const bucket = (url: string | undefined): string | undefined => /^s3:\/\/[^/]*/.exec(url ?? '')?.[0];

/** Pull-request head refs and expressions: checking them out runs code from the PR author. */
export const PR_HEAD =
  /(?:^|[/:+])pull\/[^/\s]+\/(?:head|merge)\b|github\.event\.pull_request\.head\.(?:sha|ref)\b|github\.head_ref\b|\$\{?GITHUB_HEAD_REF\b|github\.event\.workflow_run\.head_(?:sha|branch)\b/;
const prHeadArg: TargetOf = (c) => c.args.find((a) => PR_HEAD.test(a));

const SQL_DROP = /\bDROP\s+(?:DATABASE|TABLE|SCHEMA)\s+(?:IF\s+EXISTS\s+)?([^\s;,]+)/i;
const SQL_TRUNCATE = /\bTRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?([^\s;,]+)/i;
const sqlMatch = (re: RegExp): Predicate => (c) => re.test(c.args.join('\n'));
const sqlTarget = (re: RegExp): TargetOf => (c) => re.exec(c.args.join('\n'))?.[1];
const SQL_CLIENTS = 'psql mysql mariadb sqlite3 sqlcmd clickhouse-client cockroach';

const MAVEN_DEPLOY = /^(?:deploy(?::[\w-]+)?|release:perform|[\w.-]+:[\w.-]+(?::[\w.-]+)?:deploy)$/;
const GRADLE_PUBLISH = /^(?:[\w-]*:)*publish\w*$/;
const isGradlePublish = (task: string): boolean => GRADLE_PUBLISH.test(task) && !task.endsWith('ToMavenLocal');

const goreleaserPublishes: Predicate = (c) =>
  (c.positionals[0] ?? 'release') === 'release' && !c.has('--snapshot', '--skip-publish') && !/\bpublish\b/.test(c.value('--skip') ?? '');
const pushesImage: Predicate = (c) => c.has('--push') || /(?:^|,)(?:push=true|type=registry)\b/.test(c.value('-o', '--output') ?? '');

/** `vercel` subcommands that do not deploy, even with `--prod` (`vercel build --prod`). */
const VERCEL_OTHER = new Set(['build', 'pull', 'env', 'link', 'logs', 'inspect', 'list', 'ls', 'dev', 'login', 'whoami', 'domains', 'dns', 'certs', 'project', 'teams', 'git']);
const vercelDeploys: Predicate = (c) => c.positionals[0] === 'deploy' || (c.has('--prod') && !VERCEL_OTHER.has(c.positionals[0] ?? ''));

export const COMMAND_RULES: readonly CommandRule[] = [
  ...as('publish', [
    { tools: 'npm', path: 'publish', kind: 'npm-publish', detail: 'publishes an npm package', target: registry },
    { tools: 'pnpm', path: 'publish, recursive publish', kind: 'pnpm-publish', detail: 'publishes npm packages with pnpm', target: registry },
    { tools: 'yarn', path: 'publish, npm publish', kind: 'yarn-publish', detail: 'publishes an npm package with yarn', target: registry },
    { tools: 'bun', path: 'publish', kind: 'bun-publish', detail: 'publishes an npm package with bun', target: registry },
    { tools: 'twine', path: 'upload', kind: 'twine-upload', detail: 'uploads Python distributions', target: (c) => c.value('--repository-url', '--repository', '-r') },
    { tools: 'uv', path: 'publish', kind: 'uv-publish', detail: 'publishes Python distributions', target: (c) => c.value('--publish-url', '--index') },
    { tools: 'poetry', path: 'publish', kind: 'poetry-publish', detail: 'publishes a Python package', target: (c) => c.value('--repository', '-r') },
    { tools: 'flit', path: 'publish', kind: 'flit-publish', detail: 'publishes a Python package', target: (c) => c.value('--repository') },
    { tools: 'hatch', path: 'publish', kind: 'hatch-publish', detail: 'publishes a Python package', target: (c) => c.value('--repo', '-r') },
    { tools: 'cargo', path: 'publish', kind: 'cargo-publish', detail: 'publishes a Rust crate', target: registry },
    { tools: 'gem', path: 'push', kind: 'gem-push', detail: 'publishes a Ruby gem', target: (c) => c.value('--host') },
    { tools: 'dotnet', path: 'nuget push', kind: 'nuget-push', detail: 'publishes a NuGet package', target: (c) => c.value('--source', '-s') },
    { tools: 'nuget', path: 'push', kind: 'nuget-push', detail: 'publishes a NuGet package', target: (c) => c.value('-Source', '-source', '-s') },
    { tools: 'mvn mvnw', kind: 'mvn-deploy', detail: 'deploys Maven artifacts to a repository', when: (c) => c.positionals.some((g) => MAVEN_DEPLOY.test(g)) },
    { tools: 'gradle gradlew', kind: 'gradle-publish', detail: 'publishes Gradle artifacts', when: (c) => c.positionals.some(isGradlePublish) },
    { tools: 'docker podman buildah nerdctl', path: 'push, image push, manifest push', kind: 'container-push', detail: 'pushes a container image', target: first },
    { tools: 'docker podman nerdctl', path: 'build, buildx build, buildx bake, image build, builder build', kind: 'docker-build-push', detail: 'builds and pushes a container image', when: pushesImage, target: (c) => c.value('-t', '--tag') },
    { tools: 'helm', path: 'push|cm-push', kind: 'helm-push', detail: 'pushes a Helm chart', target: (_c, rest) => rest[1] ?? rest[0] },
    { tools: 'gh', path: 'release create|upload|edit', kind: 'gh-release', detail: 'creates or changes a GitHub release', target: first },
    { tools: 'goreleaser', kind: 'goreleaser-release', detail: 'publishes a release with GoReleaser', when: goreleaserPublishes },
    { tools: 'changeset', path: 'publish', kind: 'changeset-publish', detail: 'publishes packages with changesets' },
    { tools: 'lerna', path: 'publish', kind: 'lerna-publish', detail: 'publishes packages with lerna' },
    { tools: 'semantic-release', kind: 'semantic-release', detail: 'publishes a release with semantic-release' },
    { tools: 'vsce', path: 'publish', kind: 'vsce-publish', detail: 'publishes a VS Code extension' },
    { tools: 'ovsx', path: 'publish', kind: 'ovsx-publish', detail: 'publishes an Open VSX extension' },
  ]),
  ...as('deploy', [
    { tools: 'kubectl', path: 'apply|create|replace|patch', kind: 'kubectl-apply', detail: 'changes Kubernetes resources', target: kubeContext },
    { tools: 'kubectl', path: 'rollout restart|undo|resume|pause', kind: 'kubectl-rollout', detail: 'changes a Kubernetes rollout', target: kubeContext },
    { tools: 'kubectl', path: 'set', kind: 'kubectl-set', detail: 'changes Kubernetes workloads', target: kubeContext },
    { tools: 'kubectl', path: 'scale', kind: 'kubectl-scale', detail: 'scales Kubernetes workloads', target: kubeContext },
    { tools: 'kubectl', path: 'delete', kind: 'kubectl-delete', detail: 'deletes Kubernetes resources', when: not(deletesNamespace), target: kubeContext },
    { tools: 'helm', path: 'upgrade|install|rollback', kind: 'helm-release', detail: 'installs or upgrades a Helm release', target: first },
    { tools: 'helm', path: 'uninstall|delete|del|un', kind: 'helm-uninstall', detail: 'uninstalls a Helm release', target: first },
    { tools: 'terraform tofu terragrunt', path: 'apply, run-all apply, run apply', kind: 'terraform-apply', detail: 'applies infrastructure changes', when: not(destroys) },
    { tools: 'pulumi', path: 'up|update', kind: 'pulumi-up', detail: 'applies infrastructure changes', target: (c) => c.value('--stack', '-s') },
    { tools: 'serverless sls', path: 'deploy', kind: 'serverless-deploy', detail: 'deploys a Serverless service', target: (c) => c.value('--stage', '-s') },
    { tools: 'cdk aws-cdk', path: 'deploy', kind: 'cdk-deploy', detail: 'deploys AWS CDK stacks', target: first },
    { tools: 'sam', path: 'deploy', kind: 'sam-deploy', detail: 'deploys an AWS SAM application', target: (c) => c.value('--stack-name') },
    { tools: 'aws', path: 'cloudformation deploy|create-stack|update-stack', kind: 'cloudformation-deploy', detail: 'deploys a CloudFormation stack', target: (c) => c.value('--stack-name') },
    { tools: 'aws', path: 'ecs update-service', kind: 'ecs-update-service', detail: 'updates an ECS service', target: (c) => c.value('--service') },
    { tools: 'aws', path: 'lambda update-function-code', kind: 'lambda-update-code', detail: 'updates Lambda function code', target: (c) => c.value('--function-name') },
    { tools: 'aws', path: 'deploy create-deployment', kind: 'codedeploy-deploy', detail: 'starts a CodeDeploy deployment', target: (c) => c.value('--application-name') },
    { tools: 'aws', path: 's3 cp|sync|mv', kind: 's3-upload', detail: 'uploads to an S3 bucket', when: toS3, target: (_c, rest) => bucket(rest[1]) },
    { tools: 'gcloud', path: 'run deploy, app deploy, functions deploy', kind: 'gcloud-deploy', detail: 'deploys to Google Cloud', target: (c, rest) => c.value('--project') ?? rest[0] },
    { tools: 'az', path: 'webapp deploy, webapp deployment source config-zip, functionapp deployment source config-zip, deployment create, deployment * create', kind: 'az-deploy', detail: 'deploys to Azure', target: (c) => c.value('--name', '-n', '--resource-group', '-g') },
    { tools: 'firebase firebase-tools', path: 'deploy|hosting:channel:deploy', kind: 'firebase-deploy', detail: 'deploys to Firebase', target: (c) => c.value('--project', '-P') },
    { tools: 'vercel', kind: 'vercel-deploy', detail: 'deploys to Vercel', when: vercelDeploys, target: (c) => (c.has('--prod') ? 'production' : undefined) },
    { tools: 'netlify netlify-cli', path: 'deploy', kind: 'netlify-deploy', detail: 'deploys to Netlify', target: (c) => c.value('--site') },
    { tools: 'fly flyctl', path: 'deploy', kind: 'fly-deploy', detail: 'deploys to Fly.io', target: (c) => c.value('--app', '-a') },
    { tools: 'wrangler', path: 'deploy|publish, pages deploy|publish, versions deploy', kind: 'wrangler-deploy', detail: 'deploys to Cloudflare', target: (c) => c.value('--name', '--project-name') },
    { tools: 'heroku', path: 'container:release|releases:rollback', kind: 'heroku-release', detail: 'releases to Heroku', target: (c) => c.value('--app', '-a') },
    { tools: 'gh', path: 'workflow run', kind: 'gh-workflow-run', detail: 'triggers a deployment or release workflow', when: (_c, rest) => /deploy|release/i.test(rest[0] ?? ''), target: first },
  ]),
  ...as('destructive', [
    { tools: 'kubectl', path: 'delete', kind: 'kubectl-delete-namespace', detail: 'deletes a Kubernetes namespace', when: deletesNamespace, target: (_c, rest) => (rest[0]?.includes('/') ? rest[0].split('/')[1] : rest[1]) },
    { tools: 'terraform tofu terragrunt', path: 'destroy, run-all destroy, run destroy, apply, run-all apply, run apply', kind: 'terraform-destroy', detail: 'destroys infrastructure', when: destroys },
    { tools: 'pulumi', path: 'destroy', kind: 'pulumi-destroy', detail: 'destroys infrastructure', target: (c) => c.value('--stack', '-s') },
    { tools: 'cdk aws-cdk', path: 'destroy', kind: 'cdk-destroy', detail: 'destroys AWS CDK stacks', target: first },
    { tools: 'serverless sls', path: 'remove', kind: 'serverless-remove', detail: 'removes a Serverless service', target: (c) => c.value('--stage', '-s') },
    { tools: 'sam', path: 'delete', kind: 'sam-delete', detail: 'deletes an AWS SAM application', target: (c) => c.value('--stack-name') },
    { tools: 'aws', path: 'cloudformation delete-stack', kind: 'cloudformation-delete-stack', detail: 'deletes a CloudFormation stack', target: (c) => c.value('--stack-name') },
    { tools: 'aws', path: 's3 rb', kind: 's3-rb-force', detail: 'deletes an S3 bucket and its contents', when: (c) => c.has('--force'), target: (_c, rest) => bucket(rest[0]) },
    { tools: 'aws', path: 's3 rm', kind: 's3-rm-recursive', detail: 'recursively deletes S3 objects', when: (c) => c.has('--recursive'), target: (_c, rest) => bucket(rest[0]) },
    { tools: 'gcloud', path: 'projects delete', kind: 'gcloud-projects-delete', detail: 'deletes a Google Cloud project', target: first },
    { tools: 'gh', path: 'release delete', kind: 'gh-release-delete', detail: 'deletes a GitHub release', target: first },
    { tools: 'gh', path: 'repo delete', kind: 'gh-repo-delete', detail: 'deletes a repository', target: first },
    { tools: SQL_CLIENTS, kind: 'sql-drop', detail: 'drops a database object', when: sqlMatch(SQL_DROP), target: sqlTarget(SQL_DROP) },
    { tools: SQL_CLIENTS, kind: 'sql-truncate', detail: 'truncates a table', when: sqlMatch(SQL_TRUNCATE), target: sqlTarget(SQL_TRUNCATE) },
  ]),
  ...as('bypass-checks', [
    { tools: 'gh', path: 'pr merge', kind: 'gh-pr-merge-admin', detail: 'merges a pull request bypassing branch protection', when: isAdminMerge, target: first },
  ]),
  ...as('write-branch', [
    { tools: 'gh', path: 'pr merge', kind: 'gh-pr-merge', detail: 'merges a pull request', when: not(isAdminMerge), target: first },
    { tools: 'gh', path: 'pr create', kind: 'gh-pr-create', detail: 'opens a pull request', target: (c) => c.value('--base', '-B') },
  ]),
  ...as('untrusted-checkout', [
    { tools: 'gh', path: 'pr checkout|co', kind: 'gh-pr-checkout', detail: 'checks out a pull request head', target: first },
    { tools: 'git', path: 'checkout|switch|reset|worktree', kind: 'git-checkout-pr-head', detail: 'checks out a pull request head', when: (c) => prHeadArg(c, []) !== undefined, target: prHeadArg },
    { tools: 'git', path: 'fetch|pull', kind: 'git-fetch-pr-head', detail: 'fetches a pull request head', when: (c) => prHeadArg(c, []) !== undefined, target: prHeadArg },
  ]),
];

/** `gh api` calls by method and endpoint (endpoint without host, leading slash or query). */
export interface ApiRule {
  readonly methods: readonly string[];
  readonly endpoint: RegExp;
  readonly class: HitClass;
  readonly kind: string;
  readonly detail: string;
}

export const GH_API_RULES: readonly ApiRule[] = [
  { methods: ['PUT', 'PATCH', 'DELETE'], endpoint: /\/branches\/.+\/protection(?:\/|$)/, class: 'bypass-checks', kind: 'gh-api-branch-protection', detail: 'changes or removes branch protection' },
  { methods: ['PUT', 'PATCH', 'DELETE'], endpoint: /(?:^|\/)rulesets(?:\/|$)/, class: 'bypass-checks', kind: 'gh-api-ruleset', detail: 'changes or removes a ruleset' },
  { methods: ['DELETE'], endpoint: /^repos\/.+\/git\/refs\//, class: 'destructive', kind: 'gh-api-delete-ref', detail: 'deletes a branch or tag' },
  { methods: ['DELETE'], endpoint: /^repos\/[^/]+(?:\/[^/]+)?\/?$/, class: 'destructive', kind: 'gh-repo-delete', detail: 'deletes a repository' },
  { methods: ['PUT', 'POST'], endpoint: /^repos\/.+\/contents(?:\/|$)/, class: 'write-branch', kind: 'gh-api-contents-write', detail: 'writes a file to a branch' },
  { methods: ['POST', 'PATCH'], endpoint: /^repos\/.+\/git\/refs(?:\/|$)/, class: 'write-branch', kind: 'gh-api-ref-write', detail: 'creates or moves a branch or tag' },
  { methods: ['PUT'], endpoint: /^repos\/.+\/pulls\/[^/]+\/merge$/, class: 'write-branch', kind: 'gh-api-pr-merge', detail: 'merges a pull request' },
  { methods: ['POST'], endpoint: /^repos\/.+\/merges$/, class: 'write-branch', kind: 'gh-api-merge', detail: 'merges into a branch' },
];

/**
 * Per-tool flags that take a separate value (`kubectl -n prod apply`): without them the
 * value would be read as a subcommand. Only flags that can precede or sit among the
 * positionals a rule looks at are needed.
 */
export const VALUE_FLAGS: ReadonlyMap<string, readonly string[]> = expand([
  ['git', ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--repo', '-o', '--push-option', '--receive-pack', '--exec']],
  ['gh', ['-R', '--repo', '-X', '--method', '-H', '--header', '-f', '-F', '--field', '--raw-field', '--input', '-q', '--jq', '-t', '--template', '--hostname', '--cache', '-p', '--preview', '-B', '--base', '--head', '--title', '-b', '--body', '--body-file', '-n', '--notes', '--notes-file', '--target', '-r', '--ref', '--subject', '-A', '--author-email', '--match-head-commit', '-a', '--assignee', '-l', '--label', '--milestone', '--reviewer', '--discussion-category', '--notes-start-tag']],
  ['kubectl', ['-n', '--namespace', '--context', '--cluster', '--kubeconfig', '-s', '--server', '--user', '-f', '--filename', '-l', '--selector', '-o', '--output', '-c', '--container', '--field-manager', '-k', '--kustomize', '--timeout', '--type', '-p', '--patch', '--replicas']],
  ['helm', ['-n', '--namespace', '--kube-context', '--kubeconfig', '-f', '--values', '--set', '--set-string', '--set-file', '--version', '--repo', '--timeout', '--description', '-o', '--output', '--post-renderer', '--username', '--password', '--ca-file', '--cert-file', '--key-file', '--registry-config', '--repository-config', '--repository-cache', '--history-max']],
  ['docker podman nerdctl buildah', ['-H', '--host', '--context', '-c', '--config', '-l', '--log-level', '-t', '--tag', '-f', '--file', '--platform', '--build-arg', '--target', '--label', '--cache-from', '--cache-to', '-o', '--output', '--secret', '--ssh', '--builder', '--progress', '--network', '--iidfile', '--metadata-file', '--annotation', '--build-context', '--add-host', '--allow', '--attest', '--set']],
  ['aws', ['--region', '--profile', '--output', '--endpoint-url', '--query', '--ca-bundle', '--color', '--exclude', '--include', '--acl', '--storage-class', '--cache-control', '--content-type', '--sse', '--sse-kms-key-id', '--expires', '--metadata', '--metadata-directive', '--grants', '--content-encoding', '--content-disposition', '--content-language', '--source-region', '--page-size', '--expected-size', '--cluster', '--service', '--function-name', '--zip-file', '--s3-bucket', '--s3-key', '--image-uri', '--stack-name', '--template-file', '--template-body', '--template-url', '--task-definition', '--desired-count', '--application-name', '--deployment-group-name']],
  ['gcloud', ['--project', '--region', '--zone', '--account', '--configuration', '--format', '--image', '--source', '--platform', '--service-account', '--memory', '--cpu', '--port', '--set-env-vars', '--update-env-vars', '--runtime', '--entry-point', '--flags-file', '--impersonate-service-account', '--verbosity', '--billing-project', '--trigger-topic']],
  ['az', ['--subscription', '-g', '--resource-group', '-n', '--name', '--src-path', '--type', '--template-file', '-f', '--parameters', '-p', '--location', '-l', '--output', '-o', '--query', '--mode']],
  ['terraform tofu terragrunt', ['-var', '-var-file', '-target', '-replace', '-state', '-lock-timeout', '-parallelism', '-backup', '-state-out', '--terragrunt-working-dir', '--working-dir', '--terragrunt-config']],
  ['pulumi', ['-C', '--cwd', '-s', '--stack', '--config-file', '-m', '--message', '--target', '-t', '--parallel', '-p']],
  ['npm', ['-w', '--workspace', '--prefix', '--registry', '--tag', '--access', '--otp', '--userconfig']],
  ['pnpm', ['-C', '--dir', '-F', '--filter', '--filter-prod', '--workspace-dir', '--tag', '--access', '--otp', '--registry', '--publish-branch']],
  ['yarn', ['--cwd', '--tag', '--access', '--otp', '--registry', '--new-version']],
  ['cargo', ['--manifest-path', '-p', '--package', '--registry', '--index', '--token', '-Z', '--config', '--target', '--features', '-F', '-j', '--jobs', '--target-dir', '--color']],
  ['twine', ['-r', '--repository', '--repository-url', '-u', '--username', '-p', '--password', '-c', '--comment', '--config-file', '--identity', '--sign-with', '--client-cert', '--cert']],
  ['dotnet', ['-s', '--source', '-k', '--api-key', '--symbol-source', '--symbol-api-key', '-t', '--timeout', '-v', '--verbosity', '-c', '--configuration']],
  ['mvn mvnw', ['-P', '-f', '--file', '-s', '--settings', '-pl', '--projects', '-rf', '-T', '--threads', '-gs', '-t', '-l', '--log-file', '-b']],
  ['gradle gradlew', ['-p', '--project-dir', '-x', '--exclude-task', '-b', '--build-file', '-c', '--settings-file', '-I', '--init-script', '-g', '--gradle-user-home', '--console', '--warning-mode', '--max-workers']],
  ['goreleaser', ['-f', '--config', '--skip', '-p', '--parallelism', '--timeout', '--release-notes', '--id']],
  ['vercel', ['--token', '--scope', '-t', '-S', '--cwd', '-A', '--local-config', '-e', '--env', '-b', '--build-env', '-m', '--meta', '--target', '--archive', '--regions']],
  ['netlify netlify-cli', ['--dir', '-d', '--site', '-s', '--auth', '-a', '--functions', '-f', '--message', '-m', '--alias', '--filter', '--context']],
  ['firebase firebase-tools', ['--project', '-P', '--only', '--except', '--token', '-m', '--message', '--config']],
  ['fly flyctl', ['-a', '--app', '-c', '--config', '--image', '-i', '--strategy', '-e', '--env', '-r', '--region', '--build-arg', '--dockerfile']],
  ['wrangler', ['-c', '--config', '-e', '--env', '--name', '--compatibility-date', '--project-name', '--branch', '--commit-hash', '--commit-message']],
  ['serverless sls', ['--stage', '-s', '--region', '-r', '--config', '-c', '--aws-profile', '--param', '--function', '-f']],
  ['cdk aws-cdk', ['-a', '--app', '-c', '--context', '--profile', '--role-arn', '-r', '--require-approval', '--parameters', '--outputs-file', '-O', '--toolkit-stack-name']],
  ['sam', ['--stack-name', '--s3-bucket', '--region', '--profile', '--template-file', '-t', '--config-env', '--config-file', '--image-repository', '--s3-prefix']],
  ['heroku', ['-a', '--app', '-r', '--remote']],
]);

/** Leading positionals that do not change what a command does (`gcloud beta run deploy`). */
export const IGNORED_LEADING: ReadonlyMap<string, readonly string[]> = new Map([['gcloud', ['alpha', 'beta']]]);

/** Launchers whose argument is another command: `npx semantic-release`, `uv run twine upload`. */
export interface WrapperRule {
  readonly tools: string;
  /** Subcommand path before the wrapped command; absent for `npx cmd`. */
  readonly path?: string;
  readonly valueFlags?: readonly string[];
}

export const WRAPPERS: readonly WrapperRule[] = [
  { tools: 'npx bunx pnpx uvx', valueFlags: ['-p', '--package', '--from', '--with', '--python'] },
  { tools: 'npm', path: 'exec|x', valueFlags: ['-p', '--package', '-w', '--workspace'] },
  { tools: 'pnpm', path: 'exec|dlx', valueFlags: ['-C', '--dir', '-F', '--filter'] },
  { tools: 'yarn', path: 'dlx|exec|run', valueFlags: ['-p', '--package'] },
  { tools: 'yarn', path: 'workspaces foreach', valueFlags: ['--include', '--exclude', '--since', '-j', '--jobs', '--from'] },
  { tools: 'bun', path: 'x|run' },
  { tools: 'uv', path: 'run, tool run', valueFlags: ['--with', '--python', '-p', '--from', '--directory', '--project', '--package', '--group', '--extra'] },
  { tools: 'pipx', path: 'run', valueFlags: ['--spec', '--python'] },
  { tools: 'poetry pdm pipenv hatch rye', path: 'run' },
  // `yarn changeset publish`, `pnpm semantic-release`: a bare package-manager call runs a binary.
  { tools: 'yarn pnpm', valueFlags: ['--cwd', '-C', '--dir', '-F', '--filter'] },
];

function expand(rows: readonly (readonly [string, readonly string[]])[]): Map<string, readonly string[]> {
  return new Map(rows.flatMap(([tools, flags]) => tools.split(' ').map((t) => [t, flags] as const)));
}
