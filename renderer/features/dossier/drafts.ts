/**
 * Drafts: the latest state of each unconfirmed change, kept in localStorage until the core answers (saver.ts sends
 * them again at the next start).
 */
import type { ExemptionEdit, LeafEdit } from './edits.ts';

const DRAFTS_KEY = 'cchc.drafts.v1';

export type Draft =
  | { readonly kind: 'appraisal'; readonly unitId: string; readonly code: string; readonly edit: LeafEdit }
  | { readonly kind: 'exemption'; readonly unitId: string; readonly code: string; readonly edit: ExemptionEdit };

export function readDrafts(): Record<string, Draft> {
  try {
    const raw = localStorage.getItem(DRAFTS_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, Draft>) : {};
  } catch {
    return {};
  }
}

export function writeDraft(id: string, draft: Draft | null): void {
  try {
    const all = readDrafts();
    if (draft) all[id] = draft;
    else delete all[id];
    if (Object.keys(all).length === 0) localStorage.removeItem(DRAFTS_KEY);
    else localStorage.setItem(DRAFTS_KEY, JSON.stringify(all));
  } catch {
    // storage full or unavailable: the debounced save and the flush on leaving remain
  }
}
