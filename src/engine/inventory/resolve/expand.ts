/**
 * Follows a job's indirection: the composite actions its steps use and the reusable workflow
 * it calls, recursively (depth cap, cycle detection). Each level becomes a *frame* — steps of
 * another file analysed as steps of the calling job (composite) or as the called job with the
 * caller's grant (reusable workflow) — and whatever cannot be read becomes an opaque site.
 * Pure: the files come from `ActionFiles`, which the adapters filled.
 */
import type { Entry, Job, Workflow } from '../../workflow/model.js';
import { locate } from '../../workflow/source.js';
import { detectAgents } from '../agents.js';
import type { OpaqueSite } from '../opaque.js';
import { effectivePermissions } from '../permissions.js';
import type { SecretUse } from '../secret-flow.js';
import { collectSecretUses } from '../secret-flow.js';
import type { AgentUse, CallEdge, ChainLink, EffectivePermissions } from '../types.js';
import { MAX_INDIRECTION_DEPTH, candidatesOf, knownRemote, lookup } from './action-files.js';
import type { FileRef, Origin } from './action-files.js';
import { bindInputs, substituteStep } from './substitute.js';
import { bindEntry, intersect, workflowCallInputs } from './called-workflow.js';
import type { Bindings } from './substitute.js';
import { stepLabel } from '../../workflow/step-label.js';
import { compositeFrame, type Frame, type Resolution, type ResolveInput } from './frame.js';
import { localAgents } from './local-agent.js';

export type { Frame, Resolution, ResolveInput } from './frame.js';

export function resolveIndirection(input: ResolveInput): Resolution {
  const out = {
    frames: [] as Frame[],
    opaque: [] as OpaqueSite[],
    agents: [] as AgentUse[],
    calls: [] as CallEdge[],
    secretUses: [] as SecretUse[],
    resolvedRefs: [] as { ref: string; sha: string }[],
  };
  const { workflow, job } = input;
  const rootLink: ChainLink = {
    kind: 'job',
    name: job.id,
    at: locate(workflow.source, job.at, { key: true }),
  };
  const reach = (step: number): string[] =>
    input.secretUses.filter((u) => u.reach === 'job' || u.reach === step).map((u) => u.name);
  const walker = new Walker(input, out);
  if (job.uses) walker.call(workflow, job, [rootLink], { kind: 'local' }, 0, new Set());
  walker.steps(workflow, job, [rootLink], undefined, reach, input.permissions, 0, new Set());
  return out;
}

class Walker {
  constructor(
    private readonly input: ResolveInput,
    private readonly out: {
      frames: Frame[];
      opaque: OpaqueSite[];
      agents: AgentUse[];
      calls: CallEdge[];
      secretUses: SecretUse[];
      resolvedRefs: { ref: string; sha: string }[];
    },
  ) {}

  /** The `uses:` steps of a job or frame: composite actions become frames. */
  steps(
    workflow: Workflow,
    job: Job,
    chain: readonly ChainLink[],
    rootStep: number | undefined,
    reach: (step: number) => readonly string[],
    permissions: EffectivePermissions,
    depth: number,
    visiting: ReadonlySet<string>,
  ): void {
    for (const step of job.steps) {
      if (!step.uses) continue;
      const root = rootStep ?? step.index;
      const at = locate(workflow.source, [...step.at, 'uses']);
      const stepLink: ChainLink = { kind: 'step', name: stepLabel(step), at };
      const site = (what: string, why: string): void => {
        this.out.opaque.push({
          what,
          why,
          at,
          step: root,
          uses: step.uses,
          chain: chain.length > 1 ? [...chain, stepLink] : undefined,
        });
      };
      const uses = step.usesRef;
      if (!uses || uses.kind === 'docker') continue;
      if (uses.kind === 'local')
        this.out.agents.push(
          ...localAgents(this.input.context.repository, workflow, job, step, root),
        );
      const candidates = candidatesOf(step.uses, false, { kind: 'local' });
      const what = `${uses.kind === 'local' ? 'local' : 'remote'} action ${step.uses}`;
      const known =
        uses.kind !== 'local' &&
        (knownRemote(uses.name) || this.input.trusted?.(uses.name, uses.ref) === true);
      if (candidates.length === 0) {
        if (!known) site(what, 'its reference is computed or leaves the repository');
        continue;
      }
      const hit = this.lookup(candidates);
      if (!hit || hit.file.kind === 'missing') {
        if (!known)
          site(what, hit?.file.kind === 'missing' ? hit.file.why : 'its action.yml was not read');
        continue;
      }
      if (hit.file.kind !== 'action') {
        site(what, `${hit.key} is not action metadata`);
        continue;
      }
      const action = hit.file.action;
      if (action.using !== 'composite') {
        // node / docker code is never read: known by its catalog entry, else opaque — fetching
        // its action.yml must not loosen what the unfetched reference decided.
        if (!known) site(what, `${action.using} action code is not analysed`);
        continue;
      }
      if (visiting.has(hit.key)) {
        site(what, `cycle: ${hit.key} is already being expanded on this chain`);
        continue;
      }
      if (depth + 1 >= MAX_INDIRECTION_DEPTH) {
        site(what, `the indirection depth cap (${MAX_INDIRECTION_DEPTH}) is reached`);
        continue;
      }
      const frameChain: ChainLink[] = [
        ...chain,
        stepLink,
        { kind: 'action', name: step.uses, at: locate(action.source, action.at, { key: true }) },
      ];
      const bindings: Bindings = { inputs: bindInputs(step.with, action.inputs) };
      const frame = compositeFrame(action, job, workflow, bindings, frameChain, root, permissions, [
        ...reach(step.index),
      ]);
      this.out.frames.push(frame);
      this.frameAgents(frame);
      const inherited = frame.inherited;
      const frameUses = collectSecretUses(frame.workflow, frame.job);
      this.steps(
        frame.workflow,
        frame.job,
        frameChain,
        root,
        (i) => [...inherited, ...frameUses.filter((u) => u.reach === i).map((u) => u.name)],
        permissions,
        depth + 1,
        new Set([...visiting, hit.key]),
      );
    }
  }

  /** A job-level `uses:`: the called workflow's jobs, evaluated as called. */
  call(
    workflow: Workflow,
    job: Job,
    chain: readonly ChainLink[],
    origin: Origin,
    depth: number,
    visiting: ReadonlySet<string>,
  ): void {
    const raw = job.uses ?? '';
    const at = locate(workflow.source, [...job.at, 'uses']);
    const site = (why: string): void => {
      this.out.opaque.push({
        what: `reusable workflow ${raw}`,
        why,
        at,
        uses: raw,
        chain: chain.length > 1 ? chain : undefined,
      });
    };
    const candidates = candidatesOf(raw, true, origin);
    if (candidates.length === 0) return site('its reference is computed or leaves the repository');
    const hit = this.lookup(candidates);
    if (!hit || hit.file.kind === 'missing')
      return site(hit?.file.kind === 'missing' ? hit.file.why : 'its file was not read');
    if (hit.file.kind !== 'workflow') return site(`${hit.key} is not a workflow`);
    if (visiting.has(hit.key))
      return site(`cycle: ${hit.key} is already being expanded on this chain`);
    if (depth + 1 >= MAX_INDIRECTION_DEPTH)
      return site(`the indirection depth cap (${MAX_INDIRECTION_DEPTH}) is reached`);
    const callee = hit.file.workflow;
    const grant = this.permissionsOf(workflow, job, depth);
    const bindings: Bindings = {
      inputs: bindInputs(job.with, workflowCallInputs(callee)),
      secrets:
        job.secrets === 'inherit'
          ? 'inherit'
          : new Map((job.secrets ?? []).map((e) => [e.key.toUpperCase(), e.value])),
    };
    const calleeOrigin: Origin =
      hit.ref.kind === 'local' ? origin : { kind: 'remote', repo: hit.ref.repo, ref: hit.ref.ref };
    const edgeJobs: CallEdge['jobs'][number][] = [];
    const workflowLink: ChainLink = {
      kind: 'workflow',
      name: raw,
      at: locate(callee.source, ['on'], { key: true }),
    };
    for (const calleeJob of callee.jobs) {
      const bound: Job = {
        ...calleeJob,
        steps: calleeJob.steps.map((s) => substituteStep(s, bindings)),
        with: calleeJob.with.map((e) => bindEntry(e, bindings)),
        env: calleeJob.env.map((e) => bindEntry(e, bindings)),
        environment: calleeJob.environment && {
          ...calleeJob.environment,
          name: bindEntry(
            { key: 'environment', value: calleeJob.environment.name, at: [] },
            bindings,
          ).value,
        },
        secrets: Array.isArray(calleeJob.secrets)
          ? (calleeJob.secrets as readonly Entry[]).map((e) => bindEntry(e, bindings))
          : calleeJob.secrets,
      };
      const boundWorkflow: Workflow = {
        ...callee,
        env: callee.env.map((e) => bindEntry(e, bindings)),
      };
      const jobLink: ChainLink = {
        kind: 'job',
        name: calleeJob.id,
        at: locate(callee.source, calleeJob.at, { key: true }),
      };
      const permissions = intersect(
        grant,
        effectivePermissions(callee, calleeJob, this.input.context),
        calleeJob,
        callee,
      );
      edgeJobs.push({ job: calleeJob.id, at: jobLink.at, permissions: permissions.scopes });
      const frameChain = [...chain, workflowLink, jobLink];
      const frame: Frame = {
        kind: 'called-job',
        workflow: boundWorkflow,
        job: bound,
        chain: frameChain,
        rootStep: undefined,
        permissions,
        inherited: [],
      };
      this.out.frames.push(frame);
      this.frameAgents(frame);
      const uses = collectSecretUses(boundWorkflow, bound);
      if (job.secrets === 'inherit')
        this.out.secretUses.push(
          ...uses
            .filter((u) => u.name !== 'GITHUB_TOKEN')
            .map((u) => ({ ...u, reach: 'job' as const })),
        );
      const next = new Set([...visiting, hit.key]);
      if (bound.uses) this.call(boundWorkflow, bound, frameChain, calleeOrigin, depth + 1, next);
      this.steps(
        boundWorkflow,
        bound,
        frameChain,
        undefined,
        (i) => uses.filter((u) => u.reach === 'job' || u.reach === i).map((u) => u.name),
        permissions,
        depth + 1,
        next,
      );
    }
    this.out.calls.push({
      uses: raw,
      file: callee.path,
      at,
      jobs: edgeJobs,
    });
  }

  /** The file behind a reference; a tag resolved on the way is recorded once. */
  private lookup(candidates: readonly FileRef[]): ReturnType<typeof lookup> {
    const hit = lookup(this.input.files, candidates);
    if (hit?.ref.kind === 'remote') {
      const ref = `${hit.ref.repo}@${hit.ref.ref}`;
      const sha = this.input.files.resolved.get(ref);
      if (sha && !this.out.resolvedRefs.some((r) => r.ref === ref))
        this.out.resolvedRefs.push({ ref, sha });
    }
    return hit;
  }

  /** The grant of the calling job: the evaluated job's, or a called job's own (recorded). */
  private permissionsOf(workflow: Workflow, job: Job, depth: number): EffectivePermissions {
    if (depth === 0) return this.input.permissions;
    const frame = this.out.frames.find(
      (f) => f.job.id === job.id && f.workflow.path === workflow.path,
    );
    return frame?.permissions ?? this.input.permissions;
  }

  /** Agents the frame's steps start (their step is the evaluated job's calling step). */
  private frameAgents(frame: Frame): void {
    const found = detectAgents(
      frame.workflow,
      frame.job,
      frame.permissions.scopes['id-token'] === 'write',
    );
    for (const a of found) {
      if (a.via === 'workflow-header' || a.via === 'setup-steps') continue;
      this.out.agents.push({ ...a, step: frame.rootStep });
    }
  }
}
