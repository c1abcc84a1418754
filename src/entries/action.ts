/**
 * The action's one bundle (dist/action/): the runner's two entries, dist/index.js (main) and
 * dist/post/index.js (post), are two-line wrappers that call these. One build serves both,
 * and the post step's code is a chunk of its own that the main step never loads.
 */
import * as core from '../adapters/action/runner-commands.js';
import { runAction } from '../adapters/action/run-action.js';
import { OUTPUTS } from '../adapters/action/settings.js';
import { describeError, normalizeError } from '../engine/errors.js';
import { redactText } from '../engine/evidence/redact.js';
import { escapeMarkdown } from '../engine/escape.js';

/**
 * The failure as the user reads it. A TypeError that gets this far means data of a shape the
 * gate did not expect — an API answer or the event payload — and is said so.
 */
function userMessage(thrown: unknown): string {
  const error = normalizeError(thrown);
  const text = describeError(error);
  return error instanceof TypeError
    ? `an API answer or the event payload had a shape the gate cannot read (${text}), so it fails closed`
    : text;
}

/** Main step: one guard around runAction — anything thrown ends in a failed, blocked step. */
export async function main(): Promise<void> {
  try {
    await runAction();
  } catch (thrown) {
    const message = redactText(userMessage(thrown));
    core.setOutput(OUTPUTS.decision, 'blocked');
    core.setFailed(`agent-gate: ${message}`);
    try {
      await core.appendSummary(
        `## agent-gate: ⛔ blocked\n\nThe gate could not decide, so it fails closed:\n\n> ${escapeMarkdown(message)}\n`,
      );
    } catch {
      // No summary file (not on a runner): the failure above is what matters.
    }
  }
  // Everything the step does has been awaited; work left behind (e.g. an HTTP retry of a poll
  // abandoned when the job was cancelled) must not keep the step alive.
  process.exit();
}

/** Post step: one guard around runPost — a failure fails the step, never passes silently. */
export async function post(): Promise<void> {
  try {
    const { runPost } = await import('../adapters/action/run-post.js');
    await runPost();
  } catch (thrown) {
    core.setFailed(`agent-gate (post): ${redactText(userMessage(thrown))}`);
  }
  // As in main: an upload or request abandoned at its time limit must not keep the step alive.
  process.exit();
}
