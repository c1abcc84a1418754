/**
 * Uploads the evidence pack as a workflow artifact with the official client
 * (`@actions/artifact`), loaded lazily so that only runs that upload pay for it.
 *
 * Fail closed: every failure — bad input, no runtime environment, the library throwing after
 * its own retries, a response without an artifact id — becomes an Error that names the
 * artifact, the local directory where the pack stays, and the cause. The caller keeps the
 * directory on disk and fails the step.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
// Types only (erased): the library itself is loaded with import() when an upload happens.
import type * as Artifact from '@actions/artifact';
import { InputError } from '../../engine/errors.js';

export interface UploadInput {
  /** The pack's directory; it is also the root of the zip. */
  readonly dir: string;
  /** File names relative to `dir`. */
  readonly files: readonly string[];
  readonly name: string;
  /** 1..90; undefined = the repository's default retention. */
  readonly retentionDays: number | undefined;
  /** Longest the upload may take (default 5 min): an artifact service that never answers fails it. */
  readonly timeoutMs?: number;
}

export interface UploadResult {
  /** The artifact's id (the `evidence-artifact-id` output). */
  readonly id: number;
  /** Bytes of the uploaded zip. */
  readonly size: number;
  /** SHA-256 of the uploaded zip, lowercase hex. */
  readonly digest: string;
}

export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 90;

/** Characters the artifact service rejects in names (`@actions/artifact` validates the same). */
const FORBIDDEN_NAME_CHARACTERS = /["*:<>?|\\/\r\n]/;
const FORBIDDEN_NAME_CHARACTERS_GLOBAL = /["*:<>?|\\/\r\n]|\p{Cc}/gu;
/** A conservative cap: long enough for any job id, short enough for every file system. */
export const MAX_ARTIFACT_NAME_LENGTH = 200;
const PREFIX = 'agent-gate-evidence';

/**
 * `agent-gate-evidence-<job key>-<attempt>` (the key: see job-identity.ts), with the characters artifact names forbid (and control
 * characters) replaced by `-`, capped at {@link MAX_ARTIFACT_NAME_LENGTH} by shortening the job
 * part so the attempt suffix stays. Without an attempt (outside a runner) the suffix is
 * left off rather than guessed.
 */
export function defaultArtifactName(job: string, attempt: string | undefined): string {
  const clean = (s: string): string => s.replace(FORBIDDEN_NAME_CHARACTERS_GLOBAL, '-');
  const suffix = attempt === undefined || attempt === '' ? '' : `-${clean(attempt).slice(0, 20)}`;
  const room = MAX_ARTIFACT_NAME_LENGTH - PREFIX.length - 1 - suffix.length;
  const jobPart = Array.from(clean(job) || 'job')
    .slice(0, room)
    .join('');
  return `${PREFIX}-${jobPart}${suffix}`;
}

export async function uploadEvidence(input: UploadInput): Promise<UploadResult> {
  const dir = resolve(input.dir);
  const where = `artifact "${input.name}" (the evidence pack is kept at ${dir})`;
  const invalid = (reason: string): InputError =>
    new InputError(`cannot upload evidence ${where}: ${reason}`);
  const failed = (reason: string, cause?: unknown): Error =>
    new Error(`evidence upload failed for ${where}: ${reason}`, { cause });

  if (input.name === '' || FORBIDDEN_NAME_CHARACTERS.test(input.name))
    throw invalid(
      `the artifact name must be non-empty and contain none of " : < > | * ? \\ / CR LF`,
    );
  if (input.name.length > MAX_ARTIFACT_NAME_LENGTH)
    throw invalid(`the artifact name is longer than ${MAX_ARTIFACT_NAME_LENGTH} characters`);
  const days = input.retentionDays;
  if (
    days !== undefined &&
    (!Number.isInteger(days) || days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS)
  )
    throw invalid(
      `retention-days must be a whole number from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS} (got ${String(days)})`,
    );
  if (input.files.length === 0) throw invalid('there are no files to upload');
  const paths = input.files.map((name) => {
    const path = resolve(dir, name);
    const rel = relative(dir, path);
    if (name === '' || isAbsolute(name) || rel === '' || rel === '..' || rel.startsWith(`..${sep}`))
      throw invalid(`file "${name}" is not a path inside the pack directory`);
    return path;
  });

  for (const variable of ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'])
    if (!process.env[variable])
      throw failed(
        `${variable} is not set; artifacts can only be uploaded inside a GitHub Actions job`,
      );

  let artifact: typeof Artifact;
  try {
    artifact = await import('@actions/artifact');
  } catch (error) {
    throw failed(`could not load @actions/artifact: ${messageOf(error)}`, error);
  }

  let response: Artifact.UploadArtifactResponse;
  const timeoutMs = input.timeoutMs ?? 5 * 60_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    response = await Promise.race([
      new artifact.DefaultArtifactClient().uploadArtifact(input.name, paths, dir, {
        ...(days === undefined ? {} : { retentionDays: days }),
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `the artifact service did not finish the upload within ${Math.round(timeoutMs / 100) / 10} s`,
              ),
            ),
          timeoutMs,
        );
      }),
    ]);
  } catch (error) {
    if (alreadyExists(error))
      throw failed(
        `an artifact with this name already exists in this workflow run (HTTP 409): another step of the run uploaded "${input.name}" (artifact names are unique per run; this gate derives it from the job, the matrix leg, the job run and the step — a step that uploads under this name, or an \`actions/upload-artifact\` with the same name, collides with it)`,
        error,
      );
    throw failed(messageOf(error), error);
  } finally {
    clearTimeout(timer);
  }

  const { id, size, digest } = response;
  if (id === undefined || !Number.isSafeInteger(id) || id <= 0)
    throw failed(`the artifact service returned no artifact id (got ${String(id)})`);
  if (digest === undefined || !/^[0-9a-f]{64}$/.test(digest))
    throw failed(`the upload reported no SHA-256 digest (got ${String(digest)})`);
  if (size === undefined || !Number.isSafeInteger(size) || size <= 0)
    throw failed(`the upload reported no size (got ${String(size)})`);
  return { id, size, digest };
}

/**
 * One line of an error's text (the library's network errors carry a multi-line hint), plus the
 * HTTP status and storage error code of a blob-storage error, whose message alone is the
 * service's free text.
 */
function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n')[0] ?? text;
  if (typeof error !== 'object' || error === null) return line;
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  if (typeof statusCode !== 'number') return line;
  return `${line} (HTTP ${statusCode}${typeof code === 'string' && code ? ` ${code}` : ''})`;
}

/** The artifact service's 409 "already exists" (the twirp client's non-retryable error). */
function alreadyExists(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /\(409\)|\b409\b.*conflict|already[ _]exists/i.test(text);
}
