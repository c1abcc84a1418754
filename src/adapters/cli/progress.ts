/**
 * Progress on stderr for scans that take longer than a second — only on a terminal (never
 * in a pipe or a CI log) and not with --quiet: one line rewritten in place, at most every
 * PROGRESS_EVERY_MS, and cleared at the end. It names counts only, never a file (a path is
 * untrusted text). The clock is the CLI's injected `now`, so tests drive it without waiting.
 */
import type { CliIo } from './run-cli.js';

/** A scan shorter than this shows no progress at all. */
export const PROGRESS_AFTER_MS = 1000;
/** The line is redrawn at most this often (a terminal need not repaint for every file). */
export const PROGRESS_EVERY_MS = 100;

export interface Progress {
  tick(file: string): void;
  done(): void;
}

const SILENT: Progress = { tick: () => undefined, done: () => undefined };

/** `total` undefined: counted as they come (an org scan lists repositories as it goes). */
export function startProgress(
  io: CliIo,
  total: number | undefined,
  options: { quiet?: boolean; unit?: string } = {},
): Progress {
  if (options.quiet === true || !io.terminal?.stderrIsTTY) return SILENT;
  const unit = options.unit ?? 'workflow files';
  const started = io.now().getTime();
  let seen = 0;
  let drawn: number | undefined;
  return {
    tick() {
      seen += 1;
      const now = io.now().getTime();
      if (now - started < PROGRESS_AFTER_MS) return;
      if (drawn !== undefined && now - drawn < PROGRESS_EVERY_MS) return;
      drawn = now;
      const seconds = Math.floor((now - started) / 1000);
      const count = total === undefined ? `${seen}` : `${seen}/${total}`;
      io.stderr(`\r\u001b[Kagent-gate: scanning ${count} ${unit} (${seconds} s)…`);
    },
    done() {
      if (drawn !== undefined) io.stderr('\r\u001b[K');
    },
  };
}
