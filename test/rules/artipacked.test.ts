import { describe, expect, it } from 'vitest';
import rule from '../../src/engine/rules/artipacked.js';
import { runRule, testRule } from './rule-tester.js';

const wf = (steps: string) => `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
${steps}`;
const upload = (uses: string, path: string, extra = '') =>
  `      - uses: ${uses}\n        with:\n          path: ${path}\n${extra}`;

testRule(rule, {
  valid: [
    {
      name: 'persist-credentials: false',
      workflow: wf(
        '      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n',
      ),
    },
    {
      name: "persist-credentials: 'false' as a string",
      workflow: wf(
        "      - uses: actions/checkout@v4\n        with:\n          persist-credentials: 'false'\n",
      ),
    },
    {
      name: 'explicit true without an upload (deliberate, for pushing)',
      workflow: wf(
        '      - uses: actions/checkout@v4\n        with:\n          persist-credentials: true\n',
      ),
    },
    {
      name: 'expression without an upload',
      workflow: wf(
        '      - uses: actions/checkout@v4\n        with:\n          persist-credentials: ${{ inputs.push }}\n',
      ),
    },
    {
      name: 'onlyWithUpload and an upload of a subdirectory',
      workflow: wf(
        '      - uses: actions/checkout@v4\n' + upload('actions/upload-artifact@v3', 'dist/'),
      ),
      options: { onlyWithUpload: true },
    },
    {
      name: 'onlyWithUpload: upload-artifact v4 floats past 4.4 and skips .git',
      workflow: wf(
        '      - uses: actions/checkout@v4\n' + upload('actions/upload-artifact@v4', '.'),
      ),
      options: { onlyWithUpload: true },
    },
    {
      name: 'onlyWithUpload: the workspace with .git excluded',
      workflow: wf(
        '      - uses: actions/checkout@v4\n' +
          '      - uses: actions/upload-artifact@v3\n        with:\n          path: |\n            .\n            !.git\n',
      ),
      options: { onlyWithUpload: true },
    },
    {
      name: 'onlyWithUpload: upload before the checkout',
      workflow: wf(
        upload('actions/upload-artifact@v3', '.') + '      - uses: actions/checkout@v4\n',
      ),
      options: { onlyWithUpload: true },
    },
  ],
  invalid: [
    {
      name: 'no persist-credentials',
      workflow: wf('      - uses: actions/checkout@v4\n'),
      errors: ['6:15'],
    },
    {
      name: 'explicit true with a workspace upload points at the setting',
      workflow: wf(
        '      - uses: actions/checkout@v4\n        with:\n          persist-credentials: true\n' +
          upload('actions/upload-artifact@v3', '${{ github.workspace }}'),
      ),
      errors: ['8:32'],
    },
    {
      name: 'upload-artifact 4.6 with include-hidden-files',
      workflow: wf(
        '      - uses: actions/checkout@v4\n' +
          upload('actions/upload-artifact@v4.6.0', './', '          include-hidden-files: true\n'),
      ),
      errors: ['6:15'],
    },
  ],
});

describe('artipacked grading', () => {
  const grade = (steps: string) =>
    runRule(rule, { name: 'g', workflow: wf(steps) }).map((h) => `${h.severity}/${h.confidence}`);
  it('is high with a workspace upload, medium without; one step lower from checkout v6', () => {
    expect(
      grade('      - uses: actions/checkout@v4\n' + upload('actions/upload-artifact@v3', '.')),
    ).toEqual(['high/high']);
    expect(grade('      - uses: actions/checkout@v4\n')).toEqual(['medium/low']);
    expect(grade('      - uses: actions/checkout@v6\n')).toEqual(['low/low']);
    expect(
      grade(
        '      - uses: actions/checkout@8e8c483db84b4bee98b60c0593521ed34d9990e8 # v6.0.1\n' +
          upload('actions/upload-artifact@v4.3.0', '..'),
      ),
    ).toEqual(['medium/high']);
  });
  it('treats an unpinned-version upload-artifact SHA as including hidden files', () => {
    expect(
      grade(
        '      - uses: actions/checkout@v4\n' +
          upload('actions/upload-artifact@0123456789abcdef0123456789abcdef01234567', '.'),
      ),
    ).toEqual(['high/high']);
  });
});
