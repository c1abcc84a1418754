import rule from '../../src/engine/rules/unpinned-uses.js';
import { testRule } from './rule-tester.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const steps = (...uses: string[]) => `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
${uses.map((u) => `      - uses: ${u}\n`).join('')}`;

testRule(rule, {
  valid: [
    { name: 'commit SHA', workflow: steps(`actions/checkout@${SHA}`) },
    { name: 'uppercase SHA', workflow: steps(`acme/tool@${SHA.toUpperCase()}`) },
    { name: 'local action', workflow: steps('./.github/actions/build', '../shared/action') },
    { name: 'docker image (left to unpinned-images)', workflow: steps('docker://alpine:3.20') },
    {
      name: 'local reusable workflow',
      workflow: 'on: push\njobs:\n  call:\n    uses: ./.github/workflows/r.yml\n',
    },
    {
      name: 'ref-pin for the owner accepts a tag and a branch',
      workflow: steps('acme/tool@v1', 'acme/other@main'),
      options: { policies: { 'acme/*': 'ref-pin' } },
    },
    {
      name: 'any for one repository, subpaths via repo/*',
      workflow: steps('github/codeql-action/init@v3', 'github/codeql-action/analyze@v3'),
      options: { policies: { 'github/codeql-action/*': 'any' } },
    },
    {
      name: 'blanket ref-pin',
      workflow: steps('actions/checkout@v4'),
      options: { policies: { '*': 'ref-pin' } },
    },
  ],
  invalid: [
    {
      name: 'tag, branch and short SHA under the default policy',
      workflow: steps('actions/checkout@v4', 'acme/tool@main', 'acme/x@0123456'),
      errors: ['6:15', '7:15', '8:15'],
    },
    {
      name: 'reusable workflow by tag',
      workflow: 'on: push\njobs:\n  call:\n    uses: acme/shared/.github/workflows/r.yml@v1\n',
      errors: [{ at: '4:11', job: 'call' }],
    },
    {
      name: 'most specific pattern wins',
      workflow: steps('acme/tool@v1', 'acme/secure@v1'),
      options: { policies: { 'acme/*': 'ref-pin', 'acme/secure': 'hash-pin' } },
      errors: ['7:15'],
    },
    {
      name: 'owner/repo does not cover subpaths; unmatched names stay hash-pinned',
      workflow: steps('github/codeql-action/init@v3', 'other/tool@v2'),
      options: { policies: { 'github/codeql-action': 'any' } },
      errors: ['6:15', '7:15'],
    },
    {
      name: 'ref-pin still needs a ref',
      workflow: steps('acme/tool'),
      options: { policies: { 'acme/*': 'ref-pin' } },
      errors: ['6:15'],
    },
  ],
});
