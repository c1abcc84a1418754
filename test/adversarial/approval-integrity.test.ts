/**
 * Approval integrity: what an attacker tries to get an approval counted. Each case is one
 * observed review or comment and the state the judge must reach (the wait loop and record
 * mode both go through it). Bad cases must stay pending; the good control must approve.
 */
import { describe, expect, it } from 'vitest';
import { judge, parseApprovers } from '../../src/engine/approval/judge.js';
import type {
  ApproverFacts,
  ObservedComment,
  ObservedReview,
} from '../../src/engine/approval/types.js';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const PREFIX = DIGEST.slice(7, 19);
const HEAD = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0';
const REQUESTED = '2026-03-02T09:00:00Z';
const LATER = '2026-03-02T09:10:00Z';
const EARLIER = '2026-03-02T08:50:00Z';
const APPROVE = `/agent-gate approve ${PREFIX}`;

const facts = new Map<string, ApproverFacts>([
  ['octocat', { permission: 'write', teams: {} }],
  ['dave', { permission: 'admin', teams: {} }],
  ['erin', { permission: 'write', teams: {} }],
  ['renovate[bot]', { permission: 'write', teams: {} }],
  ['mallory', { permission: 'write', teams: { 'acme/security': 'pending' } }],
  ['carol', { permission: 'read', teams: {} }],
  ['kate', { permission: 'write', teams: {} }],
]);
const approvers = parseApprovers([
  'octocat',
  'dave',
  'erin',
  'carol',
  'renovate[bot]',
  '@acme/security',
]).specs;

let ids = 1;
const review = (login: string, f: Partial<ObservedReview> = {}): ObservedReview => ({
  id: ids++,
  user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
  state: 'APPROVED',
  commitId: HEAD,
  submittedAt: LATER,
  url: 'https://github.com/acme/app/pull/7',
  ...f,
});
const comment = (
  login: string,
  body: string,
  f: Partial<ObservedComment> = {},
): ObservedComment => ({
  id: ids++,
  user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
  body,
  createdAt: LATER,
  updatedAt: LATER,
  url: 'https://github.com/acme/app/pull/7',
  ...f,
});

function state(reviews: ObservedReview[], comments: ObservedComment[]): string {
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
    reviews,
    comments,
  }).state;
}

describe('approval integrity', () => {
  it.each<[string, ObservedReview[], ObservedComment[]]>([
    ['review of an older head SHA', [review('octocat', { commitId: 'f'.repeat(40) })], []],
    [
      'approve command for another digest',
      [],
      [comment('octocat', '/agent-gate approve ffffffffffff')],
    ],
    [
      'comment edited after it was written',
      [],
      [comment('octocat', APPROVE, { updatedAt: '2026-03-02T09:20:00Z' })],
    ],
    [
      'comment written before the request',
      [],
      [comment('octocat', APPROVE, { createdAt: EARLIER, updatedAt: EARLIER })],
    ],
    ['the actor approves their own run', [review('dave')], [comment('dave', APPROVE)]],
    ['the triggering actor approves', [], [comment('erin', APPROVE)]],
    ['a bot approves', [review('renovate[bot]')], [comment('renovate[bot]', APPROVE)]],
    ['a pending team member', [], [comment('mallory', APPROVE)]],
    ['a listed user without write access', [], [comment('carol', APPROVE)]],
    ['an unlisted user', [], [comment('stranger', APPROVE)]],
    ['a look-alike command (prefix in a sentence)', [], [comment('octocat', `LGTM ${APPROVE}`)]],
    ['a Kelvin-sign login (non-ASCII look-alike)', [], [comment('\u212aate', APPROVE)]],
  ])('%s does not count', (_name, reviews, comments) => {
    expect(state(reviews, comments)).toBe('pending');
  });

  it('control: a listed approver with write access on the head SHA counts', () => {
    expect(state([review('octocat')], [])).toBe('approved');
    expect(state([], [comment('octocat', APPROVE)])).toBe('approved');
  });
});
