import { describe, expect, it } from 'vitest';
import rule, { isGateUses } from '../../src/engine/rules/gate-not-first.js';
import { parseUsesReference } from '../../src/engine/workflow/uses-reference.js';
import { testRule } from './rule-tester.js';

const job = (steps: string) => `on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n${steps}`;
const GATE = '      - uses: acme/agent-gate@v1\n';

testRule(rule, {
  valid: [
    { name: 'gate first', workflow: job(`${GATE}      - run: make\n`) },
    {
      name: 'checkout, then the gate',
      workflow: job(`      - uses: actions/checkout@v4\n${GATE}`),
    },
    { name: 'no gate', workflow: job('      - run: make\n') },
  ],
  invalid: [
    {
      name: 'a run step before the gate',
      workflow: job(`      - run: echo x > .git/objects/ab/cd\n${GATE}`),
      errors: [{ at: '7:15', job: 'j' }],
    },
    {
      name: 'another action before the gate',
      workflow: job(
        `      - uses: actions/setup-node@v4\n      - uses: actions/checkout@v4\n${GATE}`,
      ),
      errors: [{ at: '8:15', job: 'j' }],
    },
  ],
});

describe('isGateUses', () => {
  it.each([
    ['acme/agent-gate@v1', true],
    ['Acme/Agent-Gate/sub@v1', true],
    ['acme/agent-gate-fork@v1', false],
    ['./agent-gate', false],
    ['docker://acme/agent-gate', false],
  ])('%s → %s', (uses, expected) =>
    expect(isGateUses(parseUsesReference(uses, false))).toBe(expected),
  );
});
