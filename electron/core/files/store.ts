/**
 * Files in and out of the core, the same way for both transports (Electron IPC, loopback HTTP).
 * Paths never come from the renderer: it only ever holds tickets.
 *
 *   in : the renderer reads a File (<input type=file> or a drop) and sends its bytes
 *        (files.upload) → <dataDir>/uploads/<ticket>/<name> → the core reads it by ticket.
 *   out: the core writes what it produced (packages, PDFs, xlsx) into
 *        <dataDir>/outbox/<ticket>/<name> → files.save → Electron: a save dialog copies it;
 *        harness: a short-lived /download/<ticket> address the page opens.
 *
 * A ticket is 128 random bits (32 hex digits), valid for TICKET_TTL_MS; its folder holds the
 * file and `.ticket.json` ({ name, size, sha256, expiresAt }). Expired folders are swept
 * whenever a new ticket is issued.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { FILE_LIMITS, TICKET_PATTERN, fileSizeText } from '../../../shared/contract/files.ts';

export const UPLOADS_DIR = 'uploads';
export const OUTBOX_DIR = 'outbox';
const META = '.ticket.json';
const PART_META = '.part.json';
/** How long a ticket may be used (a preview, a look at the fingerprint, then the commit). */
export const TICKET_TTL_MS = 60 * 60 * 1000;

export type FileKind = 'upload' | 'outbox';

export interface TicketFile {
  readonly ticket: string;
  /** The file's name as the user sees it (sanitised). */
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
  /** Absolute path inside the data folder (never sent to the renderer). */
  readonly path: string;
}

interface Meta {
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
  readonly expiresAt: number;
}

const dirOf = (dataDir: string, kind: FileKind) => join(dataDir, kind === 'upload' ? UPLOADS_DIR : OUTBOX_DIR);

/** Characters no file system accepts (or that would make a path): replaced by "_". */
const FORBIDDEN = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * A name safe for any file system and for a Content-Disposition header: no separators or
 * control characters, no leading dots or trailing dots/spaces, at most 150 characters
 * (the extension kept), NFC. Empty → `fallback`.
 */
export function safeFileName(name: string, fallback = 'tep'): string {
  let n = name.normalize('NFC').replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim();
  n = n.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (RESERVED.test(n)) n = `_${n}`;
  if (n.length > FILE_LIMITS.nameMax) {
    // The longest tail of dotted parts up to 24 characters (".cchc-appraisal.json" stays whole).
    const ext = /(\.[^.\s]+)+$/.exec(n.slice(-24))?.[0] ?? '';
    n = `${n.slice(0, FILE_LIMITS.nameMax - ext.length).trimEnd()}${ext}`;
  }
  return n || fallback;
}

function newTicket(): string {
  return randomBytes(16).toString('hex');
}

function readMeta(folder: string): Meta | null {
  try {
    const m = JSON.parse(readFileSync(join(folder, META), 'utf8')) as Partial<Meta>;
    if (
      typeof m.name !== 'string' ||
      typeof m.size !== 'number' ||
      typeof m.sha256 !== 'string' ||
      typeof m.expiresAt !== 'number'
    )
      return null;
    return m as Meta;
  } catch {
    return null;
  }
}

/** Removes expired (or broken) ticket folders of one kind. Never throws. */
export function sweepExpired(dataDir: string, kind: FileKind, now: number = Date.now()): number {
  const dir = dirOf(dataDir, kind);
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const folder = join(dir, name);
    const meta = readMeta(folder) ?? readPartMeta(folder);
    let stale = meta === null ? true : meta.expiresAt <= now;
    // A folder being written right now has no meta yet: leave it a minute.
    if (meta === null) {
      try {
        stale = now - statSync(folder).mtimeMs > 60_000;
      } catch {
        stale = false;
      }
    }
    if (!stale) continue;
    try {
      rmSync(folder, { recursive: true, force: true });
      removed += 1;
    } catch {
      /* in use on Windows: next sweep */
    }
  }
  return removed;
}

function tooLarge(name: string, size: number): CodedFailure {
  return new CodedFailure(
    'FILE_TOO_LARGE',
    `Tệp “${name}” có dung lượng ${fileSizeText(size)}, vượt giới hạn ${fileSizeText(FILE_LIMITS.uploadMaxBytes)} cho mỗi lần tải lên.`,
    { size, max: FILE_LIMITS.uploadMaxBytes },
  );
}

/** Strict base64 (the alphabet, padding only at the end, length a multiple of 4) → bytes. */
export function decodeBase64(text: string, name: string): Buffer {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    throw new CodedFailure(
      'FILE_BAD_ENCODING',
      `Không đọc được nội dung tệp “${name}” gửi lên (mã hóa base64 không hợp lệ).`,
    );
  }
  return Buffer.from(text, 'base64');
}

/** Size of the bytes a base64 text decodes to, without decoding it. */
export function base64Size(text: string): number {
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - pad;
}

/** Size and sha256 of a file, read in 1 MiB chunks (cycle packages may be large). */
function hashFile(path: string): { size: number; sha256: string } {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(1024 * 1024);
  const fd = openSync(path, 'r');
  let size = 0;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      size += n;
    }
  } finally {
    closeSync(fd);
  }
  return { size, sha256: hash.digest('hex') };
}

/** Writes a file under a new ticket of the given kind (atomically: temp folder, then rename). */
function storeTicket(
  dataDir: string,
  kind: FileKind,
  name: string,
  write: (path: string) => void,
  now: number,
): TicketFile {
  sweepExpired(dataDir, kind, now);
  const dir = dirOf(dataDir, kind);
  mkdirSync(dir, { recursive: true });
  const ticket = newTicket();
  const tmp = join(dir, `.${ticket}.tmp`);
  mkdirSync(tmp);
  try {
    const file = join(tmp, name);
    write(file);
    const { size, sha256 } = hashFile(file);
    const meta: Meta = { name, size, sha256, expiresAt: now + TICKET_TTL_MS };
    writeFileSync(join(tmp, META), JSON.stringify(meta));
    renameSync(tmp, join(dir, ticket));
    return { ticket, name, size: meta.size, sha256: meta.sha256, path: join(dir, ticket, name) };
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** files.upload: the bytes the renderer read from a File the user chose. */
export function saveUpload(dataDir: string, rawName: string, dataBase64: string, now: number = Date.now()): TicketFile {
  const name = safeFileName(rawName);
  const size = base64Size(dataBase64);
  if (size > FILE_LIMITS.uploadMaxBytes) throw tooLarge(name, size);
  const bytes = decodeBase64(dataBase64, name);
  if (bytes.length === 0) throw new CodedFailure('FILE_EMPTY', `Tệp “${name}” rỗng (0 byte).`);
  return storeTicket(dataDir, 'upload', name, (p) => writeFileSync(p, bytes), now);
}

/**
 * A new outbox ticket for a file the core is about to produce: `write(path)` writes it at
 * the given path (e.g. exportAppraisalPackage's outPath). Returns the ticket once written.
 */
export function produceOutbox(
  dataDir: string,
  suggestedName: string,
  write: (path: string) => void,
  now: number = Date.now(),
): TicketFile {
  return storeTicket(dataDir, 'outbox', safeFileName(suggestedName), write, now);
}

/** The file behind a ticket, or a coded refusal (unknown or expired ticket, file gone). */
export function ticketFile(dataDir: string, kind: FileKind, ticket: string, now: number = Date.now()): TicketFile {
  const missing = () =>
    new CodedFailure(
      'FILE_TICKET_UNKNOWN',
      kind === 'upload'
        ? 'Không tìm thấy tệp đã tải lên (đã quá hạn hoặc đã được xử lý). Hãy chọn lại tệp.'
        : 'Không tìm thấy tệp cần lưu (đã quá hạn). Hãy tạo lại tệp.',
    );
  if (!TICKET_PATTERN.test(ticket)) throw missing();
  const folder = join(dirOf(dataDir, kind), ticket);
  const meta = readMeta(folder);
  if (!meta) throw missing();
  if (meta.expiresAt <= now) {
    rmSync(folder, { recursive: true, force: true });
    throw missing();
  }
  const path = join(folder, meta.name);
  if (!existsSync(path)) throw missing();
  return { ticket, name: meta.name, size: meta.size, sha256: meta.sha256, path };
}

// ------------------------------------------------------------------ large files in parts

interface PartMeta {
  readonly name: string;
  readonly received: number;
  readonly expiresAt: number;
}

function readPartMeta(folder: string): PartMeta | null {
  try {
    const m = JSON.parse(readFileSync(join(folder, PART_META), 'utf8')) as Partial<PartMeta>;
    if (typeof m.name !== 'string' || typeof m.received !== 'number' || typeof m.expiresAt !== 'number') return null;
    return m as PartMeta;
  } catch {
    return null;
  }
}

function writePartMeta(folder: string, m: PartMeta): void {
  const tmp = join(folder, `${PART_META}.tmp`);
  writeFileSync(tmp, JSON.stringify(m));
  renameSync(tmp, join(folder, PART_META));
}

export interface PartInput {
  readonly upload: string | null;
  readonly name: string;
  readonly offset: number;
  readonly dataBase64: string;
  readonly last: boolean;
}

/**
 * files.uploadPart: a large file (a cycle package with its documents) in order, part by part,
 * into <dataDir>/uploads/.<id>.part/; the last part makes it an upload ticket like any other.
 */
export function appendUploadPart(
  dataDir: string,
  part: PartInput,
  now: number = Date.now(),
  limits: { total: number; part: number } = { total: FILE_LIMITS.partsMaxBytes, part: FILE_LIMITS.partMaxBytes },
): { upload: string; received: number; file: TicketFile | null } {
  const name = safeFileName(part.name);
  const dir = dirOf(dataDir, 'upload');
  let id: string;
  let meta: PartMeta;
  if (part.upload === null) {
    if (part.offset !== 0) throw outOfOrder(name);
    sweepExpired(dataDir, 'upload', now);
    id = newTicket();
    meta = { name, received: 0, expiresAt: now + TICKET_TTL_MS };
    mkdirSync(join(dir, `.${id}.part`), { recursive: true });
  } else {
    id = part.upload;
    const found = TICKET_PATTERN.test(id) ? readPartMeta(join(dir, `.${id}.part`)) : null;
    if (!found || found.expiresAt <= now || found.name !== name) {
      throw new CodedFailure(
        'FILE_TICKET_UNKNOWN',
        `Không tìm thấy phần đã gửi của tệp “${name}” (đã quá hạn). Hãy chọn lại tệp.`,
      );
    }
    meta = found;
  }
  const folder = join(dir, `.${id}.part`);
  if (part.offset !== meta.received) throw outOfOrder(name);
  const size = base64Size(part.dataBase64);
  if (size > limits.part)
    throw new CodedFailure('FILE_PART_TOO_LARGE', `Một phần của tệp “${name}” lớn hơn ${fileSizeText(limits.part)}.`);
  if (meta.received + size > limits.total) {
    rmSync(folder, { recursive: true, force: true });
    throw new CodedFailure('FILE_TOO_LARGE', `Tệp “${name}” vượt giới hạn ${fileSizeText(limits.total)}.`, {
      max: limits.total,
    });
  }
  const bytes = decodeBase64(part.dataBase64, name);
  appendFileSync(join(folder, name), bytes);
  const received = meta.received + bytes.length;
  if (!part.last) {
    writePartMeta(folder, { name, received, expiresAt: now + TICKET_TTL_MS });
    return { upload: id, received, file: null };
  }
  if (received === 0) {
    rmSync(folder, { recursive: true, force: true });
    throw new CodedFailure('FILE_EMPTY', `Tệp “${name}” rỗng (0 byte).`);
  }
  const { sha256 } = hashFile(join(folder, name));
  writeFileSync(
    join(folder, META),
    JSON.stringify({ name, size: received, sha256, expiresAt: now + TICKET_TTL_MS } satisfies Meta),
  );
  rmSync(join(folder, PART_META), { force: true });
  renameSync(folder, join(dir, id));
  return { upload: id, received, file: { ticket: id, name, size: received, sha256, path: join(dir, id, name) } };
}

function outOfOrder(name: string): CodedFailure {
  return new CodedFailure(
    'FILE_PART_OUT_OF_ORDER',
    `Các phần của tệp “${name}” đến không đúng thứ tự. Hãy chọn lại tệp.`,
  );
}

/** Forgets a ticket and its file (after a successful import, say). Never throws. */
export function discardTicket(dataDir: string, kind: FileKind, ticket: string): void {
  if (!TICKET_PATTERN.test(ticket)) return;
  rmSync(join(dirOf(dataDir, kind), ticket), { recursive: true, force: true });
}
