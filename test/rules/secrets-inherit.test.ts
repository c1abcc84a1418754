import rule from '../../src/rules/secrets-inherit.js';
import { testRule } from './rule-tester.js';

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
