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
  const number =
    typeof pr.number === 'number'
      ? pr.number
      : typeof p.number === 'number' && p.pull_request
        ? p.number
        : undefined;
  if (number === undefined) {
    // issue_comment on a pull request: the issue carries a pull_request link.
    const issue = obj(p.issue);
    if (issue.pull_request && typeof issue.number === 'number') {
      return {
        number: issue.number,
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
  };
}

function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
