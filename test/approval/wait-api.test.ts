/**
 * The wait loop and the API adapter under GitHub's conditions: conditional requests (ETag /
 * 304), pagination, 429 and 403 secondary limits with retry-after, bursts of 500s,
 * persistent failures (fail closed), unreadable team membership — against the loopback
 * GitHub with the real Octokit client — and the loop's own retry-after handling with a
 * scripted in-memory API.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { waitForApproval } from '../../src/engine/approval/wait.js';
import type { WaitDeps } from '../../src/engine/approval/wait-types.js';
import { requestDigest } from '../../src/engine/approval/request-digest.js';
import { ApprovalApiError } from '../../src/engine/approval/types.js';
import type {
  ApprovalApi,
  ObservedComment,
  PostedRequest,
} from '../../src/engine/approval/types.js';
import { HEAD, SUBJECT, WORKFLOW, fakeClock, harness } from './fake-github.js';
import type { Harness, Scenario } from './fake-github.js';

const open: Harness[] = [];
async function start(scenario: Scenario = {}): Promise<Harness> {
  const h = await harness({ existingRequest: 5, ...scenario });
  open.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.gh.close()));
});

const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes.';

describe('wait loop against GitHub-like conditions', () => {
  it('polls with If-None-Match: unchanged lists answer 304, a new comment is still seen', async () => {
    const h = await start({ timeoutMinutes: 90 });
    h.at(70, () => h.gh.comment(7, { login: 'octocat' }, `/agent-gate approve ${h.prefix}`));
    const outcome = await h.run();
    expect(outcome.state).toBe('approved');
    const polls = h.gh.requests.filter((r) => /\/(reviews|comments\?since)/.test(r.url));
    const notModified = polls.filter((r) => r.status === 304);
    // Every poll after the first of each list is conditional; nearly all are 304.
    expect(polls.slice(2).every((r) => r.ifNoneMatch !== undefined)).toBe(true);
    expect(notModified.length).toBeGreaterThanOrEqual(polls.length - 4);
    expect(outcome.requests).toBe(h.gh.requests.length);
    // 70 minutes of waiting: within 120 requests in the first hour.
    const firstHour = h.gh.requests.filter((r) => r.at < h.gh.requests[0]!.at + 3_600_000);
    expect(firstHour.length).toBeLessThanOrEqual(120);
  });

  it('paginates: an approval on the third page of comments counts', async () => {
    const h = await start();
    h.at(1, () => {
      for (let i = 0; i < 230; i++) h.gh.comment(7, { login: 'mallory' }, `noise ${i}`);
      h.gh.comment(7, { login: 'octocat' }, `/agent-gate approve ${h.prefix}`);
    });
    const outcome = await h.run();
    expect(outcome.state).toBe('approved');
    expect(h.gh.count(/comments\?since=.*page=3/)).toBeGreaterThanOrEqual(1);
  });

  it('429 with retry-after (secondary limit) is retried by the client; the wait goes on', async () => {
    const h = await start();
    h.gh.faults.push({
      match: /\/reviews/,
      times: 1,
      status: 429,
      message: SECONDARY,
      headers: { 'retry-after': '1' },
    });
    h.at(1, () => h.gh.review(7, { login: 'octocat' }, 'APPROVED', HEAD));
    const outcome = await h.run();
    expect(outcome.state).toBe('approved');
    const reviews = h.gh.requests.filter((r) => /\/reviews/.test(r.url)).map((r) => r.status);
    expect(reviews.slice(0, 2)).toEqual([429, 200]);
    expect(outcome.requests).toBe(h.gh.requests.length); // the retry is counted
  });

  it('403 secondary limit with retry-after: the throttling plugin waits and retries', async () => {
    const h = await start();
    h.gh.faults.push({
      match: /\/comments\?since/,
      times: 1,
      status: 403,
      message: SECONDARY,
      headers: { 'retry-after': '1' },
    });
    h.at(1, () => h.gh.comment(7, { login: 'octocat' }, `/agent-gate approve ${h.prefix}`));
    const outcome = await h.run();
    expect(outcome.state).toBe('approved');
    // retry-after: 1 s, honoured: the client says how long it waits (no wall-clock assertion).
    expect(h.logs.some((l) => /client: secondary rate limit on GET.*retry 1 in 1s/.test(l))).toBe(
      true,
    );
    const comments = h.gh.requests.filter((r) => /comments\?since/.test(r.url));
    expect(comments.slice(0, 2).map((r) => r.status)).toEqual([403, 200]);
  });

  it('a burst of 500s is absorbed by the client retries', async () => {
    const h = await start();
    h.gh.faults.push({ match: /\/comments\?since/, times: 2, status: 502, message: 'Bad Gateway' });
    h.at(1, () => h.gh.comment(7, { login: 'octocat' }, `/agent-gate approve ${h.prefix}`));
    const outcome = await h.run();
    expect(outcome.state).toBe('approved');
    expect(h.gh.requests.filter((r) => r.status === 502)).toHaveLength(2);
  });

  it('persistent 500s end in error, never approved, even with an approval waiting', async () => {
    const h = await start({ retries: 0, maxFailures: 2 });
    h.gh.review(7, { login: 'octocat' }, 'APPROVED', HEAD); // would count, if ever read
    h.gh.faults.push({ match: /\/reviews/, times: Infinity, status: 500 });
    const outcome = await h.run();
    expect(outcome.state).toBe('error');
    expect(outcome.approvedBy).toEqual([]);
    expect(outcome.message).toMatch(/polling failed 3 times in a row/);
    expect(h.logs.filter((l) => l.startsWith('warning: poll failed'))).toHaveLength(2);
    // The request says the gate stopped waiting.
    const body = h.gh.issues.get(7)!.comments[0]!.body;
    expect(body).toContain('stopped waiting after an API error');
  });

  it('a 404 (no access, PR gone) ends in error at once', async () => {
    const h = await start();
    h.gh.faults.push({ match: /\/reviews/, times: Infinity, status: 404, message: 'Not Found' });
    const outcome = await h.run();
    expect(outcome.state).toBe('error');
    expect(outcome.polls).toBe(0);
  });

  it('an unreadable team membership (403 without rate limit) does not count', async () => {
    const h = await start({ timeoutMinutes: 5 });
    h.gh.faults.push({
      match: /\/memberships\//,
      times: Infinity,
      status: 403,
      message: 'Resource not accessible by integration',
    });
    h.at(1, () => h.gh.comment(7, { login: 'alice' }, `/agent-gate approve ${h.prefix}`));
    const outcome = await h.run();
    expect(outcome.state).toBe('timed-out');
    expect(outcome.ignored[0]?.why).toMatch(/Members: read/);
    expect(h.gh.count(/\/memberships\//)).toBe(1); // asked once, cached
  });

  it('posting the request fails (422 on the comment) → error, nothing approved', async () => {
    const h = await start({ existingRequest: undefined });
    h.gh.faults.push({ match: /\/comments$/, method: 'POST', times: 1, status: 422 });
    const outcome = await h.run();
    expect(outcome).toMatchObject({ state: 'error', url: undefined });
    expect(outcome.message).toMatch(/could not post the approval request/);
  });
});

/** An in-memory API whose comment lists are scripted, for what HTTP cannot show cheaply. */
function scriptedApi(
  clock: ReturnType<typeof fakeClock>,
  listComments: (call: number) => ObservedComment[],
): ApprovalApi & { calls: number } {
  let requests = 0;
  let calls = 0;
  const posted: PostedRequest = {
    kind: 'issue',
    id: 1,
    thread: 1,
    url: 'https://github.com/acme/app/issues/1',
    createdAt: clock.now().toISOString(),
    author: { login: 'github-actions[bot]', type: 'Bot' },
    body: '',
    open: true,
  };
  return {
    get requests() {
      return requests;
    },
    get calls() {
      return calls;
    },
    rateLimit: undefined,
    findRequests: () => Promise.resolve((requests++, [])),
    createRequest: (_t, content) =>
      Promise.resolve((requests++, { ...posted, body: content.body })),
    updateRequest: () => Promise.resolve(void requests++),
    comment: () => Promise.resolve(void requests++),
    listReviews: () => Promise.resolve((requests++, [])),
    listComments: () => {
      requests++;
      try {
        return Promise.resolve(listComments(calls));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      } finally {
        calls++;
      }
    },
    teamMembership: () => Promise.resolve((requests++, 'none' as const)),
    permission: () => Promise.resolve((requests++, 'write' as const)),
  };
}

function deps(
  api: ApprovalApi,
  clock: ReturnType<typeof fakeClock>,
  signal: AbortSignal,
): WaitDeps {
  return {
    api,
    subject: SUBJECT,
    workflow: WORKFLOW,
    target: { kind: 'issue' },
    actor: 'dave',
    triggeringActor: 'dave',
    approval: { approvers: ['octocat'], minApprovals: 1, timeoutMinutes: 60 },
    now: clock.now,
    sleep: clock.sleep,
    signal,
    log: { info: () => undefined, warning: () => undefined },
  };
}

describe('wait loop with a scripted API', () => {
  it('waits at least retry-after when a poll fails with a rate limit', async () => {
    const clock = fakeClock();
    const api = scriptedApi(clock, (call) => {
      if (call === 1) throw new ApprovalApiError('GET comments: rate limited', 429, 12 * 60_000);
      return [];
    });
    const outcome = await waitForApproval({ ...deps(api, clock, new AbortController().signal) });
    expect(outcome.state).toBe('timed-out');
    // The sleep after the failed (second) poll honours the 12 minutes.
    expect(clock.sleeps[1]).toBe(12 * 60_000);
  });

  it('an approval given while a poll fails is picked up by the next poll', async () => {
    const clock = fakeClock();
    const digest = requestDigest(SUBJECT).slice(7, 19);
    const api = scriptedApi(clock, (call) => {
      if (call === 2) throw new ApprovalApiError('GET comments: 503', 503, undefined);
      if (call < 3) return [];
      const at = clock.now().toISOString();
      return [
        {
          id: 9,
          user: { login: 'octocat', type: 'User' },
          body: `/agent-gate approve ${digest}`,
          createdAt: at,
          updatedAt: at,
          url: 'https://github.com/acme/app/issues/1#issuecomment-9',
        },
      ];
    });
    const outcome = await waitForApproval(deps(api, clock, new AbortController().signal));
    expect(outcome.state).toBe('approved');
    expect(api.calls).toBe(4);
  });

  it('cancelled before anything was posted: nothing is posted', async () => {
    const clock = fakeClock();
    const api = scriptedApi(clock, () => []);
    const controller = new AbortController();
    controller.abort();
    const outcome = await waitForApproval(deps(api, clock, controller.signal));
    expect(outcome).toMatchObject({ state: 'cancelled', url: undefined, requests: 0 });
  });
});
