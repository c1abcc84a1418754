/**
 * Small step helpers shared by the injection and checkout rules: which action a step uses,
 * which version it asks for (from the ref or a `# vX.Y.Z` comment after a SHA pin), and its
 * `with:` inputs read case-insensitively.
 */
import type { Entry, Step, Workflow } from '../../workflow/model.js';
import { remoteActionName } from '../../workflow/uses-reference.js';
import { normalizeActionName } from '../../inventory/uses.js';

export interface StepAction {
  /** Lower-case `owner/repo[/path]`. */
  readonly name: string;
  readonly ref: string | undefined;
}

/** The remote action a step uses; undefined for `run:` steps, local and docker uses. */
export function stepAction(step: Step): StepAction | undefined {
  const ref = step.usesRef;
  const name = remoteActionName(ref);
  if (!ref?.raw || name === undefined) return undefined;
  return { name: normalizeActionName(name), ref: ref.ref };
}

/** True when the step uses `action` (`owner/repo` or `owner/repo/path`), any ref. */
export function usesAction(step: Step, ...actions: readonly string[]): boolean {
  const a = stepAction(step);
  return a !== undefined && actions.some((x) => a.name === x.toLowerCase());
}

/** A local action (`uses: ./path`): its code comes from the workspace. */
export function isLocalAction(step: Step): boolean {
  const raw = step.uses?.trim() ?? '';
  return raw.startsWith('./') || raw.startsWith('../') || raw.startsWith('$/');
}

export function input(step: Step, key: string): Entry | undefined {
  const k = key.toLowerCase();
  return step.with.find((e) => e.key.toLowerCase() === k);
}

export type Version = readonly [major: number, minor: number, patch: number];

const VERSION = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/i;
const FULL_SHA = /^[0-9a-f]{40}$/i;

function parseVersion(text: string): Version | undefined {
  const m = VERSION.exec(text.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

/**
 * The version a step's action resolves to: the ref when it is a version tag; for a SHA pin,
 * the `# vX.Y.Z` comment on the `uses:` line. Undefined when neither says (a branch, a bare
 * SHA). A major-only tag (`v4`) floats to the newest release of that major at run time.
 */
export function actionVersion(
  step: Step,
  workflow: Workflow,
  line: number,
): { readonly version: Version; readonly floating: boolean } | undefined {
  const a = stepAction(step);
  if (!a?.ref) return undefined;
  if (FULL_SHA.test(a.ref)) {
    const text = workflow.source.text.split('\n')[line - 1] ?? '';
    const m = /#\s*(?:tag\s*[:=]?\s*)?(v?\d+(?:\.\d+){0,2})\b/i.exec(text);
    const version = m?.[1] !== undefined ? parseVersion(m[1]) : undefined;
    return version && { version, floating: false };
  }
  const version = parseVersion(a.ref);
  if (!version) return undefined;
  return { version, floating: !/^v?\d+\.\d+/.test(a.ref) };
}

/** a < b for versions. */
export function versionBelow(a: Version, b: Version): boolean {
  for (let i = 0; i < 3; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x !== y) return x < y;
  }
  return false;
}

/** A `with:` value that is exactly `true` / `false` (YAML or string); undefined otherwise. */
export function booleanValue(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}
