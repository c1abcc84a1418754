/**
 * The full `approval: wait` loop against a loopback GitHub (fake-github.ts) with the real
 * Octokit client (retry + throttling plugins), a fake clock and instant sleeps: approve,
 * deny, timeout, cancel, issue mode, re-runs, and the requests it costs.
 */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  abortableSleep,
  approvalOutputs,
  cancelOnSignals,
} from '../../src/adapters/action/approval-wait.js';
import { approvalRecord } from '../../src/engine/approval/wait-record.js';
import { parseMarker } from '../../src/engine/approval/render-request.js';
import { HEAD, harness } from './fake-github.js';
import type { Harness } from './fake-github.js';

const open: Harness[] = [];
async function start(...args: Parameters<typeof harness>): Promise<Harness> {
  const h = await harness(...args);
  open.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.gh.close()));
});

/** The request comment the loop posted on the PR. */
function requestComment(h: Harness) {
  const issue = h.gh.issues.get(h.pr!)!;
  const found = issue.comments.find((c) => parseMarker(c.body));
  expect(found).toBeDefined();
  return found!;
}

describe('approval wait loop (loopback GitHub, fake clock)', () => {
  it('approves on a PR review APPROVED at the head SHA and records it', async () => {
    const h = await start();
    h.at(3, () => h.gh.review(7, { login: 'octocat' }, 'APPROVED', HEAD));
    const outcome = await h.run();

    expect(outcome.state).toBe('approved');
    expect(outcome.approvedBy).toEqual(['octocat']);
    expect(outcome.approvals[0]).toMatchObject({ login: 'octocat', how: 'review' });
    expect(outcome.digest).toBe(h.digest);
    expect(Date.parse(outcome.decidedAt) - Date.parse(outcome.requestedAt!)).toBeLessThan(
      5 * 60_000,
    );
    const comment = requestComment(h);
    expect(outcome.url).toBe(comment.html_url);
    // The request now says what happened and no longer tells anyone how to answer.
    expect(parseMarker(comment.body)).toMatchObject({ digest: h.digest, state: 'closed' });
    expect(comment.body).toContain('✅ approved by <code>octocat</code>');
    expect(comment.body).not.toContain('/agent-gate approve');
    expect(approvalOutputs(outcome)).toEqual({
      approved: 'true',
      'approved-by': 'octocat',
      'approval-url': comment.html_url,
    });
    expect(approvalRecord(outcome)).toMatchObject({
      mode: 'wait',
      status: 'approved',
      requestDigest: h.digest,
      requestUrl: comment.html_url,
      approvals: [{ login: 'octocat', how: 'pull request review', digest: h.digest }],
    });
    // One comment posted, one edited: no spam (the other POST asks octocat for a review).
    expect(
      h.gh.requests.filter((r) => r.method === 'POST').map((r) => r.url.split('?')[0]),
    ).toEqual(['/repos/acme/app/issues/7/comments', '/repos/acme/app/pulls/7/requested_reviewers']);
    expect(h.gh.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(outcome.requests).toBe(h.gh.requests.length);
  });

  it('approves on an exact approve command by an active team member', async () => {
    const h = await start({ existingRequest: 5 });
    h.at(10, () => h.gh.comment(7, { login: 'alice' }, `/agent-gate approve ${h.prefix}`));
    const outcome = await h.run();
    expect(outcome.state).toBe('approved');
    expect(outcome.approvals).toMatchObject([{ login: 'alice', how: 'command' }]);
    // Membership asked once, for the one candidate: teams are never enumerated.
    expect(h.gh.count(/\/memberships\//)).toBe(1);
    expect(h.gh.count(/\/teams\/[^/]+\/members\b/)).toBe(0);
    expect(h.gh.count(/\/permission$/)).toBe(1);
  });

  it('denies on a deny command from an approver, with the reason', async () => {
    const h = await start({ existingRequest: 5 });
    h.at(2, () =>
      h.gh.comment(7, { login: 'octocat' }, `/agent-gate deny ${h.prefix} publishes @everyone`),
    );
    h.at(5, () => h.gh.review(7, { login: 'alice' }, 'APPROVED', HEAD));
    const outcome = await h.run();
    expect(outcome.state).toBe('denied');
    expect(outcome.denial).toMatchObject({ login: 'octocat', reason: 'publishes @everyone' });
    expect(outcome.approvedBy).toEqual([]);
    expect(approvalOutputs(outcome).approved).toBe('false');
    expect(approvalRecord(outcome).status).toBe('denied');
    const body = requestComment(h).body;
    expect(body).toContain('⛔ denied by <code>octocat</code>');
    // The reason is shown without pinging anyone.
    expect(body).toContain('@\u200beveryone');
    expect(body).not.toMatch(/@everyone/);
  });

  it('times out, closes the request with a note, and stays within the request budget', async () => {
    const h = await start({ timeoutMinutes: 60 });
    const outcome = await h.run();
    expect(outcome.state).toBe('timed-out');
    expect(outcome.message).toMatch(/no decision after 60 minute\(s\): 0 of 1 approval/);
    expect(h.clock.elapsed()).toBe(60 * 60_000);
    expect(requestComment(h).body).toContain('⌛ timed out');
    // Posting, every poll (304s included) and the final edit: within 120 in the hour.
    expect(outcome.requests).toBe(h.gh.requests.length);
    expect(outcome.requests).toBeLessThanOrEqual(120);
    expect(outcome.polls).toBeGreaterThan(40); // still polls about every 75 s
    expect(approvalRecord(outcome).status).toBe('timed-out');
  });

  it('closes the request with a note when the job is cancelled mid-wait', async () => {
    const h = await start({ existingRequest: 5 });
    h.at(17, () => h.cancel.abort());
    const outcome = await h.run();
    expect(outcome.state).toBe('cancelled');
    expect(h.clock.elapsed()).toBe(17 * 60_000);
    expect(requestComment(h).body).toContain('the job was cancelled');
    expect(parseMarker(requestComment(h).body)?.state).toBe('closed');
    expect(approvalRecord(outcome).status).toBe('cancelled');
  });

  it('outside a PR: opens an issue assigned to the listed users, closes it when approved', async () => {
    const h = await start({ target: 'issue', approvers: ['octocat', 'dave', '@acme/security'] });
    h.at(4, () =>
      h.gh.comment(h.thread(), { login: 'octocat' }, `/agent-gate approve ${h.prefix}`),
    );
    const outcome = await h.run();
    expect(outcome.state).toBe('approved');
    const issue = h.gh.issues.get(h.thread())!;
    expect(issue.assignees).toEqual(['octocat', 'dave']);
    expect(issue.labels).toEqual(['agent-gate']);
    expect(issue.title).toContain('job agent');
    expect(issue.state).toBe('closed');
    expect(issue.state_reason).toBe('completed');
    expect(outcome.url).toBe(issue.html_url);
    // No reviews outside a PR: one list per poll.
    expect(h.gh.count(/\/reviews/)).toBe(0);
  });

  it('outside a PR: an unassignable approver does not stop the request (422 → unassigned)', async () => {
    const h = await start({ target: 'issue', approvers: ['octocat', 'ghost-user'] });
    h.gh.assignable = new Set(['octocat']);
    h.at(1, () =>
      h.gh.comment(h.thread(), { login: 'octocat' }, `/agent-gate approve ${h.prefix}`),
    );
    const outcome = await h.run();
    expect(outcome.state).toBe('approved');
    expect(h.gh.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([
      422, 201,
    ]);
    expect(h.logs.some((l) => l.includes('creating it unassigned'))).toBe(true);
  });

  it('re-run: reuses the open request of the same digest (no new post)', async () => {
    const h = await start({ existingRequest: 30 });
    h.at(1, () => h.gh.review(7, { login: 'octocat' }, 'APPROVED', HEAD));
    const outcome = await h.run();
    expect(outcome.state).toBe('approved');
    expect(h.gh.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    expect(h.gh.issues.get(7)!.comments).toHaveLength(1);
  });

  it('re-run: supersedes the request of the previous attempt, ignores a forged marker', async () => {
    const first = await start({ subject: { runAttempt: 1 }, existingRequest: 60 });
    // The same PR now runs attempt 2; attempt 1's request is on the PR, plus a forged one.
    const h = await start({ subject: { runAttempt: 2 } });
    const old = first.gh.issues.get(7)!.comments[0]!;
    h.gh.issues.get(7)!.comments.push({ ...old });
    h.gh.comment(7, { login: 'mallory' }, old.body.replace('an earlier post', 'forged'));
    h.at(1, () => h.gh.review(7, { login: 'octocat' }, 'APPROVED', HEAD));
    const outcome = await h.run();
    expect(outcome.state).toBe('approved');
    const comments = h.gh.issues.get(7)!.comments;
    const previous = comments.find((c) => c.id === old.id)!;
    expect(parseMarker(previous.body)).toMatchObject({ runAttempt: 1, state: 'closed' });
    expect(previous.body).toContain('superseded by');
    const forged = comments.find((c) => c.user?.login === 'mallory')!;
    expect(parseMarker(forged.body)?.state).toBe('open'); // not ours: left alone
    const mine = comments.filter((c) => parseMarker(c.body)?.runAttempt === 2);
    expect(mine).toHaveLength(1);
    expect(outcome.url).toBe(mine[0]!.html_url);
  });

  it('fails closed with an error (no request) when nobody can approve', async () => {
    const h = await start({ approvers: undefined, codeowners: [] });
    const outcome = await h.run();
    expect(outcome.state).toBe('error');
    expect(outcome.message).toMatch(/no approvers/);
    expect(h.gh.requests).toHaveLength(0);
    expect(approvalRecord(outcome).status).toBe('required');
  });

  it('uses the CODEOWNERS of the workflow when the policy lists no approvers', async () => {
    const h = await start({
      approvers: undefined,
      codeowners: ['@frank', 'sec@acme.example'],
      existingRequest: 5,
    });
    h.at(2, () => h.gh.comment(7, { login: 'octocat' }, `/agent-gate approve ${h.prefix}`));
    h.at(3, () => h.gh.comment(7, { login: 'frank' }, `/agent-gate approve ${h.prefix}`));
    const outcome = await h.run();
    expect(outcome.approvedBy).toEqual(['frank']);
    expect(outcome.ignored).toContainEqual(
      expect.objectContaining({ login: 'octocat', why: 'not an approver' }),
    );
    expect(h.logs.some((l) => l.includes('sec@acme.example'))).toBe(true);
  });
});

describe('cancellation plumbing', () => {
  it('SIGINT / SIGTERM abort the wait signal; a second signal re-raises it', () => {
    const kills: [number, string][] = [];
    const proc = new EventEmitter();
    const { signal, dispose } = cancelOnSignals({
      pid: 4321,
      on: (name, listener) => proc.on(name, listener),
      off: (name, listener) => proc.off(name, listener),
      kill: (pid, name) => kills.push([pid, name]),
    });
    expect(proc.listenerCount('SIGTERM')).toBe(1);
    proc.emit('SIGTERM');
    expect(signal.aborted).toBe(true);
    expect(kills).toEqual([]);
    proc.emit('SIGINT');
    expect(kills).toEqual([[4321, 'SIGINT']]);
    expect(proc.listenerCount('SIGINT') + proc.listenerCount('SIGTERM')).toBe(0);
    dispose();
  });

  it('abortableSleep ends early on abort', async () => {
    // Fake timers: the 60 s timer never fires, so only the abort can end the sleep.
    vi.useFakeTimers();
    try {
      const controller = new AbortController();
      let ended = false;
      const sleeping = abortableSleep(60_000, controller.signal).then(() => (ended = true));
      await Promise.resolve();
      expect(ended).toBe(false);
      controller.abort();
      await sleeping;
      expect(ended).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
