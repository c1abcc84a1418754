/**
 * The evidence pack, built in memory: evidence.json (validated against
 * policies/evidence.schema.json before anything is returned), bom.json, findings.sarif
 * (valid against the official SARIF 2.1.0 schema: checked by the tests and `verify`), summary.md, and last manifest.json
 * with the SHA-256 of every other file and the digest of the whole pack. Pure: the adapters
 * write the files. Every string passes the secret redaction first (redact.ts).
 */
import { createHash } from 'node:crypto';
import type { ErrorObject } from 'ajv';
import {
  validateBom,
  validateEvidence,
  validateManifest,
} from '../../generated/evidence-validator.js';
import { escapeMarkdown } from '../escape.js';
import { cellCode, renderMarkdown } from '../report/render-markdown.js';
import { sarifDocument } from '../report/render-sarif.js';
import { evidenceDocument, TOOL_INFO } from './document.js';
import { redactDeep } from './redact.js';
import { describeSchemaErrors } from './schema-errors.js';
import { PACK_FILES } from './types.js';
import type { BomDocument, EvidenceDocument, EvidenceInput, Manifest } from './types.js';

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** evidence.json's document; throws (naming the first schema error) rather than return an invalid one. */
export function buildEvidence(input: EvidenceInput): EvidenceDocument {
  const doc = evidenceDocument(redactDeep(input));
  assertValid(validateEvidence, doc, PACK_FILES.evidence);
  return doc;
}

/** Every file of the pack by name, in writing order; manifest.json last. */
export function buildPackFiles(input: EvidenceInput): Map<string, string> {
  const safe = redactDeep(input);
  const evidence = evidenceDocument(safe);
  assertValid(validateEvidence, evidence, PACK_FILES.evidence);
  const bom: BomDocument = { schemaVersion: 1, tool: TOOL_INFO, workflows: evidence.bom };
  assertValid(validateBom, bom, PACK_FILES.bom);
  // SARIF is checked against the official schema by the tests and by `verify`, not here:
  // its 0.5 MB validator would be paid on every gated run.
  const sarif = sarifDocument(safe.report);

  const files = new Map<string, string>([
    [PACK_FILES.evidence, serialize(evidence)],
    [PACK_FILES.bom, serialize(bom)],
    [PACK_FILES.sarif, serialize(sarif)],
    [PACK_FILES.summary, renderSummary(safe, evidence)],
  ]);
  const manifest = buildManifest(files, evidence.policy.digest);
  assertValid(validateManifest, manifest, PACK_FILES.manifest);
  files.set(PACK_FILES.manifest, serialize(manifest));
  return files;
}

/** The one JSON form of every pack document: two-space indent, final newline. */
export function serialize(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function sha256Hex(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * The digest of the whole pack — what manifest.json records and an attestation signs:
 * `sha256:` + SHA-256 over the lines `<name>\0<sha256 hex of the file>\n` of every file except
 * manifest.json, sorted by name (UTF-8 byte order) and concatenated.
 */
export function packDigest(files: ReadonlyMap<string, string | Buffer>): string {
  const hashes = new Map<string, string>();
  for (const [name, content] of files) {
    if (name !== PACK_FILES.manifest) hashes.set(name, sha256Hex(content));
  }
  return digestOfHashes(hashes);
}

/** packDigest over already computed file hashes (name → hex). */
export function digestOfHashes(hashes: ReadonlyMap<string, string>): string {
  const names = [...hashes.keys()].sort(byteOrder);
  const hash = createHash('sha256');
  for (const name of names) {
    if (/[\0\n]/.test(name))
      throw new Error(`pack file name with a NUL or newline: ${JSON.stringify(name)}`);
    hash.update(`${name}\0${hashes.get(name) ?? ''}\n`, 'utf8');
  }
  return `sha256:${hash.digest('hex')}`;
}

export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function buildManifest(files: ReadonlyMap<string, string>, policyDigest: string): Manifest {
  const entries = [...files]
    .filter(([name]) => name !== PACK_FILES.manifest)
    .sort(([a], [b]) => byteOrder(a, b))
    .map(
      ([name, text]) =>
        [name, { sha256: sha256Hex(text), bytes: Buffer.byteLength(text, 'utf8') }] as const,
    );
  return {
    schemaVersion: 1,
    tool: TOOL_INFO,
    policyDigest,
    files: Object.fromEntries(entries),
    digest: packDigest(files),
  };
}

function assertValid(validate: Validator, doc: unknown, file: string): void {
  if (validate(doc)) return;
  const [first, ...rest] = describeSchemaErrors(file, validate.errors);
  throw new Error(
    `${file} does not match its schema, so the pack was not built: ${first ?? ''}${rest.length > 0 ? ` (and ${rest.length} more)` : ''}`,
  );
}

/**
 * summary.md: the Markdown report with the action-control graph and the run's evidence. It
 * does not mention the attestation, so a pack's attested digest can be recomputed (verify).
 */
function renderSummary(input: EvidenceInput, doc: EvidenceDocument): string {
  const run = doc.run;
  const code = (s: string | null, n?: number): string =>
    s === null ? '—' : cellCode(n === undefined ? s : s.slice(0, n));
  const approval = doc.approval;
  const rows: [string, string][] = [
    ['Repository', `${code(run.repository)} @ ${code(run.sha, 12)}`],
    ['Workflow', `${code(run.workflowPath)} @ ${code(run.workflowSha, 12)} · job ${code(run.job)}`],
    [
      'Run',
      `${code(run.runId)} attempt ${code(run.runAttempt)}${run.runUrl ? ` · ${code(run.runUrl)}` : ''}`,
    ],
    ['Event', `${code(run.event)} on ${code(run.ref)}`],
    [
      'Actor',
      `${code(run.actor)}${run.triggeringActor && run.triggeringActor !== run.actor ? ` (re-run by ${code(run.triggeringActor)})` : ''}${run.prAuthor ? ` · pull request by ${code(run.prAuthor)}` : ''}`,
    ],
    [
      'Owner',
      doc.owner
        ? `${doc.owner.owners.map((o) => code(o)).join(' ') || '—'} (${code(`${doc.owner.file}:${doc.owner.line}`)})`
        : 'none recorded',
    ],
    [
      'Approval',
      `${escapeMarkdown(approval.status)} (mode ${escapeMarkdown(approval.mode)})${approval.approvals
        .map((a) => ` · ${code(a.login)} ${escapeMarkdown(a.how)} at ${escapeMarkdown(a.at)}`)
        .join('')}`,
    ],
    [
      'Outcome',
      `${escapeMarkdown(doc.outcome.status)} (${escapeMarkdown(doc.outcome.source)})${doc.outcome.note ? `: ${escapeMarkdown(doc.outcome.note)}` : ''}`,
    ],
    [
      'Checks',
      doc.validation.checkRuns === null
        ? escapeMarkdown(doc.validation.note ?? 'not read')
        : `${doc.validation.checkRuns.length} check run(s): ${
            doc.validation.checkRuns
              .slice(0, 20)
              .map((c) => `${code(c.name)} ${escapeMarkdown(c.conclusion ?? 'pending')}`)
              .join(', ') || '—'
          }${doc.validation.checkRuns.length > 20 ? ', …' : ''}`,
    ],
    [
      'Times',
      `started ${escapeMarkdown(doc.timestamps.started)} · decided ${escapeMarkdown(doc.timestamps.decided)} · finished ${escapeMarkdown(doc.timestamps.finished ?? '—')}`,
    ],
  ];
  const section = [
    '### Evidence',
    '',
    '| | |',
    '| --- | --- |',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
  ].join('\n');
  return renderMarkdown(input.report, {
    actor: { login: input.run.actor, triggeredBy: input.run.triggeringActor },
    sections: [section],
  });
}
