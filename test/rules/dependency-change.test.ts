import type { RunContext } from '../../src/engine/context/run-context.js';
import rule from '../../src/engine/rules/dependency-change.js';
import { testRule } from './rule-tester.js';

const patch = (file: string, lines: string) => ({
  filename: file,
  status: 'modified',
  previousFilename: undefined,
  patch: lines,
});
const PKG = patch(
  'package.json',
  '@@ -1,4 +1,5 @@\n {\n   "dependencies": {\n+    "left-pad": "^1.3.0",\n     "zod": "^3.23.8"\n   }',
);
const BUMP = patch(
  'package.json',
  '@@ -1,4 +1,4 @@\n {\n   "dependencies": {\n-    "zod": "^3.22.0"\n+    "zod": "^3.23.8"\n   }',
);
const REQS = patch('requirements.txt', '@@ -1,1 +1,2 @@\n requests==2.32.3\n+reqeusts==1.0.0');
const UNREAD = { ...patch('Cargo.toml', ''), patch: undefined };

const pr = (author: string, files: RunContext['changedFilePatches'], authorType = 'Bot') => ({
  event: 'pull_request',
  pullRequest: { number: 1, author, authorType, headSha: undefined, fromFork: false },
  changedFiles: (files ?? []).map((f) => f.filename),
  changedFilePatches: files,
});

const WORKFLOW = `on: pull_request
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci
  build:
    runs-on: ubuntu-latest
    steps:
      - run: gh pr checkout \${{ github.event.number }} && make
  label:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/labeler@v5
`;

testRule(rule, {
  valid: [
    { name: 'not a pull request', workflow: WORKFLOW },
    { name: 'human author by default', workflow: WORKFLOW, context: pr('octocat', [PKG], 'User') },
    { name: 'Dependabot by default', workflow: WORKFLOW, context: pr('dependabot[bot]', [REQS]) },
    {
      name: 'agent bumps a version only',
      workflow: WORKFLOW,
      context: pr('copilot-swe-agent[bot]', [BUMP]),
    },
    {
      name: 'agent adds a dependency, job never checks out',
      workflow: WORKFLOW,
      context: pr('copilot-swe-agent[bot]', [PKG]),
      jobs: ['label'],
    },
  ],
  invalid: [
    {
      name: 'agent adds dependencies in two manifests',
      workflow: WORKFLOW,
      context: pr('copilot-swe-agent[bot]', [PKG, REQS]),
      jobs: ['test'],
      errors: [
        { at: '3:3', job: 'test' },
        { at: '3:3', job: 'test' },
      ],
    },
    {
      name: 'agent changes a manifest without a patch; gh pr checkout counts',
      workflow: WORKFLOW,
      context: pr('copilot-swe-agent[bot]', [UNREAD]),
      errors: [
        { at: '3:3', job: 'test' },
        { at: '8:3', job: 'build' },
      ],
    },
    {
      name: 'human authors when configured',
      workflow: WORKFLOW,
      context: pr('octocat', [PKG], 'User'),
      options: { authors: ['agent', 'human'] },
      jobs: ['test'],
      errors: [{ at: '3:3', job: 'test' }],
    },
  ],
});
