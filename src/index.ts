/** Action entry: one guard around runAction — anything thrown ends in a failed, blocked step. */
import * as core from '@actions/core';
import { runAction } from './action/run-action.js';
import { OUTPUTS } from './action/settings.js';
import { describeError, normalizeError } from './errors.js';

try {
  await runAction();
} catch (thrown) {
  const error = normalizeError(thrown);
  core.setOutput(OUTPUTS.decision, 'blocked');
  core.setFailed(`agent-gate: ${describeError(error)}`);
}
