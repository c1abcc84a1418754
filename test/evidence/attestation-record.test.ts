/** A signed pack carries attestation.json + the bundle beside the manifest; verify checks they sign it. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildPackFiles } from '../../src/engine/evidence/build-pack.js';
import { verifyPack } from '../../src/engine/evidence/verify-pack.js';
import { asBuffers, exampleReport, inputFor } from './pack-helpers.js';

async function signedPack(subjectDigest?: string): Promise<Map<string, Buffer>> {
  const files = buildPackFiles(inputFor(await exampleReport('release.yml')));
  const manifestDigest = `sha256:${createHash('sha256')
    .update(files.get('manifest.json') ?? '')
    .digest('hex')}`;
  files.set(
    'attestation.json',
    JSON.stringify({
      id: '77',
      subject: 'manifest.json',
      subjectDigest: subjectDigest ?? manifestDigest,
    }),
  );
  files.set(
    'attestation.sigstore.json',
    '{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json"}',
  );
  return asBuffers(files);
}

describe('attestation record', () => {
  it('is accepted beside the manifest when it signs manifest.json', async () => {
    expect(verifyPack(await signedPack())).toMatchObject({ ok: true, problems: [] });
  });

  it('is reported when it signs something else, or when the bundle is missing', async () => {
    const wrong = await signedPack(`sha256:${'0'.repeat(64)}`);
    expect(verifyPack(wrong).problems).toEqual([
      expect.stringMatching(/^attestation\.json does not sign this manifest\.json/),
    ]);
    const noBundle = await signedPack();
    noBundle.delete('attestation.sigstore.json');
    expect(verifyPack(noBundle).problems).toEqual([
      'attestation.json is present without attestation.sigstore.json (the signed bundle)',
    ]);
  });
});
