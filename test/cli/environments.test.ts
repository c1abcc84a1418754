/**
 * `--environments env.json`: the environment's protection as the API returns it. Required
 * reviewers hold the approval of the job's deploy / production paths; without them, or
 * without the file, the policy's decision stands and the report says what is unknown.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { tempDir } from '../helpers.js';
import { readReport } from './json-report.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => new Date('2026-11-21T00:00:00Z'),
  });
  return { code, out, err };
}

const WORKFLOW = `name: deploy
on: push
permissions: { contents: read }
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
      - run: ./deploy.sh
`;

/** The API's GET /repos/{o}/{r}/environments/{name} body. */
function environment(rules: unknown[], name = 'production'): Record<string, unknown> {
  return {
    id: 161088068,
    name,
    protection_rules: rules,
    deployment_branch_policy: { protected_branches: true, custom_branch_policies: false },
    can_admins_bypass: false,
  };
}
const REVIEWERS = {
  id: 3755,
  type: 'required_reviewers',
  prevent_self_review: true,
  reviewers: [
    { type: 'User', reviewer: { login: 'alice', id: 1, type: 'User' } },
    { type: 'Team', reviewer: { slug: 'release-managers', name: 'Release managers', id: 2 } },
  ],
};

function setup(envJson?: unknown): { workflow: string; env: string } {
  const dir = tempDir('agent-gate-envs-');
  const workflow = join(dir, 'deploy.yml');
  writeFileSync(workflow, WORKFLOW);
  const env = join(dir, 'env.json');
  if (envJson !== undefined)
    writeFileSync(env, typeof envJson === 'string' ? envJson : JSON.stringify(envJson));
  return { workflow, env };
}

type Doc = {
  decision: string;
  jobs: { paths: { class: string; decision: string; because: string; rule: string | null }[] }[];
  bom: { workflows: { jobs: { environment: { protection: Record<string, unknown> } }[] }[] };
};

describe('evaluate --environments', () => {
  it('required reviewers hold the approval: the deploy and production paths pass, named', async () => {
    const { workflow, env } = setup(
      environment([REVIEWERS, { id: 1, type: 'wait_timer', wait_timer: 5 }]),
    );
    const r = await cli('evaluate', workflow, '--environments', env, '--format', 'json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = readReport(r.out) as Doc;
    expect(doc.decision).toBe('allow');
    const held = doc.jobs[0]!.paths.filter((p) => ['deploy', 'production'].includes(p.class));
    expect(held.map((p) => [p.class, p.decision, p.rule])).toEqual([
      ['deploy', 'allow', 'approve-deploy'],
      ['production', 'allow', 'approve-production'],
    ]);
    expect(held[0]!.because).toContain(
      'approval held by environment production: required reviewers @alice, team:release-managers (self-review prevented); wait timer 5 min; deploys from protected branches',
    );
    expect(doc.bom.workflows[0]!.jobs[0]!.environment.protection).toMatchObject({
      status: 'protected',
      source: env,
      reviewers: ['@alice', 'team:release-managers'],
      preventSelfReview: true,
      waitTimer: 5,
    });
    const text = await cli('evaluate', workflow, '--environments', env);
    expect(text.out).toContain('approval held by the environment for 2 paths');
  });

  it('an environment without required reviewers keeps the approval requirement', async () => {
    const { workflow, env } = setup({
      total_count: 1,
      environments: [environment([{ id: 1, type: 'wait_timer', wait_timer: 30 }])],
    });
    const r = await cli('evaluate', workflow, '--environments', env, '--format', 'json');
    expect(r.code).toBe(3);
    const doc = readReport(r.out) as Doc;
    expect(doc.jobs[0]!.paths.find((p) => p.class === 'deploy')?.decision).toBe(
      'approval-required',
    );
    expect(doc.bom.workflows[0]!.jobs[0]!.environment.protection.status).toBe('unprotected');
  });

  it('reviewers of another environment do not count', async () => {
    const { workflow, env } = setup([environment([REVIEWERS], 'staging')]);
    const r = await cli('evaluate', workflow, '--environments', env, '--format', 'json');
    expect(r.code).toBe(3);
  });

  it('without the file the protection is unknown, and the report says so', async () => {
    const { workflow } = setup();
    const r = await cli('evaluate', workflow);
    expect(r.code).toBe(3);
    expect(r.out).toContain('environment production: protection unknown');
  });

  it.each([
    ['not JSON', '{', 'not valid JSON'],
    ['no name', { protection_rules: [] }, 'environment 1: not an environment: no `name`'],
    [
      'a reviewer without login',
      environment([{ type: 'required_reviewers', reviewers: [{ type: 'User', reviewer: {} }] }]),
      'a user reviewer has no login',
    ],
  ])('a malformed file (%s) is an input error, exit 2', async (_what, body, message) => {
    const { workflow, env } = setup(body);
    const r = await cli('evaluate', workflow, '--environments', env);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
});
