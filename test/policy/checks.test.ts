/**
 * The policy's `checks:` section: profile, per-rule decision / off / options (validated
 * against the rule's own schema, errors located), unknown ids, extends, waivers of
 * detection rules, and what evaluate() makes of it.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_CONTEXT } from '../../src/engine/context/run-context.js';
import { evaluateWorkflow } from '../../src/engine/evaluate.js';
import { resolveChecks } from '../../src/engine/policy/checks.js';
import { loadPolicy } from '../../src/engine/policy/load-policy.js';
import { RULES } from '../../src/engine/rules/index.js';
import { expectInputError, memoryReader } from '../helpers.js';

const load = (text: string, more: Record<string, string> = {}) =>
  loadPolicy('p.yml', memoryReader({ 'p.yml': text, ...more }));

const INHERIT = `on: push
permissions: {}
jobs:
  call:
    uses: acme/shared/.github/workflows/r.yml@0123456789abcdef0123456789abcdef01234567
    secrets: inherit
`;

describe('checks: in the policy', () => {
  it('presets set the profile; every rule runs with its preset decision unless off', async () => {
    const baseline = await loadPolicy('baseline', memoryReader({}));
    const strict = await loadPolicy('strict', memoryReader({}));
    expect(baseline.checks.profile).toBe('baseline');
    expect(strict.checks.profile).toBe('strict');
    const b = resolveChecks(baseline.checks);
    for (const rule of RULES) {
      const r = b.find((x) => x.rule.meta.id === rule.meta.id);
      if (rule.meta.defaults.baseline === 'off') expect(r).toBeUndefined();
      else expect(r?.decision).toBe(rule.meta.defaults.baseline);
    }
    expect(
      resolveChecks(strict.checks).find((x) => x.rule.meta.id === 'secrets-inherit')?.decision,
    ).toBe('approval-required');
  });

  it('sets a decision (shorthand or object), switches a rule off, passes options', async () => {
    const policy = await load(`version: 1
extends: baseline
checks:
  secrets-inherit: blocked
  artipacked: off
  unpinned-uses:
    decision: approval-required
    options:
      policies: { "actions/*": ref-pin, "*": hash-pin }
    reason: Pin third-party actions.
`);
    const resolved = resolveChecks(policy.checks);
    expect(resolved.find((r) => r.rule.meta.id === 'secrets-inherit')?.decision).toBe('blocked');
    expect(resolved.find((r) => r.rule.meta.id === 'artipacked')).toBeUndefined();
    const pin = resolved.find((r) => r.rule.meta.id === 'unpinned-uses');
    expect(pin?.decision).toBe('approval-required');
    expect(pin?.options).toMatchObject({ policies: { 'actions/*': 'ref-pin', '*': 'hash-pin' } });
    expect(policy.checks.rules['secrets-inherit']?.at).toEqual({
      path: 'p.yml',
      line: 4,
      column: 3,
    });
  });

  it('a later layer refines an earlier one key by key', async () => {
    const policy = await load(
      'version: 1\nextends: ./base.yml\nchecks:\n  secrets-inherit: { reason: later }\n',
      {
        'base.yml': 'version: 1\nchecks:\n  profile: strict\n  secrets-inherit: blocked\n',
      },
    );
    expect(policy.checks.profile).toBe('strict');
    expect(policy.checks.rules['secrets-inherit']).toMatchObject({
      decision: 'blocked',
      reason: 'later',
    });
  });

  it('refuses an unknown rule id at its key, naming a close one', async () => {
    const e = await expectInputError(load('version: 1\nchecks:\n  secret-inherit: blocked\n'));
    expect(e.location).toEqual({ path: 'p.yml', line: 3, column: 3 });
    expect(e.message).toMatch(/unknown check `secret-inherit`.*did you mean `secrets-inherit`/);
  });

  it('refuses options that do not fit the rule schema, at the offending key', async () => {
    const e = await expectInputError(
      load('version: 1\nchecks:\n  unpinned-uses:\n    options:\n      polices: {}\n'),
    );
    expect(e.message).toMatch(
      /invalid options for check `unpinned-uses`: .*unknown option `polices`/,
    );
    expect(e.location).toEqual({ path: 'p.yml', line: 5, column: 7 });
  });

  it('refuses a bad decision through the policy schema, located', async () => {
    const e = await expectInputError(load('version: 1\nchecks:\n  secrets-inherit: maybe\n'));
    expect(e.location?.line).toBe(3);
  });
});

describe('detection findings in a decision', () => {
  const evaluate = async (policyText: string) =>
    evaluateWorkflow({
      path: 'wf.yml',
      text: INHERIT,
      policy: await load(policyText),
      context: { ...EMPTY_CONTEXT, defaultPermissions: 'read' },
      now: new Date('2026-11-21T00:00:00Z'),
    });

  it('a finding carries the decision the policy gives its rule, and decides the job', async () => {
    const e = await evaluate(
      'version: 1\nextends: baseline\nchecks:\n  secrets-inherit: blocked\n',
    );
    const f = e.decision.findings.find((x) => x.ruleId === 'secrets-inherit');
    expect(f).toMatchObject({
      kind: 'check',
      decision: 'blocked',
      severity: 'medium',
      confidence: 'high',
      location: { path: 'wf.yml', line: 6, column: 14 },
    });
    expect(f?.remediation.length).toBeGreaterThan(10);
    expect(e.decision.jobs[0]?.decision).toBe('blocked');
    expect(e.decision.decision).toBe('blocked');
  });

  it('allow = reported, not gating; off = not reported', async () => {
    const allow = await evaluate('version: 1\nextends: baseline\n');
    expect(allow.decision.findings.find((x) => x.ruleId === 'secrets-inherit')?.decision).toBe(
      'allow',
    );
    const off = await evaluate('version: 1\nextends: baseline\nchecks:\n  secrets-inherit: off\n');
    expect(off.decision.findings.find((x) => x.ruleId === 'secrets-inherit')).toBeUndefined();
  });

  it('a waiver naming the rule takes its finding out of the decision and is recorded', async () => {
    const e = await evaluate(`version: 1
extends: baseline
checks:
  secrets-inherit: blocked
waivers:
  - rule: secrets-inherit
    job: call
    owner: "@acme/platform"
    expires: 2027-01-31
    reason: moving to named secrets
`);
    expect(e.decision.findings.find((x) => x.ruleId === 'secrets-inherit')).toBeUndefined();
    expect(e.decision.waivers.applied.map((a) => a.path)).toEqual(['secrets-inherit@wf.yml:6:14']);
    expect(e.decision.decision).not.toBe('blocked');
  });
});
