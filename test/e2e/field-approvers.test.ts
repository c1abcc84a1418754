/**
 * End-to-end (issue 12 item 5): the approvers a request names are reached — @-mentioned
 * (users, and teams the token can see) and, on a pull request, asked for their review — and a
 * team the token cannot read (the default GITHUB_TOKEN: 404) is said so at the start; a wait
 * whose approvers can never count fails at once with that reason instead of at its timeout.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startApprovalServer } from './approval-server.js';
import type { ApprovalServer, ApprovalServerOptions } from './approval-server.js';
import { commitFiles, example, makeWorkspace, removeTempDirs, runAction } from './harness.js';
import type { RunOptions } from './harness.js';

const servers: ApprovalServer[] = [];
afterAll(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  removeTempDirs();
});

const TOKEN = 'ghs_approversE2eToken0042';

/** A pull request (#7) by `dev` that changes CI: approval-required (modify-workflow). */
async function pullRequest(
  approvers: readonly string[],
  server: Partial<ApprovalServerOptions> = {},
  minApprovals = 1,
): Promise<{ server: ApprovalServer; options: RunOptions }> {
  const workflow = example('ci.yml');
  const ws = makeWorkspace({
    '.github/workflows/ci.yml': workflow,
    '.github/agent-gate.yml': [
      'version: 1',
      'extends: baseline',
      'approval:',
      `  approvers: [${approvers.map((a) => `'${a}'`).join(', ')}]`,
      `  min-approvals: ${minApprovals}`,
      '  timeout-minutes: 60',
    ].join('\n'),
  });
  const head = commitFiles(ws.dir, { '.github/workflows/ci.yml': `${workflow}\n# changed\n` });
  const s = await startApprovalServer({
    permissions: { octocat: 'admin', alice: 'write', dev: 'write', erin: 'write' },
    teams: { 'acme/security': { erin: 'active' } },
    pullFiles: { 7: ['.github/workflows/ci.yml'] },
    pulls: { 7: { headSha: head, baseSha: ws.sha, author: { login: 'dev' } } },
    jobs: [],
    checkRuns: [],
    ...server,
  });
  servers.push(s);
  return {
    server: s,
    options: {
      workflow: 'ci.yml',
      sha: head,
      job: 'test',
      event: 'pull_request',
      eventPayload: {
        action: 'synchronize',
        number: 7,
        pull_request: {
          number: 7,
          user: { login: 'dev', type: 'User' },
          base: { sha: ws.sha, ref: 'main', repo: { full_name: 'acme/app' } },
          head: { sha: head, ref: 'feature', repo: { full_name: 'acme/app' } },
        },
        repository: { full_name: 'acme/app', default_branch: 'main' },
        sender: { login: 'octocat' },
      },
      workspace: ws.dir,
      api: s.url,
      inputs: { approval: 'wait', token: TOKEN, evidence: 'file' },
      env: { AGENT_GATE_TIME_SCALE: '120' },
      timeoutMs: 25_000,
    },
  };
}

describe.concurrent('reaching the approvers', () => {
  it('mentions the approvers and requests their review on the pull request', async () => {
    const { server, options } = await pullRequest(['alice', '@acme/security']);
    void server.onRequestPosted((p) => {
      server.comment(7, { login: 'alice' }, `/agent-gate approve ${p.prefix}`);
    }, 500);
    const r = await runAction(options);
    expect(r.code, r.stdout).toBe(0);
    const [posted] = server.requestsPosted();
    expect(posted?.body).toContain('Asking @alice @acme/security to decide.');
    expect(server.reviewRequests).toEqual([
      { pull: 7, reviewers: ['alice'], teamReviewers: ['security'] },
    ]);
    expect(r.stdout).toContain('requested a review of pull request #7 from alice, team security');
  });

  it('says at the start that a team cannot be read with this token, and mentions only who can count', async () => {
    const { server, options } = await pullRequest(['alice', '@acme/security'], {
      hiddenTeams: ['acme/security'],
    });
    void server.onRequestPosted((p) => {
      server.comment(7, { login: 'alice' }, `/agent-gate approve ${p.prefix}`);
    }, 500);
    const r = await runAction(options);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(
      /::warning::team acme\/security cannot be read with this token: pass an App token/,
    );
    // The warning comes before the request is posted.
    expect(r.stdout.indexOf('cannot be read with this token')).toBeLessThan(
      r.stdout.indexOf('approval requested:'),
    );
    const [posted] = server.requestsPosted();
    expect(posted?.body).toContain('Asking @alice to decide.');
    expect(posted?.body).not.toContain('@acme/security');
    expect(server.reviewRequests).toEqual([{ pull: 7, reviewers: ['alice'], teamReviewers: [] }]);
  });

  it('fails at once, posting nothing, when the only approvers are an unreadable team', async () => {
    const { server, options } = await pullRequest(['@acme/security'], {
      hiddenTeams: ['acme/security'],
    });
    const r = await runAction(options);
    expect(r.code).toBe(1);
    expect(server.requestsPosted()).toEqual([]);
    expect(server.count(/\/issues\/7\/comments/, 'POST')).toBe(0);
    expect(r.stdout).toContain(
      'agent-gate: approval required and not given — no listed approver can ever count: team acme/security cannot be read with this token: pass an App token',
    );
    expect(r.stdout).not.toMatch(/timed out|no decision after/);
  });

  it('fails at once when the only listed approver is the one who started the run', async () => {
    const { server, options } = await pullRequest(['octocat']);
    const r = await runAction(options);
    expect(r.code).toBe(1);
    expect(server.requestsPosted()).toEqual([]);
    expect(r.stdout).toContain(
      'no listed approver can ever count: approver octocat started this run or wrote the pull request, so cannot approve it',
    );
  });

  it('does not ask the pull request author for a review', async () => {
    const { server, options } = await pullRequest(['dev', 'alice']);
    void server.onRequestPosted((p) => {
      server.comment(7, { login: 'alice' }, `/agent-gate approve ${p.prefix}`);
    }, 500);
    const r = await runAction(options);
    expect(r.code, r.stdout).toBe(0);
    expect(server.reviewRequests).toEqual([{ pull: 7, reviewers: ['alice'], teamReviewers: [] }]);
    expect(server.requestsPosted()[0]?.body).toContain('Asking @alice to decide.');
  });

  it('two matrix legs waiting at once keep one request each (neither supersedes the other)', async () => {
    const { server, options } = await pullRequest(['alice']);
    void server.when(
      () => server.requestsPosted().length === 2,
      () => {
        for (const p of server.requestsPosted())
          server.comment(7, { login: 'alice' }, `/agent-gate approve ${p.prefix}`);
      },
      300,
    );
    const legs = ['{"node":20}', '{"node":22}'];
    const runs = await Promise.all(
      legs.map((matrix) => runAction({ ...options, inputs: { ...options.inputs, matrix } })),
    );
    for (const r of runs) expect(r.code, r.stdout).toBe(0);
    const posted = server.requestsPosted();
    expect(posted.map((p) => p.marker.job).sort()).toEqual(['test (20)', 'test (22)']);
    expect(posted.every((p) => p.body.includes('✅ approved'))).toBe(true);
    expect(posted.some((p) => p.body.includes('superseded'))).toBe(false);
  });
});
