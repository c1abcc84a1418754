/**
 * Builds the Agent Action BOM record of each job: a pure function of the workflow model,
 * the run context and the production patterns of the policy.
 */
import type { RunContext } from '../context/run-context.js';
import { InputError } from '../errors.js';
import type { Job, Workflow } from '../workflow/model.js';
import { locate } from '../workflow/source.js';
import { ACTION_CLASSES } from './action-classes.js';
import { buildActionPaths } from './action-paths.js';
import { isBotOrAgent } from './agent-catalog.js';
import { ghAwRole } from './gh-aw-roles.js';
import { detectAgents } from './agents.js';
import { analyseChange } from './change-analysis.js';
import { findCloudLogins } from './cloud-auth.js';
import { workflowOwner } from './owner.js';
import { EMPTY_SNAPSHOT } from './repo-snapshot.js';
import type { RepoSnapshot } from './repo-snapshot.js';
import { traceJobScripts } from './scripts/job-scripts.js';
import { toolReach } from './tool-reach.js';
import { buildCredentials } from './credentials.js';
import { effectivePermissions } from './permissions.js';
import { jobEnvironment } from './environment-protection.js';
import { planRun, runnableSteps } from './run-conditions.js';
import type { RunPlan } from './run-conditions.js';
import { collectSecretUses } from './secret-flow.js';
import type { JobInventory, RunCommand, UsesRef } from './types.js';
import { EMPTY_ACTION_FILES, knownRemote } from './resolve/action-files.js';
import { trustedAction } from './trusted-actions.js';
import { visibleCredentials } from './visible-credentials.js';
import type { ActionFiles } from './resolve/action-files.js';
import { calledTokenPermissions } from './resolve/called-workflow.js';
import { resolveIndirection } from './resolve/expand.js';
import type { Frame } from './resolve/expand.js';
import { indirectPaths } from './resolve/frame-paths.js';
import { usesRecord } from './uses.js';
import { UNATTENDED_EVENTS } from '../workflow/event-sets.js';

export interface InventoryOptions {
  /** Environment / target name patterns of the `production` class. */
  readonly productionPatterns: readonly string[];
  /** CODEOWNERS and agent / MCP config files; without it those are a recorded gap. */
  readonly repo?: RepoSnapshot;
  /** The workflow's path inside the repository (for CODEOWNERS). */
  readonly repoPath?: string;
  /** The job the gate runs in (the action): it is running, so its own `if:` held. */
  readonly runningJob?: string;
  /** Composite actions and reusable workflows the adapter read; unread ones are opaque. */
  readonly actionFiles?: ActionFiles;
  /**
   * The policy's `actions: { trusted }` patterns: remote actions a security team vouches for.
   * One that was not read is not opaque; it is still classified by what it is given.
   */
  readonly trustedActions?: readonly string[];
}

export function buildInventory(
  workflow: Workflow,
  context: RunContext,
  options: InventoryOptions,
  jobIds?: readonly string[],
): JobInventory[] {
  const jobs = jobIds ? jobIds.map((id) => findJob(workflow, id)) : workflow.jobs;
  // The pull request is the same for every job: analyse its changes once.
  const change = analyseChange(context);
  const plan = planRun(workflow, context);
  return jobs.map((job) => buildJobInventory(workflow, job, context, options, change, plan));
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

/**
 * The composite-action steps and called jobs a job's inventory was built from (its frames),
 * for the detection rules to run on them too. Kept beside the record, not in it: frames hold
 * whole parsed files, which the BOM never carries.
 */
const FRAMES = new WeakMap<JobInventory, readonly Frame[]>();

export function nestedFrames(inventory: JobInventory): readonly Frame[] {
  return FRAMES.get(inventory) ?? [];
}

export function findJob(workflow: Workflow, id: string): Job {
  const job = workflow.jobs.find((j) => j.id === id);
  if (!job) {
    throw new InputError(
      `unknown job \`${id}\`; the workflow has: ${workflow.jobs.map((j) => j.id).join(', ')}`,
      {
        location: locate(workflow.source, ['jobs'], { key: true }),
      },
    );
  }
  return job;
}

function buildJobInventory(
  workflow: Workflow,
  declared: Job,
  context: RunContext,
  options: InventoryOptions,
  change: JobInventory['change'],
  plan: RunPlan,
): JobInventory {
  const src = workflow.source;
  // What cannot run for this event contributes nothing: the job as it can run.
  const skippedJob =
    declared.id === options.runningJob ? undefined : plan.skippedJobs.get(declared.id);
  const steps = runnableSteps(declared, plan.facts);
  const job = { ...declared, steps: skippedJob ? [] : steps.runnable };
  const triggers = context.event
    ? [context.event]
    : [...new Set(workflow.triggers.map((t) => t.event))];
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
  const unattendedReasons = [
    ...agents.map((a) => `AI agent ${a.id} runs in the job`),
    ...(workflowRole?.actsOnAgentOutput
      ? [`gh-aw ${workflowRole.role} job acts on an AI agent's output`]
      : []),
    ...triggers
      .filter((t) => UNATTENDED_EVENTS.has(t) || t.startsWith('discussion'))
      .map((t) => `triggered by ${t}`),
    // Whatever the trigger: the actor, the one who triggered (a re-run) or the event's sender.
    ...(
      [
        ['actor', context.actor],
        ['triggering actor', context.triggeringActor],
        ['event sender', context.sender],
      ] as const
    )
      .filter(
        ([, login], i, all) => isBotOrAgent(login) && all.findIndex((e) => e[1] === login) === i,
      )
      .map(([role, login]) => `${role} ${login} is a bot or agent`),
  ];
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
  const inventory: JobInventory = {
    workflow: workflow.path,
    job: job.id,
    name: job.name,
    at: locate(src, job.at, { key: true }),
    triggers,
    actor: context.actor,
    unattended: unattendedReasons.length > 0,
    unattendedReasons: [...new Set(unattendedReasons)],
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
    skipped: skippedJob,
    skippedSteps: skippedJob ? [] : steps.skipped,
    ...(resolution.calls.length > 0 ? { calls: resolution.calls } : {}),
    ...(resolution.resolvedRefs.length > 0 ? { resolvedRefs: resolution.resolvedRefs } : {}),
  };
  if (!skippedJob && resolution.frames.length > 0) FRAMES.set(inventory, resolution.frames);
  return inventory;
}
