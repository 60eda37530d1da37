/**
 * A minimal POSIX ustar writer and reader, for the cycle package: regular files only,
 * names ≤ 100 bytes, sizes < 8 GiB. Written and read sequentially with synchronous file
 * I/O, so a package of any size streams in 1 MiB chunks and never sits whole in memory.
 * Standard tools read what this writes (`tar tvf x.cchc-cycle.tar`).
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

const BLOCK = 512;
const CHUNK = 1024 * 1024;

function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width - 1, '0')}\0`;
}

export function header(name: string, size: number, mtime: number): Buffer {
  const b = Buffer.alloc(BLOCK, 0);
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 100) throw new RangeError(`tar name too long: ${name}`);
  nameBytes.copy(b, 0);
  b.write(octal(0o644, 8), 100, 'ascii');
  b.write(octal(0, 8), 108, 'ascii');
  b.write(octal(0, 8), 116, 'ascii');
  b.write(octal(size, 12), 124, 'ascii');
  b.write(octal(Math.floor(mtime), 12), 136, 'ascii');
  b.write('        ', 148, 'ascii');
  b.write('0', 156, 'ascii');
  b.write('ustar\u0000', 257, 'latin1');
  b.write('00', 263, 'ascii');
  let sum = 0;
  for (const x of b) sum += x;
  b.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return b;
}

export class TarWriter {
  private readonly fd: number;
  private readonly mtime: number;
  constructor(path: string, mtime: number = Date.now() / 1000) {
    this.fd = openSync(path, 'w');
    this.mtime = mtime;
  }
  private pad(size: number) {
    const rest = size % BLOCK;
    if (rest) writeSync(this.fd, Buffer.alloc(BLOCK - rest, 0));
  }
  add(name: string, bytes: Uint8Array): void {
    writeSync(this.fd, header(name, bytes.length, this.mtime));
    writeSync(this.fd, bytes);
    this.pad(bytes.length);
  }
  /** Copies a file of known size in chunks; `onChunk` sees every chunk (hashing). */
  addFile(name: string, path: string, size: number, onChunk?: (chunk: Buffer) => void): void {
    writeSync(this.fd, header(name, size, this.mtime));
    const src = openSync(path, 'r');
    try {
      const buf = Buffer.allocUnsafe(CHUNK);
      let done = 0;
      while (done < size) {
        const n = readSync(src, buf, 0, Math.min(CHUNK, size - done), done);
        if (n === 0) throw new Error(`file shrank while packing: ${path}`);
        const chunk = buf.subarray(0, n);
        onChunk?.(chunk);
        writeSync(this.fd, chunk);
        done += n;
      }
    } finally {
      closeSync(src);
    }
    this.pad(size);
  }
  finish(): void {
    writeSync(this.fd, Buffer.alloc(BLOCK * 2, 0));
    closeSync(this.fd);
  }
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
  }
}

export interface TarEntry {
  readonly name: string;
  readonly size: number;
}

export class TarFormatError extends Error {}

/** Sequential reader: next() → the next entry's header (null at the end marker); then read or stream its content. */
export class TarReader {
  private readonly fd: number;
  private pos = 0;
  private pending = 0;
  readonly fileSize: number;
  constructor(path: string, fileSize: number) {
    this.fd = openSync(path, 'r');
    this.fileSize = fileSize;
  }
  private readExact(n: number): Buffer {
    const b = Buffer.allocUnsafe(n);
    let off = 0;
    while (off < n) {
      const got = readSync(this.fd, b, off, n - off, this.pos + off);
      if (got === 0) throw new TarFormatError('truncated');
      off += got;
    }
    this.pos += n;
    return b;
  }
  /** Up to `n` bytes from the start of the file, without moving. */
  peek(n: number): Buffer {
    const b = Buffer.alloc(n);
    const got = readSync(this.fd, b, 0, n, 0);
    return b.subarray(0, got);
  }
  next(): TarEntry | null {
    if (this.pending) throw new Error('previous entry not consumed');
    const h = this.readExact(BLOCK);
    if (h.every((x) => x === 0)) {
      const second = this.readExact(BLOCK);
      if (!second.every((x) => x === 0)) throw new TarFormatError('bad end marker');
      return null;
    }
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
    const stored = parseInt(
      h
        .subarray(148, 156)
        .toString('ascii')
        .replace(/[\0 ]+$/g, '')
        .trim(),
      8,
    );
    if (!Number.isFinite(stored) || stored !== sum) throw new TarFormatError('bad header checksum');
    if (h.subarray(257, 262).toString('latin1') !== 'ustar') throw new TarFormatError('not ustar');
    const type = String.fromCharCode(h[156]!);
    if (type !== '0' && type !== '\0') throw new TarFormatError(`entry type ${JSON.stringify(type)}`);
    const end = h.indexOf(0);
    const name = h.subarray(0, end < 0 || end > 100 ? 100 : end).toString('utf8');
    const sizeText = h
      .subarray(124, 136)
      .toString('ascii')
      .replace(/[\0 ]+$/g, '')
      .trim();
    if (!/^[0-7]{1,11}$/.test(sizeText)) throw new TarFormatError('bad size');
    const size = parseInt(sizeText, 8);
    if (this.pos + size > this.fileSize) throw new TarFormatError('truncated');
    this.pending = size;
    return { name, size };
  }
  /** The current entry's content (for small entries). */
  read(): Buffer {
    const size = this.pending;
    const b = this.readExact(size);
    this.skipPad(size);
    return b;
  }
  /** Streams the current entry's content in chunks. */
  stream(onChunk: (chunk: Buffer) => void): void {
    const size = this.pending;
    let left = size;
    while (left > 0) {
      const chunk = this.readExact(Math.min(CHUNK, left));
      onChunk(chunk);
      left -= chunk.length;
    }
    this.skipPad(size);
  }
  private skipPad(size: number) {
    this.pending = 0;
    const rest = size % BLOCK;
    if (rest) this.readExact(BLOCK - rest);
  }
  /** Bytes after the end marker (there should be none but zero padding). */
  trailingNonZero(): boolean {
    const buf = Buffer.allocUnsafe(CHUNK);
    let p = this.pos;
    for (;;) {
      const n = readSync(this.fd, buf, 0, CHUNK, p);
      if (n === 0) return false;
      for (let i = 0; i < n; i++) if (buf[i] !== 0) return true;
      p += n;
    }
  }
  close(): void {
    closeSync(this.fd);
  }
}
