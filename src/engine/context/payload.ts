/**
 * Reads what the engine needs from a webhook event payload (GITHUB_EVENT_PATH): sender,
 * repository, default branch, pull request number, author and head. Unknown shapes give
 * undefined fields, never a guess.
 */
import { EMPTY_CONTEXT } from './run-context.js';
import type { PullRequestInfo, RunContext } from './run-context.js';

type Json = Record<string, unknown>;

export function contextFromPayload(payload: unknown, event: string | undefined): RunContext {
  const p = obj(payload);
  const repo = obj(p.repository);
  const pr = obj(p.pull_request ?? obj(p.issue).pull_request);
  return {
    ...EMPTY_CONTEXT,
    event,
    actor: str(obj(p.sender).login),
    sender: str(obj(p.sender).login),
    repository: str(repo.full_name),
    defaultBranch: str(repo.default_branch),
    pullRequest: pullRequest(p),
    sha: str(obj(pr.head).sha),
  };
}

function pullRequest(p: Json): PullRequestInfo | undefined {
  const pr = obj(p.pull_request);
  // `pull_request.number` first (a numeric string is read as the number it spells), then the
  // top-level `number` of pull_request events.
  const number = prNumber(pr.number) ?? (p.pull_request ? prNumber(p.number) : undefined);
  if (number === undefined) {
    // issue_comment on a pull request: the issue carries a pull_request link.
    const issue = obj(p.issue);
    const issueNumber = prNumber(issue.number);
    if (issue.pull_request && issueNumber !== undefined) {
      return {
        number: issueNumber,
        author: str(obj(issue.user).login),
        authorType: str(obj(issue.user).type),
        headSha: undefined,
        fromFork: undefined,
      };
    }
    return undefined;
  }
  const head = obj(pr.head);
  const base = obj(pr.base);
  const headRepo = str(obj(head.repo).full_name);
  const baseRepo = str(obj(base.repo).full_name);
  return {
    number,
    author: str(obj(pr.user).login),
    authorType: str(obj(pr.user).type),
    headSha: str(head.sha),
    fromFork: headRepo !== undefined && baseRepo !== undefined ? headRepo !== baseRepo : undefined,
    changedFileCount: prNumber(pr.changed_files, 0),
  };
}

/** A whole number from a number or a string of digits (payloads are not always typed). */
function prNumber(value: unknown, min = 1): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d{1,15}$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isSafeInteger(n) && n >= min ? n : undefined;
}

function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
