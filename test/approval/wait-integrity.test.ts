/**
 * Every integrity case through the full loop (loopback GitHub, real Octokit, fake clock):
 * each answer that must not count leaves the wait pending until it times out, with the
 * reason in `ignored`; the valid one after them approves. The request already exists
 * (posted 10 minutes before: a re-run of the same digest), so nothing new is posted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HEAD, OLD_HEAD, START, harness } from './fake-github.js';
import type { Harness, Scenario } from './fake-github.js';

const open: Harness[] = [];
async function start(scenario: Scenario = {}): Promise<Harness> {
  const h = await harness({ existingRequest: 10, timeoutMinutes: 10, ...scenario });
  open.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.gh.close()));
});

type Script = (h: Harness) => void;
const cases: [string, Script, RegExp | undefined, Scenario?][] = [
  [
    'self-approval: the actor approves',
    (h) => h.at(2, () => h.gh.comment(7, { login: 'dave' }, `/agent-gate approve ${h.prefix}`)),
    /started this run/,
  ],
  [
    'the triggering actor (re-run by an approver) approves by review',
    (h) => h.at(2, () => h.gh.review(7, { login: 'erin' }, 'APPROVED', HEAD)),
    /started this run/,
  ],
  [
    'actor = triggering actor, who is an approver',
    (h) => h.at(2, () => h.gh.comment(7, { login: 'octocat' }, `/agent-gate approve ${h.prefix}`)),
    /started this run/,
    { actor: 'octocat', triggeringActor: 'octocat' },
  ],
  [
    'a bot listed as approver',
    (h) =>
      h.at(2, () =>
        h.gh.comment(7, { login: 'deploy-bot', type: 'Bot' }, `/agent-gate approve ${h.prefix}`),
      ),
    /bot/,
    { approvers: ['octocat', 'deploy-bot'] },
  ],
  [
    'a review of a stale head SHA',
    (h) => h.at(2, () => h.gh.review(7, { login: 'octocat' }, 'APPROVED', OLD_HEAD)),
    /not the head/,
  ],
  [
    'a command naming another digest',
    (h) =>
      h.at(2, () => h.gh.comment(7, { login: 'octocat' }, `/agent-gate approve ${'9'.repeat(12)}`)),
    /names another request/,
  ],
  [
    'an edited approve comment',
    (h) =>
      h.at(2, () =>
        h.gh.comment(7, { login: 'octocat' }, `/agent-gate approve ${h.prefix}`, { edited: true }),
      ),
    /edited/,
  ],
  [
    'an approve comment written before the request (never fetched: since= the request)',
    (h) =>
      h.gh.comment(7, { login: 'octocat' }, `/agent-gate approve ${h.prefix}`, {
        at: START - 20 * 60_000,
      }),
    undefined,
  ],
  [
    'a review given before the request',
    (h) => h.gh.review(7, { login: 'octocat' }, 'APPROVED', HEAD, { at: START - 20 * 60_000 }),
    /before the request/,
  ],
  [
    'a non-member of the listed team',
    (h) => h.at(2, () => h.gh.comment(7, { login: 'mallory' }, `/agent-gate approve ${h.prefix}`)),
    /not an approver nor an active member of acme\/security/,
  ],
  [
    'a pending member of the listed team',
    (h) => h.at(2, () => h.gh.review(7, { login: 'bob' }, 'APPROVED', HEAD)),
    /pending, not active/,
  ],
  [
    'a listed user with read permission',
    (h) => h.at(2, () => h.gh.comment(7, { login: 'carol' }, `/agent-gate approve ${h.prefix}`)),
    /permission is read/,
    { approvers: ['octocat', 'carol'] },
  ],
  [
    'min-approvals 2 with one approval',
    (h) => h.at(2, () => h.gh.review(7, { login: 'octocat' }, 'APPROVED', HEAD)),
    undefined,
    { minApprovals: 2 },
  ],
];

describe('approval wait loop: integrity', () => {
  it.each(cases)('rejects %s', async (_name, script, why, scenario) => {
    const h = await start(scenario);
    script(h);
    const outcome = await h.run();
    expect(outcome.state).toBe('timed-out');
    expect(outcome.approvedBy).toEqual([]);
    if (why) expect(outcome.ignored.map((i) => i.why)).toContainEqual(expect.stringMatching(why));
    else expect(outcome.ignored).toEqual([]);
    expect(h.clock.elapsed()).toBe(10 * 60_000);
    expect(h.gh.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('min-approvals 2: approves at the second distinct approver', async () => {
    const h = await start({ minApprovals: 2, timeoutMinutes: 30 });
    h.at(2, () => h.gh.review(7, { login: 'octocat' }, 'APPROVED', HEAD));
    h.at(4, () => h.gh.comment(7, { login: 'octocat' }, `/agent-gate approve ${h.prefix}`));
    h.at(9, () => h.gh.comment(7, { login: 'alice' }, `/agent-gate approve ${h.prefix}`));
    const outcome = await h.run();
    expect(outcome.state).toBe('approved');
    expect(outcome.approvedBy).toEqual(['octocat', 'alice']);
    expect(h.clock.elapsed()).toBeGreaterThanOrEqual(9 * 60_000);
    expect(h.clock.elapsed()).toBeLessThan(12 * 60_000);
  });

  it('after a run of invalid answers, the first valid one approves', async () => {
    const h = await start({ timeoutMinutes: 60 });
    const say = (login: string, body: string, edited = false): void =>
      void h.gh.comment(7, { login }, body, { edited });
    h.at(1, () => say('dave', `/agent-gate approve ${h.prefix}`));
    h.at(2, () => h.gh.review(7, { login: 'erin' }, 'APPROVED', HEAD));
    h.at(3, () => h.gh.review(7, { login: 'octocat' }, 'APPROVED', OLD_HEAD));
    h.at(4, () => say('alice', `/agent-gate approve ${'9'.repeat(12)}`));
    h.at(5, () => say('alice', `/agent-gate approve ${h.prefix}`, true));
    h.at(6, () => say('mallory', `/agent-gate approve ${h.prefix}`));
    h.at(7, () => say('alice', `/agent-gate approve ${h.prefix} lgtm`));
    h.at(20, () => say('alice', `/agent-gate approve ${h.prefix}`));
    const outcome = await h.run();
    expect(outcome.state).toBe('approved');
    expect(outcome.approvedBy).toEqual(['alice']);
    expect(h.clock.elapsed()).toBeGreaterThanOrEqual(20 * 60_000);
    expect(h.clock.elapsed()).toBeLessThan(22 * 60_000);
    expect(outcome.ignored.map((i) => `${i.login}: ${i.why}`)).toEqual([
      expect.stringMatching(/^erin: started this run/),
      expect.stringMatching(/^octocat: review approves commit/),
      expect.stringMatching(/^dave: started this run/),
      expect.stringMatching(/^alice: names another request/),
      expect.stringMatching(/^alice: comment was edited/),
      expect.stringMatching(/^mallory: not an approver/),
      expect.stringMatching(/^alice: not an exact/),
    ]);
    // Facts were asked once per candidate login over the whole wait (cached).
    expect(h.gh.count(/\/memberships\/mallory$/)).toBe(1);
    expect(h.gh.count(/\/memberships\/alice$/)).toBe(1);
    expect(h.gh.count(/\/collaborators\/alice\/permission$/)).toBe(1);
    expect(h.gh.count(/\/memberships\/(dave|erin)$/)).toBe(0);
  });
});
