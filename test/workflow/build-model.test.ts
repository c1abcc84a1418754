import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/engine/errors.js';
import { parseWorkflow } from '../../src/engine/workflow/build-model.js';
import { locate, locateInScalar, parseYamlSource } from '../../src/engine/workflow/source.js';

const WORKFLOW = `name: demo
on:
  pull_request:
    types: [opened]
    branches: [main]
  push:
permissions: read-all
env:
  GLOBAL: x
jobs:
  build:
    runs-on: [self-hosted, linux]
    environment:
      name: production
      url: https://example.com
    container: node:24
    timeout-minutes: 10
    needs: lint
    permissions:
      contents: write
      id-token: write
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - name: Test
        id: t
        run: |
          npm ci
          npm test
        shell: bash
        env:
          TOKEN: \${{ secrets.NPM_TOKEN }}
  call:
    uses: org/repo/.github/workflows/x.yml@main
    secrets: inherit
`;

describe('parseWorkflow', () => {
  const wf = parseWorkflow('wf.yml', WORKFLOW);

  it('models triggers, permissions and env', () => {
    expect(wf.name).toBe('demo');
    expect(wf.triggers.map((t) => t.event)).toEqual(['pull_request', 'push']);
    expect(wf.triggers[0]?.types).toEqual(['opened']);
    expect(wf.triggers[0]?.branches).toEqual(['main']);
    expect(wf.permissions).toMatchObject({ kind: 'read-all' });
    expect(wf.env).toMatchObject([{ key: 'GLOBAL', value: 'x' }]);
  });

  it('models jobs and steps', () => {
    const build = wf.jobs[0]!;
    expect(build.runsOn).toEqual(['self-hosted', 'linux']);
    expect(build.environment).toMatchObject({ name: 'production', url: 'https://example.com' });
    expect(build.container?.image).toBe('node:24');
    expect(build.timeoutMinutes).toBe(10);
    expect(build.needs).toEqual(['lint']);
    expect(build.permissions).toMatchObject({
      kind: 'scopes',
      scopes: { contents: 'write', 'id-token': 'write' },
    });
    expect(build.steps[0]).toMatchObject({
      uses: 'actions/checkout@v4',
      with: [{ key: 'fetch-depth', value: '0' }],
    });
    expect(build.steps[1]).toMatchObject({
      id: 't',
      name: 'Test',
      shell: 'bash',
      run: 'npm ci\nnpm test\n',
    });
    const call = wf.jobs[1]!;
    expect(call.uses).toBe('org/repo/.github/workflows/x.yml@main');
    expect(call.secrets).toBe('inherit');
  });

  it('locates YAML paths as file:line:column', () => {
    expect(locate(wf.source, ['jobs', 'build', 'steps', 1, 'run'])).toEqual({
      path: 'wf.yml',
      line: 28,
      column: 14,
    });
    expect(locate(wf.source, ['jobs', 'build'], { key: true })).toEqual({
      path: 'wf.yml',
      line: 11,
      column: 3,
    });
    expect(locate(wf.source, ['jobs', 'build', 'permissions', 'contents'])).toEqual({
      path: 'wf.yml',
      line: 20,
      column: 17,
    });
    // A path that does not exist falls back to its nearest ancestor.
    expect(locate(wf.source, ['jobs', 'build', 'nope'])).toEqual({
      path: 'wf.yml',
      line: 12,
      column: 5,
    });
  });

  it('locates a line inside a block scalar', () => {
    expect(locateInScalar(wf.source, ['jobs', 'build', 'steps', 1, 'run'], 2, 1)).toEqual({
      path: 'wf.yml',
      line: 30,
      column: 11,
    });
  });

  it('accepts {} permissions as all none, and on: as a string or list', () => {
    const a = parseWorkflow(
      'a.yml',
      'on: push\npermissions: {}\njobs:\n  j:\n    runs-on: x\n    steps: [{run: echo}]\n',
    );
    expect(a.permissions).toMatchObject({ kind: 'scopes', scopes: {} });
    const b = parseWorkflow(
      'b.yml',
      'on: [push, pull_request]\njobs:\n  j:\n    runs-on: x\n    steps: [{run: echo}]\n',
    );
    expect(b.triggers.map((t) => t.event)).toEqual(['push', 'pull_request']);
  });
});

describe('bad input', () => {
  const error = (text: string): InputError => {
    try {
      parseWorkflow('bad.yml', text);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return e as InputError;
    }
    throw new Error('expected an InputError');
  };

  it('reports malformed YAML with a location', () => {
    const e = error('on: push\njobs:\n  j:\n    steps: [\n');
    expect(e.location?.path).toBe('bad.yml');
    expect(e.message).toMatch(/^bad\.yml:\d+:\d+: invalid YAML/);
  });

  it('rejects documents that are not workflows', () => {
    expect(error('- a\n- b\n').message).toMatch(/bad\.yml:1:1: not a workflow/);
    expect(error('name: x\njobs:\n  j: {}\n').message).toMatch(/no `on:`/);
    expect(error('on: push\n').message).toMatch(/no `jobs:`/);
    expect(error('on: push\njobs:\n  j: [1]\n').message).toMatch(
      /bad\.yml:3:6: job `j` is not a map/,
    );
    expect(error('on: push\njobs:\n  j:\n    steps: [1]\n').message).toMatch(
      /bad\.yml:4:13: job `j`: step 1 is not a map/,
    );
  });

  it('rejects duplicate keys and invalid permission levels', () => {
    expect(error('on: push\non: pull_request\njobs: {j: {steps: []}}\n').message).toMatch(
      /invalid YAML/,
    );
    expect(
      error('on: push\npermissions: {contents: admin}\njobs: {j: {steps: []}}\n').message,
    ).toMatch(/bad\.yml:2:25: permission `contents` must be read, write or none/);
  });

  it('refuses oversized files and alias bombs', () => {
    expect(error(`on: push\n# ${'x'.repeat(5 * 1024 * 1024)}\njobs: {}\n`).message).toMatch(
      /over the .*-byte limit/,
    );
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    expect(() => parseYamlSource('bomb.yml', bomb.join('\n'))).toThrow(InputError);
  });
});
