/**
 * End-to-end: the bundle reads the job's environment through the REST API. Required reviewers
 * hold the approval (the step passes and the summary and report name the environment, its
 * reviewers and the rule); no reviewers → approval-required as before; an API that fails or
 * never answers → said so, and the safe decision (approval-required) stands.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { apiServers, makeWorkspace, removeTempDirs, runAction } from './harness.js';
import type { ApiRoutes, ApiServer, RunResult } from './harness.js';
import { readReport } from '../cli/json-report.js';

const servers = apiServers();
afterAll(async () => {
  await servers.closeAll();
  removeTempDirs();
});

const WORKFLOW = `name: deploy
on: push
permissions: { contents: read }
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: acme/agent-gate@11bd71901bbe5b1630ceea73d27597364c9af683
      - run: ./deploy.sh
`;

const ENV_URL = '/repos/acme/app/environments/production';

function production(rules: unknown[]): Record<string, unknown> {
  return {
    id: 1,
    name: 'production',
    protection_rules: rules,
    deployment_branch_policy: null,
  };
}
const REVIEWERS = {
  id: 7,
  type: 'required_reviewers',
  prevent_self_review: true,
  reviewers: [
    { type: 'User', reviewer: { login: 'alice', id: 11, type: 'User' } },
    { type: 'Team', reviewer: { slug: 'release', name: 'Release', id: 12 } },
  ],
};

async function run(
  routes: ApiRoutes,
  env: Record<string, string> = {},
): Promise<
  RunResult & {
    api: ApiServer;
    report: { jobs: { paths: { class: string; decision: string; because: string }[] }[] };
  }
> {
  const api = await servers.start(routes);
  const ws = makeWorkspace({ '.github/workflows/deploy.yml': WORKFLOW });
  const r = await runAction({
    workflow: 'deploy.yml',
    sha: ws.sha,
    job: 'deploy',
    event: 'push',
    workspace: ws.dir,
    api: api.url,
    inputs: { approval: 'fail' },
    env,
  });
  const reportPath = r.outputs['report-path'] ?? '';
  if (!reportPath || !existsSync(reportPath))
    throw new Error(`no report; the step said:\n${r.stdout}\n${r.stderr}`);
  const report = readReport(readFileSync(reportPath, 'utf8')) as {
    jobs: { paths: { class: string; decision: string; because: string }[] }[];
  };
  return { ...r, api, report };
}

const envRequests = (api: ApiServer): string[] =>
  api.requests
    .filter((q) => q.url.startsWith(ENV_URL))
    .map((q) => `${q.method} ${q.url} ${q.status}`);

describe.concurrent('environment protection read through the API', () => {
  it('required reviewers: the step passes, the environment and its reviewers are recorded', async () => {
    const r = await run({ environments: { production: production([REVIEWERS]) } });
    expect(r.code).toBe(0);
    expect(r.outputs.decision).toBe('allow');
    expect(envRequests(r.api)).toEqual([`GET ${ENV_URL} 200`]);
    const deploy = r.report.jobs[0]!.paths.find((p) => p.class === 'deploy')!;
    expect(deploy.decision).toBe('allow');
    expect(deploy.because).toContain(
      'approval held by environment production: required reviewers @alice, @acme/release (self-review prevented)',
    );
    expect(r.summary).toContain('### Environments');
    expect(r.summary).toContain(
      '- <code>production</code> (job <code>deploy</code>): required reviewers @alice, @acme/release \\(self\\-review prevented\\) — approval held by the environment for 2 paths \\(rule approve\\-deploy, approve\\-production\\)',
    );
    const bom = readReport(readFileSync(r.outputs['report-path']!, 'utf8')) as {
      bom: {
        workflows: {
          jobs: { environment: { protection: { status: string; source: string } } }[];
        }[];
      };
    };
    expect(bom.bom.workflows[0]!.jobs[0]!.environment.protection).toMatchObject({
      status: 'protected',
      source: 'api',
    });
  });

  it('no required reviewers (only a wait timer): approval-required as without the lookup', async () => {
    const r = await run({
      environments: { production: production([{ id: 3, type: 'wait_timer', wait_timer: 10 }]) },
    });
    expect(r.code).toBe(1);
    expect(r.outputs.decision).toBe('approval-required');
    expect(r.report.jobs[0]!.paths.find((p) => p.class === 'deploy')!.decision).toBe(
      'approval-required',
    );
    expect(r.summary).toContain('(job <code>deploy</code>): wait timer 10 min');
  });

  it('a 404 means the environment does not exist yet: decided as unprotected, and said so', async () => {
    const r = await run({
      environments: { production: production([REVIEWERS]) },
      faults: [{ match: /\/environments\//, times: Infinity, status: 404, message: 'Not Found' }],
    });
    expect(r.code).toBe(1);
    expect(r.outputs.decision).toBe('approval-required');
    expect(envRequests(r.api)).toEqual([`GET ${ENV_URL} 404`]);
    expect(r.stdout).not.toContain('cannot read the protection of environment production');
    expect(r.summary).toContain(
      'no protection rules: it does not exist yet \\(HTTP 404\\); GitHub creates it without protection rules when the job runs',
    );
    expect(r.summary).not.toContain('could not be read');
  });

  it.each([
    [403, 'Resource not accessible by integration'],
    [401, 'Bad credentials'],
  ])('an API answer %i is said, and the safe decision stands', async (status, message) => {
    const r = await run({
      environments: { production: production([REVIEWERS]) },
      faults: [{ match: /\/environments\//, times: Infinity, status, message }],
    });
    expect(r.code).toBe(1);
    expect(r.outputs.decision).toBe('approval-required');
    expect(envRequests(r.api)).toEqual([`GET ${ENV_URL} ${status}`]);
    expect(r.stdout).toContain(
      `::warning::agent-gate: cannot read the protection of environment production (HTTP ${status}: ${message}`,
    );
    expect(r.summary).toContain(`protection could not be read \\(HTTP ${status}: ${message}`);
  });

  it('a 500 is retried once, then the safe decision stands', async () => {
    const r = await run({
      environments: { production: production([REVIEWERS]) },
      faults: [{ match: /\/environments\//, times: Infinity, status: 500 }],
    });
    expect(r.outputs.decision).toBe('approval-required');
    expect(envRequests(r.api)).toEqual([`GET ${ENV_URL} 500`, `GET ${ENV_URL} 500`]);
  });

  it('an API that never answers times out (scaled clock), and the safe decision stands', async () => {
    const r = await run(
      { environments: { production: production([REVIEWERS]) }, hang: /\/environments\// },
      { AGENT_GATE_TIME_SCALE: '10' },
    );
    expect(r.code).toBe(1);
    expect(r.outputs.decision).toBe('approval-required');
    expect(r.summary).toContain('protection could not be read \\(no answer within 1 s\\)');
    expect(envRequests(r.api)).toEqual([`GET ${ENV_URL} 0`]);
  });
});
