/**
 * `agent-gate verify`: an evidence pack, as a directory or as the zip an artifact downloads
 * as — its files against the manifest and schemas, and whether it is signed, said plainly.
 */
import { existsSync, lstatSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from '../../engine/errors.js';
import { readTextFile } from './fs-policy-reader.js';
import { ZIP_LIMITS, readZip } from '../../engine/evidence/zip.js';
import { escapeLogText } from '../../engine/escape.js';
import type { Command } from './args.js';
import type { CliIo } from './run-cli.js';

/** Larger than any evidence pack; a bigger input is refused before it is read. */
const MAX_PACK_INPUT_BYTES = ZIP_LIMITS.maxTotalBytes;
/** The Sigstore bundle's name inside a pack (and beside a pack zip). */
export const BUNDLE_FILE = 'attestation.sigstore.json';

type VerifyArgs = Extract<Command, { name: 'verify' }>;

export async function verifyCommand(command: VerifyArgs, io: CliIo): Promise<number> {
  const path = command.pack;
  const { files, problems: readProblems } = readPackInput(path);
  // The SARIF and evidence validators are large: only `verify` loads them.
  const { verifyPack } = await import('../../engine/evidence/verify-pack.js');
  const result = verifyPack(files);
  const problems = [...readProblems, ...result.problems];
  const signature = await signatureStatus(command, files);
  if (signature.broken) problems.push(`the signature does not verify: ${signature.line}`);
  else if (command.requireSigned && !signature.verified)
    problems.push(`--require-signed: ${signature.line}`);
  const shown = escapeLogText(path);
  if (problems.length === 0) {
    io.stdout(
      `${shown}: evidence pack verifies — the ${files.size - 1} files listed in manifest.json match it; pack digest ${result.digest ?? '?'}\n${signature.line}\n`,
    );
    return 0;
  }
  io.stdout(
    `${shown}: evidence pack does NOT verify (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  ✗ ${escapeLogText(p)}\n`).join('')}${result.digest ? `pack digest of the files present: ${result.digest}\n` : ''}${signature.line}\n`,
  );
  return 1;
}

interface SignatureStatus {
  readonly verified: boolean;
  /** A bundle was checked and does not verify: tampering or a wrong signer, never a pass. */
  readonly broken?: boolean;
  readonly line: string;
}

/**
 * Whether the pack is signed, said plainly. A bundle counts only when its signature has been
 * verified against a trusted root the user supplied; a bundle that is merely present is
 * reported as unverified (and fails --require-signed).
 */
async function signatureStatus(
  command: VerifyArgs,
  files: ReadonlyMap<string, Buffer>,
): Promise<SignatureStatus> {
  const beside = join(dirname(command.pack), BUNDLE_FILE);
  const found: { where: string; read: () => string } | undefined = command.bundle
    ? { where: command.bundle, read: () => readTextFile(command.bundle ?? '') }
    : files.has(BUNDLE_FILE)
      ? {
          where: `${BUNDLE_FILE} in the pack`,
          read: () => files.get(BUNDLE_FILE)?.toString('utf8') ?? '',
        }
      : existsSync(beside)
        ? { where: beside, read: () => readTextFile(beside) }
        : undefined;
  if (found === undefined)
    return {
      verified: false,
      line: `Signed: NO — no Sigstore bundle (${BUNDLE_FILE}) in or beside the pack; its integrity rests on the manifest alone`,
    };
  const where = escapeLogText(found.where);
  if (command.trustedRoot === undefined)
    return {
      verified: false,
      line: `Signed: NOT VERIFIED — a Sigstore bundle is present (${where}); pass --trusted-root <trusted_root.json> (e.g. from \`gh attestation trusted-root\`) to verify it offline`,
    };
  const { verifyBundleSignature } = await import('./verify-signature.js');
  const check = verifyBundleSignature({
    bundleJson: found.read(),
    trustedRootJson: readTextFile(command.trustedRoot),
    manifest: files.get('manifest.json'),
  });
  return {
    verified: check.verified,
    broken: !check.verified,
    line: `Signed: ${check.verified ? 'YES' : 'NO (the bundle does not verify)'} — ${escapeLogText(check.message)} (${where})`,
  };
}

/** The pack's files by name; links and special files are not followed but reported. */
function readPackInput(path: string): { files: Map<string, Buffer>; problems: string[] } {
  let stat;
  try {
    stat = statSync(path);
  } catch (cause) {
    throw new InputError(
      `${path}: cannot read (${(cause as NodeJS.ErrnoException).code ?? String(cause)})`,
      {
        cause,
      },
    );
  }
  if (stat.isDirectory()) return readPackDir(path);
  if (!stat.isFile()) throw new InputError(`${path}: not a directory or a zip file`);
  if (stat.size > MAX_PACK_INPUT_BYTES)
    throw new InputError(`${path}: ${stat.size} bytes is too large for an evidence pack`);
  const buffer = readFileSync(path);
  const magic = buffer.subarray(0, 4).toString('latin1');
  if (magic !== 'PK\x03\x04' && magic !== 'PK\x05\x06')
    throw new InputError(`${path}: not a directory or a zip file`);
  try {
    return { files: readZip(buffer), problems: [] };
  } catch (cause) {
    throw new InputError(`${path}: ${(cause as Error).message}`, { cause });
  }
}

function readPackDir(root: string): { files: Map<string, Buffer>; problems: string[] } {
  const files = new Map<string, Buffer>();
  const problems: string[] = [];
  let total = 0;
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      const name = `${prefix}${entry}`;
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) problems.push(`${name} is a symbolic link (not followed)`);
      else if (stat.isDirectory()) walk(full, `${name}/`);
      else if (!stat.isFile()) problems.push(`${name} is not a regular file`);
      else {
        total += stat.size;
        if (total > MAX_PACK_INPUT_BYTES)
          throw new InputError(
            `${root}: over ${MAX_PACK_INPUT_BYTES} bytes: too large for an evidence pack`,
          );
        files.set(name, readFileSync(full));
      }
    }
  };
  try {
    walk(root, '');
  } catch (cause) {
    if (cause instanceof InputError) throw cause;
    throw new InputError(
      `${root}: cannot read (${(cause as NodeJS.ErrnoException).code ?? String(cause)})`,
      {
        cause,
      },
    );
  }
  return { files, problems };
}
