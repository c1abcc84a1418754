/**
 * Effective GITHUB_TOKEN permissions of a job: the job block, else the workflow block, else
 * the repository default (restricted or permissive; permissive assumed when unknown).
 * Scopes a present block does not mention are `none` (GitHub's rule).
 */
import type { RunContext } from '../context/run-context.js';
import type { Job, PermissionLevel, PermissionsBlock, Workflow } from '../workflow/model.js';
import { locate } from '../workflow/source.js';
import type { EffectivePermissions } from './types.js';

/** Every scope the workflow parser accepts, with the levels it allows. */
export const PERMISSION_SCOPES: Readonly<Record<string, readonly PermissionLevel[]>> = {
  actions: ['read', 'write', 'none'],
  'artifact-metadata': ['read', 'write', 'none'],
  attestations: ['read', 'write', 'none'],
  checks: ['read', 'write', 'none'],
  'code-quality': ['read', 'write', 'none'],
  contents: ['read', 'write', 'none'],
  'copilot-requests': ['write', 'none'],
  deployments: ['read', 'write', 'none'],
  discussions: ['read', 'write', 'none'],
  drives: ['read', 'write', 'none'],
  'id-token': ['write', 'none'],
  issues: ['read', 'write', 'none'],
  models: ['read', 'none'],
  packages: ['read', 'write', 'none'],
  pages: ['read', 'write', 'none'],
  'pull-requests': ['read', 'write', 'none'],
  'repository-projects': ['read', 'write', 'none'],
  'security-events': ['read', 'write', 'none'],
  statuses: ['read', 'write', 'none'],
  'vulnerability-alerts': ['read', 'none'],
};

/** Scopes whose write only lets a token talk (comment, label, report status). */
export const CONVERSATION_SCOPES: readonly string[] = [
  'issues',
  'pull-requests',
  'discussions',
  'statuses',
  'checks',
];

/** `read-all` / `write-all`: each scope at that level, or the highest it allows below it. */
function expand(level: 'read' | 'write'): Record<string, PermissionLevel> {
  const scopes: Record<string, PermissionLevel> = {};
  for (const [scope, levels] of Object.entries(PERMISSION_SCOPES)) {
    scopes[scope] = levels.includes(level)
      ? level
      : level === 'write' && levels.includes('read')
        ? 'read'
        : 'none';
  }
  return scopes;
}

/** The token a job gets when nothing is declared (github_token-reference, Nov 2026). */
function repositoryDefault(mode: 'read' | 'write'): Record<string, PermissionLevel> {
  if (mode === 'write') {
    return {
      ...expand('write'),
      'id-token': 'none',
      models: 'read',
      'copilot-requests': 'none',
      'vulnerability-alerts': 'none',
      drives: 'none',
      'code-quality': 'none',
      'artifact-metadata': 'none',
    };
  }
  const none: Record<string, PermissionLevel> = {};
  for (const scope of Object.keys(PERMISSION_SCOPES)) none[scope] = 'none';
  return { ...none, contents: 'read', packages: 'read' };
}

function fromBlock(block: PermissionsBlock): Record<string, PermissionLevel> {
  if (block.kind === 'read-all') return expand('read');
  if (block.kind === 'write-all') return expand('write');
  const scopes: Record<string, PermissionLevel> = {};
  for (const scope of Object.keys(PERMISSION_SCOPES)) scopes[scope] = 'none';
  // Unknown scopes are kept as written: a newer scope must not silently vanish.
  return { ...scopes, ...block.scopes };
}

export function effectivePermissions(
  workflow: Workflow,
  job: Job,
  context: RunContext,
): EffectivePermissions {
  const declared = declaredPermissions(workflow, job, context);
  const downgrade = downgradeReason(context, declared.source);
  if (!downgrade) return declared;
  const scopes: Record<string, PermissionLevel> = {};
  for (const [scope, level] of Object.entries(declared.scopes)) {
    scopes[scope] =
      level === 'write' ? (PERMISSION_SCOPES[scope]?.includes('read') ? 'read' : 'none') : level;
  }
  return { ...declared, scopes, downgrade };
}

/**
 * Events whose Dependabot-initiated runs (`github.actor == 'dependabot[bot]'`) get a read-only
 * token by default (docs: "Automating Dependabot with GitHub Actions"). Other events
 * (`issue_comment`, `workflow_run`, …) keep the write scopes, whoever the actor is.
 */
export const DEPENDABOT_READ_EVENTS: ReadonlySet<string> = new Set([
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
  'push',
  'create',
  'deployment',
  'deployment_status',
]);

const DEPENDABOT = 'dependabot[bot]';

/** Logins are ASCII and case-insensitive: compare after ASCII-only lower-casing. */
function sameLogin(a: string | undefined, b: string): boolean {
  return a !== undefined && a.replace(/[A-Z]/g, (c) => c.toLowerCase()) === b;
}

/**
 * GitHub lowers the token to read for pull requests from forks (pull_request_target keeps
 * write) and, for Dependabot, only where GitHub documents it: a Dependabot-initiated run of
 * one of DEPENDABOT_READ_EVENTS, or of `pull_request_target` on a pull request Dependabot
 * opened. Even there only the *default* token is read-only — a `permissions` block raises it
 * again — so declared scopes stay. Only known facts lower it: an unknown origin keeps the
 * declared (higher) scopes.
 */
function downgradeReason(
  context: RunContext,
  source: EffectivePermissions['source'],
): string | undefined {
  const forkEvents = ['pull_request', 'pull_request_review', 'pull_request_review_comment'];
  if (
    context.event &&
    forkEvents.includes(context.event) &&
    context.pullRequest?.fromFork === true
  ) {
    return 'pull request from a fork: GitHub gives a read-only token';
  }
  if (source !== 'default' || !sameLogin(context.actor, DEPENDABOT)) return undefined;
  if (context.event && DEPENDABOT_READ_EVENTS.has(context.event)) {
    return `${context.event} run initiated by Dependabot: GitHub gives a read-only default token and no Actions secrets`;
  }
  if (
    context.event === 'pull_request_target' &&
    sameLogin(context.pullRequest?.author, DEPENDABOT)
  ) {
    return 'pull_request_target on a Dependabot pull request: GitHub gives a read-only default token and no secrets';
  }
  return undefined;
}

/**
 * What of the run context the token grant reads beyond the workflow: the downgrade a default
 * token and a declared block get (the only place the event reaches permissions). Two runs
 * with the same pair get the same permissions for every job and called job.
 */
export function tokenDowngrades(
  context: RunContext,
): readonly [string | undefined, string | undefined] {
  return [downgradeReason(context, 'default'), downgradeReason(context, 'job')];
}

function declaredPermissions(
  workflow: Workflow,
  job: Job,
  context: RunContext,
): EffectivePermissions {
  const block = job.permissions ?? workflow.permissions;
  if (block) {
    return {
      source: job.permissions ? 'job' : 'workflow',
      scopes: fromBlock(block),
      assumed: false,
      downgrade: undefined,
      at: locate(workflow.source, block.at),
    };
  }
  const mode = context.defaultPermissions === 'read' ? 'read' : 'write';
  return {
    source: 'default',
    scopes: repositoryDefault(mode),
    assumed: context.defaultPermissions === 'unknown',
    downgrade: undefined,
    at: locate(workflow.source, job.at, { key: true }),
  };
}

export function writeScopes(permissions: EffectivePermissions): string[] {
  return Object.entries(permissions.scopes)
    .filter(([, level]) => level === 'write')
    .map(([scope]) => scope)
    .sort();
}
