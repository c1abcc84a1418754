import rule from '../../src/engine/rules/unpinned-images.js';
import { runRule, testRule } from './rule-tester.js';
import { expect, it } from 'vitest';

const DIGEST = `@sha256:${'a'.repeat(64)}`;
const job = (body: string) => `on: push
jobs:
  test:
    runs-on: ubuntu-latest
${body}    steps:
      - run: echo hi
`;

testRule(rule, {
  valid: [
    { name: 'digest-pinned container', workflow: job(`    container: node:20${DIGEST}\n`) },
    {
      name: 'digest-pinned service and container map',
      workflow: job(
        `    container:\n      image: node${DIGEST}\n    services:\n      db:\n        image: postgres:16${DIGEST}\n`,
      ),
    },
    {
      name: 'tag only, with requireDigest off',
      workflow: job('    container: node:20\n'),
      options: { requireDigest: false },
    },
    {
      name: 'matrix of digest-pinned images',
      workflow: job(
        `    strategy:\n      matrix:\n        image: ["node${DIGEST}", "node:20${DIGEST}"]\n    container: \${{ matrix.image }}\n`,
      ),
    },
    { name: 'no containers at all', workflow: job('') },
  ],
  invalid: [
    {
      name: 'untagged and latest',
      workflow: job(
        '    container: node\n    services:\n      db:\n        image: postgres:latest\n',
      ),
      errors: ['5:16', '8:16'],
    },
    {
      name: 'tag without digest (registry with a port)',
      workflow: job('    container:\n      image: localhost:5000/app:1.2\n'),
      errors: ['6:14'],
    },
    {
      name: 'registry port without tag',
      workflow: job('    container: localhost:5000/app\n'),
      errors: ['5:16'],
    },
    {
      name: 'docker:// step',
      workflow:
        'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker://alpine\n',
      errors: ['6:15'],
    },
    {
      name: 'matrix with an unpinned value',
      workflow: job(
        `    strategy:\n      matrix:\n        include:\n          - image: python\n    container: \${{ matrix.image }}\n`,
      ),
      errors: ['9:16'],
    },
    {
      name: 'opaque expression (low confidence)',
      workflow: job('    container: ${{ inputs.image }}\n'),
      errors: ['5:16'],
    },
  ],
});

it('grades severity and confidence per image', () => {
  const hits = runRule(rule, {
    name: 'grades',
    workflow: job(
      '    container: node:latest\n    services:\n      a:\n        image: redis:7\n      b:\n        image: ${{ vars.IMAGE }}\n',
    ),
  });
  expect(hits.map((h) => [h.severity, h.confidence])).toEqual([
    ['high', 'high'],
    ['low', 'high'],
    ['high', 'low'],
  ]);
});
