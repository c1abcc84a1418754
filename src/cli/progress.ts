/**
 * Progress on stderr for scans that take longer than a second — only on a terminal (never
 * in a pipe or a CI log), one line rewritten in place and cleared at the end. The clock is
 * the CLI's injected `now`, so tests drive it without waiting.
 */
import type { CliIo } from './run-cli.js';

/** A scan shorter than this shows no progress at all. */
export const PROGRESS_AFTER_MS = 1000;

export interface Progress {
  tick(file: string): void;
  done(): void;
}

/** `total` undefined: counted as they come (an org scan lists repositories as it goes). */
export function startProgress(
  io: CliIo,
  total: number | undefined,
  unit = 'workflow files',
): Progress {
  if (!io.terminal?.stderrIsTTY) return { tick: () => undefined, done: () => undefined };
  const started = io.now().getTime();
  let seen = 0;
  let shown = false;
  return {
    tick() {
      seen += 1;
      if (io.now().getTime() - started < PROGRESS_AFTER_MS) return;
      shown = true;
      const count = total === undefined ? `${seen}` : `${seen}/${total}`;
      io.stderr(`\r\u001b[Kagent-gate: scanning ${count} ${unit}…`);
    },
    done() {
      if (shown) io.stderr('\r\u001b[K');
    },
  };
}
