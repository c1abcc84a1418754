/** action.yml and the code agree on inputs, outputs and the runtime; the version is one. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { INPUTS, OUTPUTS } from '../../src/adapters/action/settings.js';
import { TOOL_VERSION } from '../../src/engine/version.js';

const action = parse(readFileSync('action.yml', 'utf8')) as {
  runs: { using: string; main: string };
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
};

describe('action.yml', () => {
  it('runs on node24 from the committed bundle, with branding', () => {
    expect(action.runs).toMatchObject({ using: 'node24', main: 'dist/index.js' });
    expect(action.branding.icon).toBeTruthy();
  });

  it('declares exactly the inputs the code reads, each described', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(INPUTS).sort());
    for (const input of Object.values(action.inputs))
      expect(input.description.length).toBeGreaterThan(20);
    expect(action.inputs.token?.default).toBe('${{ github.token }}');
  });

  it('declares exactly the outputs the code sets, each described', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(OUTPUTS).sort());
    for (const output of Object.values(action.outputs))
      expect(output.description.length).toBeGreaterThan(10);
  });

  it('package.json and the tool agree on the version', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      version: string;
      type: string;
      bin: Record<string, string>;
    };
    expect(pkg.version).toBe(TOOL_VERSION);
    expect(pkg.type).toBe('module');
    expect(pkg.bin['agent-gate']).toBe('dist/cli/index.js');
    expect(JSON.parse(readFileSync('dist/package.json', 'utf8'))).toEqual({ type: 'module' });
  });
});
