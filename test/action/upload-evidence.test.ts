/**
 * The real `@actions/artifact` client against the loopback artifact service emulator:
 * what arrives is the exact pack, and every failure fails closed naming the kept directory.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as UploadEvidence from '../../src/adapters/action/upload-evidence.js';
import type { ArtifactServer } from '../e2e/artifact-server.js';
import { JOB_BACKEND_ID, RUN_BACKEND_ID, startArtifactServer } from '../e2e/artifact-server.js';

type Module = typeof UploadEvidence;

const PACK: Readonly<Record<string, Buffer>> = {
  'evidence.json': Buffer.from(`${JSON.stringify({ schemaVersion: 1, outcome: 'success' })}\n`),
  'bom.json': Buffer.from(`${JSON.stringify({ jobs: Array(200).fill({ uses: 'x@v1' }) })}\n`),
  'findings.sarif': Buffer.from('{"version":"2.1.0","runs":[]}\n'),
  'summary.md': Buffer.from('# agent-gate\n\nallow ✅\n'),
  'manifest.json': Buffer.from([0, 1, 2, 253, 254, 255, 10]),
};
const FILES = Object.keys(PACK);

const servers: ArtifactServer[] = [];
const dirs: string[] = [];
let pack = '';

async function server(
  options?: Parameters<typeof startArtifactServer>[0],
): Promise<ArtifactServer> {
  const s = await startArtifactServer(options);
  servers.push(s);
  vi.stubEnv('ACTIONS_RUNTIME_TOKEN', s.env.ACTIONS_RUNTIME_TOKEN);
  vi.stubEnv('ACTIONS_RESULTS_URL', s.env.ACTIONS_RESULTS_URL);
  return s;
}

async function load(): Promise<Module> {
  vi.resetModules();
  return import('../../src/adapters/action/upload-evidence.js');
}

beforeEach(() => {
  pack = mkdtempSync(join(tmpdir(), 'agent-gate-pack-'));
  dirs.push(pack);
  for (const [name, bytes] of Object.entries(PACK)) writeFileSync(join(pack, name), bytes);
  vi.stubEnv('GITHUB_SERVER_URL', 'https://github.com');
  vi.stubEnv('GITHUB_RETENTION_DAYS', undefined);
  vi.stubEnv('ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY', undefined);
  vi.stubEnv('ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS', undefined);
  // Keep the library's ::debug:: / ::add-mask:: workflow commands out of the test output.
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('uploadEvidence against the artifact service emulator', () => {
  it('uploads exactly the pack files with identical bytes and reports the service id', async () => {
    const s = await server({ firstArtifactId: 987654 });
    vi.stubEnv('GITHUB_RETENTION_DAYS', '90');
    const { uploadEvidence } = await load();

    const result = await uploadEvidence({
      dir: pack,
      files: FILES,
      name: 'agent-gate-evidence-build-1',
      retentionDays: 7,
    });

    expect(s.uploads).toHaveLength(1);
    const upload = s.uploads[0]!;
    expect(upload.name).toBe('agent-gate-evidence-build-1');
    expect(upload.committed).toBe(true);
    expect(upload.finalized).toBe(true);
    expect(upload.sizeOk).toBe(true);
    expect(upload.hashOk).toBe(true);
    const zipSha = createHash('sha256').update(upload.zip).digest('hex');
    expect(upload.finalizeHash).toBe(`sha256:${zipSha}`);
    expect(upload.finalizeSize).toBe(String(upload.zip.length));
    expect(result).toEqual({ id: 987654, size: upload.zip.length, digest: zipSha });
    expect(upload.id).toBe(987654);

    const entries = readZip(upload.zip);
    expect([...entries.keys()].sort()).toEqual([...FILES].sort());
    for (const name of FILES) expect(entries.get(name)!.equals(PACK[name]!)).toBe(true);

    // retention → expires_at about seven days out
    expect(upload.retentionDays).toBe(7);
    expect(upload.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);

    // the wire: create, blocks, block list, finalize — and nothing else
    expect(s.requests.map((r) => `${r.endpoint} ${r.status}`)).toEqual([
      'CreateArtifact 200',
      'block 201',
      'blocklist 201',
      'FinalizeArtifact 200',
    ]);
    const create = s.requests[0]!;
    expect(create.headers.authorization).toBe(`Bearer ${s.runtimeToken}`);
    expect(create.json).toEqual({
      workflow_run_backend_id: RUN_BACKEND_ID,
      workflow_job_run_backend_id: JOB_BACKEND_ID,
      name: 'agent-gate-evidence-build-1',
      expires_at: upload.expiresAt,
      version: 7,
      mime_type: 'application/zip',
    });
    const blob = s.requests[1]!;
    expect(blob.headers.authorization).toBeUndefined();
    expect(new URL(blob.url, s.url).searchParams.get('sig')).toBe(upload.sig);
    expect(blob.bytes).toBe(upload.zip.length);
    expect(s.requests[3]!.json).toEqual({
      workflow_run_backend_id: RUN_BACKEND_ID,
      workflow_job_run_backend_id: JOB_BACKEND_ID,
      name: 'agent-gate-evidence-build-1',
      size: String(upload.zip.length),
      hash: `sha256:${zipSha}`,
    });
  });

  it('sends no expires_at without retention days, and keeps sub-directory paths', async () => {
    const s = await server();
    mkdirSync(join(pack, 'extra'));
    writeFileSync(join(pack, 'extra', 'note.txt'), 'nested\n');
    const { uploadEvidence } = await load();

    const result = await uploadEvidence({
      dir: pack,
      files: ['evidence.json', 'extra/note.txt'],
      name: 'pack',
      retentionDays: undefined,
    });

    expect(result.id).toBe(4242);
    expect(s.requests[0]!.json).not.toHaveProperty('expires_at');
    expect(s.uploads[0]!.expiresAt).toBeUndefined();
    const entries = readZip(s.uploads[0]!.zip);
    expect([...entries.keys()].sort()).toEqual(['evidence.json', 'extra/note.txt']);
    expect(entries.get('extra/note.txt')!.toString()).toBe('nested\n');
  });

  it('lets GITHUB_RETENTION_DAYS cap the retention (the library warns and uses the cap)', async () => {
    const s = await server();
    vi.stubEnv('GITHUB_RETENTION_DAYS', '3');
    const { uploadEvidence } = await load();

    await uploadEvidence({ dir: pack, files: FILES, name: 'ev', retentionDays: 30 });

    expect(s.uploads[0]!.retentionDays).toBe(3);
  });

  it('fails fast and closed on a CreateArtifact 400, naming the artifact and the kept dir', async () => {
    const s = await server({
      faults: [{ endpoint: 'CreateArtifact', times: 1, status: 400, msg: 'bad name' }],
    });
    const { uploadEvidence } = await load();

    const error = await uploadEvidence({
      dir: pack,
      files: FILES,
      name: 'ev',
      retentionDays: undefined,
    }).catch((e: unknown) => e as Error);

    // Fast = not retried: exactly one request reached the service (asserted below).
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      `evidence upload failed for artifact "ev" (the evidence pack is kept at ${pack}): ` +
        'Failed to CreateArtifact: Received non-retryable error: Failed request: (400) Bad Request: bad name',
    );
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(s.requests.map((r) => `${r.endpoint} ${r.status}`)).toEqual(['CreateArtifact 400']);
    expect(s.uploads).toEqual([]);
  });

  it('fails closed on a duplicate name (409 from the service)', async () => {
    const s = await server();
    const { uploadEvidence } = await load();
    const input = { dir: pack, files: FILES, name: 'twice', retentionDays: undefined };
    await uploadEvidence(input);

    await expect(uploadEvidence(input)).rejects.toThrow(
      `evidence upload failed for artifact "twice" (the evidence pack is kept at ${pack}): ` +
        'an artifact with this name already exists in this workflow run (HTTP 409): another step of the run uploaded "twice"',
    );
    expect(s.uploads.map((u) => [u.name, u.finalized])).toEqual([['twice', true]]);
  });

  it('fails closed when the connection is refused', async () => {
    const s = await server({ refuse: true });
    const { uploadEvidence } = await load();

    await expect(
      uploadEvidence({ dir: pack, files: FILES, name: 'ev', retentionDays: 3 }),
    ).rejects.toThrow(
      `evidence upload failed for artifact "ev" (the evidence pack is kept at ${pack}): ` +
        'Failed to CreateArtifact: Unable to make request: ECONNREFUSED',
    );
    expect(s.requests).toEqual([]);
  });

  it('recovers from a 500 on the first blob PUT (storage retry, no delay on the first one)', async () => {
    const s = await server({ faults: [{ endpoint: 'block', times: 1, status: 500 }] });
    const { uploadEvidence } = await load();

    const result = await uploadEvidence({ dir: pack, files: FILES, name: 'ev', retentionDays: 1 });

    expect(s.requests.map((r) => `${r.endpoint} ${r.status}`)).toEqual([
      'CreateArtifact 200',
      'block 500',
      'block 201',
      'blocklist 201',
      'FinalizeArtifact 200',
    ]);
    const blockId = (i: number): string | null =>
      new URL(s.requests[i]!.url, s.url).searchParams.get('blockid');
    expect(blockId(1)).toBe(blockId(2));
    const upload = s.uploads[0]!;
    expect([upload.finalized, upload.hashOk, upload.retentionDays]).toEqual([true, true, 1]);
    expect(result).toEqual({
      id: 4242,
      size: upload.zip.length,
      digest: createHash('sha256').update(upload.zip).digest('hex'),
    });
    expect([...readZip(upload.zip).keys()].sort()).toEqual([...FILES].sort());
  });

  it("retries a 503 from CreateArtifact after the library's 3 s backoff", async () => {
    const s = await server({ faults: [{ endpoint: 'CreateArtifact', times: 1, status: 503 }] });
    const { uploadEvidence } = await load();

    const result = await uploadEvidence({ dir: pack, files: FILES, name: 'ev', retentionDays: 5 });

    // The retry is shown by the requests (the backoff itself is the library's, not timed here).
    expect(result.id).toBe(4242);
    expect(s.requests.map((r) => `${r.endpoint} ${r.status}`)).toEqual([
      'CreateArtifact 503',
      'CreateArtifact 200',
      'block 201',
      'blocklist 201',
      'FinalizeArtifact 200',
    ]);
    expect(s.requests[0]!.json).toEqual(s.requests[1]!.json);
  });

  it('fails closed when FinalizeArtifact returns no artifact id', async () => {
    const s = await server({
      faults: [{ endpoint: 'FinalizeArtifact', times: 1, status: 200, body: '{"ok":true}' }],
    });
    const { uploadEvidence } = await load();

    await expect(
      uploadEvidence({ dir: pack, files: FILES, name: 'ev', retentionDays: undefined }),
    ).rejects.toThrow(
      `evidence upload failed for artifact "ev" (the evidence pack is kept at ${pack}): ` +
        'the artifact service returned no artifact id (got 0)',
    );
    expect(s.requests.at(-1)).toMatchObject({ endpoint: 'FinalizeArtifact', injected: true });
  });

  it('fails closed when FinalizeArtifact answers ok: false', async () => {
    await server({
      faults: [{ endpoint: 'FinalizeArtifact', times: 1, status: 200, body: '{"ok":false}' }],
    });
    const { uploadEvidence } = await load();

    await expect(
      uploadEvidence({ dir: pack, files: FILES, name: 'ev', retentionDays: undefined }),
    ).rejects.toThrow(
      `evidence upload failed for artifact "ev" (the evidence pack is kept at ${pack}): ` +
        'FinalizeArtifact: response from backend was not ok',
    );
  });

  it('fails closed without the runtime environment, before any request', async () => {
    const s = await server();
    vi.stubEnv('ACTIONS_RUNTIME_TOKEN', undefined);
    const { uploadEvidence } = await load();

    await expect(
      uploadEvidence({ dir: pack, files: FILES, name: 'ev', retentionDays: undefined }),
    ).rejects.toThrow(
      `evidence upload failed for artifact "ev" (the evidence pack is kept at ${pack}): ` +
        'ACTIONS_RUNTIME_TOKEN is not set; artifacts can only be uploaded inside a GitHub Actions job',
    );
    expect(s.requests).toEqual([]);
  });

  it('fails closed when a listed file is missing', async () => {
    const s = await server();
    const { uploadEvidence } = await load();

    await expect(
      uploadEvidence({ dir: pack, files: ['gone.json'], name: 'ev', retentionDays: undefined }),
    ).rejects.toThrow(
      `evidence upload failed for artifact "ev" (the evidence pack is kept at ${pack}): ` +
        `File ${join(pack, 'gone.json')} does not exist`,
    );
    expect(s.requests).toEqual([]);
  });

  it.each([0, 91, 1.5, Number.NaN, -1])(
    'refuses retention-days %s before calling the service',
    async (days) => {
      const s = await server();
      const { uploadEvidence } = await load();
      const { InputError } = await import('../../src/engine/errors.js');

      const error = await uploadEvidence({
        dir: pack,
        files: FILES,
        name: 'ev',
        retentionDays: days,
      }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toBe(
        `cannot upload evidence artifact "ev" (the evidence pack is kept at ${pack}): ` +
          `retention-days must be a whole number from 1 to 90 (got ${String(days)})`,
      );
      expect(s.requests).toEqual([]);
    },
  );

  it.each([
    [[], 'there are no files to upload'],
    [['../outside.json'], 'file "../outside.json" is not a path inside the pack directory'],
    [['/etc/passwd'], 'file "/etc/passwd" is not a path inside the pack directory'],
    [['.'], 'file "." is not a path inside the pack directory'],
  ])('refuses files %j', async (files, reason) => {
    const s = await server();
    const { uploadEvidence } = await load();

    await expect(
      uploadEvidence({ dir: pack, files, name: 'ev', retentionDays: undefined }),
    ).rejects.toThrow(
      `cannot upload evidence artifact "ev" (the evidence pack is kept at ${pack}): ${reason}`,
    );
    expect(s.requests).toEqual([]);
  });

  it('refuses an artifact name with forbidden characters', async () => {
    const s = await server();
    const { uploadEvidence } = await load();

    await expect(
      uploadEvidence({ dir: pack, files: FILES, name: 'a/b', retentionDays: undefined }),
    ).rejects.toThrow(
      `cannot upload evidence artifact "a/b" (the evidence pack is kept at ${pack}): ` +
        'the artifact name must be non-empty and contain none of " : < > | * ? \\ / CR LF',
    );
    expect(s.requests).toEqual([]);
  });
});

// The exhausted-retry paths take 16 s (blob storage: tries after 0, 4 and 12 s) and 25–35 s
// (twirp: 5 attempts, 3 s × 1.5ⁿ with jitter); run them with AGENT_GATE_SLOW_TESTS=1.
describe.runIf(process.env.AGENT_GATE_SLOW_TESTS === '1')('exhausted retries (slow)', () => {
  it('fails closed after the blob PUT keeps answering 500', { timeout: 60_000 }, async () => {
    const s = await server({
      faults: [{ endpoint: 'block', times: Infinity, status: 500, msg: 'storage down' }],
    });
    const { uploadEvidence } = await load();

    const error = await uploadEvidence({
      dir: pack,
      files: FILES,
      name: 'ev',
      retentionDays: undefined,
    }).then(
      () => new Error('resolved'),
      (e: unknown) => e as Error,
    );

    expect(error.message).toBe(
      `evidence upload failed for artifact "ev" (the evidence pack is kept at ${pack}): ` +
        'storage down (HTTP 500 InternalError)',
    );
    expect(s.requests.map((r) => `${r.endpoint} ${r.status}`)).toEqual([
      'CreateArtifact 200',
      'block 500',
      'block 500',
      'block 500',
      'block 500',
    ]);
    expect(s.uploads[0]!.finalized).toBe(false);
  });

  it('fails closed after FinalizeArtifact keeps answering 500', { timeout: 60_000 }, async () => {
    const s = await server({
      faults: [{ endpoint: 'FinalizeArtifact', times: Infinity, status: 500, msg: 'down' }],
    });
    const { uploadEvidence } = await load();

    await expect(
      uploadEvidence({ dir: pack, files: FILES, name: 'ev', retentionDays: undefined }),
    ).rejects.toThrow(
      `evidence upload failed for artifact "ev" (the evidence pack is kept at ${pack}): ` +
        'Failed to FinalizeArtifact: Failed to make request after 5 attempts: ' +
        'Failed request: (500) Internal Server Error: down',
    );
    expect(s.requests.filter((r) => r.endpoint === 'FinalizeArtifact')).toHaveLength(5);
  });
});

describe('defaultArtifactName', () => {
  it('is agent-gate-evidence-<job>-<attempt>', async () => {
    const { defaultArtifactName } = await load();
    expect(defaultArtifactName('build', '1')).toBe('agent-gate-evidence-build-1');
    expect(defaultArtifactName('deploy-prod', '3')).toBe('agent-gate-evidence-deploy-prod-3');
  });

  it('leaves the attempt off when it is unknown instead of guessing', async () => {
    const { defaultArtifactName } = await load();
    expect(defaultArtifactName('build', undefined)).toBe('agent-gate-evidence-build');
    expect(defaultArtifactName('build', '')).toBe('agent-gate-evidence-build');
  });

  it('replaces every character artifact names forbid', async () => {
    const { defaultArtifactName } = await load();
    expect(defaultArtifactName('a"b:c<d>e|f*g?h\ri\nj\\k/l\tm', '2')).toBe(
      'agent-gate-evidence-a-b-c-d-e-f-g-h-i-j-k-l-m-2',
    );
    expect(defaultArtifactName('', '1')).toBe('agent-gate-evidence-job-1');
  });

  it('caps the length at 200, keeping the attempt', async () => {
    const { defaultArtifactName, MAX_ARTIFACT_NAME_LENGTH } = await load();
    const name = defaultArtifactName('j'.repeat(500), '12');
    expect(MAX_ARTIFACT_NAME_LENGTH).toBe(200);
    expect(name).toHaveLength(200);
    expect(name).toBe(
      `agent-gate-evidence-${'j'.repeat(200 - 'agent-gate-evidence-'.length - 3)}-12`,
    );
  });
});

/** Name → bytes of a zip, read through its central directory; checks each entry's CRC-32. */
function readZip(zip: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--)
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error('no end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central header at ${at}`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    const data = method === 8 ? inflateRawSync(raw) : method === 0 ? Buffer.from(raw) : undefined;
    if (!data) throw new Error(`unsupported method ${method} for ${name}`);
    if (data.length !== size || crc32(data) !== crc) throw new Error(`corrupt entry ${name}`);
    if (out.has(name)) throw new Error(`duplicate entry ${name}`);
    out.set(name, data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}
