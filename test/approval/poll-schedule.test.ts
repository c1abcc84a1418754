/** The polling interval policy: fast start, back-off, the hourly budget, retry-after. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLL,
  budgetWait,
  nextPollDelay,
  steadyIntervalMs,
} from '../../src/engine/approval/poll-schedule.js';
import type { PollInput } from '../../src/engine/approval/poll-schedule.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const base: PollInput = {
  now: T0,
  requestTimes: [],
  requestsPerPoll: 2,
  quietPolls: 0,
  failures: 0,
};

describe('poll schedule', () => {
  it('starts at 15 s and backs off by 1.5× to the steady interval', () => {
    const delays = [0, 1, 2, 3, 4, 5, 10].map((q) => nextPollDelay({ ...base, quietPolls: q }));
    expect(delays).toEqual([15_000, 22_500, 33_750, 50_625, 75_000, 75_000, 75_000]);
  });

  it('the steady interval spends 80% of 120 requests/hour', () => {
    expect(steadyIntervalMs(2)).toBe(75_000); // PR: reviews + comments
    expect(steadyIntervalMs(1)).toBe(37_500); // issue: comments
    expect(steadyIntervalMs(4)).toBe(150_000); // paginated threads poll less often
    expect(steadyIntervalMs(100)).toBe(DEFAULT_POLL.maxMs);
  });

  it('honours retry-after and an exhausted primary rate limit', () => {
    expect(nextPollDelay({ ...base, retryAfterMs: 90_000 })).toBe(90_000);
    expect(
      nextPollDelay({ ...base, rateLimit: { remaining: 10, resetAt: T0 + 20 * 60_000 } }),
    ).toBe(20 * 60_000 + 1_000);
    expect(
      nextPollDelay({ ...base, rateLimit: { remaining: 900, resetAt: T0 + 20 * 60_000 } }),
    ).toBe(15_000);
  });

  it('backs off after failed polls', () => {
    expect([1, 2, 3, 6].map((failures) => nextPollDelay({ ...base, failures }))).toEqual([
      30_000, 60_000, 120_000, 300_000,
    ]);
  });

  it('never lets the last hour exceed the budget', () => {
    // 119 requests in the last hour, the oldest 50 minutes ago: 2 more fit once the
    // oldest has left the window.
    const times = Array.from({ length: 119 }, (_, i) => T0 - 50 * 60_000 + i * 1000);
    const wait = budgetWait({ now: T0, requestTimes: times }, 2);
    expect(wait).toBe(10 * 60_000 + 1);
    const after = T0 + wait;
    const inWindow = times.filter((t) => t > after - 3_600_000).length;
    expect(inWindow + 2).toBeLessThanOrEqual(120);
    expect(nextPollDelay({ ...base, requestTimes: times })).toBe(wait);
    expect(budgetWait({ now: T0, requestTimes: times.slice(0, 100) }, 2)).toBe(0);
  });

  it('simulated hours of quiet polling stay within 120 requests in any hour', () => {
    for (const perPoll of [1, 2, 3]) {
      const times: number[] = [T0, T0]; // posting the request
      let now = T0;
      let quiet = 0;
      while (now < T0 + 6 * 3_600_000) {
        for (let i = 0; i < perPoll; i++) times.push(now);
        now += nextPollDelay({
          now,
          requestTimes: times,
          requestsPerPoll: perPoll,
          quietPolls: quiet++,
          failures: 0,
        });
      }
      for (const t of times) {
        const window = times.filter((x) => x >= t && x < t + 3_600_000).length;
        expect(window).toBeLessThanOrEqual(120);
      }
    }
  });

  it('a comment storm (nothing quiet) is still capped by the budget', () => {
    const times: number[] = [];
    let now = T0;
    for (let i = 0; i < 400; i++) {
      times.push(now, now);
      now += nextPollDelay({
        now,
        requestTimes: times,
        requestsPerPoll: 2,
        quietPolls: 0,
        failures: 0,
      });
    }
    for (const t of times) {
      expect(times.filter((x) => x >= t && x < t + 3_600_000).length).toBeLessThanOrEqual(120);
    }
  });
});
