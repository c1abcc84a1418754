/**
 * excessive-permissions — the `GITHUB_TOKEN` gets more than a job plausibly needs: a
 * workflow-level write scope every job inherits, `write-all` / `read-all`, or no
 * `permissions:` at all (the repository default, write unless the repository restricts it).
 * zizmor's `excessive-permissions` severity table and Scorecard's Token-Permissions stance
 * (top-level writes are the issue, job-level writes only warn).
 */
import type { Job, PermissionsBlock } from '../workflow/model.js';
import type { RuleContext, RuleHit, Severity } from './types.js';
import { defineRule } from './types.js';

export interface ExcessivePermissionsOptions {
  /** Scopes whose write is accepted at workflow level, e.g. `{ "contents": "write" }`. */
  readonly allow: Readonly<Record<string, 'write'>>;
  /** Also report write scopes in job-level blocks (Scorecard's "warn"), at severity info. */
  readonly 'job-writes': boolean;
}

/** zizmor's per-scope severity of a write (unknown scopes: medium). */
const SCOPE_SEVERITY: Readonly<Record<string, Severity>> = {
  actions: 'high',
  attestations: 'high',
  contents: 'high',
  deployments: 'high',
  'id-token': 'high',
  issues: 'high',
  packages: 'high',
  pages: 'high',
  'pull-requests': 'high',
  'artifact-metadata': 'medium',
  checks: 'medium',
  'code-quality': 'medium',
  discussions: 'medium',
  'repository-projects': 'medium',
  'security-events': 'medium',
  models: 'low',
  statuses: 'low',
};

const JOB_REMEDIATION =
  'Declare `permissions:` on the job with only the scopes it uses (e.g. `contents: read`), and `permissions: {}` at the top of the workflow.';

export default defineRule<ExcessivePermissionsOptions>({
  meta: {
    id: 'excessive-permissions',
    title: 'GITHUB_TOKEN permissions broader than the job needs',
    description:
      'A workflow-level write scope is inherited by every job that declares none, `write-all` / `read-all` grant every scope, and a missing `permissions:` block gives the repository default token (write to contents, packages, actions… unless the repository restricts it). Any code the job runs — a compromised action, an injected command, an AI agent — can use that token.',
    severity: 'high',
    confidence: 'high',
    category: 'workflow',
    messages: {
      workflowWriteAll:
        'workflow-level `permissions: write-all` grants every scope to {{jobs}}{{unused}}',
      workflowReadAll:
        'workflow-level `permissions: read-all` grants read to every scope (including private code, packages and security events) to {{jobs}}{{unused}}',
      workflowWrite: 'workflow-level `{{scope}}: write` is inherited by {{jobs}}{{unused}}',
      defaultToken:
        'job `{{job}}` declares no `permissions:` and neither does the workflow: it gets the repository default token (write to contents, packages, actions and more)',
      defaultTokenUnknown:
        'job `{{job}}` declares no `permissions:` and neither does the workflow: it gets the repository default token (write to contents, packages, actions and more unless the repository restricts the default)',
      jobWriteAll: 'job `{{job}}` has `permissions: write-all`: every scope is writable',
      jobReadAll: 'job `{{job}}` has `permissions: read-all`: every scope is readable',
      jobWrite: 'job `{{job}}` grants `{{scope}}: write`',
    },
    peers: ['zizmor:excessive-permissions', 'scorecard:Token-Permissions'],
    defaults: { baseline: 'allow', strict: 'approval-required' },
    remediation:
      'Set `permissions: {}` (or `contents: read`) at the top of the workflow and grant write scopes per job, only where a step needs them.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allow: {
          type: 'object',
          description: 'Scopes whose write is accepted at workflow level.',
          additionalProperties: { enum: ['write'] },
        },
        'job-writes': {
          type: 'boolean',
          description: 'Also report write scopes of job-level blocks (severity info).',
        },
      },
    },
  },
  defaultOptions: { allow: {}, 'job-writes': false },
  check(ctx) {
    return [...workflowLevel(ctx), ...jobLevel(ctx)];
  },
});

function workflowLevel(ctx: RuleContext<ExcessivePermissionsOptions>): RuleHit[] {
  const { workflow, job, locate } = ctx;
  const block = workflow.permissions;
  if (!block) return [];
  const inheritors = workflow.jobs.filter((j) => j.permissions === undefined);
  // Raised by the jobs that inherit the block; by every job when none does (all identical,
  // so the report keeps one hit per fact).
  if (job.permissions !== undefined && inheritors.length > 0) return [];
  const unused =
    inheritors.length === 0
      ? ' (every job declares its own block today, but a job added later inherits this one)'
      : '';
  const scope = 'workflow' as const;
  if (block.kind === 'write-all') {
    return [
      {
        at: locate(block.at),
        messageId: 'workflowWriteAll',
        data: { jobs: jobsText(inheritors), unused },
        severity: unused ? 'low' : 'high',
        scope,
      },
    ];
  }
  if (block.kind === 'read-all') {
    return [
      {
        at: locate(block.at),
        messageId: 'workflowReadAll',
        data: { jobs: jobsText(inheritors), unused },
        severity: 'low',
        scope,
      },
    ];
  }
  const hits: RuleHit[] = [];
  for (const [name, level] of Object.entries(block.scopes)) {
    if (level !== 'write' || ctx.options.allow[name] === 'write') continue;
    hits.push({
      at: locate([...block.at, name], { key: true }),
      messageId: 'workflowWrite',
      data: { scope: name, jobs: jobsText(inheritors), unused },
      severity: unused ? 'low' : (SCOPE_SEVERITY[name] ?? 'medium'),
      remediation: `Move \`${name}: write\` to the jobs that need it and keep the workflow-level block read-only (\`permissions: {}\` or \`contents: read\`).`,
      scope,
    });
  }
  return hits;
}

function jobLevel(ctx: RuleContext<ExcessivePermissionsOptions>): RuleHit[] {
  const { workflow, job, locate, context } = ctx;
  const block = job.permissions;
  if (block) return explicitJobBlock(ctx, block);
  if (workflow.permissions) return [];
  // A reusable-only workflow's jobs get the caller's token, not the repository default.
  if (workflow.triggers.every((t) => t.event === 'workflow_call')) return [];
  // No block anywhere: the repository default token.
  if (context.defaultPermissions === 'read') return [];
  const known = context.defaultPermissions === 'write';
  return [
    {
      at: locate(job.at, { key: true }),
      messageId: known ? 'defaultToken' : 'defaultTokenUnknown',
      data: { job: job.id },
      severity: known ? 'high' : 'medium',
      confidence: known ? 'high' : 'medium',
      remediation: JOB_REMEDIATION,
    },
  ];
}

function explicitJobBlock(
  ctx: RuleContext<ExcessivePermissionsOptions>,
  block: PermissionsBlock,
): RuleHit[] {
  const { job, locate } = ctx;
  if (block.kind === 'write-all') {
    return [
      {
        at: locate(block.at),
        messageId: 'jobWriteAll',
        data: { job: job.id },
        severity: 'high',
        remediation: JOB_REMEDIATION,
      },
    ];
  }
  if (block.kind === 'read-all') {
    return [
      {
        at: locate(block.at),
        messageId: 'jobReadAll',
        data: { job: job.id },
        severity: 'low',
        remediation: JOB_REMEDIATION,
      },
    ];
  }
  if (!ctx.options['job-writes']) return [];
  return Object.entries(block.scopes)
    .filter(([name, level]) => level === 'write' && ctx.options.allow[name] !== 'write')
    .map(([name]) => ({
      at: locate([...block.at, name], { key: true }),
      messageId: 'jobWrite',
      data: { job: job.id, scope: name },
      severity: 'info' as const,
      confidence: 'low' as const,
      remediation: `Check that a step of job \`${job.id}\` needs \`${name}: write\`; drop it or lower it to read otherwise.`,
    }));
}

function jobsText(jobs: readonly Job[]): string {
  if (jobs.length === 0) return 'no job';
  const ids = jobs.map((j) => `\`${j.id}\``);
  return ids.length === 1 ? `job ${ids.join('')}` : `jobs ${ids.join(', ')}`;
}
