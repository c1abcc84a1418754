/** The request digest, the request's Markdown (escaping of hostile text) and its marker. */
import { describe, expect, it } from 'vitest';
import { parseApprovers } from '../../src/engine/approval/judge.js';
import {
  outcomeBanner,
  parseMarker,
  renderClosed,
  renderMarker,
  renderRequest,
  renderTitle,
} from '../../src/engine/approval/render-request.js';
import type { RenderInput } from '../../src/engine/approval/render-request.js';
import {
  canonicalJson,
  digestPrefix,
  requestDigest,
} from '../../src/engine/approval/request-digest.js';
import { SUBJECT, WORKFLOW } from './fake-github.js';

describe('request digest', () => {
  const digest = requestDigest(SUBJECT);

  it('is sha256 over the canonical JSON, stable, and has a 12-digit prefix', () => {
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(requestDigest({ ...SUBJECT })).toBe(digest);
    expect(digestPrefix(digest)).toBe(digest.slice(7, 19));
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }, 'x'] })).toBe(
      '{"a":[{"d":2},"x"],"b":1}',
    );
  });

  it.each([
    ['run id', { runId: '4243' }],
    ['run attempt', { runAttempt: 2 }],
    ['job', { job: 'agent2' }],
    ['head SHA', { headSha: '0'.repeat(40) }],
    ['BOM digest', { bomDigest: `sha256:${'d'.repeat(64)}` }],
    ['policy digest', { policyDigest: `sha256:${'e'.repeat(64)}` }],
    ['paths', { paths: [] }],
    ['repository', { repository: 'acme/other' }],
  ])('binds the %s', (_name, change) => {
    expect(requestDigest({ ...SUBJECT, ...change })).not.toBe(digest);
  });

  it('does not depend on the order of paths or object keys', () => {
    const a = { id: 'j/a/1', class: 'publish', reason: 'r1', location: 'w.yml:1:1' };
    const b = { location: 'w.yml:2:1', reason: 'r2', class: 'deploy', id: 'j/b/1' };
    expect(requestDigest({ ...SUBJECT, paths: [a, b] })).toBe(
      requestDigest({ ...SUBJECT, paths: [b, a] }),
    );
  });
});

const HOSTILE = {
  ...SUBJECT,
  job: 'agent',
  paths: [
    {
      id: 'agent/publish/1',
      class: 'publish',
      reason:
        '::set-output name=approved::true <script>alert(1)</script> @octocat @acme/security | pipe `tick` [x](javascript:alert(1))',
      location: '.github/workflows/agent.yml:30:9',
    },
    {
      id: 'agent/run-shell/2',
      class: 'run-shell',
      reason: 'step "<img src=x onerror=alert(1)>"\n::warning::forged',
      location: '.github/workflows/a|b.yml:4:3',
    },
  ],
};
const input: RenderInput = {
  subject: HOSTILE,
  digest: requestDigest(HOSTILE),
  workflow: WORKFLOW,
  runUrl: 'https://github.com/acme/app/actions/runs/4242',
  target: { kind: 'pull-request', number: 7 },
  approvers: parseApprovers(['octocat', '@acme/security']).specs,
  approversSource: 'policy',
  minApprovals: 2,
  deadline: '2026-03-02T10:00:00.000Z',
  actor: 'dave',
  triggeringActor: 'erin',
};

describe('request body', () => {
  const body = renderRequest(input);
  const prefix = digestPrefix(input.digest);

  it('starts with the hidden marker that binds digest, run, job and workflow', () => {
    expect(body.split('\n')[0]).toBe(
      `<!-- agent-gate:request v1 digest=${input.digest} run=4242/1 job=agent workflow=.github%2Fworkflows%2Fagent.yml -->`,
    );
    expect(parseMarker(body)).toEqual({
      digest: input.digest,
      runId: '4242',
      runAttempt: 1,
      job: 'agent',
      workflow: WORKFLOW,
      state: 'open',
    });
  });

  it('lists every path with class, reason and location, and how to answer', () => {
    expect(body).toContain('<code>agent/publish/1</code>');
    expect(body).toContain('<code>.github/workflows/agent.yml:30:9</code>');
    expect(body).toContain(`/agent-gate approve ${prefix}`);
    expect(body).toContain(`/agent-gate deny ${prefix} <reason>`);
    expect(body).toContain(`<code>${input.digest}</code>`);
    expect(body).toContain('Approvals needed: 2');
    expect(body).toContain('**Approve** review');
    expect(body).toContain('[run 4242, attempt 1](https://github.com/acme/app/actions/runs/4242)');
  });

  it('neutralises hostile text: no HTML, no workflow commands, no mentions, no table breaks', () => {
    expect(body).not.toMatch(/<script|<img/i);
    expect(body).toContain('&lt;script&gt;');
    expect(body).not.toContain('::set-output');
    expect(body).not.toContain('::warning');
    expect(body).not.toMatch(/@[A-Za-z0-9]/); // nobody is pinged: not approvers, not text
    expect(body).not.toMatch(/\]\(javascript:/);
    // Each table row still has exactly its 4 cells (5 unescaped pipes).
    const rows = body.split('\n').filter((l) => l.startsWith('| <code>'));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(6);
    // One line per row: the newline in a reason did not break out.
    expect(body).toContain('⏎');
  });

  it('shows logins in code without @ (shown, not pinged)', () => {
    expect(body).toContain('<code>octocat</code>, <code>acme/security</code>');
    expect(body).toContain('<code>dave</code>, <code>erin</code> (who started this run)');
  });

  it('has a plain one-line title', () => {
    const title = renderTitle({ ...input, subject: { ...HOSTILE, job: 'a\n::set-output x' } });
    expect(title).not.toContain('\n');
    expect(title).not.toContain('::');
    expect(title.length).toBeLessThanOrEqual(250);
  });

  it('summarises beyond 100 paths (the digest covers all)', () => {
    const many = Array.from({ length: 130 }, (_, i) => ({
      id: `agent/publish/${i}`,
      class: 'publish',
      reason: 'x'.repeat(1000),
      location: `w.yml:${i}:1`,
    }));
    const big = renderRequest({ ...input, subject: { ...HOSTILE, paths: many } });
    expect(big).toContain('…and 30 more');
    expect(big.length).toBeLessThan(65_536);
  });

  it('closed form: marker closed, banner, no instructions, content kept', () => {
    const closed = renderClosed(
      body,
      outcomeBanner('approved', { by: ['octocat', '@alice'], at: '2026-03-02T09:10:00.000Z' }),
    );
    expect(parseMarker(closed)?.state).toBe('closed');
    expect(closed).toContain(
      '### agent-gate: ✅ approved by <code>octocat</code>, <code>alice</code>',
    );
    expect(closed).not.toContain('/agent-gate approve');
    expect(closed).toContain('<code>agent/publish/1</code>');
    expect(renderClosed(closed, 'again').match(/agent-gate:request/g)).toHaveLength(1);
  });

  it('marker: round trip with odd job and workflow names; garbage is not a marker', () => {
    const m = {
      digest: input.digest,
      runId: '9',
      runAttempt: 3,
      job: 'a b-->c',
      workflow: '.github/workflows/x y.yml',
      state: 'closed' as const,
    };
    const text = renderMarker(m);
    expect(text).not.toMatch(/-->.*-->/);
    expect(parseMarker(`hello\n${text}`)).toEqual(m);
    expect(parseMarker('<!-- agent-gate:request v1 digest=nope run=1/1 job=x -->')).toBeUndefined();
    expect(parseMarker('no marker')).toBeUndefined();
  });

  it('denial banner escapes the reason', () => {
    const banner = outcomeBanner('denied', {
      by: ['octocat'],
      reason: '<b>no</b> @team ::error::x',
      at: 'now',
    });
    expect(banner).not.toMatch(/<b>|@t|::error/);
  });
});
