/**
 * Saving a file the core produced (the outbox) where the user chooses: the system's save
 * dialog, then a copy. main.ts passes electron's `dialog` in, so this file needs electron's
 * types only (no runtime import) and a fake stands in for it in tests. The renderer never
 * names a path: the source is the core's outbox file, the target the dialog's answer.
 */
import type { BaseWindow, Dialog, SaveDialogOptions } from 'electron';
import { copyFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';

const SAVE_DIALOG_VI = {
  title: 'Lưu tệp',
  button: 'Lưu',
  filter: (ext: string) => `Tệp .${ext}`,
  all: 'Mọi tệp',
};

export type SaveFile = (
  source: string,
  suggestedName: string,
) => Promise<{ readonly saved: boolean; readonly fileName: string | null }>;

/** "Gói kết quả thẩm định (*.json)"-style filters from the suggested name's extension. */
export function saveDialogOptions(defaultDir: string, suggestedName: string): SaveDialogOptions {
  const ext = extname(suggestedName).replace(/^\./, '').toLowerCase();
  const filters = ext
    ? [
        { name: SAVE_DIALOG_VI.filter(ext), extensions: [ext] },
        { name: SAVE_DIALOG_VI.all, extensions: ['*'] },
      ]
    : [];
  return {
    title: SAVE_DIALOG_VI.title,
    buttonLabel: SAVE_DIALOG_VI.button,
    defaultPath: join(defaultDir, suggestedName),
    filters,
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
}

export function saveWithDialog(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  window: () => BaseWindow | null,
  defaultDir: () => string,
): SaveFile {
  return async (source, suggestedName) => {
    const options = saveDialogOptions(defaultDir(), suggestedName);
    const parent = window();
    const r = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    if (r.canceled || !r.filePath) return { saved: false, fileName: null };
    await copyFile(source, r.filePath);
    return { saved: true, fileName: basename(r.filePath) };
  };
}
