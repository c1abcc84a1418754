/**
 * Builds the run context for the CLI from flags and an optional event payload file.
 */
import { EMPTY_CONTEXT } from '../../engine/context/run-context.js';
import type { RunContext } from '../../engine/context/run-context.js';
import { contextFromPayload } from '../../engine/context/payload.js';
import type { EnvironmentFacts } from '../../engine/context/environment-protection.js';
import { InputError } from '../../engine/errors.js';
import { effectiveDefaultPermissions } from '../../engine/policy/default-permissions.js';
import type { DefaultPermissions } from '../../engine/policy/default-permissions.js';
import type { Policy } from '../../engine/policy/types.js';
import { readTextFile } from './fs-policy-reader.js';

export function cliContext(input: {
  event: string | undefined;
  eventPath: string | undefined;
  actor: string | undefined;
  changedFiles: readonly string[];
  defaultPermissions: RunContext['defaultPermissions'];
  policyFile: string | undefined;
  repository?: string | undefined;
}): RunContext {
  let payload: unknown = undefined;
  if (input.eventPath) {
    const text = readTextFile(input.eventPath);
    try {
      payload = JSON.parse(text);
    } catch (cause) {
      throw new InputError(
        `${input.eventPath}: event payload is not valid JSON (${(cause as Error).message})`,
        { cause },
      );
    }
  }
  const fromPayload =
    payload === undefined ? EMPTY_CONTEXT : contextFromPayload(payload, input.event);
  return {
    ...fromPayload,
    event: input.event ?? fromPayload.event,
    actor: input.actor ?? fromPayload.actor,
    changedFiles: input.changedFiles.length > 0 ? input.changedFiles : fromPayload.changedFiles,
    defaultPermissions: input.defaultPermissions,
    policyFile: input.policyFile,
    repository: input.repository ?? fromPayload.repository,
  };
}

/**
 * The run context `scan` decides one repository with (directory or `--github`): no event
 * payload, no changed files; the repository default from the policy or the flag.
 */
export function scanContext(input: {
  policy: Policy;
  policyFile: string | undefined;
  defaultPermissions: DefaultPermissions;
  repository: string | undefined;
  environments: Readonly<Record<string, EnvironmentFacts>> | undefined;
  policyFiles: readonly string[];
}): RunContext {
  return {
    ...cliContext({
      event: undefined,
      eventPath: undefined,
      actor: undefined,
      changedFiles: [],
      defaultPermissions: effectiveDefaultPermissions(input.policy, input.defaultPermissions),
      policyFile: input.policyFile,
      repository: input.repository,
    }),
    environments: input.environments,
    policyFiles: input.policyFiles,
  };
}
