/** Action entry: one guard around runAction — anything thrown ends in a failed, blocked step. */
import * as core from '@actions/core';
import { runAction } from './action/run-action.js';
import { OUTPUTS } from './action/settings.js';
import { describeError, normalizeError } from './errors.js';
import { escapeMarkdown } from './report/escape.js';

try {
  await runAction();
} catch (thrown) {
  const message = describeError(normalizeError(thrown));
  core.setOutput(OUTPUTS.decision, 'blocked');
  core.setFailed(`agent-gate: ${message}`);
  try {
    await core.summary
      .addRaw(
        `## agent-gate: ⛔ blocked\n\nThe gate could not decide, so it fails closed:\n\n> ${escapeMarkdown(message)}\n`,
      )
      .write();
  } catch {
    // No summary file (not on a runner): the failure above is what matters.
  }
}
// Everything the step does has been awaited; work left behind (e.g. an HTTP retry of a poll
// abandoned when the job was cancelled) must not keep the step alive.
process.exit();
