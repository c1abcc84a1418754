import { describe, expect, it } from 'vitest';
import { loadPolicy, PRESET_NAMES } from '../../src/engine/policy/load-policy.js';
import { expectInputError, memoryReader } from '../helpers.js';

describe('presets', () => {
  it('ships baseline and strict, both valid', async () => {
    expect(PRESET_NAMES).toEqual(['baseline', 'strict']);
    const baseline = await loadPolicy('baseline', memoryReader({}));
    expect(baseline.sources).toEqual(['preset:baseline']);
    expect(baseline.default).toBe('allow');
    expect(baseline.evidenceRequired).toBe(true);
    expect(baseline.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const strict = await loadPolicy('strict', memoryReader({}));
    expect(strict.sources).toEqual(['preset:baseline', 'preset:strict']);
    expect(strict.default).toBe('approval-required');
    expect(strict.rules.length).toBeGreaterThan(baseline.rules.length);
  });
});

describe('policy files', () => {
  it('extends presets and paths; later layers override rules by id and can disable them', async () => {
    const reader = memoryReader({
      'repo/.github/agent-gate.yml':
        'version: 1\nextends: [baseline, ./team.yml]\nrules:\n  - id: approve-deploy\n    enabled: false\n',
      'repo/.github/team.yml':
        'version: 1\ndefault: blocked\nproduction: [live]\nrules:\n  - id: block-publish\n    when: { class: publish, agent: [claude-code-action] }\n    decision: blocked\n    reason: no\n',
    });
    const policy = await loadPolicy('repo/.github/agent-gate.yml', reader);
    expect(policy.sources).toEqual([
      'preset:baseline',
      'repo/.github/team.yml',
      'repo/.github/agent-gate.yml',
    ]);
    expect(policy.default).toBe('blocked');
    expect(policy.production).toEqual(['live']);
    expect(policy.rules.find((r) => r.id === 'approve-deploy')).toBeUndefined();
    const rule = policy.rules.find((r) => r.id === 'block-publish');
    expect(rule?.when).toMatchObject({ class: ['publish'], agent: ['claude-code-action'] });
    expect(rule?.at).toEqual({ path: 'repo/.github/team.yml', line: 5, column: 5 });
  });

  it('accepts JSON policies', async () => {
    const policy = await loadPolicy(
      'p.json',
      memoryReader({ 'p.json': '{"version": 1, "default": "approval-required"}' }),
    );
    expect(policy.default).toBe('approval-required');
  });

  it('reports an unknown key at its file:line:column', async () => {
    const e = await expectInputError(
      loadPolicy(
        'p.yml',
        memoryReader({
          'p.yml':
            'version: 1\nrules:\n  - id: r\n    when: { klass: publish }\n    decision: blocked\n    reason: x\n',
        }),
      ),
    );
    expect(e.message).toBe('p.yml:4:13: invalid policy: rules.0.when: unknown key `klass`');
  });

  it('reports a wrong type and a wrong enum value, every error listed', async () => {
    const e = await expectInputError(
      loadPolicy(
        'p.yml',
        memoryReader({ 'p.yml': 'version: 1\ndefault: maybe\napproval:\n  min-approvals: two\n' }),
      ),
    );
    expect(e.message).toBe(
      'p.yml:2:10: invalid policy: default: must be one of: allow, approval-required, blocked',
    );
    expect(e.details).toEqual(['p.yml:4:18: approval.min-approvals: must be integer']);
  });

  it('requires when/decision/reason on an enabled rule, and the version', async () => {
    const e = await expectInputError(
      loadPolicy(
        'p.yml',
        memoryReader({ 'p.yml': 'version: 1\nrules:\n  - id: r\n    when: {}\n' }),
      ),
    );
    expect(e.message).toMatch(
      /^p\.yml:3:5: invalid policy: rules\.0: missing required key `decision`/,
    );
    const v = await expectInputError(
      loadPolicy('p.yml', memoryReader({ 'p.yml': 'default: allow\n' })),
    );
    expect(v.message).toMatch(/^p\.yml:1:1: invalid policy: missing required key `version`/);
  });

  it('rejects unknown agent ids, duplicate rule ids, bad waiver dates', async () => {
    const rule = (id: string, agent = 'true'): string =>
      `  - id: ${id}\n    when: { agent: ${agent} }\n    decision: blocked\n    reason: x\n`;
    const unknown = await expectInputError(
      loadPolicy(
        'p.yml',
        memoryReader({ 'p.yml': `version: 1\nrules:\n${rule('a', 'claude-bot')}` }),
      ),
    );
    expect(unknown.message).toMatch(/^p\.yml:4:20: unknown agent id `claude-bot`/);
    const dup = await expectInputError(
      loadPolicy(
        'p.yml',
        memoryReader({ 'p.yml': `version: 1\nrules:\n${rule('a')}${rule('a')}` }),
      ),
    );
    expect(dup.message).toMatch(/^p\.yml:7:9: duplicate rule id `a`/);
    const date = await expectInputError(
      loadPolicy(
        'p.yml',
        memoryReader({
          'p.yml':
            'version: 1\nwaivers:\n  - { rule: a, owner: o, expires: 2027-02-30, reason: r }\n',
        }),
      ),
    );
    expect(date.message).toMatch(/^p\.yml:3:35: waiver expires on 2027-02-30, which is not a date/);
  });

  it('reports malformed YAML, missing files and extends cycles', async () => {
    const bad = await expectInputError(
      loadPolicy('p.yml', memoryReader({ 'p.yml': 'version: 1\nrules: [\n' })),
    );
    expect(bad.message).toMatch(/^p\.yml:\d+:\d+: invalid YAML/);
    const missing = await expectInputError(loadPolicy('nope.yml', memoryReader({})));
    expect(missing.message).toMatch(/cannot read policy file nope\.yml/);
    const cycle = await expectInputError(
      loadPolicy(
        'a.yml',
        memoryReader({
          'a.yml': 'version: 1\nextends: ./b.yml\n',
          'b.yml': 'version: 1\nextends: ./a.yml\n',
        }),
      ),
    );
    expect(cycle.message).toMatch(/policy extends itself: a\.yml → b\.yml → a\.yml/);
  });
});
