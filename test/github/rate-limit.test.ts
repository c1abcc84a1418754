/**
 * How long a rate-limited answer asks to wait (issue 14 item 13): `retry-after` (seconds or an
 * HTTP date), else `x-ratelimit-reset` when the remaining budget is 0, else a minute for a
 * secondary limit or a bare 429; anything else is not a rate limit. The client itself is
 * exercised with a fake sleep, against the loopback API server.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createClient, rateLimitWait } from '../../src/adapters/github/client.js';
import { apiServers } from '../e2e/api-server.js';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const err = (status: number, headers: Record<string, string>, message = 'Too Many Requests') => ({
  status,
  message,
  response: { headers },
});

describe('rateLimitWait', () => {
  it('honours retry-after, in seconds or as a date', () => {
    expect(rateLimitWait(err(429, { 'retry-after': '37' }), NOW)).toEqual({
      kind: 'rate limited',
      seconds: 37,
    });
    expect(
      rateLimitWait(err(429, { 'retry-after': new Date(NOW + 90_000).toUTCString() }), NOW)
        ?.seconds,
    ).toBe(90);
  });

  it('waits until x-ratelimit-reset when the remaining budget is 0', () => {
    const reset = String(NOW / 1000 + 600);
    expect(
      rateLimitWait(err(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }), NOW),
    ).toEqual({ kind: 'rate limited', seconds: 601 });
  });

  it('a secondary limit without a header waits a minute; a plain 403 is not a rate limit', () => {
    expect(rateLimitWait(err(403, {}, 'You have exceeded a secondary rate limit'), NOW)).toEqual({
      kind: 'secondary rate limit',
      seconds: 60,
    });
    expect(rateLimitWait(err(403, {}, 'Resource not accessible by integration'), NOW)).toBe(
      undefined,
    );
    expect(rateLimitWait(err(500, { 'retry-after': '5' }), NOW)).toBe(undefined);
    expect(rateLimitWait(new TypeError('x'), NOW)).toBe(undefined);
  });
});

const servers = apiServers();
afterAll(() => servers.closeAll());

describe('createClient waits as told, on a fake clock', () => {
  const SHA = 'a'.repeat(40);
  const fault = (retryAfter: string) => ({
    match: /contents/,
    times: 1,
    status: 429,
    headers: { 'retry-after': retryAfter },
  });

  it('sleeps retry-after seconds, then asks again', async () => {
    const api = await servers.start({
      contents: { [SHA]: { 'a.txt': 'hi' } },
      faults: [fault('42')],
    });
    const slept: number[] = [];
    const client = await createClient({
      token: 't',
      baseUrl: api.url,
      sleep: (ms) => {
        slept.push(ms);
        return Promise.resolve();
      },
    });
    const r = await client.rest.repos.getContent({
      owner: 'acme',
      repo: 'app',
      path: 'a.txt',
      ref: SHA,
    });
    expect(r.status).toBe(200);
    expect(slept).toEqual([42_000]);
    expect(api.requests.map((q) => q.status)).toEqual([429, 200]);
  });

  it('a wait past the budget fails at once, without sleeping', async () => {
    const api = await servers.start({
      contents: { [SHA]: { 'a.txt': 'hi' } },
      faults: [fault('900')],
    });
    const slept: number[] = [];
    const client = await createClient({
      token: 't',
      baseUrl: api.url,
      maxRateLimitWaitMs: 300_000,
      sleep: (ms) => {
        slept.push(ms);
        return Promise.resolve();
      },
    });
    await expect(
      client.rest.repos.getContent({ owner: 'acme', repo: 'app', path: 'a.txt', ref: SHA }),
    ).rejects.toThrow(/asks to wait 900 s, more than the 300 s left/);
    expect(slept).toEqual([]);
    expect(api.requests).toHaveLength(1);
  });
});
