#!/usr/bin/env node
/**
 * CLI entry (package.json "bin"): one guard around runCli; nothing thrown escapes as success.
 * The same file is what `scan --jobs N` starts its worker threads with (scan-pool.ts): in a
 * worker it runs the scan worker instead, so the bundle carries it without a second entry.
 */
import { runCli } from '../adapters/cli/run-cli.js';
import { isScanWorker, runScanWorker } from '../adapters/cli/scan-worker.js';

if (isScanWorker()) runScanWorker();
else await cli();

async function cli(): Promise<void> {
  // A reader that goes away (`agent-gate scan … | head`) is not an error of ours: stop writing
  // and exit quietly with the decision's code, never a stack trace or a spurious 1 ("blocked").
  let stdoutClosed = false;
  let stdoutFailed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    stdoutClosed = true;
    if (error.code !== 'EPIPE') {
      stdoutFailed = true;
      process.stderr.write(
        `agent-gate: cannot write the report (${error.code ?? error.message})\n`,
      );
    }
  });
  process.stderr.on('error', () => undefined);

  let code = 2;
  try {
    code = await runCli(process.argv.slice(2), {
      stdout: (text) => {
        if (!stdoutClosed) process.stdout.write(text);
      },
      stderr: (text) => process.stderr.write(text),
      now: () => new Date(),
      env: process.env,
      terminal: {
        stdoutIsTTY: process.stdout.isTTY === true,
        stderrIsTTY: process.stderr.isTTY === true,
        noColor: process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '',
      },
      workerScript: new URL(import.meta.url),
    });
  } catch (thrown) {
    process.stderr.write(`agent-gate: internal error: ${String(thrown)}\n`);
    code = 2;
  }
  // A report that could not be written (other than to a closed pipe) is an error: fail closed.
  process.exitCode = stdoutFailed ? 2 : code;
}
