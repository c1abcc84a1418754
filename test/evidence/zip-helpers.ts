/** Zip archives made by hand (local headers, data, central directory, end record) for the tests. */
import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../../src/engine/evidence/zip.js';

export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
  readonly method?: 0 | 8;
  readonly flags?: number;
  /** Overrides of what the headers declare. */
  readonly size?: number;
  readonly crc?: number;
  readonly madeBy?: number;
  readonly external?: number;
  /** Raw bytes to store as the entry's (compressed) data instead of deriving them. */
  readonly raw?: Buffer;
  /** Central directory points at this offset instead of the entry's own local header. */
  readonly localOffset?: number;
  /** Write no local header and data for it (only a central directory record). */
  readonly centralOnly?: boolean;
}

/** A zip made by hand: local headers and data, central directory, end record. */
export function makeZip(
  entries: readonly ZipEntry[],
  options: { count?: number; zip64Locator?: boolean } = {},
): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const method = e.method ?? 8;
    const stored = e.raw ?? (method === 8 ? deflateRawSync(e.data) : e.data);
    const crc = e.crc ?? crc32(e.data);
    const size = e.size ?? e.data.length;
    const flags = e.flags ?? 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const localOffset = e.localOffset ?? offset;
    if (!e.centralOnly) {
      parts.push(local, name, stored);
      offset += 30 + name.length + stored.length;
    }
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(e.madeBy ?? (3 << 8) | 20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(flags, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(stored.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(e.external ?? (0o100644 << 16) >>> 0, 38);
    cd.writeUInt32LE(localOffset, 42);
    central.push(cd, name);
  }
  const cdBuffer = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.count ?? entries.length, 8);
  end.writeUInt16LE(options.count ?? entries.length, 10);
  end.writeUInt32LE(cdBuffer.length, 12);
  end.writeUInt32LE(offset, 16);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  return Buffer.concat([...parts, cdBuffer, ...(options.zip64Locator ? [locator] : []), end]);
}
