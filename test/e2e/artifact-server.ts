/**
 * A loopback stand-in for the Actions artifact service as `@actions/artifact` 6.x talks to it
 * (protocol: ../shared/reference/github-runtime.md §6.3):
 *
 * - twirp JSON RPCs `POST /twirp/github.actions.results.api.v1.ArtifactService/<Method>` for
 *   `CreateArtifact`, `FinalizeArtifact` and a minimal `ListArtifacts`, authenticated with the
 *   runtime token and checked against the backend ids in its `scp` claim;
 * - Azure-blob-style uploads to the `signed_upload_url` it hands out
 *   (`PUT ?…&sig=…&comp=block&blockid=…`, then `PUT ?…&comp=blocklist`), assembled in
 *   block-list order into the zip.
 *
 * `FinalizeArtifact` is checked against what arrived (size and `sha256:` hash) and answers
 * 400 on a mismatch. Faults fail the first N calls of an endpoint; `refuse: true` hands out
 * the URL of a port nobody listens on (connection refused). Every request is logged.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';
export const RUN_BACKEND_ID = '11111111-1111-1111-1111-111111111111';
export const JOB_BACKEND_ID = '22222222-2222-2222-2222-222222222222';

export type ArtifactEndpoint =
  | 'CreateArtifact'
  | 'FinalizeArtifact'
  | 'ListArtifacts'
  /** `PUT ?comp=block` */
  | 'block'
  /** `PUT ?comp=blocklist` */
  | 'blocklist';

export interface ArtifactFault {
  readonly endpoint: ArtifactEndpoint;
  /** How many calls of the endpoint fail before it answers normally; Infinity = forever. */
  readonly times: number;
  readonly status: number;
  /** Twirp `msg` (or the storage error message for blob endpoints). */
  readonly msg?: string;
  /** The raw body to send instead of the generated error (e.g. '{"ok":true}' with status 200). */
  readonly body?: string;
}

export interface ArtifactServerOptions {
  readonly faults?: readonly ArtifactFault[];
  /** Hand out a URL whose port is closed: every request is refused (ECONNREFUSED). */
  readonly refuse?: boolean;
  /** The id `FinalizeArtifact` returns for the first artifact; the next ones count up. */
  readonly firstArtifactId?: number;
}

export interface ArtifactUpload {
  readonly id: number;
  readonly name: string;
  /** `expires_at` of CreateArtifact, when the client sent retention days. */
  readonly expiresAt: string | undefined;
  /** Whole days from creation to `expiresAt` (rounded), when sent. */
  readonly retentionDays: number | undefined;
  readonly signedUploadUrl: string;
  /** The `sig` query value of the signed URL (the library must mask it). */
  readonly sig: string;
  /** The committed blob, blocks in block-list order; empty until committed. */
  readonly zip: Buffer;
  readonly committed: boolean;
  readonly finalized: boolean;
  /** FinalizeArtifact `size` / `hash` equal the committed blob's byte count / SHA-256. */
  readonly sizeOk: boolean;
  readonly hashOk: boolean;
  /** What FinalizeArtifact claimed. */
  readonly finalizeSize: string | undefined;
  readonly finalizeHash: string | undefined;
}

export interface ArtifactRequest {
  readonly method: string;
  /** Path and query exactly as sent. */
  readonly url: string;
  readonly endpoint: ArtifactEndpoint | 'blob' | 'other';
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON body of a twirp call (undefined if it did not parse). */
  readonly json: unknown;
  /** Body size in bytes. */
  readonly bytes: number;
  readonly status: number;
  /** The response was an injected fault. */
  readonly injected: boolean;
}

export interface ArtifactServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  readonly url: string;
  /** An unsigned JWT whose `scp` holds `Actions.Results:<run>:<job>`. */
  readonly runtimeToken: string;
  /** `ACTIONS_RUNTIME_TOKEN` and `ACTIONS_RESULTS_URL` for a process or `vi.stubEnv`. */
  readonly env: Readonly<Record<'ACTIONS_RUNTIME_TOKEN' | 'ACTIONS_RESULTS_URL', string>>;
  readonly uploads: readonly ArtifactUpload[];
  readonly requests: readonly ArtifactRequest[];
  /**
   * The runtime environment of another job of the same run (a second matrix leg or caller
   * job): its token's scope names `jobBackendId`, and the server accepts it alongside the first.
   */
  envForJob(
    jobBackendId: string,
  ): Readonly<Record<'ACTIONS_RUNTIME_TOKEN' | 'ACTIONS_RESULTS_URL', string>>;
  /** Adds a fault at run time (counted from its own first matching call). */
  addFault(fault: ArtifactFault): void;
  close(): Promise<void>;
}

/** Bounds: a request body, and everything the server keeps. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
const MAX_STORED_BYTES = 256 * 1024 * 1024;
const MAX_LOGGED_REQUESTS = 10_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export function fakeRuntimeToken(run = RUN_BACKEND_ID, job = JOB_BACKEND_ID): string {
  const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({
    scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${run}:${job}`,
  })}.sig`;
}

type MutableUpload = { -readonly [K in keyof ArtifactUpload]: ArtifactUpload[K] };

interface Slot {
  readonly upload: MutableUpload;
  readonly created: number;
  readonly blocks: Map<string, Buffer>;
}

export async function startArtifactServer(
  options: ArtifactServerOptions = {},
): Promise<ArtifactServer> {
  const runtimeToken = fakeRuntimeToken();
  /** Accepted runtime tokens → the job backend id their scope names. */
  const tokens = new Map<string, string>([[runtimeToken, JOB_BACKEND_ID]]);
  const faults: { fault: ArtifactFault; hits: number }[] = (options.faults ?? []).map((fault) => ({
    fault,
    hits: 0,
  }));
  const requests: ArtifactRequest[] = [];
  const uploads: MutableUpload[] = [];
  const slots = new Map<string, Slot>(); // by blob path
  let nextId = options.firstArtifactId ?? 4242;
  let stored = 0;
  let base = '';

  const server = createServer((req, res) => {
    readBody(req).then(
      (body) => answer(req, res, body),
      () => {
        log(req, 'other', undefined, 0, 413, false);
        res.writeHead(413, { connection: 'close' }).end();
        req.destroy();
      },
    );
  });

  const log = (
    req: IncomingMessage,
    endpoint: ArtifactRequest['endpoint'],
    json: unknown,
    bytes: number,
    status: number,
    injected: boolean,
  ): void => {
    if (requests.length >= MAX_LOGGED_REQUESTS) return;
    requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      endpoint,
      headers: req.headers,
      json,
      bytes,
      status,
      injected,
    });
  };

  const answer = (req: IncomingMessage, res: ServerResponse, body: Buffer): void => {
    const url = new URL(req.url ?? '/', base);
    const twirp = url.pathname.startsWith(TWIRP_PREFIX)
      ? url.pathname.slice(TWIRP_PREFIX.length)
      : undefined;
    const comp = url.searchParams.get('comp');
    const endpoint: ArtifactRequest['endpoint'] =
      twirp === 'CreateArtifact' || twirp === 'FinalizeArtifact' || twirp === 'ListArtifacts'
        ? twirp
        : twirp === undefined && req.method === 'PUT'
          ? comp === 'block'
            ? 'block'
            : comp === 'blocklist'
              ? 'blocklist'
              : 'blob'
          : 'other';
    let json: unknown;
    if (twirp !== undefined) {
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        json = undefined;
      }
    }
    const send = (
      status: number,
      text: string,
      headers: Record<string, string>,
      injected = false,
    ): void => {
      log(req, endpoint, json, body.length, status, injected);
      res.writeHead(status, headers).end(text);
    };
    const twirpSend = (status: number, value: unknown, injected = false): void =>
      send(status, JSON.stringify(value), { 'content-type': 'application/json' }, injected);
    const twirpError = (status: number, code: string, msg: string, injected = false): void =>
      twirpSend(status, { code, msg }, injected);
    const storageSend = (status: number, code?: string, message?: string, inj = false): void => {
      const headers: Record<string, string> = {
        'x-ms-request-id': randomBytes(8).toString('hex'),
        'x-ms-version': String(req.headers['x-ms-version'] ?? '2025-01-05'),
        date: new Date().toUTCString(),
      };
      if (code === undefined) return send(status, '', headers, inj);
      send(
        status,
        `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message ?? code}</Message></Error>`,
        { ...headers, 'content-type': 'application/xml', 'x-ms-error-code': code },
        inj,
      );
    };

    const fault = faults.find(
      (f) => f.fault.endpoint === endpoint && f.hits < f.fault.times && f.fault.status > 0,
    );
    if (fault) {
      fault.hits++;
      const { status, msg, body: raw } = fault.fault;
      if (raw !== undefined) return send(status, raw, { 'content-type': 'application/json' }, true);
      if (twirp !== undefined)
        return twirpError(status, twirpCode(status), msg ?? 'injected fault', true);
      return storageSend(status, storageCode(status), msg ?? 'injected fault', true);
    }

    if (twirp !== undefined) {
      if (req.method !== 'POST' || endpoint === 'other')
        return twirpError(404, 'bad_route', `no handler for ${req.method} ${url.pathname}`);
      const tokenJob = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
      if (tokenJob === undefined)
        return twirpError(401, 'unauthenticated', 'invalid runtime token');
      if (typeof json !== 'object' || json === null)
        return twirpError(400, 'malformed', 'the body is not a JSON object');
      const msg = json as Record<string, unknown>;
      const field = (snake: string, camel: string): unknown => msg[snake] ?? msg[camel];
      if (endpoint === 'ListArtifacts') {
        const nameFilter = str(field('name_filter', 'nameFilter'));
        const idFilter = str(field('id_filter', 'idFilter'));
        const artifacts = uploads
          .filter((u) => u.finalized)
          .filter((u) => nameFilter === undefined || u.name === nameFilter)
          .filter((u) => idFilter === undefined || String(u.id) === idFilter)
          .map((u) => ({
            workflow_run_backend_id: RUN_BACKEND_ID,
            workflow_job_run_backend_id: JOB_BACKEND_ID,
            database_id: String(u.id),
            name: u.name,
            size: String(u.zip.length),
            created_at: new Date(slotOf(u)?.created ?? 0).toISOString(),
            digest: `sha256:${sha256(u.zip)}`,
          }));
        return twirpSend(200, { artifacts });
      }
      if (
        field('workflow_run_backend_id', 'workflowRunBackendId') !== RUN_BACKEND_ID ||
        field('workflow_job_run_backend_id', 'workflowJobRunBackendId') !== tokenJob
      )
        return twirpError(400, 'invalid_argument', 'backend ids do not match the runtime token');
      const name = str(field('name', 'name'));
      if (!name) return twirpError(400, 'invalid_argument', 'name is required');

      if (endpoint === 'CreateArtifact') {
        if (uploads.some((u) => u.name === name))
          return twirpError(
            409,
            'already_exists',
            `an artifact with this name already exists on the workflow run`,
          );
        const expiresAt = str(field('expires_at', 'expiresAt'));
        const created = Date.now();
        const sig = randomBytes(24).toString('base64');
        const path = `/devstoreaccount1/actions-results/upload-${uploads.length + 1}.zip`;
        const query = new URLSearchParams({
          sv: '2025-01-05',
          se: new Date(created + DAY_MS).toISOString(),
          sr: 'b',
          sp: 'cw',
          sig,
        });
        const upload: MutableUpload = {
          id: 0,
          name,
          expiresAt,
          retentionDays:
            expiresAt === undefined
              ? undefined
              : Math.round((Date.parse(expiresAt) - created) / DAY_MS),
          signedUploadUrl: `${base}${path}?${query.toString()}`,
          sig,
          zip: Buffer.alloc(0),
          committed: false,
          finalized: false,
          sizeOk: false,
          hashOk: false,
          finalizeSize: undefined,
          finalizeHash: undefined,
        };
        uploads.push(upload);
        slots.set(path, { upload, created, blocks: new Map() });
        return twirpSend(200, { ok: true, signed_upload_url: upload.signedUploadUrl });
      }

      // FinalizeArtifact
      const upload = uploads.find((u) => u.name === name && !u.finalized);
      if (!upload || !upload.committed)
        return twirpError(404, 'not_found', `no uploaded artifact named ${name}`);
      upload.finalizeSize = str(field('size', 'size'));
      upload.finalizeHash = str(field('hash', 'hash'));
      upload.sizeOk = upload.finalizeSize === String(upload.zip.length);
      upload.hashOk = upload.finalizeHash === `sha256:${sha256(upload.zip)}`;
      if (!upload.sizeOk || !upload.hashOk)
        return twirpError(
          400,
          'invalid_argument',
          `size/hash mismatch: got ${upload.finalizeSize} ${upload.finalizeHash}, received ${upload.zip.length} sha256:${sha256(upload.zip)}`,
        );
      upload.finalized = true;
      upload.id = nextId++;
      return twirpSend(200, { ok: true, artifact_id: String(upload.id) });
    }

    // Blob storage: only the signed URLs this server handed out, with their signature.
    const slot = slots.get(url.pathname);
    if (req.method !== 'PUT' || !slot) return storageSend(404, 'ResourceNotFound');
    if (url.searchParams.get('sig') !== slot.upload.sig)
      return storageSend(403, 'AuthenticationFailed', 'signature mismatch');
    if (slot.upload.committed) return storageSend(409, 'BlobAlreadyCommitted');
    if (stored + body.length > MAX_STORED_BYTES) return storageSend(413, 'RequestBodyTooLarge');

    if (endpoint === 'block') {
      const id = url.searchParams.get('blockid');
      if (!id) return storageSend(400, 'InvalidQueryParameterValue', 'blockid is required');
      stored += body.length;
      slot.blocks.set(id, body);
      return storageSend(201);
    }
    if (endpoint === 'blocklist') {
      const ids = [
        ...body.toString('utf8').matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g),
      ].map((m) => m[2] ?? '');
      const parts = ids.map((id) => slot.blocks.get(id));
      if (ids.length === 0 || parts.some((p) => p === undefined))
        return storageSend(400, 'InvalidBlockList');
      commit(slot, Buffer.concat(parts as Buffer[]));
      return storageSend(201);
    }
    // A single-shot Put Blob (not used by 6.2.1 for zips, accepted anyway).
    stored += body.length;
    commit(slot, body);
    return storageSend(201);
  };

  const commit = (slot: Slot, zip: Buffer): void => {
    slot.upload.zip = zip;
    slot.upload.committed = true;
    slot.blocks.clear();
  };
  const slotOf = (u: ArtifactUpload): Slot | undefined =>
    [...slots.values()].find((s) => s.upload === u);

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  const stop = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      server.close((e) => (e ? reject(e) : resolve()));
      server.closeAllConnections();
    });
  let closed = false;
  if (options.refuse) {
    // The port was just free and is closed again: connecting to it is refused.
    await stop();
    closed = true;
  }

  return {
    url: base,
    runtimeToken,
    env: { ACTIONS_RUNTIME_TOKEN: runtimeToken, ACTIONS_RESULTS_URL: `${base}/` },
    uploads,
    requests,
    envForJob: (jobBackendId) => {
      const token = fakeRuntimeToken(RUN_BACKEND_ID, jobBackendId);
      tokens.set(token, jobBackendId);
      return { ACTIONS_RUNTIME_TOKEN: token, ACTIONS_RESULTS_URL: `${base}/` };
    },
    addFault: (fault) => {
      faults.push({ fault, hits: 0 });
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await stop();
    },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.pause();
        reject(new Error('body too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function twirpCode(status: number): string {
  if (status === 400) return 'invalid_argument';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'permission_denied';
  if (status === 404) return 'not_found';
  if (status === 409) return 'already_exists';
  if (status === 429) return 'resource_exhausted';
  if (status === 503) return 'unavailable';
  return 'internal';
}

function storageCode(status: number): string {
  if (status === 403) return 'AuthenticationFailed';
  if (status === 404) return 'ResourceNotFound';
  if (status === 503) return 'ServerBusy';
  return status >= 500 ? 'InternalError' : 'InvalidInput';
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
