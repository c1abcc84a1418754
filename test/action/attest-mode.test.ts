/**
 * Issue 12 item 10: `attest: bundle` signs without the attestations API (private
 * repositories without GitHub Enterprise): read as its own mode, typos refused, and the
 * library call it makes is the skipWrite one (covered in attest-evidence.test.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSettings } from '../../src/adapters/action/settings.js';

afterEach(() => vi.unstubAllEnvs());

function attestOf(value: string | undefined): string {
  vi.stubEnv('INPUT_ATTEST', value);
  vi.stubEnv('INPUT_TOKEN', 'ghs_test');
  return readSettings().attest;
}

describe('input attest', () => {
  it.each([
    [undefined, 'off'],
    ['', 'off'],
    ['false', 'off'],
    ['true', 'store'],
    ['TRUE', 'store'],
    ['bundle', 'bundle'],
  ])('%j → %s', (value, mode) => {
    expect(attestOf(value)).toBe(mode);
  });

  it.each(['yes', 'Bundle', 'store'])('%j is refused, naming the choices', (value) => {
    expect(() => attestOf(value)).toThrow(/input `attest` must be true, false or bundle/);
  });
});
