/**
 * readZip: round trips against the system `zip` (when installed) and hand-made archives, and
 * refusal of zip-slip names, zip bombs, encryption, zip64 and malformed archives.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackFiles } from '../../src/engine/evidence/build-pack.js';
import { verifyPack } from '../../src/engine/evidence/verify-pack.js';
import { crc32, readZip } from '../../src/engine/evidence/zip.js';
import { makeZip } from './zip-helpers.js';
import { tempDir } from '../helpers.js';
import { asBuffers, exampleReport, inputFor } from './pack-helpers.js';

const HAS_ZIP = spawnSync('zip', ['-v'], { encoding: 'utf8' }).status === 0;

const refused = (zip: Buffer, limits?: Parameters<typeof readZip>[1]): string => {
  try {
    readZip(zip, limits);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('readZip accepted the archive');
};

describe('readZip round trips', () => {
  it('reads the crc32 check value of "123456789" (the CRC-32 it checks entries with)', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('reads a hand-made archive with stored and deflated entries, and a directory', () => {
    const binary = randomBytes(5000);
    const text = Buffer.from('{"a":1}\n'.repeat(500));
    const zip = makeZip([
      { name: 'evidence.json', data: text, method: 8 },
      { name: 'blob.bin', data: binary, method: 0 },
      { name: 'dir/', data: Buffer.alloc(0), method: 0, external: (0o040755 << 16) >>> 0 },
      { name: 'dir/é.md', data: Buffer.from('# ü\n'), method: 8 },
    ]);
    const files = readZip(zip);
    expect([...files.keys()]).toEqual(['evidence.json', 'blob.bin', 'dir/é.md']);
    expect(files.get('evidence.json')!.equals(text)).toBe(true);
    expect(files.get('blob.bin')!.equals(binary)).toBe(true);
    expect(files.get('dir/é.md')!.toString('utf8')).toBe('# ü\n');
  });

  it.skipIf(!HAS_ZIP)(
    'reads archives made by the system zip command (deflate, stored, data descriptors)',
    async () => {
      const dir = tempDir();
      const pack = buildPackFiles(inputFor(await exampleReport('claude-fix-issue.yml')));
      const src = join(dir, 'pack');
      mkdirSync(join(src, 'sub'), { recursive: true });
      for (const [name, text] of pack) writeFileSync(join(src, name), text);
      const binary = randomBytes(70_000);
      writeFileSync(join(src, 'sub', 'blob.bin'), binary);
      const expected = new Map([...asBuffers(pack), ['sub/blob.bin', binary]]);
      for (const [zipName, flags] of [
        ['deflate.zip', ['-r', '-X', '-9']],
        ['stored.zip', ['-r', '-X', '-0']],
        ['descriptors.zip', ['-r', '-X', '-fd']],
      ] as const) {
        const out = join(dir, zipName);
        const made = spawnSync('zip', [...flags, out, '.'], { cwd: src, encoding: 'utf8' });
        expect(made.status, made.stderr).toBe(0);
        const files = readZip(readFileSync(out));
        expect([...files.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [name, content] of expected)
          expect(files.get(name)!.equals(content), name).toBe(true);
      }
      // And the pack itself, zipped flat as an artifact is, verifies.
      const flat = join(dir, 'flat.zip');
      expect(
        spawnSync('zip', ['-j', '-X', flat, ...[...pack.keys()].map((n) => join(src, n))]).status,
      ).toBe(0);
      expect(verifyPack(readZip(readFileSync(flat)))).toMatchObject({ ok: true, problems: [] });
    },
  );
});

describe('readZip refuses', () => {
  const one = (name: string): Buffer => makeZip([{ name, data: Buffer.from('x') }]);

  it.each([
    ['../evil.json', /"\.\.\/evil\.json" climbs out of the pack with \.\. \(zip-slip\)/],
    ['a/../../b.json', /climbs out of the pack/],
    ['/etc/passwd', /"\/etc\/passwd" is an absolute path \(zip-slip\)/],
    ['C:/Windows/x', /is an absolute path \(zip-slip\)/],
    ['a\\..\\b', /has a backslash in its name \(zip-slip\?\)/],
    ['a//b', /is not a plain relative path/],
    ['./x', /is not a plain relative path/],
    ['x\n.json', /has control characters in its name/],
  ])('a zip-slip or odd name: %j', (name, message) => {
    expect(refused(one(name))).toMatch(message);
  });

  it('an entry whose ratio is that of a zip bomb, before inflating it', () => {
    const zeros = Buffer.alloc(20 * 1024 * 1024);
    const message = refused(makeZip([{ name: 'evidence.json', data: zeros }]));
    expect(message).toMatch(
      /^not a readable evidence zip: "evidence\.json" expands \d+ bytes to 20971520 \(over 200:1\): a zip bomb\?$/,
    );
  });

  it('an entry that inflates past its declared size (a lying header)', () => {
    const data = Buffer.alloc(100_000, 'a');
    expect(refused(makeZip([{ name: 'bom.json', data, size: 100 }]))).toBe(
      'not a readable evidence zip: "bom.json" inflates to more than its declared 100 bytes: a zip bomb?',
    );
  });

  it('an entry, or a whole archive, over the size limits', () => {
    const huge = makeZip([
      {
        name: 'a.json',
        data: Buffer.from('x'),
        method: 0,
        size: 100 * 1024 * 1024,
        raw: Buffer.alloc(0),
      },
    ]);
    expect(refused(huge)).toBe(
      'not a readable evidence zip: "a.json" would be 104857600 bytes (at most 67108864): a zip bomb?',
    );
    const two = makeZip([
      { name: 'a', data: randomBytes(6000) },
      { name: 'b', data: randomBytes(6000) },
    ]);
    expect(refused(two, { maxTotalBytes: 10_000 })).toBe(
      'not a readable evidence zip: the files would be over 10000 bytes in all: a zip bomb?',
    );
    expect(readZip(two, { maxTotalBytes: 12_000 }).size).toBe(2);
    expect(refused(two, { maxEntries: 1 })).toBe(
      'not a readable evidence zip: 2 entries (at most 1)',
    );
  });

  it('overlapping entries (the overlapping-file zip bomb)', () => {
    const inner = makeZip([{ name: 'b', data: Buffer.from('hello'), method: 0 }]).subarray(
      0,
      30 + 1 + 5,
    );
    // Entry "a" stores entry "b" (header and data) as its content; the directory lists both.
    const zip = makeZip([
      { name: 'a', data: inner, method: 0 },
      { name: 'b', data: Buffer.from('hello'), method: 0, centralOnly: true, localOffset: 30 + 1 },
    ]);
    expect(refused(zip)).toBe('not a readable evidence zip: "a" and "b" overlap: a zip bomb?');
  });

  it('encrypted entries, zip64, other compression methods and links', () => {
    expect(refused(makeZip([{ name: 'a', data: Buffer.from('x'), flags: 0x0801 }]))).toBe(
      'not a readable evidence zip: "a" is encrypted',
    );
    expect(refused(makeZip([{ name: 'a', data: Buffer.from('x') }], { count: 0xffff }))).toBe(
      'not a readable evidence zip: zip64 archives are not supported',
    );
    expect(refused(makeZip([{ name: 'a', data: Buffer.from('x') }], { zip64Locator: true }))).toBe(
      'not a readable evidence zip: zip64 archives are not supported',
    );
    expect(refused(makeZip([{ name: 'a', data: Buffer.from('x'), size: 0xffffffff }]))).toBe(
      'not a readable evidence zip: "a" needs zip64, which is not supported',
    );
    const bzip = makeZip([{ name: 'a', data: Buffer.from('x'), method: 0 }]);
    bzip.writeUInt16LE(12, 8); // local header method
    bzip.writeUInt16LE(12, 30 + 1 + 1 + 10); // central directory method
    expect(refused(bzip)).toBe(
      'not a readable evidence zip: "a" uses compression method 12 (only stored and deflate)',
    );
    expect(
      refused(
        makeZip([
          {
            name: 'link',
            data: Buffer.from('/etc/passwd'),
            method: 0,
            external: (0o120777 << 16) >>> 0,
          },
        ]),
      ),
    ).toBe('not a readable evidence zip: "link" is a symbolic link');
  });

  it('a CRC mismatch, a duplicate name, a name that differs from its local header, and non-zips', () => {
    expect(refused(makeZip([{ name: 'a', data: Buffer.from('x'), crc: 1 }]))).toBe(
      'not a readable evidence zip: "a" fails its CRC-32 check',
    );
    expect(
      refused(
        makeZip([
          { name: 'a', data: Buffer.from('x') },
          { name: 'a', data: Buffer.from('y') },
        ]),
      ),
    ).toBe('not a readable evidence zip: "a" appears twice');
    const renamed = makeZip([{ name: 'a', data: Buffer.from('x') }]);
    renamed.write('b', 30); // the local header's name
    expect(refused(renamed)).toBe(
      'not a readable evidence zip: "a" has a different name in its local header',
    );
    expect(refused(Buffer.from('{"not":"a zip"}'.repeat(3)))).toBe(
      'not a readable evidence zip: no end-of-central-directory record',
    );
    expect(refused(Buffer.alloc(5))).toBe(
      'not a readable evidence zip: too short to be a zip file',
    );
  });
});
