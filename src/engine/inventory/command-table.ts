/**
 * The data half of the command classifier (commands.ts): which argv shapes publish, deploy,
 * destroy, bypass checks, write branches or check out untrusted code. Adding a tool should
 * mean adding a row here, not code in the engine.
 *
 * A row is `[tools, path, kind, detail, { when, target }]`: `tools` are argv[0] basenames;
 * `path` is the leading positionals (`'s3 cp|sync'`: `|` between accepted words, `*` for any
 * word, `,` between alternative paths; undefined matches any command of the tool); `when`
 * narrows the match and `target` says what the command reaches when the argv shows it.
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
  readonly path: string | undefined;
  readonly class: HitClass;
  readonly kind: string;
  readonly detail: string;
  readonly when?: Predicate | undefined;
  readonly target?: TargetOf | undefined;
}

type Row = readonly [
  tools: string,
  path: string | undefined,
  kind: string,
  detail: string,
  options?: { when?: Predicate; target?: TargetOf },
];

const rules = (cls: HitClass, rows: readonly Row[]): CommandRule[] =>
  rows.map(([tools, path, kind, detail, options]) => ({
    tools,
    path,
    class: cls,
    kind,
    detail,
    ...options,
  }));

const first: TargetOf = (_c, rest) => rest[0];
const second: TargetOf = (_c, rest) => rest[1] ?? rest[0];
const flag =
  (...names: string[]): TargetOf =>
  (c) =>
    c.value(...names);
const registry = flag('--registry');
const kubeContext = flag('--context', '--cluster');
const stack = flag('--stack', '-s');
const not =
  (p: Predicate): Predicate =>
  (c, rest) =>
    !p(c, rest);

const NAMESPACE = /^(?:namespaces?|ns)(?:\/|$)/;
const deletesNamespace: Predicate = (_c, rest) => NAMESPACE.test(rest[0] ?? '');
const namespaceName: TargetOf = (_c, rest) =>
  rest[0]?.includes('/') ? rest[0].split('/')[1] : rest[1];
const isAdminMerge: Predicate = (c) => c.has('--admin');
const destroys: Predicate = (c) => c.positionals.includes('destroy') || c.has('-destroy');
const toS3: Predicate = (_c, rest) => (rest[1] ?? '').startsWith('s3://');
const bucketAt =
  (i: number): TargetOf =>
  (_c, rest) =>
    /^s3:\/\/[^/]*/.exec(rest[i] ?? '')?.[0];

/** Pull-request head refs and expressions: checking them out runs code from the PR author. */
export const PR_HEAD =
  /(?:^|[/:+])pull\/(?:\$\{\{[^}]*\}\}|[^/\s]+)\/(?:head|merge)\b|github\.event\.pull_request\.head\.(?:sha|ref)\b|github\.head_ref\b|\$\{?GITHUB_HEAD_REF\b|github\.event\.workflow_run\.head_(?:sha|branch)\b/;
const prHeadArg: TargetOf = (c) => c.args.find((a) => PR_HEAD.test(a));
const checksOutPrHead = {
  when: (c: ParsedCommand) => prHeadArg(c, []) !== undefined,
  target: prHeadArg,
};

const SQL_DROP = /\bDROP\s+(?:DATABASE|TABLE|SCHEMA)\s+(?:IF\s+EXISTS\s+)?([^\s;,]+)/i;
const SQL_TRUNCATE = /\bTRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?([^\s;,]+)/i;
const SQL_CLIENTS = 'psql mysql mariadb sqlite3 sqlcmd clickhouse-client cockroach';
const sql = (re: RegExp): { when: Predicate; target: TargetOf } => ({
  when: (c) => re.test(c.args.join('\n')),
  target: (c) => re.exec(c.args.join('\n'))?.[1],
});

const MAVEN_DEPLOY = /^(?:deploy(?::[\w-]+)?|release:perform|[\w.-]+:[\w.-]+(?::[\w.-]+)?:deploy)$/;
const GRADLE_PUBLISH = /^(?:[\w-]*:)*publish\w*$/;
const mavenDeploys: Predicate = (c) => c.positionals.some((g) => MAVEN_DEPLOY.test(g));
const gradlePublishes: Predicate = (c) =>
  c.positionals.some((t) => GRADLE_PUBLISH.test(t) && !t.endsWith('ToMavenLocal'));

const goreleaserPublishes: Predicate = (c) =>
  (c.positionals[0] ?? 'release') === 'release' &&
  !c.has('--snapshot', '--skip-publish') &&
  !/\bpublish\b/.test(c.value('--skip') ?? '');
const pushesImage: Predicate = (c) =>
  c.has('--push') || /(?:^|,)(?:push=true|type=registry)\b/.test(c.value('-o', '--output') ?? '');

/**
 * A registry on the runner itself (`localhost:5000/app`, `http://127.0.0.1:4873`): a test
 * fixture, nothing leaves the machine. Publish rows whose target is loopback do not match.
 */
export const LOOPBACK_TARGET =
  /^(?:[a-z][\w+.-]*:\/\/)?(?:[^@/\s]*@)?(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)(?::\d+)?(?:\/|$)/i;
/** The image a build pushes: the first `-t`/`--tag` (or `-o name=`) that is not loopback. */
const imageTarget: TargetOf = (c) => {
  const names: string[] = [];
  c.args.forEach((a, i) => {
    const next = c.args[i + 1];
    if ((a === '-t' || a === '--tag') && next !== undefined) names.push(next);
    else if (a.startsWith('--tag=')) names.push(a.slice(6));
    else if (/^-t./.test(a)) names.push(a.slice(2));
  });
  const output = /(?:^|,)name=([^,]+)/.exec(c.value('-o', '--output') ?? '')?.[1];
  if (output !== undefined) names.push(...output.split(/[ ;]/));
  return names.find((n) => !LOOPBACK_TARGET.test(n)) ?? names[0];
};

/** `vercel` subcommands that do not deploy, even with `--prod` (`vercel build --prod`). */
const VERCEL_OTHER = new Set(
  'build pull env link logs inspect list ls dev login whoami domains dns certs project teams git'.split(
    ' ',
  ),
);
const vercelDeploys: Predicate = (c) =>
  c.positionals[0] === 'deploy' || (c.has('--prod') && !VERCEL_OTHER.has(c.positionals[0] ?? ''));
const workflowLooksLikeRelease: Predicate = (_c, rest) => /deploy|release/i.test(rest[0] ?? '');

// The rule table reads best as a table: one row per line, so formatting is left as written.
// prettier-ignore
export const COMMAND_RULES: readonly CommandRule[] = [
  ...rules('publish', [
    ['npm', 'publish', 'npm-publish', 'publishes an npm package', { target: registry }],
    ['pnpm', 'publish, recursive publish', 'pnpm-publish', 'publishes npm packages', { target: registry }],
    ['yarn', 'publish, npm publish', 'yarn-publish', 'publishes an npm package', { target: registry }],
    ['bun', 'publish', 'bun-publish', 'publishes an npm package', { target: registry }],
    ['twine', 'upload', 'twine-upload', 'uploads Python distributions', { target: flag('--repository-url', '--repository', '-r') }],
    ['uv', 'publish', 'uv-publish', 'publishes Python distributions', { target: flag('--publish-url', '--index') }],
    ['poetry', 'publish', 'poetry-publish', 'publishes a Python package', { target: flag('--repository', '-r') }],
    ['flit', 'publish', 'flit-publish', 'publishes a Python package', { target: flag('--repository') }],
    ['hatch', 'publish', 'hatch-publish', 'publishes a Python package', { target: flag('--repo', '-r') }],
    ['cargo', 'publish', 'cargo-publish', 'publishes a Rust crate', { target: registry }],
    ['gem', 'push', 'gem-push', 'publishes a Ruby gem', { target: flag('--host') }],
    ['dotnet', 'nuget push', 'nuget-push', 'publishes a NuGet package', { target: flag('--source', '-s') }],
    ['nuget', 'push', 'nuget-push', 'publishes a NuGet package', { target: flag('-Source', '-source', '-s') }],
    ['mvn mvnw', undefined, 'mvn-deploy', 'deploys Maven artifacts', { when: mavenDeploys }],
    ['gradle gradlew', undefined, 'gradle-publish', 'publishes Gradle artifacts', { when: gradlePublishes }],
    ['docker podman buildah nerdctl', 'push, image push, manifest push', 'container-push', 'pushes a container image', { target: first }],
    ['docker podman nerdctl', 'build, buildx build, buildx bake, image build, builder build', 'docker-build-push',
      'builds and pushes a container image', { when: pushesImage, target: imageTarget }],
    ['helm', 'push|cm-push', 'helm-push', 'pushes a Helm chart', { target: second }],
    ['gh', 'release create|upload|edit', 'gh-release', 'creates or changes a GitHub release', { target: first }],
    ['goreleaser', undefined, 'goreleaser-release', 'publishes a release', { when: goreleaserPublishes }],
    ['changeset', 'publish', 'changeset-publish', 'publishes packages with changesets'],
    ['lerna', 'publish', 'lerna-publish', 'publishes packages with lerna'],
    ['semantic-release', undefined, 'semantic-release', 'publishes a release with semantic-release'],
    ['vsce', 'publish', 'vsce-publish', 'publishes a VS Code extension'],
    ['ovsx', 'publish', 'ovsx-publish', 'publishes an Open VSX extension'],
  ]),
  ...rules('deploy', [
    ['kubectl', 'apply|create|replace|patch', 'kubectl-apply', 'changes Kubernetes resources', { target: kubeContext }],
    ['kubectl', 'rollout restart|undo|resume|pause', 'kubectl-rollout', 'changes a Kubernetes rollout', { target: kubeContext }],
    ['kubectl', 'set', 'kubectl-set', 'changes Kubernetes workloads', { target: kubeContext }],
    ['kubectl', 'scale', 'kubectl-scale', 'scales Kubernetes workloads', { target: kubeContext }],
    ['kubectl', 'delete', 'kubectl-delete', 'deletes Kubernetes resources', { when: not(deletesNamespace), target: kubeContext }],
    ['helm', 'upgrade|install|rollback', 'helm-release', 'installs or upgrades a Helm release', { target: first }],
    ['helm', 'uninstall|delete|del|un', 'helm-uninstall', 'uninstalls a Helm release', { target: first }],
    ['terraform tofu terragrunt', 'apply, run-all apply, run apply', 'terraform-apply', 'applies infrastructure changes', { when: not(destroys) }],
    ['pulumi', 'up|update', 'pulumi-up', 'applies infrastructure changes', { target: stack }],
    ['serverless sls', 'deploy', 'serverless-deploy', 'deploys a Serverless service', { target: flag('--stage', '-s') }],
    ['cdk aws-cdk', 'deploy', 'cdk-deploy', 'deploys AWS CDK stacks', { target: first }],
    ['sam', 'deploy', 'sam-deploy', 'deploys an AWS SAM application', { target: flag('--stack-name') }],
    ['aws', 'cloudformation deploy|create-stack|update-stack', 'cloudformation-deploy', 'deploys a CloudFormation stack', { target: flag('--stack-name') }],
    ['aws', 'ecs update-service', 'ecs-update-service', 'updates an ECS service', { target: flag('--service') }],
    ['aws', 'lambda update-function-code', 'lambda-update-code', 'updates Lambda function code', { target: flag('--function-name') }],
    ['aws', 'deploy create-deployment', 'codedeploy-deploy', 'starts a CodeDeploy deployment', { target: flag('--application-name') }],
    ['aws', 's3 cp|sync|mv', 's3-upload', 'uploads to an S3 bucket', { when: toS3, target: bucketAt(1) }],
    ['gcloud', 'run deploy, app deploy, functions deploy', 'gcloud-deploy', 'deploys to Google Cloud', { target: (c, rest) => c.value('--project') ?? rest[0] }],
    ['az', 'webapp deploy, webapp deployment source config-zip, functionapp deployment source config-zip, deployment create, deployment * create',
      'az-deploy', 'deploys to Azure', { target: flag('--name', '-n', '--resource-group', '-g') }],
    ['firebase firebase-tools', 'deploy|hosting:channel:deploy', 'firebase-deploy', 'deploys to Firebase', { target: flag('--project', '-P') }],
    ['vercel', undefined, 'vercel-deploy', 'deploys to Vercel', { when: vercelDeploys, target: (c) => (c.has('--prod') ? 'production' : undefined) }],
    ['netlify netlify-cli', 'deploy', 'netlify-deploy', 'deploys to Netlify', { target: flag('--site') }],
    ['fly flyctl', 'deploy', 'fly-deploy', 'deploys to Fly.io', { target: flag('--app', '-a') }],
    ['wrangler', 'deploy|publish, pages deploy|publish, versions deploy', 'wrangler-deploy', 'deploys to Cloudflare', { target: flag('--name', '--project-name') }],
    ['heroku', 'container:release|releases:rollback', 'heroku-release', 'releases to Heroku', { target: flag('--app', '-a') }],
    ['gh', 'workflow run', 'gh-workflow-run', 'triggers a deployment or release workflow', { when: workflowLooksLikeRelease, target: first }],
  ]),
  ...rules('destructive', [
    ['kubectl', 'delete', 'kubectl-delete-namespace', 'deletes a Kubernetes namespace', { when: deletesNamespace, target: namespaceName }],
    ['terraform tofu terragrunt', 'destroy, run-all destroy, run destroy, apply, run-all apply, run apply', 'terraform-destroy',
      'destroys infrastructure', { when: destroys }],
    ['pulumi', 'destroy', 'pulumi-destroy', 'destroys infrastructure', { target: stack }],
    ['cdk aws-cdk', 'destroy', 'cdk-destroy', 'destroys AWS CDK stacks', { target: first }],
    ['serverless sls', 'remove', 'serverless-remove', 'removes a Serverless service', { target: flag('--stage', '-s') }],
    ['sam', 'delete', 'sam-delete', 'deletes an AWS SAM application', { target: flag('--stack-name') }],
    ['aws', 'cloudformation delete-stack', 'cloudformation-delete-stack', 'deletes a CloudFormation stack', { target: flag('--stack-name') }],
    ['aws', 's3 rb', 's3-rb-force', 'deletes an S3 bucket and its contents', { when: (c) => c.has('--force'), target: bucketAt(0) }],
    ['aws', 's3 rm', 's3-rm-recursive', 'recursively deletes S3 objects', { when: (c) => c.has('--recursive'), target: bucketAt(0) }],
    ['gcloud', 'projects delete', 'gcloud-projects-delete', 'deletes a Google Cloud project', { target: first }],
    ['gh', 'release delete', 'gh-release-delete', 'deletes a GitHub release', { target: first }],
    ['gh', 'repo delete', 'gh-repo-delete', 'deletes a repository', { target: first }],
    [SQL_CLIENTS, undefined, 'sql-drop', 'drops a database object', sql(SQL_DROP)],
    [SQL_CLIENTS, undefined, 'sql-truncate', 'truncates a table', sql(SQL_TRUNCATE)],
  ]),
  ...rules('bypass-checks', [
    ['gh', 'pr merge', 'gh-pr-merge-admin', 'merges a pull request bypassing branch protection', { when: isAdminMerge, target: first }],
  ]),
  ...rules('modify-workflow', [
    ['gh', 'workflow disable|enable', 'gh-workflow-toggle', 'switches a workflow off or on', { target: first }],
  ]),
  ...rules('write-branch', [
    ['gh', 'pr merge', 'gh-pr-merge', 'merges a pull request', { when: not(isAdminMerge), target: first }],
    ['gh', 'pr create', 'gh-pr-create', 'opens a pull request', { target: flag('--base', '-B') }],
  ]),
  ...rules('untrusted-checkout', [
    ['gh', 'pr checkout|co', 'gh-pr-checkout', 'checks out a pull request head', { target: first }],
    ['git', 'checkout|switch|reset|worktree', 'git-checkout-pr-head', 'checks out a pull request head', checksOutPrHead],
    ['git', 'fetch|pull', 'git-fetch-pr-head', 'fetches a pull request head', checksOutPrHead],
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

const WRITE = ['PUT', 'PATCH', 'DELETE'];

// prettier-ignore
export const GH_API_RULES: readonly ApiRule[] = [
  { methods: WRITE, endpoint: /\/branches\/.+\/protection(?:\/|$)/, class: 'bypass-checks', kind: 'gh-api-branch-protection', detail: 'changes or removes branch protection' },
  { methods: WRITE, endpoint: /(?:^|\/)rulesets(?:\/|$)/, class: 'bypass-checks', kind: 'gh-api-ruleset', detail: 'changes or removes a ruleset' },
  { methods: ['DELETE'], endpoint: /^repos\/.+\/git\/refs\//, class: 'destructive', kind: 'gh-api-delete-ref', detail: 'deletes a branch or tag' },
  { methods: ['DELETE'], endpoint: /^repos\/[^/]+(?:\/[^/]+)?\/?$/, class: 'destructive', kind: 'gh-repo-delete', detail: 'deletes a repository' },
  { methods: ['PUT', 'DELETE'], endpoint: /^repos\/.+\/contents\/\.github\/workflows\//, class: 'modify-workflow', kind: 'gh-api-workflow-file', detail: 'writes a workflow file' },
  { methods: ['PUT'], endpoint: /^repos\/.+\/actions\/workflows\/[^/]+\/(?:disable|enable)$/, class: 'modify-workflow', kind: 'gh-api-workflow-toggle', detail: 'switches a workflow off or on' },
  { methods: ['PUT', 'POST'], endpoint: /^repos\/.+\/contents(?:\/|$)/, class: 'write-branch', kind: 'gh-api-contents-write', detail: 'writes a file to a branch' },
  { methods: ['POST', 'PATCH'], endpoint: /^repos\/.+\/git\/refs(?:\/|$)/, class: 'write-branch', kind: 'gh-api-ref-write', detail: 'creates or moves a branch or tag' },
  { methods: ['PUT'], endpoint: /^repos\/.+\/pulls\/[^/]+\/merge$/, class: 'write-branch', kind: 'gh-api-pr-merge', detail: 'merges a pull request' },
  { methods: ['POST'], endpoint: /^repos\/.+\/merges$/, class: 'write-branch', kind: 'gh-api-merge', detail: 'merges into a branch' },
];

/** `gh api graphql` mutations with the same effect as the REST calls above. */
// prettier-ignore
export const GH_GRAPHQL_RULES: readonly (Omit<ApiRule, 'methods' | 'endpoint'> & { readonly mutation: RegExp })[] = [
  { mutation: /\b(?:update|delete)BranchProtectionRule\b/, class: 'bypass-checks', kind: 'gh-api-branch-protection', detail: 'changes or removes branch protection' },
  { mutation: /\b(?:update|delete)RepositoryRuleset\b/, class: 'bypass-checks', kind: 'gh-api-ruleset', detail: 'changes or removes a ruleset' },
  { mutation: /\bdeleteRef\b/, class: 'destructive', kind: 'gh-api-delete-ref', detail: 'deletes a branch or tag' },
  { mutation: /\b(?:createCommitOnBranch|createRef|updateRefs?|mergeBranch|mergePullRequest)\b/, class: 'write-branch', kind: 'gh-api-graphql-write', detail: 'writes to a branch' },
];

/**
 * Per-tool flags that take a separate value (`kubectl -n prod apply`): without them the value
 * would be read as a subcommand. Only flags that can sit before or among the positionals a
 * rule looks at matter.
 */
// prettier-ignore
export const VALUE_FLAGS: ReadonlyMap<string, readonly string[]> = toolMap([
  ['git', '-C -c --git-dir --work-tree --namespace --repo -o --push-option --receive-pack --exec'],
  ['gh', '-R --repo -X --method -H --header -f -F --field --raw-field --input -q --jq -t --template --hostname --cache -p --preview ' +
    '-B --base --head --title -b --body --body-file -n --notes --notes-file --target -r --ref --subject -A --author-email ' +
    '--match-head-commit -a --assignee -l --label --milestone --reviewer --discussion-category --notes-start-tag'],
  ['kubectl', '-n --namespace --context --cluster --kubeconfig -s --server --user -f --filename -l --selector -o --output ' +
    '-c --container --field-manager -k --kustomize --timeout --type -p --patch --replicas'],
  ['helm', '-n --namespace --kube-context --kubeconfig -f --values --set --set-string --set-file --version --repo --timeout ' +
    '--description -o --output --post-renderer --username --password --ca-file --cert-file --key-file --registry-config ' +
    '--repository-config --repository-cache --history-max'],
  ['docker podman nerdctl buildah', '-H --host --context -c --config -l --log-level -t --tag -f --file --platform --build-arg ' +
    '--target --label --cache-from --cache-to -o --output --secret --ssh --builder --progress --network --iidfile ' +
    '--metadata-file --annotation --build-context --add-host --allow --attest --set'],
  ['aws', '--region --profile --output --endpoint-url --query --ca-bundle --color --exclude --include --acl --storage-class ' +
    '--cache-control --content-type --sse --sse-kms-key-id --expires --metadata --metadata-directive --grants ' +
    '--content-encoding --content-disposition --content-language --source-region --page-size --expected-size --cluster ' +
    '--service --function-name --zip-file --s3-bucket --s3-key --image-uri --stack-name --template-file --template-body ' +
    '--template-url --task-definition --desired-count --application-name --deployment-group-name'],
  ['gcloud', '--project --region --zone --account --configuration --format --image --source --platform --service-account ' +
    '--memory --cpu --port --set-env-vars --update-env-vars --runtime --entry-point --flags-file ' +
    '--impersonate-service-account --verbosity --billing-project --trigger-topic'],
  ['az', '--subscription -g --resource-group -n --name --src-path --type --template-file -f --parameters -p --location -l ' +
    '--output -o --query --mode'],
  ['terraform tofu terragrunt', '-var -var-file -target -replace -state -lock-timeout -parallelism -backup -state-out ' +
    '--terragrunt-working-dir --working-dir --terragrunt-config'],
  ['pulumi', '-C --cwd -s --stack --config-file -m --message --target -t --parallel -p'],
  ['npm', '-w --workspace --prefix --registry --tag --access --otp --userconfig'],
  ['pnpm', '-C --dir -F --filter --filter-prod --workspace-dir --tag --access --otp --registry --publish-branch'],
  ['yarn', '--cwd --tag --access --otp --registry --new-version'],
  ['cargo', '--manifest-path -p --package --registry --index --token -Z --config --target --features -F -j --jobs ' +
    '--target-dir --color'],
  ['twine', '-r --repository --repository-url -u --username -p --password -c --comment --config-file --identity ' +
    '--sign-with --client-cert --cert'],
  ['dotnet', '-s --source -k --api-key --symbol-source --symbol-api-key -t --timeout -v --verbosity -c --configuration'],
  ['mvn mvnw', '-P -f --file -s --settings -pl --projects -rf -T --threads -gs -t -l --log-file -b'],
  ['gradle gradlew', '-p --project-dir -x --exclude-task -b --build-file -c --settings-file -I --init-script -g ' +
    '--gradle-user-home --console --warning-mode --max-workers'],
  ['goreleaser', '-f --config --skip -p --parallelism --timeout --release-notes --id'],
  ['vercel', '--token --scope -t -S --cwd -A --local-config -e --env -b --build-env -m --meta --target --archive --regions'],
  ['netlify netlify-cli', '--dir -d --site -s --auth -a --functions -f --message -m --alias --filter --context'],
  ['firebase firebase-tools', '--project -P --only --except --token -m --message --config'],
  ['fly flyctl', '-a --app -c --config --image -i --strategy -e --env -r --region --build-arg --dockerfile'],
  ['wrangler', '-c --config -e --env --name --compatibility-date --project-name --branch --commit-hash --commit-message'],
  ['serverless sls', '--stage -s --region -r --config -c --aws-profile --param --function -f'],
  ['cdk aws-cdk', '-a --app -c --context --profile --role-arn -r --require-approval --parameters --outputs-file -O ' +
    '--toolkit-stack-name'],
  ['sam', '--stack-name --s3-bucket --region --profile --template-file -t --config-env --config-file --image-repository ' +
    '--s3-prefix'],
  ['heroku', '-a --app -r --remote'],
]);

/**
 * Per-tool spellings of "do nothing for real", beyond the generic `--dry-run`
 * (`cargo publish -n`, `gradle publish -m`, `semantic-release -d`).
 */
// prettier-ignore
export const DRY_RUN_FLAGS: ReadonlyMap<string, readonly string[]> = toolMap([
  ['cargo', '-n'],
  ['gradle gradlew', '-m'],
  ['semantic-release', '-d'],
  ['sam aws', '--no-execute-changeset'],
]);

/** Leading positionals that do not change what a command does (`gcloud beta run deploy`). */
export const IGNORED_LEADING: ReadonlyMap<string, readonly string[]> = toolMap([
  ['gcloud', 'alpha beta'],
]);

/** Launchers whose argument is another command: `npx semantic-release`, `uv run twine upload`. */
export interface WrapperRule {
  readonly tools: string;
  /** Subcommand path before the wrapped command; absent for `npx cmd`. */
  readonly path?: string;
  readonly valueFlags?: readonly string[];
}

// prettier-ignore
export const WRAPPERS: readonly WrapperRule[] = [
  { tools: 'npx bunx pnpx uvx', valueFlags: words('-p --package --from --with --python') },
  { tools: 'npm', path: 'exec|x', valueFlags: words('-p --package -w --workspace') },
  { tools: 'pnpm', path: 'exec|dlx', valueFlags: words('-C --dir -F --filter') },
  { tools: 'yarn', path: 'dlx|exec|run', valueFlags: words('-p --package') },
  { tools: 'yarn', path: 'workspaces foreach', valueFlags: words('--include --exclude --since -j --jobs --from') },
  { tools: 'bun', path: 'x|run' },
  { tools: 'uv', path: 'run, tool run', valueFlags: words('--with --python -p --from --directory --project --package --group --extra') },
  { tools: 'pipx', path: 'run', valueFlags: words('--spec --python') },
  { tools: 'poetry pdm pipenv hatch rye', path: 'run' },
  // `yarn changeset publish`, `pnpm semantic-release`: a bare package-manager call runs a binary.
  { tools: 'yarn pnpm', valueFlags: words('--cwd -C --dir -F --filter') },
];

function words(list: string): string[] {
  return list.split(' ');
}

function toolMap(
  rows: readonly (readonly [tools: string, flags: string])[],
): Map<string, readonly string[]> {
  return new Map(
    rows.flatMap(([tools, flags]) => words(tools).map((t) => [t, words(flags)] as const)),
  );
}
