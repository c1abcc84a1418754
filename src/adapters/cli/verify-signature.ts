/**
 * Verifies the Sigstore bundle that signs an evidence pack, offline, with the official
 * libraries (@sigstore/verify): the signature and its certificate chain against a trusted
 * root the user supplies (never one shipped inside the pack: a forger would ship their own),
 * the transparency-log entry and certificate-transparency proofs it requires, and then that
 * the signed in-toto statement names this pack's manifest.json by its SHA-256.
 */
import { createHash } from 'node:crypto';
import { bundleFromJSON, isBundleWithDsseEnvelope } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify';

export interface SignatureCheck {
  readonly verified: boolean;
  /** One sentence: what was verified and who signed, or why it does not verify. */
  readonly message: string;
}

interface Statement {
  readonly subject?: readonly { name?: string; digest?: Record<string, string> }[];
}

export function verifyBundleSignature(input: {
  bundleJson: string;
  trustedRootJson: string;
  manifest: Buffer | undefined;
}): SignatureCheck {
  const fail = (why: string): SignatureCheck => ({ verified: false, message: why });
  let bundle;
  try {
    bundle = bundleFromJSON(JSON.parse(input.bundleJson));
  } catch (error) {
    return fail(`the Sigstore bundle cannot be read (${(error as Error).message})`);
  }
  // Public-good Sigstore bundles carry a Rekor entry; GitHub's own instance (private
  // repositories) an RFC 3161 timestamp instead. Each kind present must verify, and one is
  // required: without a timestamp the certificate's validity cannot be checked.
  const tlogs = bundle.verificationMaterial.tlogEntries.length;
  const stamps =
    bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.length ?? 0;
  if (tlogs === 0 && stamps === 0)
    return fail('the bundle has no transparency-log entry and no timestamp to verify it against');
  let verifier;
  try {
    const root = TrustedRoot.fromJSON(JSON.parse(input.trustedRootJson));
    verifier = new Verifier(toTrustMaterial(root), {
      tlogThreshold: tlogs > 0 ? 1 : 0,
      tsaThreshold: stamps > 0 ? 1 : 0,
      // Certificates from an instance without CT logs (GitHub's) carry no SCTs.
      ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0,
    });
  } catch (error) {
    return fail(`the trusted root cannot be read (${(error as Error).message})`);
  }
  let identity: string;
  try {
    const signer = verifier.verify(toSignedEntity(bundle));
    const san = signer.identity?.subjectAlternativeName;
    const issuer = signer.identity?.extensions?.issuer;
    identity = san ? `${san}${issuer ? ` (issuer ${issuer})` : ''}` : 'a public key';
  } catch (error) {
    return fail(`the signature does not verify: ${(error as Error).message}`);
  }
  if (!isBundleWithDsseEnvelope(bundle))
    return fail('the bundle signs a message, not an in-toto statement about manifest.json');
  if (input.manifest === undefined)
    return fail('manifest.json, which the signature names, is missing');
  const digest = createHash('sha256').update(input.manifest).digest('hex');
  let statement: Statement;
  try {
    statement = JSON.parse(bundle.content.dsseEnvelope.payload.toString('utf8')) as Statement;
  } catch {
    return fail('the signed payload is not an in-toto statement');
  }
  const names = (statement.subject ?? []).map((s) => s.digest?.sha256);
  if (!names.includes(digest))
    return fail(
      `the signature is valid but signs another manifest (subject sha256 ${names.join(', ') || 'none'}, this manifest.json is ${digest})`,
    );
  return {
    verified: true,
    message: `signature verified: signed by ${identity}; its subject is this manifest.json (sha256:${digest})`,
  };
}
