/**
 * The classifier reads what a command really does (issue 11 item 4): clean-up of the job's
 * own directories is not destructive, dry runs and loopback registries are not publishes,
 * `git push --no-verify` is a write, and moving out of the workspace keeps `rm -rf *` broad.
 */
import { describe, expect, it } from 'vitest';
import { classifyScript } from '../../src/engine/inventory/commands.js';

const kinds = (script: string, workingDirectory?: string): string[] =>
  classifyScript(script, workingDirectory === undefined ? {} : { workingDirectory }).hits.map(
    (h) => h.kind,
  );
const table = (cases: readonly (readonly [string, readonly string[]])[]): void => {
  for (const [script, expected] of cases)
    expect([script, kinds(script)]).toEqual([script, expected]);
};

describe('rm: the job directories are clean-up, everything else stays broad', () => {
  it('does not flag the workspace, the runner temp directory or build directories', () => {
    table([
      ['rm -rf $GITHUB_WORKSPACE', []],
      ['rm -rfv ${GITHUB_WORKSPACE}', []],
      ['rm -rf "$GITHUB_WORKSPACE"/*', []],
      ['rm -rf ${{ github.workspace }}/*', []],
      ['rm -rf ${{github.workspace}}', []],
      ['rm -rf ${RUNNER_TEMP}/*', []],
      ['rm -rf "${{ runner.temp }}/"*', []],
      ['rm -rf ./* .github .git', []],
      ['rm -rf .', []],
      ['rm -rf *', []],
      ['rm -rf dist build target', []],
      ['cd build && rm -rf *', []],
      ['cd "$GITHUB_WORKSPACE/out" && rm -rf ./*', []],
    ]);
  });

  it('flags the machine, the home directory and the workspace parent', () => {
    table([
      ['rm -rf /', ['rm-rf-broad']],
      ['rm -rf ~', ['rm-rf-broad']],
      ['rm -rf $HOME/*', ['rm-rf-broad']],
      ['rm -rf ..', ['rm-rf-broad']],
      ['rm -rf ${{ github.workspace }}/..', ['rm-rf-broad']],
      ['rm -rf "$GITHUB_WORKSPACE/.."', ['rm-rf-broad']],
      ['rm -rf $BUILD_DIR/*', ['rm-rf-broad']],
      ['rm -rf $RUNNER_TOOL_CACHE/*', ['rm-rf-broad']],
    ]);
  });

  it('flags the current directory once the script may have left the workspace', () => {
    table([
      ['cd / && rm -rf *', ['rm-rf-broad']],
      ['cd ~\nrm -rf ./*', ['rm-rf-broad']],
      ['cd ..; rm -rf .', ['rm-rf-broad']],
      ['cd "$SOME_DIR" && rm -rf *', ['rm-rf-broad']],
      ['pushd /etc; rm -rf *', ['rm-rf-broad']],
      ['cd; rm -rf *', ['rm-rf-broad']],
      ['rm -rf *\ncd /', []],
    ]);
    expect(kinds('rm -rf *', '/opt')).toEqual(['rm-rf-broad']);
    expect(kinds('rm -rf *', 'packages/app')).toEqual([]);
  });
});

describe('publish: dry runs and loopback registries ship nothing', () => {
  it('ignores per-tool dry-run spellings and checks', () => {
    table([
      ['cargo publish -n', []],
      ['cargo publish --dry-run -p foo', []],
      ['twine check dist/*', []],
      ['goreleaser release --skip=publish,validate', []],
      ['goreleaser release --skip publish', []],
      ['goreleaser --snapshot', []],
      ['./gradlew publish -m', []],
      ['npx semantic-release -d', []],
      ['aws cloudformation deploy --stack-name s --template-file t --no-execute-changeset', []],
    ]);
  });

  it('still flags the real thing', () => {
    table([
      ['cargo publish --no-verify', ['cargo-publish']],
      ['./gradlew publish --no-daemon', ['gradle-publish']],
      ['goreleaser release --clean', ['goreleaser-release']],
    ]);
  });

  it('ignores pushes to a registry on the runner', () => {
    table([
      ['docker push localhost:5000/app:test', []],
      ['docker push 127.0.0.1:5000/app', []],
      ['docker buildx build --push -t localhost:5000/app .', []],
      ['docker build --push --tag=127.0.0.1:5000/app .', []],
      ['npm publish --registry http://localhost:4873', []],
      ['helm push chart.tgz oci://localhost:5000/charts', []],
    ]);
  });

  it('flags a push when any registry is real', () => {
    table([
      ['docker push localhost.example.com/app', ['container-push']],
      ['docker push ghcr.io/localhost/app', ['container-push']],
      [
        'docker buildx build --push -t localhost:5000/app -t ghcr.io/o/app .',
        ['docker-build-push'],
      ],
      ['npm publish --registry https://npm.pkg.github.com', ['npm-publish']],
    ]);
  });
});

describe('git push --no-verify and workflow switches', () => {
  it('reads --no-verify as a plain write', () => {
    table([
      ['git push --no-verify origin HEAD:feature', ['git-push']],
      ['git push --no-verify --force origin main', ['git-push-force', 'git-push-force-default']],
    ]);
  });

  it('reads switching workflows and writing workflow files as modify-workflow', () => {
    table([
      ['gh workflow disable ci.yml', ['gh-workflow-toggle']],
      ['gh api -X PUT repos/o/r/actions/workflows/ci.yml/disable', ['gh-api-workflow-toggle']],
      [
        'gh api -X PUT repos/o/r/contents/.github/workflows/ci.yml --input b.json',
        ['gh-api-workflow-file', 'gh-api-contents-write'],
      ],
      ['gh workflow list', []],
      ['gh run rerun 42 --failed', []],
      ['gh api repos/o/r/actions/workflows', []],
    ]);
  });
});
