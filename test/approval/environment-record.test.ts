import { describe, expect, it } from 'vitest';
import { recordEnvironmentApprovals } from '../../src/engine/approval/environment-record.js';
import type { RunApprovalEntry } from '../../src/engine/approval/environment-record.js';
import { parseApprovers } from '../../src/engine/approval/judge.js';
import type { ApproverFacts } from '../../src/engine/approval/types.js';

const entry = (
  login: string,
  state: 'approved' | 'rejected' | 'pending' = 'approved',
  env = 'agent-gate-approval',
  type = 'User',
): RunApprovalEntry => ({
  state,
  comment: state === 'rejected' ? 'not today' : '',
  user: { login, type },
  environments: [{ name: env }],
});

const base = {
  environments: ['agent-gate-approval'],
  actor: 'dev',
  triggeringActor: 'rerunner',
  author: 'pr-author',
  approvers: undefined,
  minApprovals: 1,
  facts: new Map<string, ApproverFacts>(
    ['alice', 'bob', 'dev', 'rerunner', 'ci-bot[bot]', 'pr-author', 'kate'].map((l) => [
      l,
      { permission: 'write', teams: {} },
    ]),
  ),
};

describe('recordEnvironmentApprovals', () => {
  it('counts a human reviewer of the environment', () => {
    const r = recordEnvironmentApprovals({ ...base, entries: [entry('alice')] });
    expect(r.state).toBe('approved');
    expect(r.approvedBy).toEqual(['alice']);
  });

  it('ignores other environments, bots, the actor and the triggering actor', () => {
    const r = recordEnvironmentApprovals({
      ...base,
      entries: [
        entry('alice', 'approved', 'staging'),
        entry('ci-bot[bot]', 'approved', 'agent-gate-approval', 'Bot'),
        entry('Dev'),
        entry('rerunner'),
      ],
    });
    expect(r.state).toBe('missing');
    expect(r.ignored.map((i) => i.login)).toEqual(['ci-bot[bot]', 'Dev', 'rerunner']);
    expect(r.ignored[1]?.why).toMatch(/self-approval/);
  });

  it('says so when the history has nothing for the environment', () => {
    const r = recordEnvironmentApprovals({ ...base, entries: [] });
    expect(r.state).toBe('missing');
    expect(r.message).toMatch(/no approval for environment agent-gate-approval/);
  });

  it('a rejection ends it, whatever else was approved', () => {
    const r = recordEnvironmentApprovals({
      ...base,
      entries: [entry('alice'), entry('bob', 'rejected')],
    });
    expect(r.state).toBe('denied');
    expect(r.deniedBy?.login).toBe('bob');
  });

  it('without listed approvers, asks for and requires write permission', () => {
    const none = { ...base, facts: new Map<string, ApproverFacts>() };
    const first = recordEnvironmentApprovals({ ...none, entries: [entry('alice')] });
    expect(first.state).toBe('unresolved');
    const read = recordEnvironmentApprovals({
      ...none,
      facts: new Map([['alice', { permission: 'read', teams: {} }]]),
      entries: [entry('alice')],
    });
    expect(read.state).toBe('missing');
    expect(read.ignored[0]?.why).toMatch(/write or higher/);
  });

  it('honours min-approvals with distinct approvers', () => {
    const two = { ...base, minApprovals: 2 };
    expect(
      recordEnvironmentApprovals({ ...two, entries: [entry('alice'), entry('ALICE')] }).state,
    ).toBe('missing');
    expect(
      recordEnvironmentApprovals({ ...two, entries: [entry('alice'), entry('bob')] }).state,
    ).toBe('approved');
  });

  it('with listed approvers, asks for facts, then counts only listed users / active team members with write', () => {
    const approvers = parseApprovers(['carol', '@acme/security']).specs;
    const first = recordEnvironmentApprovals({
      ...base,
      approvers,
      entries: [entry('alice'), entry('carol'), entry('mallory')],
    });
    expect(first.state).toBe('unresolved');
    expect(first.unresolved).toEqual(['alice', 'carol', 'mallory']);
    const facts = new Map<string, ApproverFacts>([
      ['alice', { permission: 'write', teams: { 'acme/security': 'active' } }],
      ['carol', { permission: 'admin', teams: {} }],
      ['mallory', { permission: 'write', teams: { 'acme/security': 'none' } }],
    ]);
    const r = recordEnvironmentApprovals({
      ...base,
      approvers,
      minApprovals: 2,
      facts,
      entries: [entry('alice'), entry('carol'), entry('mallory')],
    });
    expect(r.state).toBe('approved');
    expect(r.approvedBy).toEqual(['alice', 'carol']);
    expect(r.ignored.map((i) => i.login)).toEqual(['mallory']);
  });

  it('refuses the pull request author, as wait mode does', () => {
    const r = recordEnvironmentApprovals({ ...base, entries: [entry('PR-Author')] });
    expect(r.state).toBe('missing');
    expect(r.ignored).toEqual([
      { login: 'PR-Author', why: expect.stringMatching(/self-approval/) },
    ]);
    const other = recordEnvironmentApprovals({
      ...base,
      author: 'someone',
      entries: [entry('pr-author')],
    });
    expect(other.state).toBe('approved');
  });

  it('refuses a non-ASCII login: a Kelvin-sign Kate is not kate', () => {
    const kelvin = '\u212Aate';
    expect(kelvin.toLowerCase()).toBe('kate');
    const approvers = parseApprovers(['kate']).specs;
    const r = recordEnvironmentApprovals({ ...base, approvers, entries: [entry(kelvin)] });
    expect(r.state).toBe('missing');
    expect(r.ignored[0]?.why).toMatch(/non-ASCII/);
    const real = recordEnvironmentApprovals({ ...base, approvers, entries: [entry('Kate')] });
    expect(real.state).toBe('approved');
    // Nor can a Kelvin-sign actor hide the real actor's self-approval, or the other way round.
    const self = recordEnvironmentApprovals({ ...base, actor: kelvin, entries: [entry('kate')] });
    expect(self.state).toBe('approved');
  });

  it('needs approvals for every environment: staging approvals do not cover production', () => {
    const both = { ...base, environments: ['staging', 'production'] };
    const r = recordEnvironmentApprovals({
      ...both,
      entries: [entry('alice', 'approved', 'staging')],
    });
    expect(r.state).toBe('missing');
    expect(r.message).toMatch(/no approval for environment production/);
    const ok = recordEnvironmentApprovals({
      ...both,
      entries: [entry('alice', 'approved', 'staging'), entry('bob', 'approved', 'Production')],
    });
    expect(ok.state).toBe('approved');
    expect(ok.approvedBy).toEqual(['alice', 'bob']);
    const none = recordEnvironmentApprovals({
      ...base,
      environments: [],
      entries: [entry('alice')],
    });
    expect(none.state).toBe('missing');
  });
});
