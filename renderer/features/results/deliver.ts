/**
 * Delivering a file the core produced (PDF, xlsx, csv, json, png) through the app's one
 * files mechanism (saveProduced: Electron save dialog, harness download), with a toast.
 */
import type { OutboxFile } from '../../../shared/contract/files.ts';
import { api } from '../../api/client.ts';
import { toastStore } from '../../components/toast-store.ts';
import { resultsText } from '../../i18n/results.ts';
import { saveProduced } from '../exchange/files.ts';

export async function deliver(file: OutboxFile): Promise<boolean> {
  const s = await saveProduced(file.ticket, file.fileName);
  if (!s.ok) {
    toastStore.error(s.error);
    return false;
  }
  if (s.value.status === 'cancelled') return false;
  toastStore.info(resultsText.documents.exported(s.value.fileName ?? file.fileName));
  return true;
}

/** A chart's PNG (base64, as drawn on the screen) → the core's outbox → saved like any produced file. */
export async function deliverPng(name: string, pngBase64: string): Promise<boolean> {
  const r = await api.export.chartPng({ name, dataBase64: pngBase64 });
  if (!r.ok) {
    toastStore.error(r.error);
    return false;
  }
  return deliver(r.value);
}
