#!/usr/bin/env node
/** CLI entry (package.json "bin"): one guard around runCli; nothing thrown escapes as success. */
import { runCli } from '../cli/run-cli.js';

let code = 2;
try {
  code = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    now: () => new Date(),
  });
} catch (thrown) {
  process.stderr.write(`agent-gate: internal error: ${String(thrown)}\n`);
  code = 2;
}
process.exitCode = code;
