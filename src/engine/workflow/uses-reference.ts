/**
 * A `uses:` reference parsed once, when the model is built: step actions, docker images,
 * local actions and reusable workflows, with the ref and whether it is pinned to an
 * immutable commit or digest. Every reader takes `step.usesRef` / `job.usesRef` instead of
 * splitting the text again.
 */

export interface UsesReference {
  /** The text as written (trimmed). */
  readonly raw: string;
  readonly kind: 'action' | 'local' | 'docker' | 'reusable-workflow';
  /** `owner/repo[/path]` for remote refs, the image for docker, the path for local ones. */
  readonly name: string;
  readonly ref: string | undefined;
  /** Pinned to a full 40-hex commit SHA (or a docker digest). */
  readonly pinned: boolean;
}

const FULL_SHA = /^[0-9a-f]{40}$/i;

/** Parses a `uses:`; `jobLevel` for a job's `uses:` (always a reusable workflow). */
export function parseUsesReference(raw: string, jobLevel: boolean): UsesReference {
  const value = raw.trim();
  if (value.startsWith('docker://')) {
    const image = value.slice('docker://'.length);
    return {
      raw: value,
      kind: 'docker',
      name: image.split('@')[0] ?? image,
      ref: undefined,
      pinned: /@sha256:[0-9a-f]{64}$/i.test(image),
    };
  }
  if (isLocalUses(value)) {
    // Local: the code comes from the same checkout as the workflow.
    return { raw: value, kind: 'local', name: value, ref: undefined, pinned: true };
  }
  const at = value.lastIndexOf('@');
  const name = at > 0 ? value.slice(0, at) : value;
  const ref = at > 0 ? value.slice(at + 1) : undefined;
  const reusable = jobLevel || /\/\.github\/workflows\/[^/]+\.ya?ml$/i.test(name);
  return {
    raw: value,
    kind: reusable ? 'reusable-workflow' : 'action',
    name,
    ref,
    pinned: ref !== undefined && FULL_SHA.test(ref),
  };
}

/** A `uses:` that names code in the same checkout as the workflow. */
export function isLocalUses(raw: string): boolean {
  const value = raw.trim();
  return value.startsWith('./') || value.startsWith('../') || value.startsWith('$/');
}

/** The remote action a reference names (`owner/repo[/path]`), else undefined. */
export function remoteActionName(ref: UsesReference | undefined): string | undefined {
  return ref?.kind === 'action' || ref?.kind === 'reusable-workflow' ? ref.name : undefined;
}

/** The reference without its ref, as written: `owner/repo[/path]`, `docker://image`, `./path`. */
export function usesWithoutRef(ref: UsesReference): string {
  return ref.kind === 'docker' ? `docker://${ref.name}` : ref.name;
}
