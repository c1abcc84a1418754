/**
 * Binds what the post step reads to what the main step decided. Any later step of the job
 * (the agent included) can rewrite files under RUNNER_TEMP, but not the main step's saved
 * state: the runner reads GITHUB_STATE when the step ends and gives it to the post step
 * only. So the main step saves the decision and the SHA-256 of the evidence input there,
 * and the post step completes nothing it cannot match against them.
 */
import { createHash } from 'node:crypto';

export const STATE_EVIDENCE_DIGEST = 'evidence-digest';
export const STATE_DECISION = 'decision';
export const STATE_ARTIFACT = 'evidence-artifact';
/** The file the post step writes instead of the pack when the evidence was changed. */
export const TAMPER_FILE = 'tampering.json';

export interface Seal {
  /** `sha256:<hex>` of evidence-input.json as the main step wrote it last. */
  readonly digest: string;
  readonly decision: string;
  /** The artifact name, or '' when the pack is not uploaded. */
  readonly artifact: string;
}

export function sha256(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** Why the evidence input does not match the seal; undefined when it does. */
export function sealMismatch(seal: Partial<Seal>, text: string): string | undefined {
  if (!seal.digest || !seal.decision)
    return 'the main step saved no digest of its evidence (GITHUB_STATE), so it cannot be verified';
  const found = sha256(text);
  if (found !== seal.digest)
    return `its SHA-256 is ${found}, the main step saved ${seal.digest}: a later step changed it`;
  let decision: unknown;
  try {
    decision = (JSON.parse(text) as { report?: { decision?: unknown } }).report?.decision;
  } catch {
    return 'it is not JSON';
  }
  if (decision !== seal.decision)
    return `it says the decision was ${String(decision)}, the main step decided ${seal.decision}`;
  return undefined;
}

/** The record of a tampered evidence input: the pack in place of forged content. */
export function tamperRecord(seal: Partial<Seal>, text: string | undefined, why: string): string {
  return `${JSON.stringify(
    {
      schemaVersion: 1,
      status: 'tampered',
      file: 'evidence-input.json',
      why,
      decision: seal.decision ?? null,
      expectedDigest: seal.digest ?? null,
      foundDigest: text === undefined ? null : sha256(text),
      note: 'the post step did not complete, sign or upload the changed evidence; the decision is the one the main step saved',
    },
    null,
    2,
  )}\n`;
}
