import rule from '../../src/engine/rules/overprovisioned-secrets.js';
import { testRule } from './rule-tester.js';

const step = (env: string): string =>
  `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n        env:\n          X: ${env}\n`;

testRule(rule, {
  valid: [
    { name: 'named secret', workflow: step('${{ secrets.A }}') },
    { name: 'literal index', workflow: step("${{ secrets['A'] }}") },
    {
      name: 'secrets inside a string literal',
      workflow: step("${{ format('{0}', 'toJSON(secrets)') }}"),
    },
    { name: 'other contexts serialized', workflow: step('${{ toJSON(github) }}') },
    {
      name: 'a property named secrets elsewhere',
      workflow: step('${{ needs.a.outputs.secrets }}'),
    },
    { name: 'no expression', workflow: step('toJSON(secrets)') },
  ],
  invalid: [
    { name: 'toJSON(secrets)', workflow: step('${{ toJSON(secrets) }}'), errors: ['8:25'] },
    {
      name: 'nested in format',
      workflow: step("${{ format('{0}', toJSON(secrets)) }}"),
      errors: ['8:39'],
    },
    { name: 'dynamic index', workflow: step('${{ secrets[matrix.name] }}'), errors: ['8:18'] },
    { name: 'object filter', workflow: step("${{ join(secrets.*, ',') }}"), errors: ['8:23'] },
    {
      name: 'unfenced job if',
      workflow: `on: push\njobs:\n  a:\n    if: toJSON(secrets) != '{}'\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n`,
      errors: ['4:16'],
    },
    {
      name: 'inside a run block',
      workflow: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          echo hi\n          echo '\${{ toJSON(secrets) }}' | jq\n`,
      errors: ['8:28'],
    },
    {
      name: 'workflow-level env reported once',
      workflow: `on: push\nenv:\n  ALL: \${{ toJSON(secrets) }}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n`,
      errors: ['3:19'],
    },
  ],
});
