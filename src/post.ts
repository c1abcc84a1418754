/** Post-step entry (runs.post): one guard around runPost — a failure fails the step, never passes silently. */
import * as core from '@actions/core';
import { runPost } from './action/run-post.js';
import { describeError, normalizeError } from './errors.js';

try {
  await runPost();
} catch (thrown) {
  core.setFailed(`agent-gate (post): ${describeError(normalizeError(thrown))}`);
}
