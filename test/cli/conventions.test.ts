/**
 * Issue 12 item 12: CLI conventions — per-command help, short flags, --quiet, colour only on
 * a terminal (NO_COLOR honoured), progress on stderr only on a terminal and only for scans
 * longer than a second (driven by a fake clock), a path with no workflows is an error,
 * --out onto a file is a clear error.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import type { CliIo, Terminal } from '../../src/adapters/cli/run-cli.js';
import { tempDir } from '../helpers.js';
import { readReport } from './json-report.js';

async function cli(
  argv: string[],
  options: { terminal?: Terminal; stepMs?: number } = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  let t = Date.parse('2026-11-21T00:00:00Z');
  const io: CliIo = {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    // A fake clock: every reading advances it by stepMs.
    now: () => new Date((t += options.stepMs ?? 0)),
    terminal: options.terminal,
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

const TTY: Terminal = { stdoutIsTTY: true, stderrIsTTY: true, noColor: false };

describe('help', () => {
  it.each(['evaluate', 'scan', 'validate', 'verify', 'rules'])(
    '`%s --help` and `help %s` print that command’s help',
    async (command) => {
      const a = await cli([command, '--help']);
      const b = await cli(['help', command]);
      const c = await cli([command, '-h']);
      expect(a.code).toBe(0);
      expect(a.out).toMatch(new RegExp(`^agent-gate ${command} — `));
      expect(a.out).toContain(`agent-gate ${command}`);
      expect(b.out).toBe(a.out);
      expect(c.out).toBe(a.out);
    },
  );

  it('help of an unknown command is a usage error', async () => {
    const r = await cli(['help', 'frob']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command: frob/);
  });
});

describe('short flags', () => {
  it('-f -o -p -v mean --format --out --policy --verbose', async () => {
    const outShort = tempDir();
    const outLong = tempDir();
    const short = await cli([
      'evaluate',
      'examples/release.yml',
      '-f',
      'json',
      '-o',
      outShort,
      '-p',
      'strict',
      '-v',
    ]);
    const long = await cli([
      'evaluate',
      'examples/release.yml',
      '--format',
      'json',
      '--out',
      outLong,
      '--policy',
      'strict',
      '--verbose',
    ]);
    expect(short).toEqual(long);
    expect(JSON.parse(short.out)).toMatchObject({
      policy: { sources: ['preset:baseline', 'preset:strict'] },
    });
    expect(readFileSync(join(outShort, 'report.json'), 'utf8')).toBe(
      readFileSync(join(outLong, 'report.json'), 'utf8'),
    );
  });

  it('an unknown short flag is a usage error', async () => {
    const r = await cli(['scan', 'examples', '-x']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown option: -x/);
  });
});

describe('-q / --quiet', () => {
  it('is the short form of --quiet (allowed jobs as a count); the exit code still decides', async () => {
    const short = await cli(['scan', 'examples', '-q']);
    const long = await cli(['scan', 'examples', '--quiet']);
    expect(short).toEqual(long);
    expect(short.code).toBe(1);
    expect(short.out.length).toBeLessThan((await cli(['scan', 'examples'])).out.length);
    expect((await cli(['evaluate', 'examples/release.yml', '-q'])).code).toBe(3);
  });

  it('contradicts --verbose', async () => {
    expect((await cli(['scan', 'examples', '-q', '-v'])).code).toBe(2);
  });
});

describe('colour', () => {
  it('only on a terminal, and never with NO_COLOR', async () => {
    const tty = await cli(['evaluate', 'examples/nightly-agent.yml'], { terminal: TTY });
    expect(tty.out).toContain('\u001b[31m✗ blocked');
    const noColor = await cli(['evaluate', 'examples/nightly-agent.yml'], {
      terminal: { ...TTY, noColor: true },
    });
    const piped = await cli(['evaluate', 'examples/nightly-agent.yml'], {
      terminal: { ...TTY, stdoutIsTTY: false },
    });
    for (const r of [noColor, piped]) expect(r.out).not.toContain('\u001b[');
    expect(noColor.out).toBe(piped.out);
    const json = await cli(['evaluate', 'examples/nightly-agent.yml', '-f', 'json'], {
      terminal: TTY,
    });
    expect(json.out).not.toContain('\u001b[');
  });
});

describe('progress on stderr', () => {
  it('appears on a terminal once a scan passes one second, and is cleared', async () => {
    const slow = await cli(['scan', 'examples', '-f', 'json'], { terminal: TTY, stepMs: 400 });
    expect(slow.err).toMatch(/scanning \d+\/5 workflow files \(\d+ s\)…/);
    expect(slow.err.endsWith('\r\u001b[K')).toBe(true);
  });

  it('never for a fast scan, nor when stderr is not a terminal', async () => {
    const fast = await cli(['scan', 'examples', '-f', 'json'], { terminal: TTY, stepMs: 0 });
    const piped = await cli(['scan', 'examples', '-f', 'json'], {
      terminal: { ...TTY, stderrIsTTY: false },
      stepMs: 400,
    });
    expect(fast.err).toBe('');
    expect(piped.err).toBe('');
  });
});

describe('inputs that are errors (exit 2)', () => {
  it('a path with no workflow files', async () => {
    const empty = tempDir();
    mkdirSync(join(empty, 'src'));
    const r = await cli(['scan', empty]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${empty}: no workflow files`);
    expect(r.out).toBe('');
  });

  it('a directory of repositories is not itself a repository: it is an error, not "allow"', async () => {
    const r = await cli(['scan', '/work/shared/corpus', '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\/work\/shared\/corpus: no workflow files .*name each one/);
  });

  it('one path without workflows among good ones: the others are reported, exit 2', async () => {
    const empty = tempDir();
    const r = await cli(['scan', 'examples', empty, '-f', 'json']);
    expect(r.code).toBe(2);
    const doc = readReport(r.out) as { jobs: unknown[]; errors: { path: string }[] };
    expect(doc.jobs).toHaveLength(5);
    expect(doc.errors.map((e) => e.path)).toEqual([empty]);
  });

  it('--out onto a file is a clear error, before any work', async () => {
    const file = join(tempDir(), 'report.txt');
    writeFileSync(file, 'x');
    const r = await cli(['scan', 'examples', '-o', file]);
    expect(r).toEqual({
      code: 2,
      out: '',
      err: `agent-gate: --out ${file}: is a file, not a directory (--out names a directory)\n`,
    });
  });

  it('--out under a file is a clear error too', async () => {
    const file = join(tempDir(), 'report.txt');
    writeFileSync(file, 'x');
    const r = await cli(['scan', 'examples', '-o', join(file, 'sub')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /--out .*report\.txt\/sub: cannot (use it|write the report there) \(ENOTDIR\)/,
    );
    expect(r.err).not.toMatch(/internal error/);
  });
});
