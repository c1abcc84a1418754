/** `agent-gate verify <pack-dir|zip>`: 0 verifies, 1 does not (each problem listed), 2 unreadable / usage. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { buildPackFiles, packDigest } from '../../src/engine/evidence/build-pack.js';
import { exampleReport, inputFor } from '../evidence/pack-helpers.js';
import { makeZip } from '../evidence/zip-helpers.js';
import { tempDir } from '../helpers.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => new Date('2026-11-21T00:00:00Z'),
  });
  return { code, out, err };
}

async function packDir(): Promise<{ dir: string; files: Map<string, string> }> {
  const files = buildPackFiles(inputFor(await exampleReport('claude-fix-issue.yml')));
  const dir = join(tempDir(), 'pack');
  mkdirSync(dir);
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  return { dir, files };
}

function zipOf(files: ReadonlyMap<string, string>): Buffer {
  return makeZip([...files].map(([name, text]) => ({ name, data: Buffer.from(text) })));
}

describe('agent-gate verify', () => {
  it('exits 0 for a pack directory as built, printing its digest', async () => {
    const { dir, files } = await packDir();
    const r = await cli('verify', dir);
    expect(r).toEqual({
      code: 0,
      out: `${dir}: evidence pack verifies — the 4 files listed in manifest.json match it; pack digest ${packDigest(files)}\nSigned: NO — no Sigstore bundle (attestation.sigstore.json) in or beside the pack; its integrity rests on the manifest alone\n`,
      err: '',
    });
  });

  it('exits 1 listing each problem: altered, missing and extra files', async () => {
    const { dir, files } = await packDir();
    writeFileSync(join(dir, 'summary.md'), `${files.get('summary.md')!}tampered\n`);
    spawnSync('rm', [join(dir, 'bom.json')]);
    writeFileSync(join(dir, 'extra.txt'), 'hello\n');
    const r = await cli('verify', dir);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`${dir}: evidence pack does NOT verify (3 problems):`);
    expect(lines[1]).toBe('  ✗ bom.json is missing (listed in manifest.json)');
    expect(lines[2]).toMatch(
      /^ {2}✗ summary\.md was altered: its SHA-256 is [0-9a-f]{64}, the manifest says [0-9a-f]{64}$/,
    );
    expect(lines[3]).toBe('  ✗ extra.txt is an extra file, not in manifest.json');
    expect(lines[4]).toMatch(/^pack digest of the files present: sha256:[0-9a-f]{64}$/);
  });

  it('does not follow a symbolic link in the pack directory', async () => {
    const { dir } = await packDir();
    symlinkSync('/etc/hostname', join(dir, 'link.txt'));
    const r = await cli('verify', dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('  ✗ link.txt is a symbolic link (not followed)\n');
  });

  it('reads a zip (as an artifact downloads) and exits 0, or 1 when a file in it was altered', async () => {
    const { files } = await packDir();
    const dir = tempDir();
    writeFileSync(join(dir, 'pack.zip'), zipOf(files));
    const ok = await cli('verify', join(dir, 'pack.zip'));
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(`pack digest ${packDigest(files)}`);
    const altered = new Map(files).set(
      'evidence.json',
      files.get('evidence.json')!.replace('"octocat"', '"mallory"'),
    );
    writeFileSync(join(dir, 'altered.zip'), zipOf(altered));
    const bad = await cli('verify', join(dir, 'altered.zip'));
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/✗ evidence\.json was altered/);
  });

  it('exits 2 for a zip it refuses to read, a file that is not a pack, a missing path, and bad usage', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'slip.zip'),
      makeZip([{ name: '../../evil.sh', data: Buffer.from('x') }]),
    );
    const slip = await cli('verify', join(dir, 'slip.zip'));
    expect(slip.code).toBe(2);
    expect(slip.err).toBe(
      `agent-gate: ${join(dir, 'slip.zip')}: not a readable evidence zip: "../../evil.sh" climbs out of the pack with .. (zip-slip)\n`,
    );
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    expect(await cli('verify', join(dir, 'notes.txt'))).toMatchObject({
      code: 2,
      err: `agent-gate: ${join(dir, 'notes.txt')}: not a directory or a zip file\n`,
    });
    expect(await cli('verify', join(dir, 'nope'))).toMatchObject({
      code: 2,
      err: `agent-gate: ${join(dir, 'nope')}: cannot read (ENOENT)\n`,
    });
    expect((await cli('verify')).err).toMatch(
      /verify needs an evidence pack \(a directory or a zip\)/,
    );
    expect((await cli('verify')).code).toBe(2);
    expect(await cli('verify', 'a', 'b')).toMatchObject({ code: 2 });
    expect((await cli('verify', '--bogus', dir)).err).toMatch(/unknown option: --bogus/);
  });

  it('escapes hostile file names before printing them', async () => {
    const { dir } = await packDir();
    writeFileSync(join(dir, '::set-output name=x::y'), 'x');
    const r = await cli('verify', dir);
    expect(r.code).toBe(1);
    expect(r.out).not.toContain('::set-output');
    expect(r.out).toContain(':\u200b:set-output name=x:\u200b:y is an extra file');
  });

  it('the built CLI bundle (dist/cli) verifies as a process, with the same exit codes', async () => {
    const { dir } = await packDir();
    const bundle = join(process.cwd(), 'dist/cli/index.js');
    const ok = spawnSync(process.execPath, [bundle, 'verify', dir], { encoding: 'utf8' });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    writeFileSync(
      join(dir, 'evidence.json'),
      readFileSync(join(dir, 'evidence.json'), 'utf8').replace('"fix"', '"fox"'),
    );
    const bad = spawnSync(process.execPath, [bundle, 'verify', dir], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/✗ evidence\.json was altered/);
    const missing = spawnSync(process.execPath, [bundle, 'verify', join(dir, 'nope')], {
      encoding: 'utf8',
    });
    expect(missing.status).toBe(2);
  });
});
