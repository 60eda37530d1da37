/** Handlers of `files.*`: uploads in by ticket, produced files out by ticket (electron/core/files/store.ts). */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { appendUploadPart, safeFileName, saveUpload, ticketFile } from '../files/store.ts';
import type { Handler } from '../router.ts';

export const filesUpload: Handler<'files.upload'> = (ctx, { name, dataBase64 }) => {
  const f = saveUpload(ctx.core.dataDir, name, dataBase64);
  return { ticket: f.ticket, name: f.name, size: f.size, sha256: f.sha256 };
};

export const filesUploadPart: Handler<'files.uploadPart'> = (ctx, part) => {
  const r = appendUploadPart(ctx.core.dataDir, part);
  return {
    upload: r.upload,
    received: r.received,
    file: r.file ? { ticket: r.file.ticket, name: r.file.name, size: r.file.size, sha256: r.file.sha256 } : null,
  };
};

export const filesSave: Handler<'files.save'> = async (ctx, { ticket, suggestedName }) => {
  const f = ticketFile(ctx.core.dataDir, 'outbox', ticket);
  const name = suggestedName ? safeFileName(suggestedName, f.name) : f.name;
  if (ctx.saveFile) {
    const r = await ctx.saveFile(f.path, name);
    return { status: r.saved ? 'saved' : 'cancelled', url: null, fileName: r.fileName };
  }
  if (ctx.downloadUrl)
    return { status: 'download', url: ctx.downloadUrl({ path: f.path, fileName: name }), fileName: name };
  throw new CodedFailure('FILES_CANNOT_SAVE', 'Môi trường đang chạy không lưu được tệp.');
};
