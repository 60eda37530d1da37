/**
 * Files in and out, as every screen uses them (both transports alike):
 *
 *   const up = await uploadFile(file);              // a File from <input type=file> or a drop → { ticket, name, size, sha256 }
 *   const r = await saveProduced(out.ticket, name); // a file the core produced: Electron save dialog / harness download
 *
 * Both return a Result with a coded Vietnamese error; nothing here knows a path.
 */
import { FILE_LIMITS, fileSizeText, type SavedFile, type UploadedFile } from '../../../shared/contract/files.ts';
import type { Result } from '../../../shared/errors/codes.ts';
import { api } from '../../api/client.ts';

/** The bytes of a File as base64 (FileReader: no size limit of String.fromCharCode tricks). */
function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** Files up to this size go in one call; larger ones in parts of PART_BYTES (files.uploadPart). */
const SINGLE_UPLOAD_BYTES = 8 * 1024 * 1024;
const PART_BYTES = 4 * 1024 * 1024;

export interface UploadOptions {
  /** The largest file accepted (default FILE_LIMITS.uploadMaxBytes; a cycle package: FILE_LIMITS.partsMaxBytes). */
  readonly maxBytes?: number;
  /** Called after each part with the bytes sent so far. */
  readonly onProgress?: (sent: number, total: number) => void;
}

const unreadable = (name: string) => ({
  ok: false as const,
  error: { code: 'FILE_UNREADABLE', message: `Không đọc được tệp “${name}” trên máy này.` },
});

/** Uploads one File the user chose (in parts when large); refuses one above the cap here, before reading it. */
export async function uploadFile(file: File, options: UploadOptions = {}): Promise<Result<UploadedFile>> {
  const max = options.maxBytes ?? FILE_LIMITS.uploadMaxBytes;
  const name = file.name || 'tep';
  if (file.size > max) {
    return {
      ok: false,
      error: {
        code: 'FILE_TOO_LARGE',
        message: `Tệp “${name}” có dung lượng ${fileSizeText(file.size)}, vượt giới hạn ${fileSizeText(max)} cho mỗi lần tải lên.`,
      },
    };
  }
  if (file.size === 0) return { ok: false, error: { code: 'FILE_EMPTY', message: `Tệp “${name}” rỗng (0 byte).` } };
  if (file.size <= SINGLE_UPLOAD_BYTES) {
    let dataBase64: string;
    try {
      dataBase64 = await readBase64(file);
    } catch {
      return unreadable(name);
    }
    const r = await api.files.upload({ name, dataBase64 });
    options.onProgress?.(file.size, file.size);
    return r;
  }
  let upload: string | null = null;
  for (let offset = 0; offset < file.size; offset += PART_BYTES) {
    let dataBase64: string;
    try {
      dataBase64 = await readBase64(file.slice(offset, offset + PART_BYTES));
    } catch {
      return unreadable(name);
    }
    const last = offset + PART_BYTES >= file.size;
    const r = await api.files.uploadPart({ upload, name, offset, dataBase64, last });
    if (!r.ok) return r;
    upload = r.value.upload;
    options.onProgress?.(r.value.received, file.size);
    if (last) return r.value.file ? { ok: true, value: r.value.file } : unreadable(name);
  }
  return unreadable(name);
}

/** Opens a download address (harness) as an attachment: the page stays where it is. */
function download(url: string, fileName: string | null): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName ?? '';
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
}

/** Saves a file the core produced (an outbox ticket): the save dialog in Electron, a download in the browser. */
export async function saveProduced(ticket: string, suggestedName?: string): Promise<Result<SavedFile>> {
  const r = await api.files.save(suggestedName ? { ticket, suggestedName } : { ticket });
  if (r.ok && r.value.status === 'download' && r.value.url) download(r.value.url, r.value.fileName);
  return r;
}
