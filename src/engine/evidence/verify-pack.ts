/**
 * Checks an evidence pack as it arrives (the files of a pack directory or of a downloaded
 * artifact zip): every file against manifest.json (missing, extra, altered), the manifest's
 * own digest, evidence.json / bom.json / manifest.json against policies/evidence.schema.json,
 * findings.sarif against the official SARIF 2.1.0 schema (validators compiled at build time),
 * the BOM and policy digest consistent across files, and an attestation's subject digest.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ErrorObject } from 'ajv';
import {
  validateBom,
  validateEvidence,
  validateManifest,
} from '../../generated/evidence-validator.js';
import validateSarif from '../../generated/sarif-validator.js';
import { digestOfHashes, serialize, sha256Hex } from './build-pack.js';
import { describeSchemaErrors } from './schema-errors.js';
import { ATTESTATION_FILES, PACK_FILES } from './types.js';
import type { BomDocument, EvidenceDocument, Manifest } from './types.js';

export interface VerifyResult {
  readonly ok: boolean;
  /** One sentence per problem, naming the file. */
  readonly problems: string[];
  /**
   * The pack digest recomputed from the files present (what manifest.json's `digest` and an
   * attestation must equal); undefined when there is no readable manifest.
   */
  readonly digest: string | undefined;
}

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

const REQUIRED = [PACK_FILES.evidence, PACK_FILES.bom, PACK_FILES.sarif, PACK_FILES.summary];
const utf8 = new TextDecoder('utf-8', { fatal: true });
/** An attestation record must name manifest.json and its exact SHA-256. */
function checkAttestationRecord(files: ReadonlyMap<string, Buffer>, problems: string[]): void {
  const record = files.get('attestation.json');
  if (record === undefined) {
    if (files.has('attestation.sigstore.json'))
      problems.push('attestation.sigstore.json is present without attestation.json');
    return;
  }
  let parsed: { subject?: unknown; subjectDigest?: unknown };
  try {
    parsed = JSON.parse(record.toString('utf8')) as typeof parsed;
  } catch {
    problems.push('attestation.json is not valid JSON');
    return;
  }
  const manifest = files.get(PACK_FILES.manifest);
  const actual = manifest === undefined ? undefined : `sha256:${sha256Hex(manifest)}`;
  if (parsed.subject !== PACK_FILES.manifest || parsed.subjectDigest !== actual) {
    problems.push(
      `attestation.json does not sign this ${PACK_FILES.manifest} (its subject digest is ${String(parsed.subjectDigest)}, the file's is ${actual ?? 'missing'})`,
    );
  }
  if (!files.has('attestation.sigstore.json'))
    problems.push(
      'attestation.json is present without attestation.sigstore.json (the signed bundle)',
    );
}

/** The runner refuses a larger step summary. */
const MAX_STEP_SUMMARY_BYTES = 1024 * 1024;

export function verifyPack(files: ReadonlyMap<string, Buffer>): VerifyResult {
  const problems: string[] = [];
  const hashes = new Map<string, string>();
  for (const [name, content] of files) {
    if (name !== PACK_FILES.manifest && !ATTESTATION_FILES.includes(name))
      hashes.set(name, sha256Hex(content));
  }
  checkAttestationRecord(files, problems);

  const manifest = readDocument<Manifest>(files, PACK_FILES.manifest, validateManifest, problems);
  let digest: string | undefined;
  if (manifest === undefined) {
    for (const name of REQUIRED)
      if (!files.has(name)) problems.push(`${name} is missing from the pack`);
  } else {
    digest = safeDigest(hashes, problems);
    checkAgainstManifest(files, hashes, manifest, problems);
  }

  const evidence = readDocument<EvidenceDocument>(
    files,
    PACK_FILES.evidence,
    validateEvidence,
    problems,
  );
  const bom = readDocument<BomDocument>(files, PACK_FILES.bom, validateBom, problems);
  readDocument<unknown>(files, PACK_FILES.sarif, validateSarif, problems);

  const summary = files.get(PACK_FILES.summary);
  if (summary !== undefined) {
    if (summary.length > MAX_STEP_SUMMARY_BYTES)
      problems.push(`${PACK_FILES.summary} is over the runner's 1 MiB step-summary limit`);
    try {
      utf8.decode(summary);
    } catch {
      problems.push(`${PACK_FILES.summary} is not valid UTF-8`);
    }
  }
  if (
    evidence !== undefined &&
    bom !== undefined &&
    !isDeepStrictEqual(bom.workflows, evidence.bom)
  )
    problems.push(`${PACK_FILES.bom} differs from the BOM in ${PACK_FILES.evidence}`);
  if (evidence !== undefined && manifest !== undefined) {
    if (manifest.policyDigest !== evidence.policy.digest)
      problems.push(
        `${PACK_FILES.manifest} policyDigest ${manifest.policyDigest} differs from ${PACK_FILES.evidence}'s ${evidence.policy.digest}`,
      );
    if (!isDeepStrictEqual(manifest.tool, evidence.tool))
      problems.push(
        `${PACK_FILES.manifest} and ${PACK_FILES.evidence} name different tool versions`,
      );
  }
  if (evidence?.attestation?.subjectDigest) {
    const signed = attestedDigest(evidence, hashes);
    if (signed !== evidence.attestation.subjectDigest)
      problems.push(
        `the attestation's subject digest ${evidence.attestation.subjectDigest} is not this pack's (recomputed without the attestation record: ${signed})`,
      );
  }
  return { ok: problems.length === 0, problems, digest };
}

/**
 * The digest the attestation signed: the pack's, with evidence.json as it was before the
 * attestation record was added (`attestation: null`; the pack's JSON form is canonical).
 */
export function attestedDigest(
  evidence: EvidenceDocument,
  hashes: ReadonlyMap<string, string>,
): string {
  const before = serialize({ ...evidence, attestation: null });
  const rehashed = new Map(hashes);
  rehashed.set(PACK_FILES.evidence, sha256Hex(before));
  return digestOfHashes(rehashed);
}

function checkAgainstManifest(
  files: ReadonlyMap<string, Buffer>,
  hashes: ReadonlyMap<string, string>,
  manifest: Manifest,
  problems: string[],
): void {
  const listed = new Map(Object.entries(manifest.files));
  for (const name of REQUIRED)
    if (!listed.has(name)) problems.push(`${PACK_FILES.manifest} does not list ${name}`);
  for (const [name, entry] of listed) {
    const content = files.get(name);
    const actual = hashes.get(name);
    if (content === undefined || actual === undefined) {
      problems.push(`${name} is missing (listed in ${PACK_FILES.manifest})`);
    } else if (actual !== entry.sha256) {
      problems.push(
        `${name} was altered: its SHA-256 is ${actual}, the manifest says ${entry.sha256}`,
      );
    } else if (content.length !== entry.bytes) {
      problems.push(`${name} is ${content.length} bytes, the manifest says ${entry.bytes}`);
    }
  }
  for (const name of hashes.keys())
    if (!listed.has(name)) problems.push(`${name} is an extra file, not in ${PACK_FILES.manifest}`);
  const claimed = safeDigest(new Map([...listed].map(([n, e]) => [n, e.sha256])), problems);
  if (claimed !== undefined && claimed !== manifest.digest)
    problems.push(
      `${PACK_FILES.manifest} digest ${manifest.digest} does not match its own file list (${claimed})`,
    );
}

function safeDigest(hashes: ReadonlyMap<string, string>, problems: string[]): string | undefined {
  try {
    return digestOfHashes(hashes);
  } catch (error) {
    problems.push((error as Error).message);
    return undefined;
  }
}

/** Parses and validates one JSON file of the pack; undefined (with the problems) when it is not valid. */
function readDocument<T>(
  files: ReadonlyMap<string, Buffer>,
  name: string,
  validate: Validator,
  problems: string[],
): T | undefined {
  const content = files.get(name);
  if (content === undefined) {
    if (name === PACK_FILES.manifest) problems.push(`${name} is missing from the pack`);
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(utf8.decode(content)) as unknown;
  } catch (error) {
    problems.push(`${name} is not valid UTF-8 JSON: ${(error as Error).message}`);
    return undefined;
  }
  if (!validate(data)) {
    problems.push(...describeSchemaErrors(name, validate.errors));
    return undefined;
  }
  return data as T;
}
