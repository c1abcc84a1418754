/**
 * The named sets of trigger events every part of the gate reasons with, in one place. What
 * "privileged" means differs by question, so each set is named for the question it answers
 * rather than sharing one word for 4, 6 or 10 events.
 */

/** Pull-request events (the pull request's own code or its base's, depending on the event). */
export const PULL_REQUEST_EVENTS: ReadonlySet<string> = new Set([
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
  'pull_request_target',
]);

/** Pull-request events whose default checkout is the pull request's own code. */
export const PR_CODE_EVENTS: readonly string[] = [
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
];

/**
 * Privileged runs an outsider can start that may bring in the outsider's code (pwn request):
 * they run with the base repository's token and secrets.
 */
export const PWN_REQUEST_EVENTS: readonly string[] = [
  'pull_request_target',
  'workflow_run',
  'issue_comment',
  'issues',
];

/**
 * Events an outsider can start that run with the base repository's token and secrets
 * (octoscan's "external" triggers plus discussions).
 */
export const OUTSIDER_PRIVILEGED_EVENTS: ReadonlySet<string> = new Set([
  ...PWN_REQUEST_EVENTS,
  'discussion',
  'discussion_comment',
]);

/** Events whose actor an outsider can influence (pull requests and the privileged ones). */
export const OUTSIDER_EVENTS: ReadonlySet<string> = new Set([
  ...PULL_REQUEST_EVENTS,
  ...OUTSIDER_PRIVILEGED_EVENTS,
]);

/** Events whose runs an outsider (anyone who can open an issue, comment or fork) can start or steer. */
export const UNTRUSTED_TRIGGERS: readonly string[] = [
  'pull_request_target',
  'issue_comment',
  'issues',
  'workflow_run',
  'discussion',
  'discussion_comment',
  'pull_request_review',
  'pull_request_review_comment',
];

/** Untrusted or unattended: the untrusted triggers plus runs nobody attends when they start. */
export const UNTRUSTED_OR_UNATTENDED_TRIGGERS: readonly string[] = [
  ...UNTRUSTED_TRIGGERS,
  'schedule',
  'repository_dispatch',
];

/** Events whose runs nobody attends at the moment they start (DESIGN.md §4). */
export const UNATTENDED_EVENTS: ReadonlySet<string> = new Set([
  'schedule',
  'workflow_run',
  'repository_dispatch',
  'issue_comment',
  'issues',
  'pull_request_review_comment',
  'pull_request_target',
  'discussion',
  'discussion_comment',
]);
