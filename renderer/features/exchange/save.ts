/** Saving a produced file and saying what happened (a toast; errors with their code). */
import { toastStore } from '../../components/toast-store.ts';
import { exchangeText } from '../../i18n/exchange.ts';
import { saveProduced } from './files.ts';

export async function saveAndTell(ticket: string, fileName: string): Promise<boolean> {
  const r = await saveProduced(ticket, fileName);
  if (!r.ok) {
    toastStore.error(r.error);
    return false;
  }
  const name = r.value.fileName ?? fileName;
  if (r.value.status === 'saved') toastStore.info(exchangeText.common.fileSaved(name));
  else if (r.value.status === 'download') toastStore.info(exchangeText.common.fileDownload(name));
  else toastStore.info(exchangeText.common.fileCancelled);
  return r.value.status !== 'cancelled';
}
