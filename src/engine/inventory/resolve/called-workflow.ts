/**
 * What a reusable-workflow call passes: `with:` against the callee's `workflow_call` inputs,
 * and the token the called job gets — the caller's grant, lowered (never raised) by the
 * callee's own `permissions:`.
 */
import type { Entry, Job, PermissionLevel, Step, Workflow } from '../../workflow/model.js';
import type { EffectivePermissions } from '../types.js';
import { substituteStep } from './substitute.js';
import type { Bindings } from './substitute.js';

export function bindEntry(e: Entry, b: Bindings): Entry {
  return { ...e, value: substituteStep({ ...EMPTY_STEP, run: e.value }, b).run ?? e.value };
}

const EMPTY_STEP: Step = {
  index: 0,
  id: undefined,
  name: undefined,
  uses: undefined,
  usesRef: undefined,
  run: undefined,
  shell: undefined,
  if: undefined,
  workingDirectory: undefined,
  with: [],
  env: [],
  at: [],
};

/** `on.workflow_call.inputs` of a called workflow, with defaults. */
export function workflowCallInputs(
  callee: Workflow,
): { name: string; default: string | undefined }[] {
  const data = callee.source.data as { on?: { workflow_call?: { inputs?: unknown } } } | null;
  const inputs = data?.on?.workflow_call?.inputs;
  if (typeof inputs !== 'object' || inputs === null) return [];
  return Object.entries(inputs as Record<string, unknown>).map(([name, spec]) => {
    const d = (spec as { default?: unknown } | null)?.default;
    return {
      name,
      default:
        typeof d === 'string' || typeof d === 'number' || typeof d === 'boolean'
          ? String(d)
          : undefined,
    };
  });
}

const RANK: Readonly<Record<PermissionLevel, number>> = { none: 0, read: 1, write: 2 };

/** The called job's token: the caller's grant, lowered by the callee's own block (never raised). */
export function intersect(
  grant: EffectivePermissions,
  callee: EffectivePermissions,
  job: Job,
  workflow: Workflow,
): EffectivePermissions {
  if (!(job.permissions ?? workflow.permissions)) return { ...grant, at: callee.at };
  const scopes: Record<string, PermissionLevel> = {};
  for (const scope of new Set([...Object.keys(grant.scopes), ...Object.keys(callee.scopes)])) {
    const a = grant.scopes[scope] ?? 'none';
    const b = callee.scopes[scope] ?? 'none';
    scopes[scope] = RANK[a] <= RANK[b] ? a : b;
  }
  return { ...callee, scopes, assumed: grant.assumed };
}

/**
 * The token a calling job's work really holds: each called job gets the caller's grant
 * intersected with its own block, so the caller job's token is the union of those (per scope,
 * the highest any called job keeps). When no called job was read, the grant stands (fail
 * closed: what cannot be seen keeps the caller's full grant).
 */
export function calledTokenPermissions(
  grant: EffectivePermissions,
  called: readonly EffectivePermissions[],
): EffectivePermissions {
  if (called.length === 0) return grant;
  const scopes: Record<string, PermissionLevel> = {};
  for (const p of called)
    for (const [scope, level] of Object.entries(p.scopes))
      if (RANK[level] > RANK[scopes[scope] ?? 'none']) scopes[scope] = level;
  for (const scope of Object.keys(grant.scopes)) scopes[scope] ??= 'none';
  return { ...grant, scopes, assumed: called.some((p) => p.assumed) };
}
