/**
 * attestEvidence against @sigstore/mock (nock-intercepted Fulcio, TSA and Rekor) and a loopback
 * HTTP server that plays the runner's OIDC token endpoint and the GitHub REST API. Nothing leaves
 * the machine: nock refuses every host but 127.0.0.1, and every sigstore mock must be consumed.
 *
 * `@actions/github` computes `context` (payload, API base URL) when it is first imported, and it
 * is an external module, so `vi.resetModules()` does not re-evaluate it: the environment is set
 * in `beforeAll`, before the first `attestEvidence` call imports `@actions/attest`, and stays the
 * same for the whole file.
 */
import { createHash, verify, X509Certificate } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockFulcio, mockRekor, mockTSA } from '@sigstore/mock';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  attestEvidence,
  EVIDENCE_PREDICATE_TYPE,
  MISSING_OIDC_MESSAGE,
} from '../../src/adapters/action/attest-evidence.js';
import type { AttestInput } from '../../src/adapters/action/attest-evidence.js';
import { InputError } from '../../src/engine/errors.js';

const PACK_HEX = createHash('sha256').update('{"files":{"evidence.json":"..."}}').digest('hex');
const PACK_DIGEST = `sha256:${PACK_HEX}`;
const SUBJECT = 'agent-gate-evidence-gate-1';
const GITHUB_TOKEN = 'ghs_githubTokenCanary0123456789';
const REQUEST_TOKEN = 'oidcRequestTokenCanary0123456789';
/** The mock Fulcio puts the token's `sub` into the certificate's SAN; real Fulcio uses the job's workflow ref. */
const SIGNER = 'https://github.com/acme/app/.github/workflows/gate.yml@refs/heads/main';
const PREDICATE = {
  decision: 'allow',
  policyDigest: `sha256:${'1'.repeat(64)}`,
  runUrl: 'https://github.com/acme/app/actions/runs/42/attempts/1',
};

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
/** Unsigned: the mock Fulcio decodes the token's claims without verifying it. */
const OIDC_JWT = [
  base64url({ alg: 'RS256', typ: 'JWT' }),
  base64url({
    iss: 'https://token.actions.githubusercontent.com',
    aud: 'sigstore',
    sub: SIGNER,
    repository: 'acme/app',
    repository_owner: 'acme',
    sha: 'a'.repeat(40),
    ref: 'refs/heads/main',
    event_name: 'push',
    run_id: '42',
    run_attempt: '1',
  }),
  'c2lnbmF0dXJl',
].join('.');

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
  readonly body: string;
}
interface Reply {
  readonly status: number;
  readonly body: unknown;
}

let server: Server;
let base: string;
let seen: Seen[];
let oidcReply: Reply;
let apiReply: Reply;
/** Runs in the server before it answers the attestations API (the client has not seen it yet). */
let beforeApiReply: (() => void) | undefined;

function handle(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const url = req.url ?? '';
    seen.push({
      method: req.method ?? '',
      url,
      authorization: req.headers.authorization,
      body: Buffer.concat(chunks).toString('utf8'),
    });
    const api = req.method === 'POST' && url === '/api/repos/acme/app/attestations';
    if (api) beforeApiReply?.();
    const reply = url.startsWith('/oidc')
      ? oidcReply
      : api
        ? apiReply
        : { status: 404, body: { message: 'Not Found' } };
    res.writeHead(reply.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply.body));
  });
}

function stubRunnerEnv(): void {
  for (const name of [
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'http_proxy',
    'https_proxy',
    'NO_PROXY',
    'no_proxy',
  ])
    vi.stubEnv(name, undefined);
  vi.stubEnv('SIGSTORE_ID_TOKEN', undefined);
  vi.stubEnv('GITHUB_SERVER_URL', 'https://github.com');
  vi.stubEnv('GITHUB_API_URL', `${base}/api`);
  vi.stubEnv('GITHUB_REPOSITORY', 'acme/app');
  vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_URL', `${base}/oidc?api-version=2.0`);
  vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_TOKEN', REQUEST_TOKEN);
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'agent-gate-attest-'));
  const eventPath = join(dir, 'event.json');
  // A private repository: @actions/attest picks GitHub's Sigstore instance (Fulcio + TSA).
  writeFileSync(eventPath, JSON.stringify({ repository: { visibility: 'private' } }));
  vi.stubEnv('GITHUB_EVENT_PATH', eventPath);
  stubRunnerEnv();
  nock.disableNetConnect();
  nock.enableNetConnect((host: string) => host.startsWith('127.0.0.1:'));
});

afterAll(async () => {
  vi.unstubAllEnvs();
  nock.cleanAll();
  nock.enableNetConnect();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  seen = [];
  oidcReply = { status: 200, body: { value: OIDC_JWT } };
  apiReply = { status: 201, body: { id: 77 } };
  beforeApiReply = undefined;
  stubRunnerEnv();
});

afterEach(() => {
  vi.useRealTimers();
  nock.cleanAll();
});

async function mockGitHubSigstore(): Promise<void> {
  await mockFulcio({ baseURL: 'https://fulcio.githubapp.com', strict: true });
  await mockTSA({ baseURL: 'https://timestamp.githubapp.com', strict: true });
}

function input(overrides: Partial<AttestInput> = {}): AttestInput {
  return {
    subjectName: SUBJECT,
    digest: PACK_DIGEST,
    token: GITHUB_TOKEN,
    predicate: PREDICATE,
    ...overrides,
  };
}

interface SerializedBundle {
  mediaType: string;
  verificationMaterial: {
    certificate: { rawBytes: string };
    tlogEntries?: { logIndex: string }[];
    timestampVerificationData: { rfc3161Timestamps: unknown[] };
  };
  dsseEnvelope: { payload: string; payloadType: string; signatures: { sig: string }[] };
}

/** DSSE pre-authentication encoding: what the signature is over. */
function pae(type: string, body: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${Buffer.byteLength(type)} ${type} ${body.length} `),
    body,
  ]);
}

function expectSignedStatement(bundleJson: string, predicateType: string): SerializedBundle {
  const bundle = JSON.parse(bundleJson) as SerializedBundle;
  expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
  const { payload, payloadType, signatures } = bundle.dsseEnvelope;
  expect(payloadType).toBe('application/vnd.in-toto+json');
  const body = Buffer.from(payload, 'base64');
  expect(JSON.parse(body.toString('utf8'))).toEqual({
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: SUBJECT, digest: { sha256: PACK_HEX } }],
    predicateType,
    predicate: PREDICATE,
  });
  // The certificate Fulcio issued is for the key that signed the envelope.
  const cert = new X509Certificate(
    Buffer.from(bundle.verificationMaterial.certificate.rawBytes, 'base64'),
  );
  expect(signatures).toHaveLength(1);
  expect(
    verify(
      'sha256',
      pae(payloadType, body),
      cert.publicKey,
      Buffer.from(signatures[0]!.sig, 'base64'),
    ),
  ).toBe(true);
  expect(cert.subjectAltName).toBe(`URI:${SIGNER}`);
  return bundle;
}

const sha256 = (text: string): string =>
  `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return error as Error;
  }
  throw new Error('expected attestEvidence to fail');
}

describe('attestEvidence', () => {
  it('signs the pack digest with GitHub’s Sigstore instance and stores it, returning the API’s id', async () => {
    await mockGitHubSigstore();

    const result = await attestEvidence(input());

    expect(nock.pendingMocks()).toEqual([]);
    expect(result.attestationId).toBe('77');
    expect(result.tlogId).toBeUndefined();
    expect(result.certificateIdentity).toBe(SIGNER);
    expect(result.bundleDigest).toBe(sha256(result.bundleJson));
    const bundle = expectSignedStatement(result.bundleJson, EVIDENCE_PREDICATE_TYPE);
    // bundleToJSON leaves out an empty tlogEntries array (its type says it is always there).
    expect(bundle.verificationMaterial.tlogEntries).toBeUndefined();
    expect(bundle.verificationMaterial.timestampVerificationData.rfc3161Timestamps).toHaveLength(1);

    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /oidc?api-version=2.0&audience=sigstore',
      'POST /api/repos/acme/app/attestations',
    ]);
    expect(seen[0]!.authorization).toBe(`Bearer ${REQUEST_TOKEN}`);
    expect(seen[1]!.authorization).toBe(`token ${GITHUB_TOKEN}`);
    // The stored bundle is the one bundleDigest names.
    const stored = JSON.parse(seen[1]!.body) as { bundle: unknown };
    expect(Object.keys(stored)).toEqual(['bundle']);
    expect(stored.bundle).toEqual(JSON.parse(result.bundleJson));
    expect(sha256(JSON.stringify(stored.bundle))).toBe(result.bundleDigest);
  });

  it('uses public-good Sigstore (Fulcio + Rekor) for a public repository and returns the log index', async () => {
    const github = await import('@actions/github');
    const repository = github.context.payload.repository!;
    repository.visibility = 'public';
    try {
      await mockFulcio({ baseURL: 'https://fulcio.sigstore.dev', strict: true });
      await mockRekor({ baseURL: 'https://rekor.sigstore.dev', strict: true });

      const result = await attestEvidence(input());

      expect(nock.pendingMocks()).toEqual([]);
      const bundle = expectSignedStatement(result.bundleJson, EVIDENCE_PREDICATE_TYPE);
      expect(bundle.verificationMaterial.tlogEntries).toHaveLength(1);
      expect(result.tlogId).toBe(bundle.verificationMaterial.tlogEntries![0]!.logIndex);
      expect(result.tlogId).toMatch(/^\d+$/);
      expect(result.attestationId).toBe('77');
      expect(result.certificateIdentity).toBe(SIGNER);
    } finally {
      repository.visibility = 'private';
    }
  });

  it('skipWrite signs without storing: no POST, no attestation id', async () => {
    await mockGitHubSigstore();

    const result = await attestEvidence(
      input({ skipWrite: true, token: '', predicateType: 'https://example.com/custom/v2' }),
    );

    expect(nock.pendingMocks()).toEqual([]);
    expect(result.attestationId).toBeUndefined();
    expect(result.bundleDigest).toBe(sha256(result.bundleJson));
    expect(result.certificateIdentity).toBe(SIGNER);
    expectSignedStatement(result.bundleJson, 'https://example.com/custom/v2');
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /oidc?api-version=2.0&audience=sigstore',
    ]);
  });

  it.each([
    ['ACTIONS_ID_TOKEN_REQUEST_URL', ['ACTIONS_ID_TOKEN_REQUEST_URL']],
    ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', ['ACTIONS_ID_TOKEN_REQUEST_TOKEN']],
    [
      'ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN',
      ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'],
    ],
  ])(
    'without %s it fails with the permissions message and makes no request',
    async (names, unset) => {
      for (const name of unset) vi.stubEnv(name, undefined);
      await mockGitHubSigstore();

      const error = await failure(attestEvidence(input()));

      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toBe(
        `attest: true needs \`permissions: id-token: write\` (and attestations: write): ${names} not set in this job`,
      );
      expect(error.message.startsWith(MISSING_OIDC_MESSAGE)).toBe(true);
      expect(seen).toEqual([]);
      expect(nock.pendingMocks()).toEqual([
        'POST https://fulcio.githubapp.com:443/api/v2/signingCert',
        'POST https://timestamp.githubapp.com:443/api/v1/timestamp',
      ]);
    },
  );

  it('refuses when SIGSTORE_ID_TOKEN is set (the library would race it against the job’s token)', async () => {
    vi.stubEnv('SIGSTORE_ID_TOKEN', OIDC_JWT);

    const error = await failure(attestEvidence(input()));

    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'attest: SIGSTORE_ID_TOKEN is set; unset it so the evidence is signed with this job’s OIDC identity',
    );
    expect(seen).toEqual([]);
  });

  it.each([
    [
      { digest: PACK_HEX },
      `attest: the digest must be "sha256:" and 64 lowercase hex digits (got "${PACK_HEX}")`,
    ],
    [
      { digest: `sha256:${PACK_HEX.toUpperCase()}` },
      `attest: the digest must be "sha256:" and 64 lowercase hex digits (got "sha256:${PACK_HEX.toUpperCase()}")`,
    ],
    [{ subjectName: ' ' }, 'attest: the subject name is empty'],
    [
      { predicateType: 'evidence-v1' },
      'attest: the predicate type must be an absolute URI (got "evidence-v1")',
    ],
    [
      { predicate: [] as unknown as Record<string, unknown> },
      'attest: the predicate must be a JSON object',
    ],
    [{ token: '' }, 'attest: storing the attestation needs a token with attestations: write'],
  ])('rejects bad arguments before any request: %j', async (overrides, message) => {
    const error = await failure(attestEvidence(input(overrides)));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(message);
    expect(seen).toEqual([]);
  });

  it('the attestations API answering 403 fails with the API’s message, without retrying', async () => {
    await mockGitHubSigstore();
    apiReply = {
      status: 403,
      body: { message: 'Resource not accessible by integration', status: '403' },
    };

    const error = await failure(attestEvidence(input()));

    expect(error.message).toBe(
      `attest: signing the evidence (${PACK_DIGEST}) failed: Failed to persist attestation: Resource not accessible by integration (if the API refused it: storing attestations needs \`permissions: attestations: write\` and a public repository or GitHub Enterprise Cloud; elsewhere sign without storing (skipWrite))`,
    );
    expect((error.cause as Error).message).toBe(
      'Failed to persist attestation: Resource not accessible by integration',
    );
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /oidc?api-version=2.0&audience=sigstore',
      'POST /api/repos/acme/app/attestations',
    ]);
    expect(nock.pendingMocks()).toEqual([]);
    for (const secret of [GITHUB_TOKEN, REQUEST_TOKEN, OIDC_JWT])
      expect(error.message).not.toContain(secret);
  });

  it('the attestations API answering 500 fails with the cause after the library’s 5 retries (1+4+9+16+25 s)', async () => {
    await mockGitHubSigstore();
    apiReply = { status: 500, body: { message: 'Internal Server Error' } };
    const realSetTimeout = globalThis.setTimeout;
    const tick = (): Promise<void> => new Promise((resolve) => realSetTimeout(resolve, 5));
    // Sign for real; fake the clock for @octokit/plugin-retry's back-off only, switching before
    // the first 500 reaches the client (so that its first back-off timer is already fake).
    let faked = false;
    beforeApiReply = () => {
      if (faked) return;
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      faked = true;
    };
    let settled: Error | undefined;
    const outcome = attestEvidence(input()).then(
      () => new Error('expected attestEvidence to fail'),
      (error: unknown) => error as Error,
    );
    void outcome.then((e) => (settled = e));
    let advanced = 0;
    while (settled === undefined && advanced < 120_000) {
      if (faked) {
        await vi.advanceTimersByTimeAsync(500);
        advanced += 500;
      }
      await tick();
    }
    vi.useRealTimers();
    const error = await outcome;

    expect(error.message).toBe(
      `attest: signing the evidence (${PACK_DIGEST}) failed: Failed to persist attestation: Internal Server Error (if the API refused it: storing attestations needs \`permissions: attestations: write\` and a public repository or GitHub Enterprise Cloud; elsewhere sign without storing (skipWrite))`,
    );
    expect((error.cause as Error).message).toBe(
      'Failed to persist attestation: Internal Server Error',
    );
    expect(seen.filter((s) => s.method === 'POST')).toHaveLength(6);
    expect(advanced).toBeGreaterThanOrEqual(55_000);
    expect(advanced).toBeLessThanOrEqual(56_000);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('a stored attestation without an id is a failure, not a result', async () => {
    await mockGitHubSigstore();
    apiReply = { status: 201, body: {} };

    const error = await failure(attestEvidence(input()));

    expect(error.message).toBe(
      `attest: signing the evidence (${PACK_DIGEST}) failed: the attestations API stored the attestation but returned no id (got undefined)`,
    );
    expect(seen.filter((s) => s.method === 'POST')).toHaveLength(1);
  });

  it('the OIDC endpoint refusing the token request fails before Fulcio and the API are called', async () => {
    await mockGitHubSigstore();
    oidcReply = { status: 403, body: { message: 'Forbidden' } };

    const error = await failure(attestEvidence(input()));

    expect(error.message).toBe(
      `attest: signing the evidence (${PACK_DIGEST}) failed: invalid identity token: undefined: Cannot read properties of undefined (reading 'split')`,
    );
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /oidc?api-version=2.0&audience=sigstore',
    ]);
    expect(nock.pendingMocks()).toEqual([
      'POST https://fulcio.githubapp.com:443/api/v2/signingCert',
      'POST https://timestamp.githubapp.com:443/api/v1/timestamp',
    ]);
  });

  it('Fulcio refusing the certificate fails with its message and stores nothing', async () => {
    nock('https://fulcio.githubapp.com')
      .post('/api/v2/signingCert')
      .reply(400, { message: 'The signature supplied in the request could not be verified' });
    await mockTSA({ baseURL: 'https://timestamp.githubapp.com', strict: true });

    const error = await failure(attestEvidence(input()));

    expect(error.message).toBe(
      `attest: signing the evidence (${PACK_DIGEST}) failed: error creating signing certificate - (400) The signature supplied in the request could not be verified`,
    );
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /oidc?api-version=2.0&audience=sigstore',
    ]);
  });

  describe('with @actions/attest replaced (what the real library cannot be made to do)', () => {
    afterEach(() => {
      vi.doUnmock('@actions/attest');
    });

    it('refuses a bundle whose signed statement is about another digest', async () => {
      await mockGitHubSigstore();
      const real = await attestEvidence(input({ skipWrite: true }));
      const bundle = JSON.parse(real.bundleJson) as SerializedBundle;
      const der = Buffer.from(bundle.verificationMaterial.certificate.rawBytes, 'base64');
      const attest = vi.fn(() =>
        Promise.resolve({
          bundle,
          certificate: new X509Certificate(der).toString(),
          attestationID: '5',
        }),
      );
      vi.doMock('@actions/attest', () => ({ attest }));
      const other = `sha256:${'e'.repeat(64)}`;

      const error = await failure(attestEvidence(input({ digest: other })));

      expect(attest).toHaveBeenCalledTimes(1);
      expect(error.message).toBe(
        `attest: signing the evidence (${other}) failed: the signed in-toto statement is not about the given subject and predicate type`,
      );
    });

    it('wraps a non-Error rejection with its text as the cause', async () => {
      // @sigstore/sign's CIContextProvider rejects with a bare string.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      const attest = vi.fn(() => Promise.reject('CI: no tokens available'));
      vi.doMock('@actions/attest', () => ({ attest }));

      const error = await failure(attestEvidence(input()));

      expect(error.message).toBe(
        `attest: signing the evidence (${PACK_DIGEST}) failed: CI: no tokens available`,
      );
      expect(error.cause).toBe('CI: no tokens available');
      expect(attest).toHaveBeenCalledWith({
        subjects: [{ name: SUBJECT, digest: { sha256: PACK_HEX } }],
        predicateType: EVIDENCE_PREDICATE_TYPE,
        predicate: PREDICATE,
        token: GITHUB_TOKEN,
        skipWrite: false,
      });
    });
  });
});
