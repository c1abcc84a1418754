import rule from '../../src/engine/rules/secrets-inherit.js';
import { describe, expect, it } from 'vitest';
import { isSwitchedOff } from '../../src/engine/rules/run-rules.js';
import { runRule, testRule } from './rule-tester.js';

const call = (secrets: string) => `on: push
jobs:
  call:
    uses: acme/shared/.github/workflows/r.yml@v1
${secrets}`;

testRule(rule, {
  valid: [
    { name: 'named secrets', workflow: call('    secrets:\n      A: ${{ secrets.A }}\n') },
    { name: 'no secrets', workflow: call('') },
  ],
  invalid: [
    {
      name: 'secrets: inherit',
      workflow: call('    secrets: inherit\n'),
      errors: [{ at: '5:14', job: 'call' }],
    },
  ],
});

describe('run-rules skips jobs switched off with a literal false', () => {
  it.each(['false', '${{ false }}', "false && github.event_name == 'push'"])('if: %s', (cond) => {
    const hits = runRule(rule, {
      name: 'off',
      workflow: `on: push\njobs:\n  call:\n    if: ${JSON.stringify(cond)}\n    uses: a/b/.github/workflows/r.yml@v1\n    secrets: inherit\n`,
    });
    expect(hits).toEqual([]);
    expect(isSwitchedOff(cond)).toBe(true);
  });
  it.each(['github.event_name == "push"', 'false || true', '${{ !false }}', 'false && a || b'])(
    'still checks if: %s',
    (cond) => expect(isSwitchedOff(cond)).toBe(false),
  );
});
