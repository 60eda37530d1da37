/**
 * `files.*`: files in and out of the core, one mechanism for both transports. The renderer
 * never names a path: it uploads the bytes of a File the user chose and gets a ticket, and
 * it asks to save a file the core produced by that file's ticket.
 *
 *   const f = await api.files.upload({ name: file.name, dataBase64 });   // → { ticket, name, size, sha256 }
 *   … api.<something>({ ticket: f.value.ticket }) …                         // the core reads it by ticket
 *   const out = await api.<something>.export(…);                           // → { ticket, fileName, … }
 *   const s = await api.files.save({ ticket: out.value.ticket, suggestedName }); // Electron: save dialog
 *   if (s.value.url) <open s.value.url>                                    // harness: a download address
 */
import { z } from 'zod';
import { formatNumber } from '../format/vi.ts';
import { defineMethod } from './define.ts';

export const FILE_LIMITS = {
  /** Largest file one upload accepts (appraisal packages are at most 20 MB). */
  uploadMaxBytes: 25 * 1024 * 1024,
  /** Largest file sent in parts (files.uploadPart): a cycle package with its evidence documents. */
  partsMaxBytes: 2 * 1024 * 1024 * 1024,
  /** Largest part. */
  partMaxBytes: 8 * 1024 * 1024,
  /** Longest file name kept (longer names are shortened, the extension kept). */
  nameMax: 150,
} as const;

/** Base64 text of at most `uploadMaxBytes` bytes (plus a little slack: the core gives the coded error). */
export const UPLOAD_MAX_BASE64 = Math.ceil((FILE_LIMITS.uploadMaxBytes * 4) / 3) + 1024;

const PART_MAX_BASE64 = Math.ceil((FILE_LIMITS.partMaxBytes * 4) / 3) + 16;

/** 128 random bits, lowercase hex. */
export const TICKET_PATTERN = /^[0-9a-f]{32}$/;
export const Ticket = z.string().regex(TICKET_PATTERN);

/** "812 byte", "3,4 kB", "25 MB" (vi-VN, 1 kB = 1.024 byte). */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes, 0)} byte`;
  const units = ['kB', 'MB', 'GB'] as const;
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  const text = formatNumber(v, v >= 100 ? 0 : 1).replace(/,0$/, '');
  return `${text} ${units[i]}`;
}

const UploadInput = z.strictObject({
  /** The File's name (only shown and kept as the stored file's name; never a path). */
  name: z.string().trim().min(1).max(260),
  dataBase64: z.string().max(UPLOAD_MAX_BASE64),
});

/** One part of a large file, in order: the first has `upload: null`, the last `last: true`. */
const UploadPartInput = z.strictObject({
  /** null for the first part; then the id the first part returned. */
  upload: Ticket.nullable(),
  name: z.string().trim().min(1).max(260),
  /** Bytes already sent (the core refuses a part out of order). */
  offset: z.number().int().min(0),
  dataBase64: z.string().max(PART_MAX_BASE64),
  last: z.boolean(),
});

export const UploadedFile = z.strictObject({
  ticket: z.string(),
  name: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
});
export type UploadedFile = z.infer<typeof UploadedFile>;

/** A file the core produced, waiting in the outbox to be saved. */
export const OutboxFile = z.strictObject({
  ticket: z.string(),
  fileName: z.string(),
  size: z.number().int().nonnegative(),
});
export type OutboxFile = z.infer<typeof OutboxFile>;

const SaveInput = z.strictObject({
  ticket: Ticket,
  /** The name offered in the save dialog / the download (sanitised by the core). */
  suggestedName: z.string().trim().min(1).max(260).optional(),
});

export const SavedFile = z.strictObject({
  /** saved: copied where the user chose (Electron); cancelled: the dialog was closed; download: open `url`. */
  status: z.enum(['saved', 'cancelled', 'download']),
  /** Harness: a short-lived address that downloads the file once. */
  url: z.string().nullable(),
  fileName: z.string().nullable(),
});
export type SavedFile = z.infer<typeof SavedFile>;

const UploadProgress = z.strictObject({
  upload: z.string(),
  received: z.number().int().nonnegative(),
  /** Set once the last part has arrived. */
  file: UploadedFile.nullable(),
});

export const files = {
  upload: defineMethod({ input: UploadInput, output: UploadedFile }),
  /** A file larger than one upload (up to FILE_LIMITS.partsMaxBytes), sent in order in parts. */
  uploadPart: defineMethod({ input: UploadPartInput, output: UploadProgress }),
  save: defineMethod({ input: SaveInput, output: SavedFile }),
};
