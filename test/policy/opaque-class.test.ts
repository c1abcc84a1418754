/**
 * The `opaque` class under the presets: baseline asks for approval when the job is unattended
 * or holds write / secret credentials and otherwise allows it with a note; strict blocks it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_CONTEXT } from '../../src/engine/context/run-context.js';
import { evaluateWorkflow } from '../../src/engine/evaluate.js';
import { loadPolicy } from '../../src/engine/policy/load-policy.js';
import type { Policy } from '../../src/engine/policy/types.js';
import { memoryReader } from '../helpers.js';

let baseline: Policy;
let strict: Policy;
beforeAll(async () => {
  baseline = await loadPolicy('baseline', memoryReader({}));
  strict = await loadPolicy('strict', memoryReader({}));
});

function opaqueVerdict(text: string, policy: Policy) {
  const result = evaluateWorkflow({
    path: 'wf.yml',
    text,
    policy,
    context: { ...EMPTY_CONTEXT, defaultPermissions: 'read' },
    now: new Date('2026-11-21T00:00:00Z'),
  });
  const verdict = result.decision.jobs[0]!.paths.find((p) => p.path.class === 'opaque');
  return { verdict, inventory: result.inventory[0]! };
}

const workflow = (on: string, perms: string, env = '') => `on: ${on}
permissions: ${perms}
jobs:
  ship:
    runs-on: ubuntu-latest
    steps:
      - uses: ./.github/actions/ship${env}
`;

describe('opaque paths under the presets', () => {
  it('baseline: attended, read-only job — allowed with a note', () => {
    const { verdict, inventory } = opaqueVerdict(workflow('push', '{ contents: read }'), baseline);
    expect(verdict).toMatchObject({ decision: 'allow', rule: 'note-opaque' });
    expect(verdict?.path.why).toMatch(/not read/);
    expect(verdict?.path.at).toMatchObject({ path: 'wf.yml', line: 7 });
    expect(inventory.gaps.filter((g) => g.includes('./.github/actions/ship'))).toHaveLength(1);
  });

  it('baseline: write credentials — approval-required', () => {
    const { verdict } = opaqueVerdict(workflow('push', '{ contents: write }'), baseline);
    expect(verdict).toMatchObject({
      decision: 'approval-required',
      rule: 'approve-opaque-with-credentials',
    });
  });

  it('baseline: a secret in the job — approval-required', () => {
    const { verdict } = opaqueVerdict(
      workflow('push', '{ contents: read }', '\n        env: { T: "${{ secrets.NPM_TOKEN }}" }'),
      baseline,
    );
    expect(verdict?.decision).toBe('approval-required');
  });

  it('strict: blocked', () => {
    const { verdict } = opaqueVerdict(workflow('push', '{ contents: read }'), strict);
    expect(verdict).toMatchObject({ decision: 'blocked', rule: 'block-opaque' });
  });

  it('a reusable workflow call that is not read is one opaque path, printed once', () => {
    const { verdict, inventory } = opaqueVerdict(
      `on: push
jobs:
  call:
    uses: ./.github/workflows/release.yml
    secrets: inherit
`,
      baseline,
    );
    expect(verdict?.decision).toBe('approval-required');
    expect(inventory.paths.filter((p) => p.class === 'opaque')).toHaveLength(1);
    expect(inventory.gaps.filter((g) => g.includes('release.yml'))).toHaveLength(1);
  });
});
