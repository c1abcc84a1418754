/**
 * End-to-end (issue 12 item 6): an approver's `/agent-gate approve …` comment starts every
 * `issue_comment` workflow again, the gated one included. That run recognises the gate's own
 * command and ends at once: no request posted (the waiting run's request is not superseded),
 * no wait (no runner held), a line in the log — and it approves nothing in its own run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { apiServers, example, makeWorkspace, removeTempDirs, runAction } from './harness.js';
import type { RunResult } from './harness.js';

const servers = apiServers();
afterAll(async () => {
  await servers.closeAll();
  removeTempDirs();
});

const QUIET = `name: triage
on:
  issue_comment:
    types: [created]
permissions: {}
jobs:
  fix:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - run: echo read-only
`;

async function commentRun(
  body: string,
  workflow = example('claude-fix-issue.yml'),
): Promise<{ result: RunResult; writes: number }> {
  const ws = makeWorkspace({ '.github/workflows/fix.yml': workflow });
  const api = await servers.start();
  const result = await runAction({
    workflow: 'fix.yml',
    sha: ws.sha,
    job: 'fix',
    event: 'issue_comment',
    eventPayload: {
      action: 'created',
      comment: { body, user: { login: 'alice', type: 'User' } },
      issue: { number: 12 },
      sender: { login: 'alice', type: 'User' },
    },
    workspace: ws.dir,
    api: api.url,
    inputs: { approval: 'wait', evidence: 'file', 'default-permissions': 'read' },
    env: { GITHUB_ACTOR: 'alice', GITHUB_TRIGGERING_ACTOR: 'alice' },
  });
  const approvalCalls = api.requests.filter((r) => /\/issues|\/comments|\/labels/.test(r.url));
  return { result, writes: approvalCalls.length };
}

describe.concurrent("runs started by the gate's own command comments", () => {
  it('an approve command ends at once: no request posted, nothing approved here', async () => {
    const { result, writes } = await commentRun('/agent-gate approve 0123456789abcdef');
    expect(writes).toBe(0);
    expect(result.stdout).toContain(
      "agent-gate: this run was started by an `/agent-gate approve` comment, the gate's own command: it posts no request and does not wait",
    );
    // The job would run an agent unapproved: the step fails at once instead of waiting.
    expect(result.code).toBe(1);
    expect(result.outputs.decision).toBe('approval-required');
    expect(result.outputs.approved).toBe('false');
  });

  it('a deny command (with a reason) is recognised the same way', async () => {
    const { result, writes } = await commentRun('/agent-gate deny 0123456789abcdef not today');
    expect(writes).toBe(0);
    expect(result.stdout).toContain('started by an `/agent-gate deny` comment');
  });

  it('a command run of a job that needs no approval passes as a no-op', async () => {
    const { result, writes } = await commentRun('/agent-gate approve 0123456789abcdef', QUIET);
    expect(writes).toBe(0);
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs.decision).toBe('allow');
    expect(result.stdout).toContain('it posts no request and does not wait');
  });

  it('an ordinary comment is not a command: the gate goes into its approval wait as usual', async () => {
    const { result } = await commentRun('@claude please fix /agent-gate approve 0123456789abcdef');
    expect(result.stdout).not.toContain("the gate's own command");
    // The wait flow ran (and ends here: this repository names no approvers).
    expect(result.stdout).toContain('agent-gate approval: no approvers');
    expect(result.code).toBe(1);
  });
});
