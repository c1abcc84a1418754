import rule from '../../src/engine/rules/excessive-permissions.js';
import { testRule } from './rule-tester.js';

const job = (id: string, extra = ''): string =>
  `  ${id}:\n    runs-on: ubuntu-latest\n${extra}    steps:\n      - run: make\n`;

testRule(rule, {
  valid: [
    {
      name: 'read-only workflow block, job-level writes (Scorecard: warn only)',
      workflow: `on: push\npermissions:\n  contents: read\njobs:\n${job('a', '    permissions:\n      contents: write\n')}`,
    },
    {
      name: 'empty workflow block',
      workflow: `on: push\npermissions: {}\njobs:\n${job('a')}`,
    },
    {
      name: 'no block anywhere, repository default is read',
      workflow: `on: push\njobs:\n${job('a')}`,
      context: { defaultPermissions: 'read' },
    },
    {
      name: 'no workflow block, every job declares its own',
      workflow: `on: push\njobs:\n${job('a', '    permissions:\n      contents: read\n')}${job('b', '    permissions: {}\n')}`,
    },
    {
      name: 'reusable-only workflow: jobs get the caller token',
      workflow: `on:\n  workflow_call:\njobs:\n${job('a')}`,
      context: { defaultPermissions: 'write' },
    },
    {
      name: 'allowed workflow-level write',
      workflow: `on: push\npermissions:\n  contents: write\njobs:\n${job('a')}`,
      options: { allow: { contents: 'write' } },
    },
    {
      name: 'workflow-level none',
      workflow: `on: push\npermissions:\n  contents: none\n  issues: none\njobs:\n${job('a')}`,
    },
  ],
  invalid: [
    {
      name: 'workflow-level write scopes, reported once for several jobs',
      workflow: `on: push\npermissions:\n  contents: write\n  pull-requests: write\n  models: read\njobs:\n${job('a')}${job('b')}`,
      errors: ['3:3', '4:3'],
    },
    {
      name: 'workflow-level write-all',
      workflow: `on: push\npermissions: write-all\njobs:\n${job('a')}`,
      errors: ['2:14'],
    },
    {
      name: 'workflow-level read-all',
      workflow: `on: push\npermissions: read-all\njobs:\n${job('a')}`,
      errors: ['2:14'],
    },
    {
      name: 'job-level write-all and read-all',
      workflow: `on: push\npermissions: {}\njobs:\n${job('a', '    permissions: write-all\n')}${job('b', '    permissions: read-all\n')}`,
      errors: [
        { at: '6:18', job: 'a' },
        { at: '11:18', job: 'b' },
      ],
    },
    {
      name: 'no block anywhere, default unknown: one hit per job at the job key',
      workflow: `on: push\njobs:\n${job('a')}${job('b', '    permissions:\n      contents: read\n')}${job('c')}`,
      errors: [
        { at: '3:3', job: 'a' },
        { at: '13:3', job: 'c' },
      ],
    },
    {
      name: 'no block anywhere, default known write',
      workflow: `on: pull_request\njobs:\n${job('a')}`,
      context: { defaultPermissions: 'write' },
      errors: [{ at: '3:3', job: 'a' }],
    },
    {
      name: 'workflow-level write that no job inherits (low severity, still reported)',
      workflow: `on: push\npermissions:\n  actions: write\njobs:\n${job('a', '    permissions: {}\n')}`,
      errors: ['3:3'],
    },
    {
      name: 'job-level writes with the job-writes option',
      workflow: `on: push\npermissions: {}\njobs:\n${job('a', '    permissions:\n      contents: write\n      issues: read\n')}`,
      options: { 'job-writes': true },
      errors: [{ at: '7:7', job: 'a' }],
    },
  ],
});
