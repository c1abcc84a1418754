/**
 * The policy of a run, read where the gated change cannot reach it: the base commit of a pull
 * request (or the merge group's base), or a central repository at a fixed ref.
 */
import * as core from './runner-commands.js';
import { InputError } from '../../engine/errors.js';
import { isPresetName, loadPolicy } from '../../engine/policy/load-policy.js';
import { DEFAULT_POLICY_FILE } from '../../engine/policy/policy-file.js';
import type { Policy } from '../../engine/policy/types.js';
import type { GitHubClient } from '../github/client.js';
import { repoFileReader } from './repo-files.js';
import { repoPolicyReader } from './repo-policy-reader.js';
import type { Settings } from './settings.js';

/**
 * The policy from a central repository (`policy-repository: owner/name@ref`), read through
 * the contents API at that ref: nothing in this repository, its pull requests included, can
 * change it. When it is this repository, its policy files are this repository's (see policyFiles).
 */
export async function resolveCentralPolicy(
  settings: Settings,
  central: NonNullable<Settings['policyRepository']>,
  client: () => Promise<GitHubClient>,
): Promise<{ policy: Policy; policyFile: undefined }> {
  const files = repoFileReader({
    workspace: undefined,
    owner: central.owner,
    repo: central.repo,
    client,
  });
  const reader = repoPolicyReader(files, central.ref);
  const path = settings.policy ?? DEFAULT_POLICY_FILE;
  if (isPresetName(path))
    throw new InputError(
      `input \`policy-repository\` names a repository, but \`policy\` is the preset ${path}; give the policy file's path in ${central.owner}/${central.repo}`,
    );
  const policy = await loadPolicy(path, {
    ...reader,
    read: async (p) => {
      try {
        return await reader.read(p);
      } catch (cause) {
        throw new InputError(
          `cannot read the central policy ${central.owner}/${central.repo}/${p}@${central.ref}: ${(cause as Error).message}`,
          { cause },
        );
      }
    },
  });
  core.info(`Policy read from ${central.owner}/${central.repo}@${central.ref}`);
  return { policy, policyFile: undefined };
}

export async function resolvePolicy(
  settings: Settings,
  files: ReturnType<typeof repoFileReader>,
  ref: string,
): Promise<{ policy: Policy; policyFile: string | undefined }> {
  const reader = repoPolicyReader(files, ref);
  const ref0 =
    settings.policy ??
    ((await reader.exists(DEFAULT_POLICY_FILE)) ? DEFAULT_POLICY_FILE : 'baseline');
  const policy = await loadPolicy(ref0, reader);
  return { policy, policyFile: isPresetName(ref0) ? undefined : ref0 };
}
