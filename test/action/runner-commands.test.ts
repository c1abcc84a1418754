/**
 * The runner protocol the action speaks without `@actions/core` (src/adapters/action/
 * runner-commands.ts): what it writes is read back with the e2e parsers, which decode it the
 * way the runner does — escaping of hostile text, file commands with their delimiter, masks,
 * failures — and a missing file command or summary file is an error, never a silent drop.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as core from '../../src/adapters/action/runner-commands.js';
import { parseAnnotations, parseFileCommands } from '../e2e/runner-commands.js';
import { tempDir } from '../helpers.js';

let dir: string;
let stdout: string;
const saved = { ...process.env };
const exitCode = process.exitCode;

beforeEach(() => {
  dir = tempDir();
  stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = exitCode;
  rmSync(dir, { recursive: true, force: true });
});

describe('workflow commands on stdout', () => {
  it('escapes messages and properties so hostile text cannot start or end a command', () => {
    core.warning('50% done\n::error::injected\r ##[x]', {
      title: 'a: b, c',
      file: '.github/workflows/x.yml',
      startLine: 3,
      startColumn: 7,
    });
    expect(stdout).toBe(
      '::warning title=a%3A b%2C c,file=.github/workflows/x.yml,line=3,col=7::50%25 done%0A::error::injected%0D #\u200b#[x]\n',
    );
    expect(parseAnnotations(stdout)).toEqual([
      {
        level: 'warning',
        properties: { title: 'a: b, c', file: '.github/workflows/x.yml', line: '3', col: '7' },
        message: '50% done\n::error::injected\r #\u200b#[x]',
      },
    ]);
  });

  it('leaves out properties without a value; info lines are escaped log text', () => {
    core.notice('n', { title: 'only a title' });
    core.error('e');
    core.info('::not a command when it is info ##[error]x');
    expect(stdout.split('\n')).toEqual([
      '::notice title=only a title::n',
      '::error::e',
      ':\u200b:not a command when it is info #\u200b#[error]x',
      '',
    ]);
  });

  it('setFailed fails the step and says why; setSecret masks', () => {
    core.setFailed('it broke');
    core.setSecret('s3cr3t');
    expect(process.exitCode).toBe(1);
    expect(stdout).toBe('::error::it broke\n::add-mask::s3cr3t\n');
  });
});

describe('file commands, inputs and state', () => {
  it('writes outputs and state as heredocs the runner reads back, values with newlines intact', () => {
    const output = join(dir, 'output');
    const state = join(dir, 'state');
    writeFileSync(output, '');
    writeFileSync(state, '');
    process.env.GITHUB_OUTPUT = output;
    process.env.GITHUB_STATE = state;
    core.setOutput('decision', 'blocked');
    core.setOutput('report', 'line 1\nline 2');
    core.saveState('dir', '/tmp/x');
    expect(parseFileCommands(readFileSync(output, 'utf8'))).toEqual({
      decision: 'blocked',
      report: 'line 1\nline 2',
    });
    expect(parseFileCommands(readFileSync(state, 'utf8'))).toEqual({ dir: '/tmp/x' });
    expect(stdout).toBe('');
  });

  it('a file command whose file is missing is an error, not a lost output', () => {
    process.env.GITHUB_OUTPUT = join(dir, 'gone');
    expect(() => core.setOutput('decision', 'allow')).toThrow(/Missing file at path/);
  });

  it('without GITHUB_OUTPUT / GITHUB_STATE falls back to the stdout commands', () => {
    delete process.env.GITHUB_OUTPUT;
    delete process.env.GITHUB_STATE;
    core.setOutput('decision', 'allow');
    core.saveState('k', 'v');
    expect(stdout).toBe('\n::set-output name=decision::allow\n::save-state name=k::v\n');
  });

  it('reads inputs trimmed (spaces in the name as _), state from STATE_*', () => {
    process.env['INPUT_DEFAULT-PERMISSIONS'] = '  read \n';
    process.env.INPUT_MY_INPUT = 'x';
    process.env.STATE_dir = '/tmp/y';
    expect(core.getInput('default-permissions')).toBe('read');
    expect(core.getInput('my input')).toBe('x');
    expect(core.getInput('absent')).toBe('');
    expect(core.getState('dir')).toBe('/tmp/y');
    expect(core.getState('other')).toBe('');
  });
});

describe('job summary', () => {
  it('appends to GITHUB_STEP_SUMMARY', async () => {
    const file = join(dir, 'summary.md');
    writeFileSync(file, '# before\n');
    process.env.GITHUB_STEP_SUMMARY = file;
    await core.appendSummary('## agent-gate\n');
    expect(readFileSync(file, 'utf8')).toBe('# before\n## agent-gate\n');
  });

  it('is an error without a summary file', async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    await expect(core.appendSummary('x')).rejects.toThrow(/GITHUB_STEP_SUMMARY/);
    process.env.GITHUB_STEP_SUMMARY = join(dir, 'missing.md');
    await expect(core.appendSummary('x')).rejects.toThrow(/Unable to access summary file/);
  });
});
