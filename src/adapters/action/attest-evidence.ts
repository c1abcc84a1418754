/**
 * Signs the evidence pack with an in-toto attestation (`@actions/attest`): the subject is the
 * pack's digest, the predicate a small summary of the gated run. The signature comes from a
 * short-lived Sigstore certificate issued for the job's OIDC identity, so the attestation
 * proves which workflow produced the evidence; `gh attestation verify` checks it
 * (docs/attestation.md).
 *
 * `@actions/attest` is loaded lazily, so only runs with `attest: true` pay for it.
 *
 * Fail closed: missing OIDC permissions, bad arguments, the library throwing (OIDC, Fulcio,
 * timestamp / transparency log, the attestations API), a stored attestation without an id, or a
 * signed statement about another digest all become an Error; a result is only returned for an
 * attestation over exactly the given digest.
 */
import { createHash, X509Certificate } from 'node:crypto';
import type * as AttestLibrary from '@actions/attest';
import { InputError } from '../../engine/errors.js';

/** The predicate type of agent-gate's evidence attestations (`gh attestation verify --predicate-type`). */
export const EVIDENCE_PREDICATE_TYPE = 'https://agent-gate.dev/evidence/v1';

export const MISSING_OIDC_MESSAGE =
  'attest: true needs `permissions: id-token: write` (and attestations: write)';

export interface AttestInput {
  /** The subject's name, e.g. the artifact name `agent-gate-evidence-<job>-<attempt>` or `manifest.json`. */
  readonly subjectName: string;
  /** `sha256:<64 lowercase hex>`: the evidence pack digest (the manifest digest). */
  readonly digest: string;
  /** GITHUB_TOKEN with `attestations: write` (unused with `skipWrite`). */
  readonly token: string;
  /** Default {@link EVIDENCE_PREDICATE_TYPE}. */
  readonly predicateType?: string;
  /** Small and public: decision, policy digest, run URL, pack file digests — never secrets. */
  readonly predicate: Record<string, unknown>;
  /** Sign, but do not store the attestation with the attestations API (private repos without GHEC). */
  readonly skipWrite?: boolean;
}

export interface AttestResult {
  /** Id the attestations API gave the stored attestation; undefined only with `skipWrite`. */
  readonly attestationId: string | undefined;
  /** `sha256:<hex>` of {@link bundleJson}: which bundle the evidence refers to. */
  readonly bundleDigest: string;
  /** The signing certificate's subject alternative name (the signer workflow, on GitHub). */
  readonly certificateIdentity: string | undefined;
  /** Transparency log index (public-good Sigstore, i.e. public repositories); else undefined. */
  readonly tlogId: string | undefined;
  /**
   * The Sigstore bundle (v0.3, JSON) exactly as hashed into {@link bundleDigest}; write it next
   * to the pack (outside the manifest) to verify offline with `gh attestation verify --bundle`.
   */
  readonly bundleJson: string;
}

const DIGEST = /^sha256:([0-9a-f]{64})$/;
const OIDC_VARIABLES = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'] as const;
const STORAGE_HINT =
  'if the API refused it: storing attestations needs `permissions: attestations: write` and a public repository or GitHub Enterprise Cloud; elsewhere sign without storing (skipWrite)';

export async function attestEvidence(input: AttestInput): Promise<AttestResult> {
  const { subjectName, digest, token, predicate } = input;
  const predicateType = input.predicateType ?? EVIDENCE_PREDICATE_TYPE;
  const skipWrite = input.skipWrite === true;

  const hex = DIGEST.exec(digest)?.[1];
  if (hex === undefined)
    throw new InputError(
      `attest: the digest must be "sha256:" and 64 lowercase hex digits (got ${JSON.stringify(digest)})`,
    );
  if (subjectName.trim() === '') throw new InputError('attest: the subject name is empty');
  if (!isUri(predicateType))
    throw new InputError(
      `attest: the predicate type must be an absolute URI (got ${JSON.stringify(predicateType)})`,
    );
  if (!isPlainObject(predicate))
    throw new InputError('attest: the predicate must be a JSON object');
  try {
    JSON.stringify(predicate);
  } catch (error) {
    throw new InputError(`attest: the predicate is not serialisable: ${messageOf(error)}`, {
      cause: error,
    });
  }
  if (!skipWrite && token === '')
    throw new InputError('attest: storing the attestation needs a token with attestations: write');

  const missing = OIDC_VARIABLES.filter((name) => !process.env[name]);
  if (missing.length > 0)
    throw new InputError(`${MISSING_OIDC_MESSAGE}: ${missing.join(' and ')} not set in this job`);
  // @sigstore/sign races SIGSTORE_ID_TOKEN against the job's OIDC token and signs with whichever
  // arrives first: evidence could be signed for an identity other than this job's.
  if (process.env.SIGSTORE_ID_TOKEN)
    throw new InputError(
      'attest: SIGSTORE_ID_TOKEN is set; unset it so the evidence is signed with this job’s OIDC identity',
    );

  let library: typeof AttestLibrary;
  try {
    library = await import('@actions/attest');
  } catch (error) {
    throw new Error(`attest: could not load @actions/attest: ${messageOf(error)}`, {
      cause: error,
    });
  }

  let attestation: Awaited<ReturnType<typeof library.attest>>;
  try {
    attestation = await library.attest({
      subjects: [{ name: subjectName, digest: { sha256: hex } }],
      predicateType,
      predicate,
      token,
      skipWrite,
    });
  } catch (error) {
    const message = messageOf(error);
    const hint = message.startsWith('Failed to persist attestation') ? ` (${STORAGE_HINT})` : '';
    throw new Error(`attest: signing the evidence (${digest}) failed: ${message}${hint}`, {
      cause: error,
    });
  }

  const failed = (reason: string): Error =>
    new Error(`attest: signing the evidence (${digest}) failed: ${reason}`);

  // The API answers {id: number}; the library's type says string.
  const rawId: unknown = attestation.attestationID;
  let attestationId: string | undefined;
  if (!skipWrite) {
    if ((typeof rawId !== 'number' && typeof rawId !== 'string') || String(rawId) === '')
      throw failed(
        `the attestations API stored the attestation but returned no id (got ${JSON.stringify(rawId) ?? 'undefined'})`,
      );
    attestationId = String(rawId);
  }

  const bundleJson = JSON.stringify(attestation.bundle);
  checkStatement(attestation.bundle.dsseEnvelope, subjectName, hex, predicateType, failed);

  return {
    attestationId,
    bundleDigest: `sha256:${createHash('sha256').update(bundleJson, 'utf8').digest('hex')}`,
    certificateIdentity: certificateIdentity(attestation.certificate),
    tlogId: attestation.tlogID === undefined ? undefined : String(attestation.tlogID),
    bundleJson,
  };
}

/** The signed statement must be about exactly our subject: never return a result for another. */
function checkStatement(
  envelope: { payload: string; payloadType: string } | undefined,
  name: string,
  hex: string,
  predicateType: string,
  failed: (reason: string) => Error,
): void {
  if (envelope === undefined) throw failed('the bundle has no DSSE envelope');
  let statement: unknown;
  try {
    statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
  } catch {
    throw failed('the bundle’s DSSE payload is not JSON');
  }
  const s = statement as {
    subject?: { name?: unknown; digest?: Record<string, unknown> }[];
    predicateType?: unknown;
  };
  const subject = Array.isArray(s.subject) && s.subject.length === 1 ? s.subject[0] : undefined;
  if (
    envelope.payloadType !== 'application/vnd.in-toto+json' ||
    subject?.name !== name ||
    subject.digest?.sha256 !== hex ||
    s.predicateType !== predicateType
  )
    throw failed('the signed in-toto statement is not about the given subject and predicate type');
}

/** First subject alternative name of the signing certificate, without its `URI:` / `email:` tag. */
function certificateIdentity(pem: string): string | undefined {
  let san: string | undefined;
  try {
    san = new X509Certificate(pem).subjectAltName;
  } catch {
    return undefined;
  }
  const first = san?.match(/^[A-Za-z ]+:("(?:[^"\\]|\\.)*"|[^,]*)/);
  if (!first?.[1]) return undefined;
  const value = first[1];
  if (!value.startsWith('"')) return value;
  try {
    return JSON.parse(value) as string;
  } catch {
    return value;
  }
}

function isUri(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * One line of what was thrown, with a cause chain (sigstore wraps the HTTP error) and JWT-shaped
 * strings redacted: @sigstore/sign puts an unparsable identity token into its message.
 */
function messageOf(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 4; depth++) {
    const text = textOf(current);
    const line = (text.split('\n')[0] ?? text).trim();
    if (line !== '' && !parts.some((p) => p.includes(line))) parts.push(line);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts
    .join(': ')
    .replace(/eyJ[\w-]*\.[\w-]*\.[\w-]*/g, '[redacted JWT]')
    .replace(/(invalid identity token: )(?!undefined\b)\S+/g, '$1[redacted]');
}

function textOf(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}
