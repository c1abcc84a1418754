import { describe, expect, it } from 'vitest';
import rule from '../../src/engine/rules/cache-poisoning.js';
import { runRule, testRule } from './rule-tester.js';

const wf = (on: string, steps: string) => `on:
${on}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
${steps}`;
const RELEASE = '  release:\n    types: [published]';
const TAGS = "  push:\n    tags: ['v*']";
const MAIN = '  push:\n    branches: [main]';
const step = (uses: string, withs = '') =>
  `      - uses: ${uses}\n${withs ? `        with:\n${withs}` : ''}`;

testRule(rule, {
  valid: [
    {
      name: 'not a publishing workflow',
      workflow: wf(
        '  pull_request:',
        step('actions/cache@v4', '          path: x\n          key: k\n'),
      ),
    },
    {
      name: 'push to main without a publisher',
      workflow: wf(MAIN, step('actions/setup-node@v4', '          cache: npm\n')),
    },
    {
      name: 'enable-cache: false (zz#1081)',
      workflow: wf(RELEASE, step('astral-sh/setup-uv@v6', '          enable-cache: false\n')),
    },
    {
      name: 'cache: "" (zz#1485)',
      workflow: wf(RELEASE, step('actions/setup-node@v4', "          cache: ''\n")),
    },
    {
      name: 'setup-node before v5 without cache',
      workflow: wf(RELEASE, step('actions/setup-node@v4', "          node-version: '20'\n")),
    },
    {
      name: 'setup-uv v10 with auto (zz#2320)',
      workflow: wf(RELEASE, step('astral-sh/setup-uv@v10', '          enable-cache: auto\n')),
    },
    {
      name: 'maturin sccache off on tags (zz#1940)',
      workflow: wf(
        TAGS,
        step(
          'PyO3/maturin-action@v1',
          "          sccache: ${{ !startsWith(github.ref, 'refs/tags/') }}\n",
        ),
      ),
    },
    {
      name: 'actions/cache lookup-only on tags',
      workflow: wf(
        RELEASE,
        step(
          'actions/cache@v4',
          "          lookup-only: ${{ startsWith(github.ref, 'refs/tags/') }}\n          path: x\n          key: k\n",
        ),
      ),
    },
    {
      name: 'opt-out set',
      workflow: wf(
        RELEASE,
        step('gradle/actions/setup-gradle@v4', '          cache-disabled: true\n'),
      ),
    },
    {
      name: 'docker/build-push-action without push is not publishing',
      workflow: wf(
        MAIN,
        step('actions/setup-go@v5') +
          step('docker/build-push-action@v6', '          push: false\n'),
      ),
    },
  ],
  invalid: [
    {
      name: 'release trigger and actions/cache',
      workflow: wf(RELEASE, step('actions/cache@v4', '          path: x\n          key: k\n')),
      errors: ['8:15'],
    },
    {
      name: 'tag push and setup-node cache points at the opt-in',
      workflow: wf(TAGS, step('actions/setup-node@v4', '          cache: npm\n')),
      errors: ['10:18'],
    },
    {
      name: 'publisher step on a branch push; setup-go caches by default',
      workflow: wf(MAIN, step('actions/setup-go@v5') + step('softprops/action-gh-release@v2')),
      errors: ['8:15'],
    },
    {
      name: 'release branches',
      workflow: wf("  push:\n    branches: ['release/**']", step('Swatinem/rust-cache@v2')),
      errors: ['8:15'],
    },
    {
      name: 'tag guard does not help a publisher on a branch push',
      workflow: wf(
        MAIN,
        step(
          'PyO3/maturin-action@v1',
          "          sccache: ${{ !startsWith(github.ref, 'refs/tags/') }}\n",
        ) + step('docker/build-push-action@v6', '          push: true\n'),
      ),
      errors: ['10:20'],
    },
    {
      name: 'setup-uv before v10 caches by default; setup-node v5 may',
      workflow: wf(RELEASE, step('astral-sh/setup-uv@v6') + step('actions/setup-node@v5')),
      errors: ['8:15', '9:15'],
    },
    {
      name: 'not-configurable action',
      workflow: wf(RELEASE, step('awalsh128/cache-apt-pkgs-action@v1', '          packages: jq\n')),
      errors: ['8:15'],
    },
    {
      name: 'extra publishers option',
      workflow: wf(
        MAIN,
        step('actions/cache@v4', '          path: x\n          key: k\n') + step('acme/ship@v1'),
      ),
      options: { publishers: ['acme/ship'] },
      errors: ['8:15'],
    },
  ],
});

describe('cache-poisoning grading', () => {
  it('is medium for caches decided at run time', () => {
    const hits = runRule(rule, {
      name: 'g',
      workflow: wf(RELEASE, step('actions/setup-go@v5', '          cache: ${{ inputs.cache }}\n')),
    });
    expect(hits.map((h) => `${h.severity}/${h.confidence}`)).toEqual(['medium/low']);
  });
});
