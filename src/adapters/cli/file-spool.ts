/**
 * Spools for streamed reports: append-only temporary files (one directory per scan, removed
 * at the end), written through a small buffer and read back in chunks, so a report of any
 * size passes through a bounded amount of memory.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Sink, Spool } from '../../engine/report/report-writer.js';

const FLUSH_CHARS = 1 << 16;
const READ_BYTES = 1 << 20;

export interface SpoolSizes {
  /** Characters buffered before a write to the file. */
  readonly flushChars: number;
  /** Bytes read back at a time. */
  readonly readBytes: number;
}

export class SpoolDirectory {
  private dir: string | undefined;
  private readonly fds: number[] = [];

  constructor(
    private readonly sizes: SpoolSizes = { flushChars: FLUSH_CHARS, readBytes: READ_BYTES },
  ) {}

  /** The directory the spools are in (undefined before the first one and after dispose). */
  get path(): string | undefined {
    return this.dir;
  }

  /** A new spool (the directory is made with the first one). */
  readonly create = (): Spool => {
    this.dir ??= mkdtempSync(join(tmpdir(), 'agent-gate-report-'));
    const fd = openSync(join(this.dir, `spool-${this.fds.length}`), 'w+', 0o600);
    this.fds.push(fd);
    return fileSpool(fd, this.sizes);
  };

  /** Closes and removes every spool. */
  dispose(): void {
    for (const fd of this.fds.splice(0)) closeSync(fd);
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}

function fileSpool(fd: number, sizes: SpoolSizes): Spool {
  let pending: string[] = [];
  let chars = 0;
  let size = 0;
  const flush = (): void => {
    if (pending.length === 0) return;
    const buffer = Buffer.from(pending.join(''), 'utf8');
    for (let off = 0; off < buffer.length;)
      off += writeSync(fd, buffer, off, buffer.length - off, size + off);
    size += buffer.length;
    pending = [];
    chars = 0;
  };
  return {
    write(text: string): void {
      pending.push(text);
      chars += text.length;
      if (chars >= sizes.flushChars) flush();
    },
    copyTo(sink: Sink): void {
      flush();
      const buffer = Buffer.allocUnsafe(sizes.readBytes);
      const decoder = new StringDecoder('utf8');
      for (let pos = 0; pos < size;) {
        const n = readSync(fd, buffer, 0, Math.min(sizes.readBytes, size - pos), pos);
        if (n <= 0) throw new Error('internal error: a report spool ended early');
        pos += n;
        const text = decoder.write(buffer.subarray(0, n));
        if (text.length > 0) sink(text);
      }
      const rest = decoder.end();
      if (rest.length > 0) sink(rest);
    },
  };
}
