/**
 * A job's facts for one *run shape*: everything of its BOM record except what names the
 * trigger. The event reaches a job's facts through three doors only, and they are the shape:
 * which of its steps can run (the `if:` outcomes, run-conditions.ts), how the token is
 * lowered (the fork / Dependabot downgrade, permissions.ts) and the names a computed
 * environment can take (environment-name.ts; for a reusable-workflow call, whose called jobs'
 * environments are read when it is resolved, the event itself). The rest of the run context read
 * here (repository, default branch, actors, changed files, environments, default permissions)
 * is the same for every trigger of a workflow. So triggers whose shape is the same share one
 * derivation (build-inventory.ts keys them); per trigger only the view is built: the trigger
 * named, and the attendance it adds.
 */
import type { RunContext } from '../context/run-context.js';
import type { Job, Workflow } from '../workflow/model.js';
import { locate } from '../workflow/source.js';
import { ACTION_CLASSES } from './action-classes.js';
import { buildActionPaths } from './action-paths.js';
import { isBotOrAgent } from './agent-catalog.js';
import { ghAwRole } from './gh-aw-roles.js';
import { detectAgents } from './agents.js';
import { findCloudLogins } from './cloud-auth.js';
import { workflowOwner } from './owner.js';
import { EMPTY_SNAPSHOT } from './repo-snapshot.js';
import { traceJobScripts } from './scripts/job-scripts.js';
import { toolReach } from './tool-reach.js';
import { buildCredentials } from './credentials.js';
import { effectivePermissions } from './permissions.js';
import { jobEnvironment } from './environment-protection.js';
import { collectSecretUses } from './secret-flow.js';
import type { JobInventory, RunCommand, UsesRef } from './types.js';
import { EMPTY_ACTION_FILES, knownRemote } from './resolve/action-files.js';
import { trustedAction } from './trusted-actions.js';
import { visibleCredentials } from './visible-credentials.js';
import { calledTokenPermissions } from './resolve/called-workflow.js';
import { resolveIndirection } from './resolve/expand.js';
import type { Frame } from './resolve/expand.js';
import { indirectPaths } from './resolve/frame-paths.js';
import { usesRecord } from './uses.js';
import type { InventoryOptions } from './build-inventory.js';

/**
 * The fields of a BOM record the per-trigger view sets: the trigger, the attendance it adds,
 * and what cannot run for it with the reason (the reason may name the event).
 */
export type TriggerField =
  'triggers' | 'unattended' | 'unattendedReasons' | 'skipped' | 'skippedSteps';

/** A job's BOM record without the trigger, and what the view needs to add it. */
export interface JobFacts {
  /** The record's fields before the trigger ones (`workflow`, `job`, `name`, `at`). */
  readonly head: Pick<JobInventory, 'workflow' | 'job' | 'name' | 'at'>;
  /** The record's fields between the attendance and what was skipped, in the record's order. */
  readonly tail: Omit<
    JobInventory,
    TriggerField | keyof JobFacts['head'] | 'actor' | 'calls' | 'resolvedRefs'
  >;
  /** The record's last fields: the reusable-workflow calls and resolved refs, when any. */
  readonly end: Pick<JobInventory, 'calls' | 'resolvedRefs'>;
  /** Why the job is unattended whatever the trigger: its agents and gh-aw role. */
  readonly unattendedBefore: readonly string[];
  /** The same from who started the run (actor, triggering actor, sender). */
  readonly unattendedAfter: readonly string[];
  /** The composite-action steps and called jobs the facts were built from. */
  readonly frames: readonly Frame[];
}

/** How the event shapes the job: what cannot run (the view says why). */
export interface RunShape {
  /** The whole job cannot run (its `if:`, a `needs:`). */
  readonly skippedJob: boolean;
  /** The steps that can run (all of them, when the job cannot run at all: none count). */
  readonly runnable: readonly Job['steps'][number][];
}

export function jobFacts(
  workflow: Workflow,
  declared: Job,
  context: RunContext,
  options: InventoryOptions,
  change: JobInventory['change'],
  shape: RunShape,
): JobFacts {
  const src = workflow.source;
  // What cannot run for this event contributes nothing: the job as it can run.
  const { skippedJob } = shape;
  const job = { ...declared, steps: skippedJob ? [] : shape.runnable };
  const grant = effectivePermissions(workflow, job, context);
  const ownSecretUses = collectSecretUses(workflow, job);
  const resolution = resolveIndirection({
    workflow,
    job,
    context,
    permissions: grant,
    files: options.actionFiles ?? EMPTY_ACTION_FILES,
    secretUses: ownSecretUses,
    trusted: (name, ref) => trustedAction(name, options.trustedActions ?? [], ref),
  });
  // A reusable-workflow call: the token its work holds is what the called jobs keep of the
  // grant (each intersected with its own block), not the grant itself.
  const permissions = job.uses
    ? calledTokenPermissions(
        grant,
        resolution.frames
          .filter((f) => f.kind === 'called-job' && f.chain.length === 3)
          .map((f) => f.permissions),
      )
    : grant;
  const repo = options.repo ?? EMPTY_SNAPSHOT;
  const scripts = traceJobScripts(workflow, job, repo, { defaultBranch: context.defaultBranch });
  const agents = [
    ...detectAgents(workflow, job, permissions.scopes['id-token'] === 'write', scripts),
    ...resolution.agents,
  ];
  const reach = toolReach(agents, repo);
  const owned = workflowOwner(repo, options.repoPath);
  const secretUses = [...ownSecretUses, ...resolution.secretUses];
  const cloudLogins = findCloudLogins(workflow, job);
  const credentials = buildCredentials({
    cloudLogins,
    tokenExchanges: agents.flatMap((a) =>
      a.tokenExchange
        ? [{ agent: a.id, issuer: a.tokenExchange.issuer, note: a.tokenExchange.note, at: a.at }]
        : [],
    ),
    workflow,
    job,
    permissions,
    secretUses,
    agents,
    productionPatterns: options.productionPatterns,
    repository: context.repository,
  });
  const environment = jobEnvironment(job, src, context);
  const knownAction = (name: string, ref?: string): boolean =>
    knownRemote(name) || trustedAction(name, options.trustedActions ?? [], ref);
  // The credentials each step can reach, derived once: step paths, agent tools and opaque
  // sites under a step all take theirs from it.
  const visible = visibleCredentials({
    job,
    credentials,
    secretUses,
    knownAction,
    scripts,
    frames: resolution.frames.filter((f) => f.kind === 'composite'),
    opaqueSteps: new Set(resolution.opaque.flatMap((o) => (o.step === undefined ? [] : [o.step]))),
  });
  const paths = buildActionPaths({
    workflow,
    job,
    context,
    permissions,
    credentials,
    secretUses,
    environment,
    productionPatterns: options.productionPatterns,
    agents,
    tools: reach.tools,
    scripts,
    visible,
    knownAction,
    indirect: indirectPaths({
      resolution,
      context,
      credentials,
      productionPatterns: options.productionPatterns,
      visible,
      knownAction,
    }),
  });

  const workflowRole = ghAwRole(workflow, job);
  const unattendedBefore = [
    ...agents.map((a) => `AI agent ${a.id} runs in the job`),
    ...(workflowRole?.actsOnAgentOutput
      ? [`gh-aw ${workflowRole.role} job acts on an AI agent's output`]
      : []),
  ];
  // Whatever the trigger: the actor, the one who triggered (a re-run) or the event's sender.
  const unattendedAfter = (
    [
      ['actor', context.actor],
      ['triggering actor', context.triggeringActor],
      ['event sender', context.sender],
    ] as const
  )
    .filter(
      ([, login], i, all) => isBotOrAgent(login) && all.findIndex((e) => e[1] === login) === i,
    )
    .map(([role, login]) => `${role} ${login} is a bot or agent`);
  const { uses, runs } = stepFacts(workflow, job);
  const gaps: string[] = [];
  if (permissions.assumed)
    gaps.push('repository default token permissions unknown; permissive (write) assumed');
  // For the record: each opaque path once (the path itself is what the policy decides).
  gaps.push(...paths.filter((p) => p.class === 'opaque').map((p) => `${p.reason} (${p.id})`));
  if (!repo.complete && agents.length > 0) {
    gaps.push('repository files (CODEOWNERS, agent and MCP configuration) were not read');
  }
  gaps.push(...repo.warnings, ...reach.warnings, ...owned.warnings);

  const present = new Set(paths.map((p) => p.class));
  return {
    head: {
      workflow: workflow.path,
      job: job.id,
      name: job.name,
      at: locate(src, job.at, { key: true }),
    },
    tail: {
      environment,
      runsOn: job.runsOn,
      permissions,
      credentials,
      uses,
      runs,
      agents,
      workflowRole,
      tools: reach.tools,
      agentConfig: reach.agentConfig,
      owner: owned.owner,
      change,
      targets: [
        ...new Set(
          [
            ...paths.map((p) => p.target),
            ...credentials.flatMap((c) => c.reaches),
            ...reach.tools.filter((t) => t.url).map((t) => `tool:${t.url ?? ''}`),
          ].filter((t): t is string => t !== undefined),
        ),
      ].sort(),
      classes: skippedJob ? [] : ACTION_CLASSES.filter((c) => present.has(c)),
      paths: skippedJob ? [] : paths,
      gaps: [...new Set(gaps)],
    },
    end: {
      ...(resolution.calls.length > 0 ? { calls: resolution.calls } : {}),
      ...(resolution.resolvedRefs.length > 0 ? { resolvedRefs: resolution.resolvedRefs } : {}),
    },
    unattendedBefore,
    unattendedAfter,
    frames: skippedJob ? [] : resolution.frames,
  };
}

/** The `uses:` references and `run:` scripts of a job (or of a frame's steps), located. */
export function stepFacts(workflow: Workflow, job: Job): { uses: UsesRef[]; runs: RunCommand[] } {
  const uses: UsesRef[] = [];
  if (job.usesRef)
    uses.push(usesRecord(job.usesRef, undefined, locate(workflow.source, [...job.at, 'uses'])));
  for (const step of job.steps) {
    if (step.usesRef)
      uses.push(
        usesRecord(step.usesRef, step.index, locate(workflow.source, [...step.at, 'uses'])),
      );
  }
  const runs: RunCommand[] = job.steps
    .filter((s) => s.run !== undefined)
    .map((s) => ({
      step: s.index,
      name: s.name,
      shell: s.shell,
      script: s.run ?? '',
      at: locate(workflow.source, [...s.at, 'run']),
    }));
  return { uses, runs };
}
