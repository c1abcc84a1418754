import { describe, expect, it } from 'vitest';
import rule from '../../src/engine/rules/insecure-commands.js';
import { runRule, testRule } from './rule-tester.js';

const wf = (workflowEnv: string, jobEnv: string, stepEnv: string): string =>
  `on: push\n${workflowEnv}jobs:\n  a:\n    runs-on: ubuntu-latest\n${jobEnv}    steps:\n      - run: make\n${stepEnv}`;

testRule(rule, {
  valid: [
    { name: 'not set', workflow: wf('', '', '') },
    { name: 'false', workflow: wf('env:\n  ACTIONS_ALLOW_UNSECURE_COMMANDS: false\n', '', '') },
    {
      name: 'not a C# boolean true ("1", "yes")',
      workflow: wf(
        '',
        '    env:\n      ACTIONS_ALLOW_UNSECURE_COMMANDS: 1\n',
        '        env:\n          ACTIONS_ALLOW_UNSECURE_COMMANDS: yes\n',
      ),
    },
    { name: 'other variable', workflow: wf('env:\n  ACTIONS_STEP_DEBUG: true\n', '', '') },
    {
      name: 'env block that is an expression is not reported by default',
      workflow: wf(
        'env: ${{ fromJSON(vars.ENV) }}\n',
        '    env: ${{ fromJSON(inputs.env) }}\n',
        '        env: ${{ matrix.env }}\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'workflow env, reported once',
      workflow: `on: push\nenv:\n  ACTIONS_ALLOW_UNSECURE_COMMANDS: true\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n`,
      errors: ['3:3'],
    },
    {
      name: 'job env, string with spaces and case',
      workflow: wf('', "    env:\n      ACTIONS_ALLOW_UNSECURE_COMMANDS: ' TRUE '\n", ''),
      errors: ['6:7'],
    },
    {
      name: 'step env',
      workflow: wf('', '', '        env:\n          ACTIONS_ALLOW_UNSECURE_COMMANDS: "true"\n'),
      errors: ['8:11'],
    },
    {
      name: 'expression value (maybe)',
      workflow: wf(
        '',
        '',
        '        env:\n          ACTIONS_ALLOW_UNSECURE_COMMANDS: ${{ inputs.legacy }}\n',
      ),
      errors: ['8:11'],
    },
    {
      name: 'env block that is an expression, with expression-env (zizmor auditor)',
      workflow: wf(
        '',
        '    env: ${{ fromJSON(inputs.env) }}\n',
        '        env: ${{ matrix.env }}\n',
      ),
      options: { 'expression-env': true },
      errors: ['5:10', '8:14'],
    },
    {
      name: 'written to GITHUB_ENV',
      workflow: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          make\n          echo ACTIONS_ALLOW_UNSECURE_COMMANDS=true >> $GITHUB_ENV\n`,
      errors: ['8:16'],
    },
  ],
});

describe('insecure-commands confidence', () => {
  it('the maybe variants are low confidence', () => {
    const hits = runRule(rule, {
      name: 'x',
      workflow: wf(
        '',
        '    env: ${{ fromJSON(inputs.env) }}\n',
        '        env:\n          ACTIONS_ALLOW_UNSECURE_COMMANDS: ${{ inputs.legacy }}\n',
      ),
      options: { 'expression-env': true },
    });
    expect(hits.map((h) => `${h.severity}/${h.confidence}`)).toEqual(['low/low', 'high/low']);
  });
});
