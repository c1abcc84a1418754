import { describe, it, expect } from 'vitest';
import { COMMAND_RULES, VALUE_FLAGS } from '../../src/engine/inventory/command-table.js';
import { classifyScript, type CommandHit } from '../../src/engine/inventory/commands.js';

const kinds = (script: string, defaultBranch?: string): string[] =>
  classifyScript(script, defaultBranch === undefined ? {} : { defaultBranch }).hits.map(
    (h) => h.kind,
  );
const only = (script: string): CommandHit => {
  const { hits } = classifyScript(script);
  expect(hits).toHaveLength(1);
  return hits[0]!;
};
/** Each case: [script, expected kinds]; every script is classified on its own. */
const table = (cases: readonly (readonly [string, readonly string[]])[]): void => {
  for (const [script, expected] of cases) {
    expect([script, kinds(script)]).toEqual([script, expected]);
  }
};

describe('classifyScript: publish', () => {
  it('recognises package registry publishes', () => {
    table([
      ['npm publish --access public', ['npm-publish']],
      ['pnpm publish --no-git-checks', ['pnpm-publish']],
      ['pnpm -r publish', ['pnpm-publish']],
      ['pnpm --filter ./packages/a publish', ['pnpm-publish']],
      ['yarn publish --new-version 1.2.3', ['yarn-publish']],
      ['yarn npm publish --tolerate-republish', ['yarn-publish']],
      ['bun publish', ['bun-publish']],
      ['twine upload dist/*', ['twine-upload']],
      ['python -m twine upload dist/*', ['twine-upload']],
      ['python3 -u -m twine upload --repository testpypi dist/*', ['twine-upload']],
      ['uv publish', ['uv-publish']],
      ['poetry publish --build', ['poetry-publish']],
      ['flit publish', ['flit-publish']],
      ['hatch publish', ['hatch-publish']],
      ['cargo publish --locked', ['cargo-publish']],
      ['gem push pkg/x-1.0.gem', ['gem-push']],
      [
        'dotnet nuget push out/*.nupkg --source https://api.nuget.org/v3/index.json',
        ['nuget-push'],
      ],
      ['nuget push x.nupkg -Source https://nuget.example', ['nuget-push']],
      ['mvn -B clean deploy -P release', ['mvn-deploy']],
      ['./mvnw deploy:deploy-file -Dfile=x.jar', ['mvn-deploy']],
      ['./gradlew publish', ['gradle-publish']],
      ['gradle :lib:publishAllPublicationsToSonatypeRepository', ['gradle-publish']],
    ]);
  });

  it('recognises containers, charts and release tooling', () => {
    table([
      ['docker push ghcr.io/o/app:1.0', ['container-push']],
      ['podman push quay.io/o/app', ['container-push']],
      ['docker image push o/app', ['container-push']],
      ['docker buildx build --platform linux/amd64 -t o/app:1 --push .', ['docker-build-push']],
      ['docker build --push -t o/app .', ['docker-build-push']],
      ['docker buildx build -o type=registry,name=o/app .', ['docker-build-push']],
      ['helm push chart.tgz oci://ghcr.io/o/charts', ['helm-push']],
      ['gh release create v1.0.0 dist/*', ['gh-release']],
      ['gh release upload v1 a.zip --clobber', ['gh-release']],
      ['gh release edit v1 --draft=false', ['gh-release']],
      ['goreleaser release --clean', ['goreleaser-release']],
      ['goreleaser --clean', ['goreleaser-release']],
      ['changeset publish', ['changeset-publish']],
      ['npx changeset publish', ['changeset-publish']],
      ['yarn changeset publish', ['changeset-publish']],
      ['lerna publish from-package --yes', ['lerna-publish']],
      ['npx semantic-release', ['semantic-release']],
      [
        'npx -p semantic-release@22 -p @semantic-release/git semantic-release',
        ['semantic-release'],
      ],
      ['./node_modules/.bin/semantic-release', ['semantic-release']],
      ['pnpm exec semantic-release', ['semantic-release']],
      ['npx @vscode/vsce publish -p "$VSCE_PAT"', ['vsce-publish']],
      ['ovsx publish x.vsix', ['ovsx-publish']],
    ]);
  });

  it('ignores dry runs, snapshots, local publishes and look-alikes', () => {
    table([
      ['npm publish --dry-run', []],
      ['npm pack', []],
      ['goreleaser release --snapshot --clean', []],
      ['goreleaser release --skip=publish', []],
      ['goreleaser build', []],
      ['./gradlew publishToMavenLocal', []],
      ['./gradlew build -x publish', []],
      ['mvn -P deploy install', []],
      ['docker build -t o/app .', []],
      ['docker run alpine echo push', []],
      ['docker buildx build --load -t app .', []],
      ['gh release view v1', []],
      ['semantic-release --dry-run', []],
      ['npm run publish-docs', []],
      ['NPM publish', []],
      ['python -c "import twine"', []],
    ]);
  });

  it('reports the registry as target when visible', () => {
    expect(only('npm publish --registry https://npm.pkg.github.com').target).toBe(
      'https://npm.pkg.github.com',
    );
    expect(only('docker push ghcr.io/o/app:1').target).toBe('ghcr.io/o/app:1');
    expect(only('gh release create v2.0.0').target).toBe('v2.0.0');
    expect(only('npm publish').target).toBeUndefined();
  });
});

describe('classifyScript: deploy', () => {
  it('recognises cluster and infrastructure deploys', () => {
    table([
      ['kubectl apply -f k8s/', ['kubectl-apply']],
      ['kubectl -n prod --context prod-cluster apply -k overlays/prod', ['kubectl-apply']],
      ['kubectl create secret generic x --from-literal=a=b', ['kubectl-apply']],
      ['kubectl rollout restart deployment/web', ['kubectl-rollout']],
      ['kubectl set image deployment/web web=o/app:2', ['kubectl-set']],
      ['kubectl scale deploy/web --replicas 3', ['kubectl-scale']],
      ['kubectl delete pod web-1', ['kubectl-delete']],
      ['helm upgrade --install web ./chart -n prod', ['helm-release']],
      ['helm rollback web 3', ['helm-release']],
      ['helm uninstall web', ['helm-uninstall']],
      ['terraform apply -auto-approve tfplan', ['terraform-apply']],
      ['terraform -chdir=infra apply', ['terraform-apply']],
      ['tofu apply', ['terraform-apply']],
      ['terragrunt run-all apply --terragrunt-non-interactive', ['terraform-apply']],
      ['pulumi up --yes --stack prod', ['pulumi-up']],
      ['serverless deploy --stage prod', ['serverless-deploy']],
      ['npx sls deploy', ['serverless-deploy']],
      ['npx cdk deploy --all --require-approval never', ['cdk-deploy']],
      ['sam deploy --no-confirm-changeset', ['sam-deploy']],
      [
        'aws cloudformation deploy --template-file t.yml --stack-name web',
        ['cloudformation-deploy'],
      ],
      [
        'aws ecs update-service --cluster c --service web --force-new-deployment',
        ['ecs-update-service'],
      ],
      [
        'aws lambda update-function-code --function-name fn --zip-file fileb://f.zip',
        ['lambda-update-code'],
      ],
      ['aws s3 sync ./dist s3://my-site --delete', ['s3-upload']],
      ['aws s3 cp --recursive build s3://b/path/', ['s3-upload']],
    ]);
  });

  it('recognises platform deploys', () => {
    table([
      ['gcloud run deploy web --image gcr.io/p/web --region us-central1', ['gcloud-deploy']],
      ['gcloud beta run deploy web --source .', ['gcloud-deploy']],
      ['gcloud app deploy app.yaml --quiet', ['gcloud-deploy']],
      ['gcloud functions deploy fn --runtime nodejs20', ['gcloud-deploy']],
      ['az webapp deploy --resource-group rg --name app --src-path app.zip', ['az-deploy']],
      ['az deployment group create -g rg -f main.bicep', ['az-deploy']],
      ['firebase deploy --only hosting', ['firebase-deploy']],
      ['npx firebase-tools deploy', ['firebase-deploy']],
      ['vercel --prod --token=$VERCEL_TOKEN', ['vercel-deploy']],
      ['vercel deploy --prebuilt', ['vercel-deploy']],
      ['netlify deploy --prod --dir=dist', ['netlify-deploy']],
      ['fly deploy --remote-only', ['fly-deploy']],
      ['flyctl deploy -a web', ['fly-deploy']],
      ['npx wrangler deploy', ['wrangler-deploy']],
      ['wrangler pages deploy dist --project-name site', ['wrangler-deploy']],
      ['heroku container:release web -a app', ['heroku-release']],
      ['git push heroku main', ['git-push-heroku']],
      ['gh workflow run deploy.yml -f env=prod', ['gh-workflow-run']],
      ['gh workflow run "Release"', ['gh-workflow-run']],
    ]);
  });

  it('ignores reads, copies from S3, previews and unrelated workflows', () => {
    table([
      ['kubectl get pods -n prod', []],
      ['kubectl rollout status deployment/web', []],
      ['kubectl apply --dry-run=client -f k8s/', []],
      ['helm template web ./chart', []],
      ['terraform plan -out tfplan', []],
      ['pulumi preview', []],
      ['aws s3 cp s3://b/x .', []],
      ['aws s3 sync s3://b/data ./data', []],
      ['aws s3 ls s3://b', []],
      ['vercel build --prod', []],
      ['vercel pull --yes --environment=production', []],
      ['gh workflow run ci.yml', []],
      ['gh workflow list', []],
      ['gcloud run services list', []],
    ]);
  });

  it('reports targets: bucket, release, cluster, stack', () => {
    expect(only('aws s3 sync ./dist s3://my-site/assets --delete').target).toBe('s3://my-site');
    expect(only('helm upgrade --install web ./chart').target).toBe('web');
    expect(only('kubectl --context prod apply -f x').target).toBe('prod');
    expect(only('aws cloudformation deploy --stack-name web --template-file t.yml').target).toBe(
      'web',
    );
    expect(only('gcloud run deploy api --project acme').target).toBe('acme');
  });
});

describe('classifyScript: destructive', () => {
  it('flags recursive deletion of broad paths only', () => {
    table([
      ['rm -rf /', ['rm-rf-broad']],
      ['rm -rf /*', ['rm-rf-broad']],
      ['rm -fr ~', ['rm-rf-broad']],
      ['rm -r -f $HOME', ['rm-rf-broad']],
      ['rm -rf ..', ['rm-rf-broad']],
      ['rm -rf $BUILD_DIR', ['rm-rf-broad']],
      ['rm -rf ${BUILD_DIR}', ['rm-rf-broad']],
      ['rm -rf "$BUILD_DIR/"*', ['rm-rf-broad']],
      ['rm -rf "${BUILD_DIR}/"', ['rm-rf-broad']],
      ['rm --recursive --force /usr', ['rm-rf-broad']],
      ['sudo rm -rf --no-preserve-root /', ['rm-rf-broad']],
      ['rm -rf node_modules', []],
      ['rm -rf ./dist', []],
      ['rm -rf "$RUNNER_TEMP/foo"', []],
      ['rm -rf "$BUILD_DIR"', []],
      ['rm -rf ${BUILD_DIR:?}/', []],
      ['rm -rf /tmp/cache', []],
      ['rm -f *', []],
      ['echo rm -rf /', []],
    ]);
    expect(only('rm -rf "$OUT/"*').target).toBe('$OUT/*');
  });

  it('flags force pushes to the default branch, deletions and mirrors', () => {
    table([
      ['git push --force origin main', ['git-push-force', 'git-push-force-default']],
      ['git push -f origin master', ['git-push-force', 'git-push-force-default']],
      [
        'git push --force-with-lease origin HEAD:main',
        ['git-push-force', 'git-push-force-default'],
      ],
      ['git push origin +main', ['git-push-force', 'git-push-force-default']],
      ['git push origin +HEAD:refs/heads/main', ['git-push-force', 'git-push-force-default']],
      ['git -C repo push -fu origin main', ['git-push-force', 'git-push-force-default']],
      ['git push --force origin feature/x', ['git-push-force']],
      ['git push origin +gh-pages', ['git-push-force']],
      ['git push --force', ['git-push-force']],
      ['git push origin --delete old-branch', ['git-push', 'git-push-delete']],
      ['git push origin :refs/tags/v1', ['git-push', 'git-push-delete']],
      ['git push --mirror backup', ['git-push', 'git-push-mirror']],
    ]);
    expect(kinds('git push -f origin trunk', 'trunk')).toEqual([
      'git-push-force',
      'git-push-force-default',
    ]);
    expect(kinds('git push -f origin trunk')).toEqual(['git-push-force']);
  });

  it('flags branch, tag, release and repository deletion through gh', () => {
    table([
      ['gh api -X DELETE repos/o/r/git/refs/heads/old', ['gh-api-delete-ref']],
      [
        'gh api --method DELETE /repos/${{ github.repository }}/git/refs/tags/v1',
        ['gh-api-delete-ref'],
      ],
      ['gh api -XDELETE repos/o/r', ['gh-repo-delete']],
      ['gh api -X DELETE repos/$GITHUB_REPOSITORY', ['gh-repo-delete']],
      ['gh repo delete o/r --yes', ['gh-repo-delete']],
      ['gh release delete v1 --yes', ['gh-release-delete']],
      ['gh api repos/o/r/git/refs/heads/main', []],
      ['gh api repos/o/r', []],
    ]);
  });

  it('flags infrastructure, cluster, cloud and database destruction', () => {
    table([
      ['terraform destroy -auto-approve', ['terraform-destroy']],
      ['tofu destroy', ['terraform-destroy']],
      ['terraform apply -destroy -auto-approve', ['terraform-destroy']],
      ['terragrunt run-all destroy', ['terraform-destroy']],
      ['pulumi destroy --yes', ['pulumi-destroy']],
      ['cdk destroy --force', ['cdk-destroy']],
      ['kubectl delete namespace staging', ['kubectl-delete-namespace']],
      ['kubectl delete ns/staging', ['kubectl-delete-namespace']],
      ['aws s3 rb s3://old-bucket --force', ['s3-rb-force']],
      ['aws s3 rm s3://b/prefix --recursive', ['s3-rm-recursive']],
      ['aws s3 rm s3://b/one-file', []],
      ['aws s3 rb s3://empty-bucket', []],
      ['gcloud projects delete my-proj --quiet', ['gcloud-projects-delete']],
      ['psql "$DATABASE_URL" -c "DROP TABLE users;"', ['sql-drop']],
      ['mysql -u root -e "drop database if exists app"', ['sql-drop']],
      ["sqlite3 app.db 'TRUNCATE TABLE logs'", ['sql-truncate']],
      ['psql -c "SELECT 1"', []],
      ['echo "DROP TABLE users" > x.sql', []],
    ]);
    expect(only('psql -c "DROP SCHEMA IF EXISTS app CASCADE"').target).toBe('app');
    expect(only('kubectl delete namespace staging').target).toBe('staging');
  });
});

describe('classifyScript: bypass-checks and write-branch', () => {
  it('flags admin merges, protection and ruleset changes, and hook skipping', () => {
    table([
      ['gh pr merge 12 --admin --squash', ['gh-pr-merge-admin']],
      ['gh api -X DELETE repos/o/r/branches/main/protection', ['gh-api-branch-protection']],
      [
        'gh api --method PUT repos/o/r/branches/main/protection --input p.json',
        ['gh-api-branch-protection'],
      ],
      [
        'gh api -X PATCH repos/o/r/branches/main/protection/required_pull_request_reviews -f x=y',
        ['gh-api-branch-protection'],
      ],
      ['gh api -X DELETE repos/o/r/rulesets/42', ['gh-api-ruleset']],
      ['gh api -X PUT orgs/o/rulesets/7 --input r.json', ['gh-api-ruleset']],
      ['git push --no-verify origin feature', ['git-push']],
      ['gh api repos/o/r/branches/main/protection', []],
      ['git commit --no-verify -m x', []],
      ['git commit -n -m wip', []],
    ]);
  });

  it('flags branch writes', () => {
    table([
      ['git push', ['git-push']],
      ['git push origin HEAD:refs/heads/bot/update', ['git-push']],
      ['git push -u origin feature', ['git-push']],
      ['gh pr create --base main --title x --body y', ['gh-pr-create']],
      ['gh pr merge 12 --squash --auto', ['gh-pr-merge']],
      [
        'gh api -X PUT repos/o/r/contents/README.md -f message=x -f content=eA==',
        ['gh-api-contents-write'],
      ],
      ['gh api repos/o/r/contents/a.txt -f content=eA==', ['gh-api-contents-write']],
      ['gh api -X POST repos/o/r/git/refs -f ref=refs/heads/x -f sha=abc', ['gh-api-ref-write']],
      ['gh api -X PUT repos/o/r/pulls/3/merge', ['gh-api-pr-merge']],
      ['git commit -am "update"', []],
      ['git push --dry-run origin main', []],
      ['git push -n', []],
      ['gh pr view 12', []],
      ['gh api repos/o/r/contents/a.txt', []],
    ]);
    expect(only('git push origin HEAD:refs/heads/bot/update').target).toBe('origin/bot/update');
    expect(only('git push').target).toBeUndefined();
    expect(only('gh pr create --base release/1.x').target).toBe('release/1.x');
  });
});

describe('classifyScript: gh api graphql and push targets', () => {
  it('flags GraphQL mutations with the effect of the REST calls', () => {
    table([
      [
        `gh api graphql -f query='mutation { deleteRef(input: {refId: "x"}) { clientMutationId } }'`,
        ['gh-api-delete-ref'],
      ],
      [
        `gh api graphql -f query='mutation($i: ID!) { deleteBranchProtectionRule(input: {branchProtectionRuleId: $i}) { clientMutationId } }'`,
        ['gh-api-branch-protection'],
      ],
      [
        `gh api graphql -F q=@commit.graphql -f query='mutation { createCommitOnBranch(input: $in) { commit { oid } } }'`,
        ['gh-api-graphql-write'],
      ],
      [
        `gh api graphql -f query='query { repository(owner: "o", name: "r") { deleteRef: id } }'`,
        [],
      ],
    ]);
  });

  it('never echoes credentials from a push URL and leaves HEAD out of the target', () => {
    const hits = classifyScript(
      'git push https://x-access-token:$TOKEN@github.com/o/r.git HEAD:main --force',
    ).hits;
    expect(hits.map((h) => [h.kind, h.target])).toEqual([
      ['git-push-force', 'https://github.com/o/r.git/main'],
      ['git-push-force-default', 'https://github.com/o/r.git/main'],
    ]);
    expect(only('git push origin HEAD').target).toBe('origin');
  });
});

describe('command tables', () => {
  it('have well-formed rows: kebab-case kinds, flags that look like flags', () => {
    for (const rule of COMMAND_RULES) {
      expect(rule.kind).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(rule.tools.split(' ').every((t) => t.length > 0)).toBe(true);
      if (rule.path !== undefined)
        expect(rule.path.split(',').every((alt) => alt.trim().length > 0)).toBe(true);
    }
    for (const [tool, flags] of VALUE_FLAGS) {
      expect([tool, flags.filter((f) => !/^-{1,2}[A-Za-z]/.test(f))]).toEqual([tool, []]);
    }
  });
});

describe('classifyScript: untrusted checkout', () => {
  it('flags checkouts and fetches of pull-request heads', () => {
    table([
      ['gh pr checkout ${{ github.event.pull_request.number }}', ['gh-pr-checkout']],
      ['git fetch origin pull/${{ github.event.number }}/head:pr', ['git-fetch-pr-head']],
      ['git fetch origin +refs/pull/*/head:refs/remotes/origin/pr/*', ['git-fetch-pr-head']],
      ['git checkout ${{ github.event.pull_request.head.sha }}', ['git-checkout-pr-head']],
      ['git checkout "${{ github.head_ref }}"', ['git-checkout-pr-head']],
      ['git switch "$GITHUB_HEAD_REF"', ['git-checkout-pr-head']],
      ['git checkout -b pr ${{github.event.pull_request.head.ref}}', ['git-checkout-pr-head']],
      ['git checkout main', []],
      ['git fetch origin main', []],
      ['echo ${{ github.head_ref }}', []],
    ]);
    const hit = only('git checkout ${{ github.event.pull_request.head.sha }}');
    expect(hit.class).toBe('untrusted-checkout');
    expect(hit.target).toBe('${{ github.event.pull_request.head.sha }}');
  });
});

describe('classifyScript: argv, not text', () => {
  it('ignores echo, comments, quoted text and heredoc bodies', () => {
    const script = [
      '# npm publish',
      'echo "npm publish && git push --force origin main"',
      "printf '%s' 'kubectl apply -f x'",
      'cat <<EOF',
      'npm publish',
      'rm -rf /',
      'EOF',
      'cat <<-"END"',
      '\tterraform destroy',
      '\tEND',
      'echo done # git push',
    ].join('\n');
    expect(classifyScript(script)).toEqual({ hits: [], truncated: false });
  });

  it('sees through sudo, env, assignments, pipes, &&, continuations, bash -c and substitutions', () => {
    const script = [
      'npm ci && npm test',
      'NODE_AUTH_TOKEN=$TOKEN sudo -E env CI=1 npm \\',
      '  publish --provenance',
      "bash -c 'cd pkg && twine upload dist/*'",
      'ls dist | xargs -n1 gh release upload v1',
      'out=$(kubectl apply -f k8s/ 2>&1) || exit 1',
    ].join('\n');
    const hits = classifyScript(script).hits.map((h) => [
      h.kind,
      h.class,
      h.line,
      h.column,
      h.command,
    ]);
    expect(hits).toEqual([
      ['npm-publish', 'publish', 2, 41, 'npm publish --provenance'],
      ['twine-upload', 'publish', 4, 1, 'twine upload dist/*'],
      ['gh-release', 'publish', 5, 21, 'gh release upload v1'],
      ['kubectl-apply', 'deploy', 6, 7, 'kubectl apply -f k8s/'],
    ]);
  });

  it('produces the full hit shape with detail, truncated command and target', () => {
    expect(only('  sudo -E npm publish --registry https://r.example')).toEqual({
      class: 'publish',
      kind: 'npm-publish',
      command: 'npm publish --registry https://r.example',
      argv: ['npm', 'publish', '--registry', 'https://r.example'],
      line: 1,
      column: 11,
      detail: 'publishes an npm package',
      target: 'https://r.example',
    });
    const long = only(`npm publish ${'x'.repeat(300)}`);
    expect(long.command).toHaveLength(200);
  });

  it('sees commands inside control flow and case clauses', () => {
    const script =
      'if [ "$GITHUB_REF" = refs/heads/main ]; then\n  for p in a b; do (cd $p && npm publish); done\nfi\ncase $X in prod) helm upgrade web ./c ;; esac';
    expect(classifyScript(script).hits.map((h) => [h.kind, h.line, h.column])).toEqual([
      ['npm-publish', 2, 30],
      ['helm-release', 4, 18],
    ]);
  });

  it('passes truncated through and never throws on random input', () => {
    expect(classifyScript('$('.repeat(100) + 'npm publish').truncated).toBe(true);
    const alphabet = [
      'npm',
      ' publish',
      'git',
      ' push',
      ' -f',
      ' main',
      'rm',
      ' -rf',
      ' /',
      'gh',
      ' api',
      ' -X',
      ' DELETE',
      ' repos/o/r',
      ' ',
      '\n',
      '"',
      "'",
      '$(',
      ')',
      '`',
      '|',
      '&&',
      ';',
      '<<EOF',
      'EOF',
      '\\',
      '${{',
      '}}',
      'sudo ',
      'bash -c ',
      'npx ',
      'python -m ',
    ];
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    // How long this takes is measured in bench/hostile-inputs.bench.ts, not asserted here.
    for (let i = 0; i < 3000; i++) {
      let s = '';
      for (let k = random(40); k >= 0; k--) s += alphabet[random(alphabet.length)];
      const result = classifyScript(s);
      for (const hit of result.hits) {
        expect(hit.command.length).toBeLessThanOrEqual(200);
        expect(hit.line).toBeGreaterThanOrEqual(1);
      }
    }
  });
});
