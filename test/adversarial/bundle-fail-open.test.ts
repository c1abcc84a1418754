/**
 * Fail-open regressions through the bundle (issue 14 items 1 and 4): a Dependabot actor on an
 * event GitHub does not restrict keeps the write token, and a pull request that changes the
 * policy file of a `policy-repository` that is this repository changes the gate.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { apiServers, makeWorkspace, removeTempDirs, runAction } from '../e2e/harness.js';
import { readReport } from '../cli/json-report.js';

const servers = apiServers();
afterAll(async () => {
  await servers.closeAll();
  removeTempDirs();
});

const PUSHER =
  'on: [issue_comment, push]\npermissions: { contents: write }\njobs:\n  bump:\n    runs-on: ubuntu-latest\n    steps:\n      - run: git push origin HEAD:main\n';

describe.concurrent('bundle: fail-open regressions', () => {
  it.each(['issue_comment', 'push'])(
    'Dependabot as the actor of %s keeps the declared contents: write (approval-required)',
    async (event) => {
      const ws = makeWorkspace({ '.github/workflows/bump.yml': PUSHER });
      const api = await servers.start({});
      const r = await runAction({
        workflow: 'bump.yml',
        sha: ws.sha,
        job: 'bump',
        event,
        eventPayload: {
          sender: { login: 'dependabot[bot]', type: 'Bot' },
          repository: { full_name: 'acme/app', default_branch: 'main' },
          ...(event === 'issue_comment' ? { issue: { number: 3 }, comment: { body: 'bump' } } : {}),
        },
        workspace: ws.dir,
        api: api.url,
        env: { GITHUB_ACTOR: 'dependabot[bot]', GITHUB_TRIGGERING_ACTOR: 'dependabot[bot]' },
      });
      // issue_comment: GitHub does not restrict the token; push: only the default token is
      // read-only, a permissions block raises it. Either way the bot-run job is unattended.
      expect(r.outputs.decision, r.stdout).toBe('approval-required');
      const report = readReport(r.tempFiles.get(r.outputs['report-path'] ?? '') ?? '{}') as {
        bom: { workflows: { jobs: { permissions: { scopes: Record<string, string> } }[] }[] };
      };
      expect(report.bom.workflows[0]!.jobs[0]!.permissions.scopes.contents).toBe('write');
    },
  );

  it('policy-repository that is this repository: changing its policy file is modify-workflow', async () => {
    const ws = makeWorkspace({
      '.github/workflows/ci.yml':
        'on: pull_request\npermissions: { contents: read }\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
    });
    const central = 'c0ffee0000000000000000000000000000000002';
    const payload = {
      number: 7,
      pull_request: {
        number: 7,
        user: { login: 'alice', type: 'User' },
        base: { sha: ws.sha, ref: 'main', repo: { full_name: 'acme/app' } },
        head: { sha: ws.sha, ref: 'feature', repo: { full_name: 'acme/app' } },
      },
      repository: { full_name: 'acme/app', default_branch: 'main' },
      sender: { login: 'alice' },
    };
    const run = async (repo: string) => {
      const api = await servers.start({
        pullFiles: { 7: ['policy/gate.yml'] },
        contents: { [central]: { 'policy/gate.yml': 'version: 1\nextends: baseline\n' } },
        otherRepos: {
          'acme/policies': { [central]: { 'policy/gate.yml': 'version: 1\nextends: baseline\n' } },
        },
      });
      return runAction({
        workflow: 'ci.yml',
        sha: ws.sha,
        job: 'test',
        event: 'pull_request',
        eventPayload: payload,
        workspace: ws.dir,
        api: api.url,
        inputs: { 'policy-repository': `${repo}@${central}`, policy: 'policy/gate.yml' },
      });
    };
    const [self, other] = await Promise.all([run('acme/app'), run('acme/policies')]);
    expect(self.outputs.decision, self.stdout).toBe('approval-required');
    expect(self.outputs.findings).toContain('policy/gate.yml');
    expect(other.outputs.decision, other.stdout).toBe('allow');
  });
});
