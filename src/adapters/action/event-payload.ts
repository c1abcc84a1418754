/** The event payload the runner wrote, and the pull request's base commit named in it. */
import { readFileSync } from 'node:fs';
import { InputError } from '../../engine/errors.js';

export function readPayload(path: string | undefined): unknown {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (cause) {
    throw new InputError(`cannot read the event payload ${path}: ${(cause as Error).message}`, {
      cause,
    });
  }
}

export function baseSha(payload: unknown): string {
  const sha = (payload as { pull_request?: { base?: { sha?: unknown } } }).pull_request?.base?.sha;
  if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/i.test(sha)) {
    throw new InputError(
      'pull request event without pull_request.base.sha: cannot read the policy from the base commit',
    );
  }
  return sha;
}
