import rule from '../../src/engine/rules/unredacted-secrets.js';
import { testRule } from './rule-tester.js';

const step = (env: string): string =>
  `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n        env:\n          X: ${env}\n`;

testRule(rule, {
  valid: [
    { name: 'named secret', workflow: step('${{ secrets.A }}') },
    { name: 'fromJSON of a variable', workflow: step('${{ fromJSON(vars.CONFIG).x }}') },
    { name: 'fromJSON of a literal', workflow: step("${{ fromJSON('[1,2]')[0] }}") },
    { name: 'in a string literal', workflow: step("${{ format('fromJSON(secrets.A)') }}") },
  ],
  invalid: [
    {
      name: 'fromJSON(secrets.X).field',
      workflow: step('${{ fromJSON(secrets.A).user }}'),
      errors: ['8:18'],
    },
    {
      name: 'case-insensitive, bracket',
      workflow: step("${{ FROMJSON(secrets['A']) }}"),
      errors: ['8:18'],
    },
    {
      name: 'nested in another call',
      workflow: step("${{ format('{0}', fromJSON(secrets.A).token) }}"),
      errors: ['8:32'],
    },
    {
      name: 'in with: of a step',
      workflow: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: o/a@v1\n        with:\n          key: \${{ fromJSON(secrets.K).key }}\n`,
      errors: ['8:20'],
    },
  ],
});
