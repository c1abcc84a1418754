/**
 * Issue 12 item 10: `verify` says whether a pack is signed and checks a Sigstore bundle
 * offline with @sigstore/verify — signature, certificate chain, transparency-log and CT
 * proofs against a trusted root the user supplies, then the subject digest against this
 * manifest.json. The bundle is made here for real by @sigstore/sign against @sigstore/mock's
 * Fulcio and Rekor (nock-intercepted; nothing leaves the machine).
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleToJSON } from '@sigstore/bundle';
import {
  fulcioHandler,
  initializeCA,
  initializeCTLog,
  initializeTLog,
  rekorHandler,
} from '@sigstore/mock';
import type { HandlerFn } from '@sigstore/mock';
import { DSSEBundleBuilder, FulcioSigner, RekorWitness } from '@sigstore/sign';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { buildPackFiles } from '../../src/engine/evidence/build-pack.js';
import { exampleReport, inputFor } from '../evidence/pack-helpers.js';
import { tempDir } from '../helpers.js';

const FULCIO = 'https://fulcio.sigstore.mock';
const REKOR = 'https://rekor.sigstore.mock';
const SIGNER = 'https://github.com/acme/app/.github/workflows/gate.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';

const b64 = (data: Buffer | ArrayBufferView): string =>
  Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
const jwt = [
  { alg: 'RS256', typ: 'JWT' },
  { iss: ISSUER, aud: 'sigstore', sub: SIGNER, exp: 4102444800 },
]
  .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
  .concat('c2lnbmF0dXJl')
  .join('.');

function intercept(base: string, handler: { path: string; fn: HandlerFn }): void {
  nock(base)
    .post(handler.path)
    .reply(async (_uri, body) => {
      const { statusCode, response, contentType } = await handler.fn(
        typeof body === 'string' ? body : JSON.stringify(body),
      );
      return [statusCode, response, { 'Content-Type': contentType ?? 'text/plain' }];
    });
}

/** A Sigstore instance of our own: its CA, CT log and Rekor, and the trusted root naming them. */
async function sigstoreInstance(): Promise<{
  trustedRoot: string;
  sign: (statement: object) => Promise<string>;
}> {
  const keyPair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const ctlog = await initializeCTLog(keyPair);
  const ca = await initializeCA(keyPair, ctlog);
  const tlog = await initializeTLog(REKOR, keyPair);
  const start = new Date(Date.UTC(2020, 0, 1)).toISOString();
  const key = (rawBytes: Buffer) => ({
    rawBytes: rawBytes.toString('base64'),
    keyDetails: 'PKIX_ECDSA_P256_SHA_256',
    validFor: { start },
  });
  const trustedRoot = JSON.stringify({
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      {
        baseUrl: REKOR,
        hashAlgorithm: 'SHA2_256',
        publicKey: key(tlog.publicKey),
        logId: { keyId: createHash('sha256').update(tlog.publicKey).digest('base64') },
      },
    ],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: FULCIO,
        certChain: { certificates: [{ rawBytes: b64(ca.rootCertificate) }] },
        validFor: { start },
      },
    ],
    ctlogs: [
      {
        baseUrl: 'https://ctfe.sigstore.mock',
        hashAlgorithm: 'SHA2_256',
        publicKey: key(ctlog.publicKey),
        logId: { keyId: b64(ctlog.logID) },
      },
    ],
    timestampAuthorities: [],
  });
  const sign = async (statement: object): Promise<string> => {
    intercept(FULCIO, fulcioHandler(ca));
    intercept(REKOR, rekorHandler(tlog));
    const builder = new DSSEBundleBuilder({
      signer: new FulcioSigner({
        fulcioBaseURL: FULCIO,
        identityProvider: { getToken: () => Promise.resolve(jwt) },
      }),
      // intoto entries: the mock Rekor stores a dsse entry as proposed, without the
      // canonical `signatures` the real Rekor adds (and @sigstore/verify checks).
      witnesses: [new RekorWitness({ rekorBaseURL: REKOR, entryType: 'intoto' })],
    });
    const bundle = await builder.create({
      data: Buffer.from(JSON.stringify(statement)),
      type: 'application/vnd.in-toto+json',
    });
    return JSON.stringify(bundleToJSON(bundle));
  };
  return { trustedRoot, sign };
}

const statementFor = (digestHex: string) => ({
  _type: 'https://in-toto.io/Statement/v1',
  subject: [{ name: 'manifest.json', digest: { sha256: digestHex } }],
  predicateType: 'https://agent-gate.dev/evidence/v1',
  predicate: { decision: 'approval-required' },
});

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCli(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (out += t),
    now: () => new Date('2026-11-21T00:00:00Z'),
  });
  return { code, out };
}

let instance: Awaited<ReturnType<typeof sigstoreInstance>>;
let otherRoot: string;

beforeAll(async () => {
  nock.disableNetConnect();
  instance = await sigstoreInstance();
  otherRoot = (await sigstoreInstance()).trustedRoot;
});
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

/** A pack as the post step writes it, optionally with a bundle signing `digestHex`. */
async function pack(sign: 'manifest' | 'other' | 'none'): Promise<{ dir: string; root: string }> {
  const files = buildPackFiles(inputFor(await exampleReport('release.yml')));
  const dir = join(tempDir(), 'pack');
  mkdirSync(dir);
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  const manifestHex = createHash('sha256')
    .update(readFileSync(join(dir, 'manifest.json')))
    .digest('hex');
  if (sign !== 'none') {
    const hex = sign === 'manifest' ? manifestHex : 'f'.repeat(64);
    const bundle = await instance.sign(statementFor(hex));
    writeFileSync(join(dir, 'attestation.sigstore.json'), `${bundle}\n`);
    writeFileSync(
      join(dir, 'attestation.json'),
      JSON.stringify({ subject: 'manifest.json', subjectDigest: `sha256:${manifestHex}` }),
    );
  }
  const root = join(dir, '..', 'trusted_root.json');
  writeFileSync(root, instance.trustedRoot);
  return { dir, root };
}

describe('verify: is the pack signed?', () => {
  it('a pack signed over its manifest verifies against the supplied trusted root', async () => {
    const { dir, root } = await pack('manifest');
    const r = await cli('verify', dir, '--trusted-root', root, '--require-signed');
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(
      new RegExp(
        `Signed: YES — signature verified: signed by ${SIGNER.replace(/[./]/g, '\\$&')} \\(issuer ${ISSUER.replace(/[./]/g, '\\$&')}\\); its subject is this manifest\\.json`,
      ),
    );
  });

  it('a bundle checked against another trusted root does not verify: exit 1', async () => {
    const { dir } = await pack('manifest');
    const other = join(dir, '..', 'other_root.json');
    writeFileSync(other, otherRoot);
    const r = await cli('verify', dir, '--trusted-root', other);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /✗ the signature does not verify: Signed: NO \(the bundle does not verify\) — the signature does not verify/,
    );
  });

  it('a bundle stripped of its transparency-log entry is refused, not trusted on its own', async () => {
    const { dir, root } = await pack('manifest');
    const file = join(dir, 'attestation.sigstore.json');
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as {
      verificationMaterial: { tlogEntries: unknown[] };
    };
    bundle.verificationMaterial.tlogEntries = [];
    writeFileSync(file, JSON.stringify(bundle));
    const r = await cli('verify', dir, '--trusted-root', root);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/no transparency-log entry and no timestamp/);
  });

  it('a valid signature over another manifest is refused', async () => {
    const { dir, root } = await pack('other');
    const r = await cli('verify', dir, '--trusted-root', root);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /the signature is valid but signs another manifest \(subject sha256 f{64}/,
    );
  });

  it('without a trusted root a bundle is reported NOT VERIFIED, and --require-signed fails', async () => {
    const { dir } = await pack('manifest');
    const plain = await cli('verify', dir);
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(
      /Signed: NOT VERIFIED — a Sigstore bundle is present .*pass --trusted-root/,
    );
    const required = await cli('verify', dir, '--require-signed');
    expect(required.code).toBe(1);
    expect(required.out).toMatch(/✗ --require-signed: Signed: NOT VERIFIED/);
  });

  it('an unsigned pack says so plainly and fails --require-signed', async () => {
    const { dir, root } = await pack('none');
    const plain = await cli('verify', dir);
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(/^Signed: NO — no Sigstore bundle/m);
    const required = await cli('verify', dir, '--require-signed', '--trusted-root', root);
    expect(required.code).toBe(1);
    expect(required.out).toMatch(/✗ --require-signed: Signed: NO — no Sigstore bundle/);
  });
});
