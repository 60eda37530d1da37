/** Opens an evidence document: the system viewer (Electron) or a new tab on the harness. */
import { api } from '../../api/client.ts';
import { toastStore } from '../../components/toast-store.ts';

export async function openEvidence(evidenceId: number, page: number | null): Promise<void> {
  const r = await api.evidence.open(page ? { evidenceId, page } : { evidenceId });
  if (!r.ok) return toastStore.error(r.error);
  if (r.value.url) window.open(new URL(r.value.url, location.origin).href, '_blank', 'noopener,noreferrer');
}
