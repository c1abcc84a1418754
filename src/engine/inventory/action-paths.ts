/**
 * Derives the action paths of a job — each occurrence of an action class with the evidence
 * that put it there and the credentials it can use — from permissions, credentials, steps,
 * commands, environment and changed files. The inventory issue adds tools and targets.
 */
import { nameLooksLike } from '../glob.js';
import type { SourceLocation } from '../errors.js';
import type { RunContext } from '../context/run-context.js';
import { hasExpression } from '../workflow/expressions/fences.js';
import type { Job, Step, Workflow } from '../workflow/model.js';
import { matrixLookup, stepEnv } from '../workflow/value-sources.js';
import { locate, locateInScalar } from '../workflow/source.js';
import type { ActionClass } from './action-classes.js';
import { ACTION_TABLE } from './action-table.js';
import { sensitiveChanges } from './changed-files.js';
import { classifyRun } from './run-variants.js';
import { CONVERSATION_SCOPES, writeScopes } from './permissions.js';
import type { SecretUse } from './secret-flow.js';
import type { JobScripts } from './scripts/job-scripts.js';
import { scriptPathDrafts } from './scripts/script-paths.js';
import type {
  ActionPath,
  AgentUse,
  Credential,
  EffectivePermissions,
  JobInventory,
  ToolReach,
} from './types.js';
import { actionMatches } from './uses.js';
import { opaquePath } from './opaque.js';
import type { PathDraft } from './opaque.js';
import { knownRemote } from './resolve/action-files.js';
import { visibleCredentials } from './visible-credentials.js';
import type { VisibleCredentials, VisibleInput } from './visible-credentials.js';

/** The visible-credentials input of a job's (or frame's) steps. */
export function withKnownActions(input: PathInput): VisibleInput {
  return {
    job: input.job,
    credentials: input.credentials,
    secretUses: input.secretUses,
    knownAction: input.knownAction ?? knownRemote,
  };
}
import { remoteActionName } from '../workflow/uses-reference.js';

export interface PathInput {
  readonly workflow: Workflow;
  readonly job: Job;
  readonly context: RunContext;
  readonly permissions: EffectivePermissions;
  readonly credentials: readonly Credential[];
  readonly secretUses: readonly SecretUse[];
  readonly environment: JobInventory['environment'];
  readonly productionPatterns: readonly string[];
  readonly agents: readonly AgentUse[];
  readonly tools: readonly ToolReach[];
  /** What each step's script runs from the repository (package scripts, make, shell files). */
  readonly scripts?: JobScripts;
  /** Paths reached through indirection (composite actions, reusable workflows, opaque). */
  readonly indirect?: readonly PathDraft[];
  /** The credentials each step can reach (derived once by the inventory; else derived here). */
  readonly visible?: VisibleCredentials;
  /** Whether a remote action's code is known (catalog or the policy's trusted list). */
  readonly knownAction?: (name: string, ref?: string) => boolean;
}

type Draft = PathDraft;

export function buildActionPaths(input: PathInput): ActionPath[] {
  const credsByStep = new Map<number, readonly string[]>();
  const stepDrafts = fromSteps(input, credsByStep);
  const drafts: Draft[] = [
    {
      class: 'read',
      reason: 'reads the repository',
      at: locate(input.workflow.source, input.job.at, { key: true }),
      credentials: ['github-token'],
      step: undefined,
      uses: undefined,
      target: undefined,
    },
    ...fromPermissions(input),
    ...fromCredentials(input),
    ...fromEnvironment(input, stepDrafts),
    ...stepDrafts,
    ...fromAgents(input, credsByStep),
    ...fromChangedFiles(input),
    ...(input.indirect ?? []),
  ];
  const counters = new Map<string, number>();
  return drafts.map((d) => {
    const n = (counters.get(d.class) ?? 0) + 1;
    counters.set(d.class, n);
    return { ...d, id: `${input.job.id}/${d.class}/${n}`, job: input.job.id };
  });
}

function draft(
  cls: ActionClass,
  reason: string,
  at: SourceLocation,
  credentials: readonly string[],
  extra: Partial<Draft> = {},
): Draft {
  return {
    class: cls,
    reason,
    at,
    credentials,
    step: undefined,
    uses: undefined,
    target: undefined,
    ...extra,
  };
}

/** Scopes that by themselves let the token act. */
function fromPermissions({ permissions }: PathInput): Draft[] {
  const writes = new Set(writeScopes(permissions));
  const at = permissions.at;
  const how = permissions.source === 'default' ? ' (repository default token)' : '';
  const out: Draft[] = [];
  const comment = CONVERSATION_SCOPES.filter(
    (s) => writes.has(s) && s !== 'statuses' && s !== 'checks',
  );
  if (comment.length > 0)
    out.push(
      draft('comment', `GITHUB_TOKEN can write ${comment.join(', ')}${how}`, at, ['github-token']),
    );
  if (writes.has('contents'))
    out.push(
      draft('write-branch', `GITHUB_TOKEN has contents: write${how}`, at, ['github-token'], {
        target: 'github:branches',
      }),
    );
  // `actions: write` re-runs, cancels and dispatches workflows and deletes caches and
  // artifacts; it never writes workflow files (GITHUB_TOKEN cannot). Dispatching another
  // workflow is a write to the repository's CI, decided like a branch write.
  if (writes.has('actions'))
    out.push(
      draft(
        'write-branch',
        `GITHUB_TOKEN has actions: write${how} (re-run, cancel or dispatch workflows, delete caches and artifacts)`,
        at,
        ['github-token'],
        { target: 'github:actions' },
      ),
    );
  if (writes.has('packages'))
    out.push(
      draft('publish', `GITHUB_TOKEN has packages: write${how}`, at, ['github-token'], {
        target: 'registry:github-packages',
      }),
    );
  if (writes.has('deployments'))
    out.push(draft('deploy', `GITHUB_TOKEN has deployments: write${how}`, at, ['github-token']));
  if (writes.has('pages'))
    out.push(
      draft('deploy', `GITHUB_TOKEN has pages: write${how}`, at, ['github-token'], {
        target: 'github:pages',
      }),
    );
  return out;
}

function fromCredentials({ credentials }: PathInput): Draft[] {
  const out: Draft[] = [];
  for (const c of credentials) {
    if (c.kind === 'github-token') continue;
    if (c.kind === 'oidc') {
      out.push(
        draft(
          'cloud-credential',
          'id-token: write lets any step mint an OIDC token',
          c.at,
          [c.id],
          { target: c.reaches[0] },
        ),
      );
      continue;
    }
    out.push(
      draft(
        'use-secret',
        `uses ${c.kind === 'inherited-secrets' ? 'all inherited secrets' : c.kind === 'app-token' ? c.name : `secret ${c.name}`} (${c.note})`,
        c.at,
        [c.id],
        { target: c.reaches[0] },
      ),
    );
    if (c.reaches.some((r) => r.startsWith('cloud:')))
      out.push(
        draft('cloud-credential', `static cloud key ${c.name}`, c.at, [c.id], {
          target: 'cloud:static-key',
        }),
      );
  }
  return out;
}

/** The paths of a job's own steps (also used for steps of composite actions and called jobs). */
export function stepPaths(input: PathInput): PathDraft[] {
  return fromSteps(input, new Map());
}

/** The paths of a job's environment (also used for jobs of a called workflow). */
export function environmentPaths(input: PathInput, stepDrafts: readonly PathDraft[]): PathDraft[] {
  return fromEnvironment(input, stepDrafts);
}

/** Environment names that say the job ships (`release`, `pypi`, `github-pages`, `staging`…). */
const SHIPPING_ENVIRONMENT =
  /release|publish|deploy|promot|pypi|npm|crates|registry|pages|marketplace|stag(?:e|ing)|prod/i;

function fromEnvironment(
  { environment, productionPatterns, credentials }: PathInput,
  stepDrafts: readonly Draft[],
): Draft[] {
  if (!environment) return [];
  const target = `environment:${environment.name}`;
  const production = environment.dynamic || nameLooksLike(environment.name, productionPatterns);
  const ships =
    SHIPPING_ENVIRONMENT.test(environment.name) ||
    stepDrafts.some((d) => d.class === 'deploy' || d.class === 'publish');
  // An environment is a deploy when the job ships something (by command, action or the
  // environment's own name) or the name says production; otherwise it is where the job's
  // secrets come from.
  const out = [
    production || ships
      ? draft(
          'deploy',
          `runs in environment ${environment.name}`,
          environment.at,
          ['github-token'],
          {
            target,
          },
        )
      : draft(
          'use-secret',
          `runs in environment ${environment.name} and can read its secrets (no deploy command, not a production name)`,
          environment.at,
          credentials
            .filter((c) => c.kind !== 'github-token' && c.kind !== 'oidc')
            .map((c) => c.id),
          { target },
        ),
  ];
  if (environment.dynamic) {
    out.push(
      draft(
        'production',
        `environment name is computed at run time (${environment.name}); treated as production`,
        environment.at,
        ['github-token'],
        { target: `environment:${environment.name}` },
      ),
    );
  } else if (nameLooksLike(environment.name, productionPatterns)) {
    out.push(
      draft(
        'production',
        `environment ${environment.name} matches the production patterns`,
        environment.at,
        ['github-token'],
        { target: `environment:${environment.name}` },
      ),
    );
  }
  return out;
}

function fromSteps(input: PathInput, credsByStep: Map<number, readonly string[]>): Draft[] {
  const out: Draft[] = [];
  const visible = input.visible ?? visibleCredentials(withKnownActions(input));
  for (const step of input.job.steps) {
    const creds = visible.get(step.index) ?? [];
    credsByStep.set(step.index, creds);
    if (step.uses) out.push(...fromUsesStep(input, step, creds));
    if (step.run !== undefined) {
      const at = locate(input.workflow.source, [...step.at, 'run']);
      out.push(
        draft('run-shell', `runs a shell script${step.name ? ` (${step.name})` : ''}`, at, creds, {
          step: step.index,
        }),
      );
      const classified = classifyRun(
        step.run,
        { env: stepEnv(input.workflow, input.job, step), matrix: matrixLookup(input.job) },
        {
          defaultBranch: branchOrDefault(input.context),
          ...(step.workingDirectory === undefined
            ? {}
            : { workingDirectory: step.workingDirectory }),
          ...stepShell(input.job, step),
        },
      );
      for (const hit of classified.hits) {
        if (hit.class === 'untrusted-checkout') continue;
        const hitAt = locateInScalar(
          input.workflow.source,
          [...step.at, 'run'],
          hit.line,
          hit.column,
        );
        out.push(
          draft(hit.class, `${hit.detail}: \`${hit.command}\``, hitAt, creds, {
            step: step.index,
            target: hit.target,
          }),
        );
      }
      for (const o of classified.opaque) {
        const hitAt = locateInScalar(input.workflow.source, [...step.at, 'run'], o.line, o.column);
        out.push(
          opaquePath(
            {
              what: `the command of step ${step.index + 1}${step.name ? ` (${step.name})` : ''}`,
              why: `it is computed at run time from \`${o.expression}\``,
              at: hitAt,
              step: step.index,
            },
            creds,
          ),
        );
      }
      out.push(...scriptPathDrafts(input.scripts?.get(step.index), creds, step.index));
      if (classified.truncated) {
        out.push(
          draft(
            'destructive',
            'script too large or complex to analyse; treated as destructive',
            at,
            creds,
            { step: step.index },
          ),
        );
      }
    }
  }
  return out;
}

function fromUsesStep(input: PathInput, step: Step, creds: readonly string[]): Draft[] {
  const name = remoteActionName(step.usesRef) ?? '';
  const at = locate(input.workflow.source, [...step.at, 'uses']);
  const out: Draft[] = [];
  for (const entry of ACTION_TABLE) {
    if (!actionMatches(name, entry.action)) continue;
    if (entry.whenInput) {
      const v = step.with.find((w) => w.key === entry.whenInput)?.value;
      if (v === undefined || (v !== 'true' && !hasExpression(v))) continue;
    }
    out.push(
      draft(entry.class, `${name} ${entry.detail}`, at, creds, {
        step: step.index,
        uses: step.uses,
        target: entry.target,
      }),
    );
  }
  return out;
}

/**
 * What the job's agents add: each tool server they load (call-tool; it acts with the agent
 * step's credentials when it can change things) and an unrestricted shell (run-shell).
 */
function fromAgents(
  input: PathInput,
  credsByStep: ReadonlyMap<number, readonly string[]>,
): Draft[] {
  const out: Draft[] = [];
  const jobCreds = input.credentials.map((c) => c.id);
  const credsOf = (agentId: string): readonly string[] => {
    const step = input.agents.find((a) => a.id === agentId)?.step;
    return step === undefined ? jobCreds : (credsByStep.get(step) ?? []);
  };
  for (const tool of input.tools) {
    const traits = [
      tool.remote ? 'remote' : 'local',
      tool.writeCapable ? 'can change things' : 'read-only',
      tool.fetchesCode ? 'fetched at run time' : undefined,
      tool.trust ? 'calls not confirmed' : undefined,
    ].filter(Boolean);
    out.push(
      draft(
        'call-tool',
        `${tool.agent} can call MCP server ${tool.name} (${traits.join(', ')}) from ${tool.file}`,
        tool.at,
        tool.writeCapable ? credsOf(tool.agent) : [],
        {
          step: input.agents.find((a) => a.id === tool.agent)?.step,
          target: `tool:${tool.url ?? tool.name}`,
        },
      ),
    );
  }
  for (const agent of input.agents) {
    if (!agent.unrestrictedShell) continue;
    const why = agent.settings.find((s) => s.risky)?.reason ?? 'no tool restriction';
    out.push(
      draft(
        'run-shell',
        `${agent.id} may run any shell command (${why})`,
        agent.at,
        credsOf(agent.id),
        { step: agent.step },
      ),
    );
  }
  return out;
}

function fromChangedFiles({ context, workflow, job }: PathInput): Draft[] {
  if (!context.changedFiles) return [];
  const at = locate(workflow.source, job.at, { key: true });
  const drafts = sensitiveChanges(
    context.changedFiles,
    context.policyFile,
    context.policyFiles,
  ).map((c) =>
    draft(
      'modify-workflow',
      `the pull request changes ${c.what}: ${c.file}`,
      at,
      ['github-token'],
      { target: `file:${c.file}` },
    ),
  );
  // Files the API did not list may be workflows: an incomplete listing counts as a CI change.
  if (context.changedFilesIncomplete)
    drafts.push(
      draft(
        'modify-workflow',
        `incomplete list of changed files, treated as changing CI files: ${context.changedFilesIncomplete}`,
        at,
        ['github-token'],
        { target: 'file:*' },
      ),
    );
  return drafts;
}

/** The step's shell: its `shell:`, else PowerShell on Windows runners (GitHub's default). */
function stepShell(job: Job, step: Step): { shell?: string } {
  if (step.shell !== undefined) return { shell: step.shell };
  return job.runsOn.some((r) => /windows/i.test(r)) ? { shell: 'pwsh' } : {};
}

function branchOrDefault(context: RunContext): string | undefined {
  return context.defaultBranch;
}
