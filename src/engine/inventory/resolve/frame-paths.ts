/**
 * The action paths a job reaches through indirection: each frame's steps classified by the
 * same step analysis as the job's own (commands, publishing actions, credentials), located in
 * the file they are in and carrying the chain that leads there; plus one opaque path per site
 * the gate could not see through.
 */
import type { RunContext } from '../../context/run-context.js';
import { locate } from '../../workflow/source.js';
import { environmentPaths, stepPaths } from '../action-paths.js';
import { jobEnvironment } from '../environment-protection.js';
import { opaquePath } from '../opaque.js';
import type { PathDraft } from '../opaque.js';
import { collectSecretUses } from '../secret-flow.js';
import type { SecretUse } from '../secret-flow.js';
import type { ChainLink, Credential } from '../types.js';
import type { VisibleCredentials } from '../visible-credentials.js';
import type { Frame, Resolution } from './expand.js';

export interface IndirectInput {
  readonly resolution: Resolution;
  readonly context: RunContext;
  readonly credentials: readonly Credential[];
  readonly productionPatterns: readonly string[];
  /** What each step of the evaluated job can reach: an opaque site gets its root step's. */
  readonly visible: VisibleCredentials;
  /** Whether a remote action's code is known (catalog or the policy's trusted list). */
  readonly knownAction?: (name: string, ref?: string) => boolean;
}

export function indirectPaths(input: IndirectInput): PathDraft[] {
  const jobCredentials = input.credentials.map((c) => c.id);
  // A site under a step reaches what that step can (a nested action gets at most what its
  // caller was given); a called workflow's site, outside any step of this job, reaches all.
  const reach = (step: number | undefined): readonly string[] =>
    (step === undefined ? undefined : input.visible.get(step)) ?? jobCredentials;
  return [
    ...input.resolution.frames.flatMap((f) => framePaths(f, input)),
    ...input.resolution.opaque.map((site) => opaquePath(site, reach(site.step))),
  ];
}

function framePaths(frame: Frame, input: IndirectInput): PathDraft[] {
  const inherited: SecretUse[] = frame.inherited.map((name) => ({
    name,
    form: name === '*' ? 'all' : 'named',
    reach: 'job',
    into: { kind: 'env', key: undefined },
    at: frame.chain[frame.chain.length - 1]?.at ?? {
      path: frame.workflow.path,
      line: 0,
      column: 0,
    },
  }));
  const src = frame.workflow.source;
  const environment = jobEnvironment(frame.job, src, input.context);
  const pathInput = {
    workflow: frame.workflow,
    job: frame.job,
    context: input.context,
    permissions: frame.permissions,
    credentials: input.credentials,
    secretUses: [...collectSecretUses(frame.workflow, frame.job), ...inherited],
    environment,
    productionPatterns: input.productionPatterns,
    agents: [],
    tools: [],
    ...(input.knownAction ? { knownAction: input.knownAction } : {}),
  };
  const steps = stepPaths(pathInput);
  const drafts = [
    ...(frame.kind === 'called-job' ? environmentPaths(pathInput, steps) : []),
    ...steps,
  ];
  return drafts.map((d) => {
    const step = d.step === undefined ? undefined : frame.job.steps.find((s) => s.index === d.step);
    const link: ChainLink[] = step
      ? [
          {
            kind: 'step',
            name: `step ${step.index + 1}${step.name ? ` (${step.name})` : ''}`,
            at: locate(src, step.at),
          },
        ]
      : [];
    return {
      ...d,
      step: frame.rootStep,
      reason: `${d.reason} — via ${frame.chain
        .filter((c) => c.kind !== 'job' || c !== frame.chain[0])
        .map((c) => c.name)
        .join(' → ')}`,
      chain: [...frame.chain, ...link],
    };
  });
}
