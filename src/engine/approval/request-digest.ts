/**
 * The request digest: what an approval is bound to. SHA-256 over a canonical JSON (object
 * keys sorted, no whitespace) of the run, attempt, job, head SHA, BOM digest, policy digest
 * and the approval-required paths (sorted by id). A re-run, a push, a policy change or a
 * different set of paths gives a different digest, so an approval never carries over.
 */
import { createHash } from 'node:crypto';
import type { RequestSubject } from './types.js';

/** Hex digits of the digest an approve / deny command must name. */
export const PREFIX_LENGTH = 12;

/** JSON with object keys sorted at every level; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (value === undefined) return 'null';
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** `sha256:<64 hex>` */
export function requestDigest(subject: RequestSubject): string {
  const canonical = canonicalJson({
    repository: subject.repository,
    runId: String(subject.runId),
    runAttempt: subject.runAttempt,
    job: subject.job,
    headSha: subject.headSha.toLowerCase(),
    bomDigest: subject.bomDigest,
    policyDigest: subject.policyDigest,
    paths: [...subject.paths]
      .map((p) => ({ id: p.id, class: p.class, reason: p.reason, location: p.location }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  });
  return `sha256:${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
}

/** The first {@link PREFIX_LENGTH} hex digits: what approvers type. */
export function digestPrefix(digest: string): string {
  return digest.replace(/^sha256:/, '').slice(0, PREFIX_LENGTH);
}
