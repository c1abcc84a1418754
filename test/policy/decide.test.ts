import { describe, expect, it } from 'vitest';
import { EMPTY_CONTEXT } from '../../src/engine/context/run-context.js';
import type { RunContext } from '../../src/engine/context/run-context.js';
import { evaluateWorkflow } from '../../src/engine/evaluate.js';
import type { EvaluateInput } from '../../src/engine/evaluate.js';
import { loadPolicy } from '../../src/engine/policy/load-policy.js';
import { memoryReader } from '../helpers.js';

const NOW = new Date('2026-11-21T12:00:00Z');

async function run(
  workflow: string,
  policy: string | Record<string, string> = 'baseline',
  extra: Omit<Partial<EvaluateInput>, 'context'> & { context?: Partial<RunContext> } = {},
) {
  const files = typeof policy === 'string' ? {} : policy;
  const loaded = await loadPolicy(
    typeof policy === 'string' ? policy : 'policy.yml',
    memoryReader(files),
  );
  return evaluateWorkflow({
    path: 'wf.yml',
    text: workflow,
    policy: loaded,
    now: NOW,
    ...extra,
    context: { ...EMPTY_CONTEXT, ...extra.context },
  });
}

const AGENT_REVIEW = `on: pull_request
permissions: { contents: read, pull-requests: write }
jobs:
  review:
    runs-on: ubuntu-latest
    steps:
      - uses: anthropics/claude-code-action@v1
        with:
          anthropic_api_key: \${{ secrets.ANTHROPIC_API_KEY }}
          github_token: \${{ github.token }}
`;

describe('baseline semantics', () => {
  it('an agent job that only comments with its own model key is allowed', async () => {
    const { decision, inventory } = await run(AGENT_REVIEW);
    expect(decision.decision).toBe('allow');
    const key = inventory[0]!.credentials.find((c) => c.name === 'ANTHROPIC_API_KEY');
    expect(key).toMatchObject({ scope: 'narrow', reaches: ['model-provider:anthropic'] });
    expect(inventory[0]!.unattended).toBe(true);
  });

  it('the same key exposed to every step through job env is broad: approval', async () => {
    const wf = AGENT_REVIEW.replace(
      '    runs-on: ubuntu-latest\n',
      '    runs-on: ubuntu-latest\n    env:\n      ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}\n',
    );
    const { decision } = await run(wf);
    expect(decision.decision).toBe('approval-required');
    expect(decision.findings.filter((f) => f.kind === 'path').map((f) => f.ruleId)).toEqual([
      'approve-unattended-secret',
    ]);
  });

  it('a production secret without an environment is blocked; with one it needs approval', async () => {
    const wf = (env: string) =>
      `on: push\npermissions: {}\njobs:\n  ship:\n    runs-on: x\n${env}    steps:\n      - run: ship-release\n        env:\n          KEY: \${{ secrets.PROD_DB_PASSWORD }}\n`;
    const bare = await run(wf(''));
    expect(bare.decision.decision).toBe('blocked');
    expect(bare.decision.findings[0]).toMatchObject({
      ruleId: 'block-production-secret-without-environment',
      location: { path: 'wf.yml', line: 9, column: 16 },
    });
    const gated = await run(wf('    environment: production\n'));
    expect(gated.decision.decision).toBe('approval-required');
    expect(gated.decision.findings.map((f) => f.ruleId).sort()).toEqual([
      'approve-deploy',
      'approve-production',
    ]);
  });

  it('most severe decision wins across paths and jobs', async () => {
    const wf = `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: npm publish\n  b:\n    runs-on: x\n    steps:\n      - run: terraform destroy -auto-approve\n`;
    const { decision } = await run(wf);
    expect(decision.jobs.map((j) => j.decision)).toEqual(['approval-required', 'blocked']);
    expect(decision.decision).toBe('blocked');
  });

  it('an enforcing gate with evidence disabled is blocked; audit mode is not', async () => {
    const ci =
      'on: push\npermissions: {}\njobs:\n  t:\n    runs-on: x\n    steps: [{ run: make }]\n';
    const enforce = await run(ci, 'baseline', {
      enforcement: { mode: 'enforce', evidence: 'none' },
    });
    expect(enforce.decision.decision).toBe('blocked');
    expect(enforce.decision.reasons[0]).toMatch(/durable proof trail/);
    const audit = await run(ci, 'baseline', { enforcement: { mode: 'audit', evidence: 'none' } });
    expect(audit.decision.decision).toBe('allow');
  });

  it('repository default permissions: unknown assumes write, read does not', async () => {
    const wf = 'on: schedule\njobs:\n  t:\n    runs-on: x\n    steps: [{ run: cargo test }]\n';
    const unknown = await run(wf);
    expect(unknown.inventory[0]!.permissions).toMatchObject({
      source: 'default',
      assumed: true,
      scopes: { contents: 'write' },
    });
    expect(unknown.decision.decision).toBe('approval-required');
    const read = await run(wf, 'baseline', { context: { defaultPermissions: 'read' } });
    expect(read.decision.decision).toBe('allow');
  });

  it('a pull request that changes a workflow or the policy file needs approval', async () => {
    const wf =
      'on: pull_request\npermissions: {}\njobs:\n  t:\n    runs-on: x\n    steps: [{ run: make }]\n';
    const files = await run(wf, 'baseline', {
      context: {
        changedFiles: ['src/a.ts', '.github/workflows/ci.yml', '.github/agent-gate.yml'],
        policyFile: '.github/agent-gate.yml',
      },
    });
    expect(files.decision.findings.filter((f) => f.kind === 'path').map((f) => f.message)).toEqual([
      expect.stringContaining('a workflow file: .github/workflows/ci.yml'),
      expect.stringContaining("the gate's own policy file: .github/agent-gate.yml"),
    ]);
    const plain = await run(wf, 'baseline', { context: { changedFiles: ['src/a.ts'] } });
    expect(plain.decision.decision).toBe('allow');
  });
});

describe('policy matchers', () => {
  const publishWf =
    'on: [push, workflow_dispatch]\njobs:\n  rel:\n    runs-on: x\n    environment: pypi\n    steps:\n      - uses: pypa/gh-action-pypi-publish@release/v1\n';
  const policy = (when: string, decision = 'blocked') => ({
    'policy.yml': `version: 1\ndefault: allow\nrules:\n  - id: r\n    when: ${when}\n    decision: ${decision}\n    reason: test\n`,
  });

  it.each([
    ['{ class: publish }', true],
    ['{ class: [deploy, publish], agent: false }', true],
    ['{ class: publish, agent: true }', false],
    ['{ trigger: "workflow_*" }', true],
    ['{ trigger: pull_request }', false],
    ['{ environment: true }', true],
    ['{ environment: "py*" }', true],
    ['{ environment: false }', false],
    ['{ uses: "pypa/gh-action-pypi-publish" }', true],
    ['{ uses: "pypa/*@release/v1" }', true],
    ['{ uses: "docker/*" }', false],
    ['{ unattended: false }', true],
    ['{ credential: github-token, class: publish }', true],
    ['{ credential: "name:PYPI_*" }', false],
    ['{ actor: "dependabot[bot]" }', false],
    ['{ branch: main }', false],
  ])('when %s → matches: %s', async (when, matches) => {
    const { decision } = await run(publishWf, policy(when));
    expect(decision.decision).toBe(matches ? 'blocked' : 'allow');
  });

  it('actor and branch match the run context (case-insensitive logins)', async () => {
    const ctx = { actor: 'Dependabot[bot]', ref: 'refs/heads/main' };
    expect(
      (await run(publishWf, policy('{ actor: "dependabot[bot]", branch: main }'), { context: ctx }))
        .decision.decision,
    ).toBe('blocked');
    expect(
      (await run(publishWf, policy('{ branch: "release/*" }'), { context: ctx })).decision.decision,
    ).toBe('allow');
  });

  it('a matching allow rule does not override a stricter one; it does override the default', async () => {
    const files = {
      'policy.yml':
        'version: 1\ndefault: blocked\nrules:\n  - id: ok\n    when: { unattended: false }\n    decision: allow\n    reason: fine\n  - id: no-publish\n    when: { class: publish }\n    decision: approval-required\n    reason: x\n',
    };
    const { decision } = await run(publishWf, files);
    expect(decision.decision).toBe('approval-required');
    expect(decision.jobs[0]!.paths.find((p) => p.path.class === 'read')).toMatchObject({
      decision: 'allow',
      rule: 'ok',
    });
  });
});

describe('waivers', () => {
  const wf =
    'on: push\npermissions: {}\njobs:\n  notes:\n    runs-on: x\n    steps: [{ run: npm publish }]\n  other:\n    runs-on: x\n    steps: [{ run: npm publish }]\n';
  const withWaiver = (expires: string, job = 'notes') => ({
    'policy.yml': `version: 1\nextends: baseline\nwaivers:\n  - rule: approve-publish\n    job: ${job}\n    owner: "@acme/platform"\n    expires: ${expires}\n    reason: migrating to trusted publishing\n`,
  });

  it('an active waiver lifts its rule for the named job only, and is recorded', async () => {
    const { decision } = await run(wf, withWaiver('2026-11-21'));
    expect(decision.jobs.map((j) => [j.job, j.decision])).toEqual([
      ['notes', 'allow'],
      ['other', 'approval-required'],
    ]);
    expect(decision.waivers.applied).toEqual([
      expect.objectContaining({
        path: 'notes/publish/1',
        waiver: expect.objectContaining({ owner: '@acme/platform' }),
      }),
    ]);
    expect(decision.jobs[0]!.paths.find((p) => p.path.class === 'publish')?.waivedRules).toEqual([
      'approve-publish',
    ]);
  });

  it('an expired waiver no longer applies, and says so', async () => {
    const { decision } = await run(wf, withWaiver('2026-11-20'));
    expect(decision.decision).toBe('approval-required');
    expect(decision.waivers.applied).toEqual([]);
    expect(decision.waivers.expired[0]?.message).toBe(
      'waiver for rule approve-publish (owner @acme/platform) expired on 2026-11-20 and no longer applies',
    );
  });

  it('a waiver that matches nothing is reported unused', async () => {
    const { decision } = await run(wf, withWaiver('2027-01-31', 'nope'));
    expect(decision.waivers.unused).toHaveLength(1);
  });
});

describe('strict preset', () => {
  it('blocks an agent that can publish, and needs approval for what baseline allows by default', async () => {
    const wf =
      'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: npx @anthropic-ai/claude-code -p "release it"\n      - run: npm publish\n';
    expect(
      (await run(wf, 'strict')).decision.findings.find((f) => f.class === 'publish')?.ruleId,
    ).toBe('block-agent-publish');
    const attended =
      'on: push\npermissions: { contents: write }\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: git push }]\n';
    expect((await run(attended, 'baseline')).decision.decision).toBe('allow');
    expect((await run(attended, 'strict')).decision.decision).toBe('approval-required');
  });
});
