/** The judge: every integrity rule of an approval, one case at a time. */
import { describe, expect, it } from 'vitest';
import {
  authorize,
  judge,
  nextFact,
  parseApprovers,
  parseCommand,
} from '../../src/engine/approval/judge.js';
import type { JudgeInput } from '../../src/engine/approval/judge.js';
import type {
  ApproverFacts,
  ObservedComment,
  ObservedReview,
} from '../../src/engine/approval/types.js';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const PREFIX = '0123456789ab';
const HEAD = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0';
const REQUESTED = '2026-03-02T09:00:00Z';
const LATER = '2026-03-02T09:10:00Z';
const EARLIER = '2026-03-02T08:50:00Z';

const approvers = parseApprovers(['octocat', '@acme/security', 'dave']).specs;
const facts = new Map<string, ApproverFacts>([
  ['octocat', { permission: 'write', teams: {} }],
  ['dave', { permission: 'admin', teams: {} }],
  ['erin', { permission: 'write', teams: { 'acme/security': 'active' } }],
  ['alice', { permission: 'write', teams: { 'acme/security': 'active' } }],
  ['bob', { permission: 'write', teams: { 'acme/security': 'pending' } }],
  ['mallory', { permission: 'write', teams: { 'acme/security': 'none' } }],
  ['nina', { permission: undefined, teams: { 'acme/security': 'unknown' } }],
  ['carol', { permission: 'read', teams: { 'acme/security': 'active' } }],
  ['deploy-bot', { permission: 'write', teams: {} }],
]);

let ids = 1;
function review(login: string, fields: Partial<ObservedReview> = {}): ObservedReview {
  const id = ids++;
  return {
    id,
    user: { login, type: 'User' },
    state: 'APPROVED',
    commitId: HEAD,
    submittedAt: LATER,
    url: `https://github.com/acme/app/pull/7#pullrequestreview-${id}`,
    ...fields,
  };
}
function comment(
  login: string,
  body: string,
  fields: Partial<ObservedComment> = {},
): ObservedComment {
  const id = ids++;
  return {
    id,
    user: { login, type: 'User' },
    body,
    createdAt: LATER,
    updatedAt: fields.createdAt ?? LATER,
    url: `https://github.com/acme/app/pull/7#issuecomment-${id}`,
    ...fields,
  };
}
function run(parts: Partial<JudgeInput>) {
  return judge({
    request: {
      digest: DIGEST,
      createdAt: REQUESTED,
      headSha: HEAD,
      actor: 'dave',
      triggeringActor: 'erin',
    },
    approvers,
    minApprovals: 1,
    facts,
    reviews: [],
    comments: [],
    ...parts,
  });
}
const approve = `/agent-gate approve ${PREFIX}`;

describe('judge: what counts', () => {
  it('a PR review APPROVED on the head SHA by a listed user', () => {
    const j = run({ reviews: [review('octocat')] });
    expect(j.state).toBe('approved');
    expect(j.approvals).toEqual([
      expect.objectContaining({ login: 'octocat', how: 'review', at: LATER }),
    ]);
  });

  it('an exact approve command (12 hex digits, full digest, surrounding whitespace)', () => {
    for (const body of [approve, `  ${approve}\r\n`, `/agent-gate approve ${DIGEST}`]) {
      expect(run({ comments: [comment('octocat', body)] }).state).toBe('approved');
    }
  });

  it('an active member of a listed team', () => {
    const j = run({ comments: [comment('alice', approve)] });
    expect(j.state).toBe('approved');
    expect(authorize('alice', approvers, facts.get('alice'))).toEqual({
      status: 'yes',
      via: 'active member of acme/security',
    });
  });

  it('a deny command from an approver ends it, even with approvals', () => {
    const j = run({
      reviews: [review('octocat')],
      comments: [comment('alice', `/agent-gate deny ${PREFIX} too broad\nsee the token`)],
    });
    expect(j.state).toBe('denied');
    expect(j.denial).toMatchObject({ login: 'alice', reason: 'too broad\nsee the token' });
  });

  it('the actor may deny (a deny is never a self-approval)', () => {
    expect(run({ comments: [comment('dave', `/agent-gate deny ${PREFIX}`)] }).state).toBe('denied');
  });

  it('min-approvals 2: one is pending, two distinct logins approve', () => {
    const one = run({ minApprovals: 2, reviews: [review('octocat')] });
    expect(one.state).toBe('pending');
    expect(one.approvals).toHaveLength(1);
    // The same person twice (review + command) is still one approval.
    const same = run({
      minApprovals: 2,
      reviews: [review('octocat')],
      comments: [comment('octocat', approve)],
    });
    expect(same.state).toBe('pending');
    const two = run({
      minApprovals: 2,
      reviews: [review('octocat')],
      comments: [comment('alice', approve)],
    });
    expect(two.state).toBe('approved');
    expect(two.approvals.map((a) => a.login)).toEqual(['octocat', 'alice']);
  });
});

describe('judge: integrity cases that do not count', () => {
  const cases: [string, Partial<JudgeInput>, RegExp][] = [
    ['self-approval by the actor', { comments: [comment('dave', approve)] }, /started this run/],
    [
      'approval by the triggering actor (re-run)',
      { reviews: [review('erin')] },
      /started this run/,
    ],
    [
      'a bot (type Bot)',
      {
        comments: [comment('deploy-bot', approve, { user: { login: 'deploy-bot', type: 'Bot' } })],
      },
      /bot/,
    ],
    [
      'a bot ([bot] login)',
      { reviews: [review('renovate[bot]', { user: { login: 'renovate[bot]', type: 'User' } })] },
      /bot/,
    ],
    [
      'a review of a stale head SHA',
      { reviews: [review('octocat', { commitId: 'f'.repeat(40) })] },
      /approves commit ffffffffffff, not the head a1b2c3d4e5f6/,
    ],
    [
      'a command naming another digest',
      { comments: [comment('octocat', '/agent-gate approve fedcba987654')] },
      /names another request \(fedcba987654\)/,
    ],
    [
      'an edited comment',
      { comments: [comment('octocat', approve, { updatedAt: '2026-03-02T09:11:00Z' })] },
      /edited/,
    ],
    [
      'a comment written before the request',
      { comments: [comment('octocat', approve, { createdAt: EARLIER, updatedAt: EARLIER })] },
      /before the request/,
    ],
    [
      'a review given before the request',
      { reviews: [review('octocat', { submittedAt: EARLIER })] },
      /before the request/,
    ],
    [
      'a non-member of the listed team',
      { comments: [comment('mallory', approve)] },
      /not an approver nor an active member of acme\/security/,
    ],
    [
      'a pending (not active) team member',
      { comments: [comment('bob', approve)] },
      /pending, not active/,
    ],
    [
      'a team whose membership the token cannot read',
      { comments: [comment('nina', approve)] },
      /could not be read/,
    ],
    [
      'a team member with read permission only',
      { comments: [comment('carol', approve)] },
      /permission is read; write or higher is needed/,
    ],
    [
      'a command with words around it',
      { comments: [comment('octocat', `${approve} please`)] },
      /not an exact/,
    ],
    [
      'a command with a short prefix',
      { comments: [comment('octocat', '/agent-gate approve 0123456')] },
      /12 to 64 hex digits/,
    ],
    [
      'a deleted account',
      { comments: [comment('x', approve, { user: undefined })] },
      /deleted account/,
    ],
    [
      'an approval withdrawn by a later CHANGES_REQUESTED review',
      {
        reviews: [
          review('octocat'),
          review('octocat', { state: 'CHANGES_REQUESTED', submittedAt: '2026-03-02T09:20:00Z' }),
        ],
      },
      /latest review is CHANGES_REQUESTED/,
    ],
    [
      'a deny of another digest',
      { comments: [comment('octocat', '/agent-gate deny fedcba987654 nope')] },
      /names another request/,
    ],
  ];

  it.each(cases)('%s', (_name, parts, why) => {
    const j = run(parts);
    expect(j.state).toBe('pending');
    expect(j.approvals).toEqual([]);
    expect(j.denial).toBeUndefined();
    expect(j.ignored).toHaveLength(1);
    expect(j.ignored[0]!.why).toMatch(why);
    expect(j.unresolved).toEqual([]);
  });

  it('min-approvals 2 with one valid and one self-approval stays pending', () => {
    const j = run({
      minApprovals: 2,
      comments: [comment('octocat', approve), comment('dave', approve)],
    });
    expect(j.state).toBe('pending');
    expect(j.approvals.map((a) => a.login)).toEqual(['octocat']);
    expect(j.ignored.map((i) => i.login)).toEqual(['dave']);
  });

  it('ignores ordinary comments and COMMENTED reviews silently', () => {
    const j = run({
      comments: [comment('octocat', 'LGTM, approved!'), comment('octocat', 'approve')],
      reviews: [review('octocat', { state: 'COMMENTED' })],
    });
    expect(j).toMatchObject({ state: 'pending', ignored: [], approvals: [] });
  });

  it('case of logins does not matter for approver lists or self-approval', () => {
    expect(run({ comments: [comment('OctoCat', approve)] }).state).toBe('approved');
    expect(run({ comments: [comment('DAVE', approve)] }).ignored[0]!.why).toMatch(/started/);
  });

  it('refuses non-ASCII logins: a Kelvin-sign Kate is not kate, in reviews or commands', () => {
    const fake = '\u212Aate';
    expect(fake.toLowerCase()).toBe('kate');
    const listed = parseApprovers(['kate']).specs;
    const kate = new Map([['kate', { permission: 'write' as const, teams: {} }]]);
    const j = run({
      approvers: listed,
      facts: kate,
      comments: [comment(fake, approve)],
      reviews: [review(fake)],
    });
    expect(j.state).toBe('pending');
    expect(j.ignored.map((i) => i.why)).toEqual([
      expect.stringMatching(/non-ASCII/),
      expect.stringMatching(/non-ASCII/),
    ]);
    expect(
      run({ approvers: listed, facts: kate, comments: [comment('KATE', approve)] }).state,
    ).toBe('approved');
  });
});

describe('judge: facts are asked only for candidates', () => {
  it('reports unknown logins as unresolved, not as ignored', () => {
    const j = run({ comments: [comment('zed', approve)], facts: new Map() });
    expect(j).toMatchObject({ state: 'pending', ignored: [], unresolved: ['zed'] });
  });

  it('does not ask anything for answers that fail before authorization', () => {
    const j = run({
      facts: new Map(),
      comments: [
        comment('dave', approve),
        comment('octocat', '/agent-gate approve fedcba987654'),
        comment('octocat', approve, { updatedAt: '2026-03-02T09:12:00Z' }),
      ],
    });
    expect(j.unresolved).toEqual([]);
    expect(j.ignored).toHaveLength(3);
  });

  it('nextFact: listed users need only the permission; others teams first, in order', () => {
    const specs = parseApprovers(['octocat', 'acme/security', '@acme/sre']).specs;
    expect(nextFact('octocat', specs, undefined)).toEqual({ kind: 'permission' });
    expect(nextFact('zed', specs, undefined)).toEqual({
      kind: 'team',
      org: 'acme',
      slug: 'security',
    });
    expect(
      nextFact('zed', specs, { permission: undefined, teams: { 'acme/security': 'none' } }),
    ).toEqual({ kind: 'team', org: 'acme', slug: 'sre' });
    // Not in any team: no permission call.
    expect(
      nextFact('zed', specs, {
        permission: undefined,
        teams: { 'acme/security': 'none', 'acme/sre': 'none' },
      }),
    ).toBeUndefined();
    // First active team found: then the permission.
    expect(
      nextFact('zed', specs, { permission: undefined, teams: { 'acme/security': 'active' } }),
    ).toEqual({ kind: 'permission' });
  });
});

describe('parseApprovers / parseCommand', () => {
  it('reads users, @users, teams with or without @, skips emails, dedupes', () => {
    expect(
      parseApprovers(['octocat', '@OctoCat', '@acme/Security', 'acme/security', 'a@b.example']),
    ).toEqual({
      specs: [
        { kind: 'user', login: 'octocat' },
        { kind: 'team', org: 'acme', slug: 'security' },
      ],
      skipped: ['a@b.example'],
    });
  });

  it('parses exactly the two commands', () => {
    expect(parseCommand(`/agent-gate approve ${PREFIX}`)).toEqual({
      verb: 'approve',
      digest: PREFIX,
    });
    expect(parseCommand(`/agent-gate deny ${PREFIX.toUpperCase()}`)).toEqual({
      verb: 'deny',
      digest: PREFIX,
    });
    expect(parseCommand('please /agent-gate approve 0123456789ab')).toBeUndefined();
    expect(parseCommand('/agent-gate APPROVE 0123456789ab')).toHaveProperty('invalid');
    expect(parseCommand('/agent-gate approve 0123456789ab\nthanks')).toHaveProperty('invalid');
    expect(parseCommand('/agent-gate approve 0123456789abz')).toHaveProperty('invalid');
  });
});
