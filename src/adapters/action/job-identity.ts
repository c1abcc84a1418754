/**
 * Which run of which job this gate step is, for names that must be unique in a workflow run
 * (the evidence artifact, the evidence directory) and the same every time this job run asks:
 *
 * - GITHUB_JOB alone repeats across matrix legs, across the caller jobs of a reusable
 *   workflow (every call runs the same called job id) and across two gate steps of one job;
 * - the matrix leg comes from the `matrix` input (`${{ toJSON(matrix) }}` by default);
 * - the job run comes from the runtime token the runner gives every JavaScript action: its
 *   `Actions.Results:<run>:<job>` scope names the job run's backend id (what the artifact
 *   client itself sends), distinct for every leg and every reusable-workflow call;
 * - the step comes from GITHUB_ACTION (the step id, or `__owner_repo`, `__owner_repo_2`, …).
 *
 * The name keeps GITHUB_JOB and a readable matrix label, then an 8-hex digest of all of it,
 * then the attempt: `agent-gate-evidence-build-ubuntu-20-1a2b3c4d-1`.
 */
import { createHash } from 'node:crypto';

export interface JobIdentity {
  /** `<job>[-<matrix label>]-<digest>`: unique per job run and gate step. */
  readonly key: string;
  /** The matrix leg as given (canonical JSON), or undefined outside a matrix. */
  readonly matrix: string | undefined;
  /** The matrix leg's values, readable (`ubuntu-latest-20`); empty outside a matrix. */
  readonly label: string;
  /** SHA-256 (hex, first 8) over job, matrix, step and job-run backend id. */
  readonly digest: string;
}

const FORBIDDEN = /["*:<>?|\\/\s]|\p{Cc}/gu;

export function jobIdentity(
  env: NodeJS.ProcessEnv,
  job: string,
  matrixInput: string | undefined,
): JobIdentity {
  const matrix = canonicalMatrix(matrixInput);
  const parts = [
    job,
    matrix ?? '',
    env.GITHUB_ACTION ?? '',
    jobBackendId(env.ACTIONS_RUNTIME_TOKEN) ?? '',
  ];
  const digest = createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 8);
  const clean = (s: string, max: number): string =>
    Array.from(s.replace(FORBIDDEN, '-').replace(/-+/g, '-').replace(/^-|-$/g, ''))
      .slice(0, max)
      .join('');
  const label = matrix === undefined ? '' : clean(matrixLabel(matrix), 60);
  const jobPart = clean(job, 80) || 'job';
  return { key: `${jobPart}${label ? `-${label}` : ''}-${digest}`, matrix, label, digest };
}

/** The matrix input as compact JSON; `null`, `{}` and empty mean "no matrix". */
function canonicalMatrix(input: string | undefined): string | undefined {
  const text = input?.trim() ?? '';
  if (text === '' || text === 'null') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Not JSON (a caller passed a plain label): it still tells legs apart.
    return text;
  }
  if (value === null) return undefined;
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
    return undefined;
  return JSON.stringify(value);
}

/** The leg's values joined with `-` (`{"os":"ubuntu","node":20}` → `ubuntu-20`). */
function matrixLabel(matrix: string): string {
  let value: unknown;
  try {
    value = JSON.parse(matrix);
  } catch {
    return matrix;
  }
  if (typeof value !== 'object' || value === null) return String(value);
  return Object.values(value)
    .map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)))
    .join('-');
}

/**
 * The job run's backend id from the runtime token's `scp` claim
 * (`Actions.Results:<run backend id>:<job backend id>`); undefined when there is no token or
 * it has no such scope. The token is not verified: it only makes names distinct.
 */
export function jobBackendId(token: string | undefined): string | undefined {
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      scp?: unknown;
    };
    if (typeof claims.scp !== 'string') return undefined;
    for (const scope of claims.scp.split(' ')) {
      const parts = scope.split(':');
      if (parts[0] === 'Actions.Results' && parts.length === 3 && parts[2]) return parts[2];
    }
  } catch {
    return undefined;
  }
  return undefined;
}
