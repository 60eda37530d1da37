/**
 * The evidence files a unit sends with its workbook: a folder (walked recursively) or a
 * .zip. Every file is streamed (1 MiB chunks), never read whole: hashed with sha256 for the
 * preview, copied into the content-addressed store (evidence/ab/abcdef…) at commit time.
 * Hidden files, __MACOSX, Thumbs.db and desktop.ini are left out; symbolic links are not followed.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { evidencePath } from '../evidence/files.ts';
import { type IntakeRun, cancelled } from './progress.ts';
import { openZipEntry, readZipEntries } from './zip.ts';

export interface EvidenceEntry {
  /** Path inside the folder or archive, with "/" separators. */
  readonly path: string;
  readonly name: string;
  readonly size: number;
  /** Folder entries: the file itself, read with synchronous chunked I/O (faster than a stream for many small files). */
  readonly file?: string;
  open(): Promise<Readable>;
}

export interface EvidenceSource {
  readonly kind: 'folder' | 'zip' | 'none';
  readonly name: string;
  readonly entries: readonly EvidenceEntry[];
}

const SKIP = /^(\.|__MACOSX$|Thumbs\.db$|desktop\.ini$)/i;

async function walk(root: string, dir: string, out: EvidenceEntry[]): Promise<void> {
  const names = (await readdir(dir)).sort();
  for (const n of names) {
    if (SKIP.test(n)) continue;
    const full = join(dir, n);
    const st = await lstat(full);
    if (st.isDirectory()) await walk(root, full, out);
    else if (st.isFile()) {
      out.push({
        path: relative(root, full).split(sep).join('/').normalize('NFC'),
        name: n.normalize('NFC'),
        size: st.size,
        file: full,
        open: async () => createReadStream(full, { highWaterMark: 1 << 20 }),
      });
    }
  }
}

/** Lists the files of a folder or a .zip (nothing read yet). */
export async function openEvidenceSource(path: string | null, display?: string): Promise<EvidenceSource> {
  if (path === null) return { kind: 'none', name: '', entries: [] };
  const name = display ?? basename(path);
  let st: Awaited<ReturnType<typeof stat>>;
  try {
    st = await stat(path);
  } catch {
    throw new CodedFailure(
      'INTAKE_EVIDENCE_SOURCE',
      `Không tìm thấy thư mục hoặc tệp nén tài liệu kiểm chứng “${name}”.`,
      { file: name },
    );
  }
  if (st.isDirectory()) {
    const entries: EvidenceEntry[] = [];
    await walk(path, path, entries);
    return { kind: 'folder', name, entries };
  }
  const zipEntries = await readZipEntries(path, name);
  const entries = zipEntries
    .filter((e) => !e.name.split('/').some((part) => SKIP.test(part)))
    .map((e) => ({
      path: e.name.normalize('NFC'),
      name: (e.name.split('/').pop() ?? e.name).normalize('NFC'),
      size: e.size,
      open: () => openZipEntry(path, name, e),
    }));
  return { kind: 'zip', name, entries };
}

const CHUNK = Buffer.allocUnsafe(1 << 20);
let sinceYield = 0;
const yieldNow = () => new Promise<void>((r) => setImmediate(r));

/** Streams an entry through `each` chunk by chunk (1 MiB); honours cancellation between chunks. */
async function pump(
  entry: EvidenceEntry,
  run: IntakeRun | undefined,
  each: (chunk: Buffer) => void | Promise<void>,
): Promise<number> {
  if (entry.file) {
    let n = 0;
    const fd = openSync(entry.file, 'r');
    try {
      for (;;) {
        if (run?.signal?.aborted) throw cancelled();
        const got = readSync(fd, CHUNK, 0, CHUNK.length, null);
        if (got === 0) break;
        await each(CHUNK.subarray(0, got));
        n += got;
        sinceYield += got;
        // Let the event loop breathe (progress polls, cancel) every 16 MiB.
        if (sinceYield > 16 << 20) (sinceYield = 0), await yieldNow();
      }
    } finally {
      closeSync(fd);
    }
    if (n !== entry.size)
      throw new CodedFailure(
        'INTAKE_EVIDENCE_READ',
        `Tệp “${entry.path}” đọc được ${n} byte, khác ${entry.size} byte lúc liệt kê (tệp đang bị sửa?).`,
        { file: entry.path },
      );
    return n;
  }
  const stream = await entry.open();
  let n = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (run?.signal?.aborted) throw cancelled();
      await each(chunk);
      n += chunk.length;
    }
  } finally {
    stream.destroy();
  }
  if (n !== entry.size)
    throw new CodedFailure(
      'INTAKE_EVIDENCE_READ',
      `Tệp “${entry.path}” đọc được ${n} byte, khác ${entry.size} byte đã khai trong thư mục/tệp nén.`,
      { file: entry.path },
    );
  return n;
}

export async function hashEntry(
  entry: EvidenceEntry,
  run: IntakeRun | undefined,
  onBytes: (n: number) => void,
): Promise<string> {
  const h = createHash('sha256');
  await pump(entry, run, (c) => {
    h.update(c);
    onBytes(c.length);
  });
  return h.digest('hex');
}

/**
 * Copies an entry into the evidence store (evidence/ab/<sha256>), hashing as it copies
 * (one read): a temporary file first, renamed to its hash, or dropped when that content is
 * already stored (duplicates are stored once). `created` says whether a new file was added,
 * so that a failed or cancelled import can take back exactly what it added.
 */
export async function storeEntry(
  dataDir: string,
  entry: EvidenceEntry,
  run: IntakeRun | undefined,
  onBytes: (n: number) => void,
): Promise<{ sha256: string; created: boolean }> {
  const dir = join(dataDir, 'evidence');
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.intake-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.tmp`);
  const out = openSync(tmp, 'w');
  const h = createHash('sha256');
  let closed = false;
  try {
    await pump(entry, run, (c) => {
      h.update(c);
      onBytes(c.length);
      writeSync(out, c);
    });
    closeSync(out);
    closed = true;
    const sha256 = h.digest('hex');
    const target = evidencePath(dataDir, sha256);
    if (existsSync(target)) {
      rmSync(tmp, { force: true });
      return { sha256, created: false };
    }
    mkdirSync(join(dir, sha256.slice(0, 2)), { recursive: true });
    renameSync(tmp, target);
    return { sha256, created: true };
  } catch (e) {
    if (!closed) closeSync(out);
    rmSync(tmp, { force: true });
    throw e;
  }
}
