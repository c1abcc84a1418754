/**
 * `uses:` is parsed once, when the model is built, and one label names a step everywhere.
 */
import { describe, expect, it } from 'vitest';
import { parseWorkflow } from '../../src/engine/workflow/build-model.js';
import { stepLabel, stepName } from '../../src/engine/workflow/step-label.js';
import {
  parseUsesReference,
  remoteActionName,
  usesWithoutRef,
} from '../../src/engine/workflow/uses-reference.js';

describe('parseUsesReference', () => {
  it('splits an action at its last @ and tells a pinned commit from a tag', () => {
    expect(parseUsesReference('actions/checkout@v4', false)).toMatchObject({
      kind: 'action',
      name: 'actions/checkout',
      ref: 'v4',
      pinned: false,
    });
    expect(
      parseUsesReference('actions/checkout@0123456789abcdef0123456789abcdef01234567', false).pinned,
    ).toBe(true);
  });

  it('knows docker images, local actions and reusable workflows', () => {
    const docker = parseUsesReference('docker://alpine@sha256:' + 'a'.repeat(64), false);
    expect(docker).toMatchObject({ kind: 'docker', name: 'alpine', pinned: true });
    expect(usesWithoutRef(docker)).toBe('docker://alpine');
    expect(remoteActionName(docker)).toBeUndefined();
    expect(parseUsesReference('./.github/actions/x', false).kind).toBe('local');
    expect(parseUsesReference('o/r/.github/workflows/w.yml@main', false).kind).toBe(
      'reusable-workflow',
    );
    expect(parseUsesReference('o/r@main', true).kind).toBe('reusable-workflow');
  });
});

describe('the model carries the parsed reference', () => {
  const text = [
    'on: push',
    'jobs:',
    '  call:',
    '    uses: o/r/.github/workflows/w.yml@v1',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/setup-node@v4',
    '        name: Node',
    "      - uses: ''",
    '      - run: echo hi',
    '        id: hello',
    '',
  ].join('\n');
  const [call, build] = parseWorkflow('.github/workflows/ci.yml', text).jobs;

  it('on jobs and steps; an empty or missing uses: names nothing', () => {
    expect(call?.usesRef).toMatchObject({ kind: 'reusable-workflow', ref: 'v1' });
    expect(build?.usesRef).toBeUndefined();
    expect(build?.steps.map((s) => s.usesRef?.name)).toEqual([
      'actions/setup-node',
      undefined,
      undefined,
    ]);
  });

  it('labels a step by its name, else its id, else its number', () => {
    const [node, empty, hello] = build?.steps ?? [];
    if (!node || !empty || !hello) throw new Error('steps missing');
    expect(stepLabel(node)).toBe('step 1 (Node)');
    expect(stepLabel(hello)).toBe('step 3 (hello)');
    expect(stepLabel(hello, 'name')).toBe('step 3');
    expect(stepName(empty)).toBe('step 2');
  });
});
