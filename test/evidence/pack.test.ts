/** The pack's files, manifest digests, and verifyPack on altered, missing and extra files. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildPackFiles, packDigest, serialize } from '../../src/engine/evidence/build-pack.js';
import type { Manifest } from '../../src/engine/evidence/types.js';
import { verifyPack } from '../../src/engine/evidence/verify-pack.js';
import { validateManifest } from '../../src/generated/evidence-validator.js';
import { asBuffers, exampleReport, inputFor } from './pack-helpers.js';

const sha = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');

async function pack(name = 'release.yml'): Promise<Map<string, string>> {
  return buildPackFiles(inputFor(await exampleReport(name)));
}

describe('buildPackFiles', () => {
  it('writes the five files, the manifest last', async () => {
    expect([...(await pack()).keys()]).toEqual([
      'evidence.json',
      'bom.json',
      'findings.sarif',
      'summary.md',
      'manifest.json',
    ]);
  });

  it('manifest.json has the SHA-256 and size of every other file and the documented pack digest', async () => {
    const files = await pack();
    const manifest = JSON.parse(files.get('manifest.json')!) as Manifest;
    expect(validateManifest(manifest)).toBe(true);
    expect(Object.keys(manifest.files)).toEqual([
      'bom.json',
      'evidence.json',
      'findings.sarif',
      'summary.md',
    ]);
    for (const [name, entry] of Object.entries(manifest.files)) {
      expect(entry).toEqual({
        sha256: sha(files.get(name)!),
        bytes: Buffer.byteLength(files.get(name)!),
      });
    }
    // The algorithm as documented: sorted "<name>\0<sha256 hex>\n" lines, SHA-256 over them.
    const lines = ['bom.json', 'evidence.json', 'findings.sarif', 'summary.md']
      .map((n) => `${n}\0${sha(files.get(n)!)}\n`)
      .join('');
    expect(manifest.digest).toBe(`sha256:${sha(lines)}`);
    expect(packDigest(files)).toBe(manifest.digest);
    expect(manifest.policyDigest).toBe((await exampleReport('release.yml')).policy.digest);
    expect(manifest.tool.name).toBe('agent-gate');
  });

  it('packDigest ignores manifest.json, takes strings and buffers alike, and sees every byte', async () => {
    const files = await pack();
    const withoutManifest = new Map([...files].filter(([n]) => n !== 'manifest.json'));
    expect(packDigest(withoutManifest)).toBe(packDigest(files));
    expect(packDigest(asBuffers(files))).toBe(packDigest(files));
    const changed = new Map(files).set('summary.md', `${files.get('summary.md')!} `);
    expect(packDigest(changed)).not.toBe(packDigest(files));
    const renamed = new Map(withoutManifest);
    renamed.set('summary2.md', renamed.get('summary.md')!);
    renamed.delete('summary.md');
    expect(packDigest(renamed)).not.toBe(packDigest(files));
  });

  it('is deterministic for the same input', async () => {
    expect([...(await pack('nightly-agent.yml'))]).toEqual([...(await pack('nightly-agent.yml'))]);
  });
});

describe('verifyPack', () => {
  it('accepts a pack as built, returning its digest', async () => {
    const files = await pack();
    const result = verifyPack(asBuffers(files));
    expect(result).toEqual({ ok: true, problems: [], digest: packDigest(files) });
  });

  it('detects an altered file', async () => {
    const files = asBuffers(await pack());
    const summary = files.get('summary.md')!;
    const altered = Buffer.from(summary.toString('utf8').replace('approval required', 'allow  '));
    files.set('summary.md', altered);
    const result = verifyPack(files);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      `summary.md was altered: its SHA-256 is ${sha(altered)}, the manifest says ${sha(summary)}`,
    ]);
  });

  it('detects a missing file', async () => {
    const files = asBuffers(await pack());
    files.delete('bom.json');
    expect(verifyPack(files)).toMatchObject({
      ok: false,
      problems: ['bom.json is missing (listed in manifest.json)'],
    });
  });

  it('detects an extra file', async () => {
    const files = asBuffers(await pack());
    files.set('notes.txt', Buffer.from('trust me\n'));
    expect(verifyPack(files).problems).toEqual([
      'notes.txt is an extra file, not in manifest.json',
    ]);
  });

  it('detects a missing manifest, and a manifest whose digest does not match its list', async () => {
    const files = asBuffers(await pack());
    const noManifest = new Map(files);
    noManifest.delete('manifest.json');
    expect(verifyPack(noManifest)).toEqual({
      ok: false,
      problems: ['manifest.json is missing from the pack'],
      digest: undefined,
    });
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as Manifest;
    const forged = { ...manifest, digest: `sha256:${'0'.repeat(64)}` };
    files.set('manifest.json', Buffer.from(serialize(forged)));
    expect(verifyPack(files).problems).toEqual([
      `manifest.json digest sha256:${'0'.repeat(64)} does not match its own file list (${manifest.digest})`,
    ]);
  });

  it('validates evidence.json and findings.sarif against their schemas even when the manifest agrees', async () => {
    const files = await pack();
    const evidence = JSON.parse(files.get('evidence.json')!) as Record<string, unknown>;
    const sarif = JSON.parse(files.get('findings.sarif')!) as { version: string };
    // A forger who rewrites the manifest to match still cannot pass the schemas.
    const forged = new Map(files)
      .set('evidence.json', serialize({ ...evidence, decision: 'allow' }))
      .set('findings.sarif', serialize({ ...sarif, version: '9.9' }));
    const manifest = JSON.parse(files.get('manifest.json')!) as Manifest;
    const rewritten = {
      ...manifest,
      files: Object.fromEntries(
        Object.keys(manifest.files).map((n) => [
          n,
          { sha256: sha(forged.get(n)!), bytes: Buffer.byteLength(forged.get(n)!) },
        ]),
      ),
      digest: packDigest(forged),
    };
    forged.set('manifest.json', serialize(rewritten));
    const result = verifyPack(asBuffers(forged));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      'evidence.json/decision: must be object',
      'findings.sarif/version: must be one of: "2.1.0"',
    ]);
    expect(result.digest).toBe(packDigest(forged));
  });

  it('reports a file that is not JSON, and a BOM that differs from the evidence', async () => {
    const files = await pack();
    const bom = JSON.parse(files.get('bom.json')!) as { workflows: { name: string }[] };
    bom.workflows[0]!.name = 'Something else';
    const forged = new Map(files)
      .set('bom.json', serialize(bom))
      .set('findings.sarif', '{not json');
    const manifest = JSON.parse(files.get('manifest.json')!) as Manifest;
    const listed = Object.fromEntries(
      Object.keys(manifest.files).map((n) => [
        n,
        { sha256: sha(forged.get(n)!), bytes: Buffer.byteLength(forged.get(n)!) },
      ]),
    );
    forged.set(
      'manifest.json',
      serialize({ ...manifest, files: listed, digest: packDigest(forged) }),
    );
    const problems = verifyPack(asBuffers(forged)).problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^findings\.sarif is not valid UTF-8 JSON: /);
    expect(problems[1]).toBe('bom.json differs from the BOM in evidence.json');
  });

  it('reports a summary.md that is not UTF-8 or over the step-summary limit', async () => {
    const files = asBuffers(await pack());
    const rehash = (m: Map<string, Buffer>): Map<string, Buffer> => {
      const manifest = JSON.parse(m.get('manifest.json')!.toString()) as Manifest;
      const listed = Object.fromEntries(
        Object.keys(manifest.files).map((n) => [
          n,
          { sha256: sha(m.get(n)!), bytes: m.get(n)!.length },
        ]),
      );
      return new Map(m).set(
        'manifest.json',
        Buffer.from(serialize({ ...manifest, files: listed, digest: packDigest(m) })),
      );
    };
    const latin1 = rehash(new Map(files).set('summary.md', Buffer.from([0x23, 0x20, 0xe9, 0x0a])));
    expect(verifyPack(latin1).problems).toEqual(['summary.md is not valid UTF-8']);
    const huge = rehash(new Map(files).set('summary.md', Buffer.alloc(1024 * 1024 + 1, 'a')));
    expect(verifyPack(huge).problems).toEqual([
      "summary.md is over the runner's 1 MiB step-summary limit",
    ]);
  });

  it('checks the attestation subject: the pack as it was before the attestation record was added', async () => {
    const input = inputFor(await exampleReport('release.yml'));
    const signed = packDigest(buildPackFiles(input));
    const attested = buildPackFiles({
      ...input,
      attestation: { id: '123', bundleDigest: `sha256:${'b'.repeat(64)}`, subjectDigest: signed },
    });
    const result = verifyPack(asBuffers(attested));
    expect(result.problems).toEqual([]);
    expect(result.digest).not.toBe(signed);
    const wrong = buildPackFiles({
      ...input,
      outcome: { status: 'failure', source: 'jobs API', note: undefined },
      attestation: { id: '123', bundleDigest: undefined, subjectDigest: signed },
    });
    expect(verifyPack(asBuffers(wrong)).problems).toEqual([
      `the attestation's subject digest ${signed} is not this pack's (recomputed without the attestation record: ${packDigest(
        buildPackFiles({
          ...input,
          outcome: { status: 'failure', source: 'jobs API', note: undefined },
        }),
      )})`,
    ]);
  });
});
