/**
 * A minimal .zip reader for evidence archives: the central directory is read from the end
 * of the file, each entry's content is streamed (stored, or deflate through zlib) — nothing
 * is read whole into memory. Zip64 (more than 65,535 entries or files over 4 GiB) is read;
 * encrypted entries and methods other than stored/deflate are refused. Names are UTF-8 when
 * the archive says so (flag bit 11 or the Info-ZIP Unicode path field), else code page 437.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { CodedFailure } from '../../../shared/errors/codes.ts';

export interface ZipEntry {
  readonly name: string;
  readonly size: number;
  readonly compressedSize: number;
  readonly method: number;
  readonly localOffset: number;
  readonly encrypted: boolean;
}

const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

function cp437(b: Buffer): string {
  let s = '';
  for (const x of b) s += x < 128 ? String.fromCharCode(x) : CP437_HIGH[x - 128];
  return s;
}

function bad(file: string, what: string): CodedFailure {
  return new CodedFailure('INTAKE_ZIP_INVALID', `Tệp nén “${file}” không đọc được: ${what}.`, { file });
}

function u64(b: Buffer, at: number): number {
  return Number(b.readBigUInt64LE(at));
}

/** The entries of a .zip file (directories left out). */
export async function readZipEntries(path: string, display: string): Promise<ZipEntry[]> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const tailLen = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw bad(display, 'không phải tệp .zip hoặc tệp bị cắt cụt');
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const loc = eocd - 20;
      if (loc < 0 || tail.readUInt32LE(loc) !== 0x07064b50) throw bad(display, 'thiếu phần định vị zip64');
      const z64at = u64(tail, loc + 8);
      const z = Buffer.alloc(56);
      await fh.read(z, 0, 56, z64at);
      if (z.readUInt32LE(0) !== 0x06064b50) throw bad(display, 'phần zip64 không hợp lệ');
      count = u64(z, 32);
      cdSize = u64(z, 40);
      cdOffset = u64(z, 48);
    }
    if (cdOffset + cdSize > size) throw bad(display, 'mục lục nằm ngoài tệp');
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    const out: ZipEntry[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw bad(display, 'mục lục bị hỏng');
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      let compressedSize = cd.readUInt32LE(p + 20);
      let usize = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      let localOffset = cd.readUInt32LE(p + 42);
      const rawName = cd.subarray(p + 46, p + 46 + nameLen);
      let name = flags & 0x800 ? rawName.toString('utf8') : cp437(rawName);
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = cd.readUInt16LE(e);
        const len = cd.readUInt16LE(e + 2);
        const body = e + 4;
        if (id === 0x0001) {
          let q = body;
          if (usize === 0xffffffff) (usize = u64(cd, q)), (q += 8);
          if (compressedSize === 0xffffffff) (compressedSize = u64(cd, q)), (q += 8);
          if (localOffset === 0xffffffff) localOffset = u64(cd, q);
        } else if (id === 0x7075 && len > 5) {
          name = cd.subarray(body + 5, body + len).toString('utf8');
        }
        e = body + len;
      }
      p = end + commentLen;
      if (name.endsWith('/')) continue;
      out.push({
        name: name.replace(/\\/g, '/'),
        size: usize,
        compressedSize,
        method,
        localOffset,
        encrypted: (flags & 1) === 1,
      });
    }
    return out;
  } finally {
    await fh.close();
  }
}

/** A stream of an entry's content. */
export async function openZipEntry(path: string, display: string, entry: ZipEntry): Promise<Readable> {
  if (entry.encrypted) throw bad(display, `tệp “${entry.name}” có mật khẩu`);
  if (entry.method !== 0 && entry.method !== 8)
    throw bad(display, `tệp “${entry.name}” nén theo cách không hỗ trợ (${entry.method})`);
  const fh = await open(path, 'r');
  const head = Buffer.alloc(30);
  try {
    await fh.read(head, 0, 30, entry.localOffset);
  } finally {
    await fh.close();
  }
  if (head.readUInt32LE(0) !== 0x04034b50) throw bad(display, `phần đầu của tệp “${entry.name}” bị hỏng`);
  const start = entry.localOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
  if (entry.method === 0) return raw;
  const inflate = createInflateRaw();
  raw.on('error', (e) => inflate.destroy(e));
  return raw.pipe(inflate);
}
