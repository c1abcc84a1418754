/**
 * The progress line: only on a terminal's stderr, only once a scan has taken a second, at most
 * every PROGRESS_EVERY_MS, cleared at the end, never with --quiet. A fake clock drives it.
 */
import { describe, expect, it } from 'vitest';
import {
  PROGRESS_AFTER_MS,
  PROGRESS_EVERY_MS,
  startProgress,
} from '../../src/adapters/cli/progress.js';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import type { CliIo } from '../../src/adapters/cli/run-cli.js';

/** A clock that advances `step` ms each time it is read. */
function fakeIo(step: number, tty: boolean): CliIo & { err: string; out: string } {
  let t = Date.UTC(2026, 10, 21);
  const io = {
    err: '',
    out: '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    now: () => new Date((t += step)),
    terminal: { stdoutIsTTY: false, stderrIsTTY: tty, noColor: true },
  };
  return io;
}

describe('progress', () => {
  it('stays silent for a scan shorter than a second', () => {
    const io = fakeIo(10, true);
    const p = startProgress(io, 50);
    for (let i = 0; i < 50; i++) p.tick('x.yml');
    p.done();
    expect(io.err).toBe('');
  });

  it('draws a line after a second, at most every PROGRESS_EVERY_MS, and clears it', () => {
    const io = fakeIo(PROGRESS_EVERY_MS / 4, true);
    const p = startProgress(io, 200);
    for (let i = 0; i < 200; i++) p.tick('x.yml');
    p.done();
    const draws = io.err.split('\r\u001b[K').filter(Boolean);
    // 200 ticks × 25 ms = 5 s; drawn from the first second on, every 4th tick at most.
    const span = 200 * (PROGRESS_EVERY_MS / 4) - PROGRESS_AFTER_MS;
    expect(draws.length).toBeGreaterThan(10);
    expect(draws.length).toBeLessThanOrEqual(Math.ceil(span / PROGRESS_EVERY_MS) + 1);
    expect(draws[0]).toMatch(/^agent-gate: scanning \d+\/200 workflow files \(1 s\)…$/);
    expect(draws.at(-1)).toMatch(/scanning (?:19\d|200)\/200 workflow files \(\d s\)…$/);
    expect(io.err.endsWith('\r\u001b[K')).toBe(true);
  });

  it('never on a pipe, never with --quiet', () => {
    for (const [tty, quiet] of [
      [false, false],
      [true, true],
    ] as const) {
      const io = fakeIo(PROGRESS_AFTER_MS, tty);
      const p = startProgress(io, 5, { quiet });
      for (let i = 0; i < 5; i++) p.tick('x.yml');
      p.done();
      expect(io.err).toBe('');
    }
  });

  it('a slow scan of the examples shows it on a terminal; --quiet hides it; stdout is the same', async () => {
    const slow = fakeIo(PROGRESS_AFTER_MS, true);
    expect(await runCli(['scan', 'examples', '--format', 'json'], slow)).toBe(1);
    expect(slow.err.startsWith('\r\u001b[Kagent-gate: scanning ')).toBe(true);
    expect(slow.err).toMatch(/scanning \d+\/\d+ workflow files/);
    const quiet = fakeIo(PROGRESS_AFTER_MS, true);
    expect(await runCli(['scan', 'examples', '--format', 'json', '--quiet'], quiet)).toBe(1);
    expect(quiet.err).toBe('');
    expect(quiet.out).toBe(slow.out);
  });
});
