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

/** Uploads one File the user chose; refuses one above the cap here, before reading it. */
export async function uploadFile(file: File): Promise<Result<UploadedFile>> {
  if (file.size > FILE_LIMITS.uploadMaxBytes) {
    return {
      ok: false,
      error: {
        code: 'FILE_TOO_LARGE',
        message: `Tệp “${file.name}” có dung lượng ${fileSizeText(file.size)}, vượt giới hạn ${fileSizeText(FILE_LIMITS.uploadMaxBytes)} cho mỗi lần tải lên.`,
      },
    };
  }
  if (file.size === 0) return { ok: false, error: { code: 'FILE_EMPTY', message: `Tệp “${file.name}” rỗng (0 byte).` } };
  let dataBase64: string;
  try {
    dataBase64 = await readBase64(file);
  } catch {
    return { ok: false, error: { code: 'FILE_UNREADABLE', message: `Không đọc được tệp “${file.name}” trên máy này.` } };
  }
  return api.files.upload({ name: file.name || 'tep', dataBase64 });
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
