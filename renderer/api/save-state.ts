/** "Đang lưu… / Đã lưu": counts the writes in flight, fed by the client. */
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

let pending = 0;
let status: SaveStatus = 'idle';
const listeners = new Set<() => void>();

function set(next: SaveStatus): void {
  if (next === status) return;
  status = next;
  for (const l of listeners) l();
}

export const saveState = {
  begin(): void {
    pending += 1;
    set('saving');
  },
  end(ok: boolean): void {
    pending = Math.max(0, pending - 1);
    if (!ok) set('failed');
    else if (pending === 0) set('saved');
  },
  get: (): SaveStatus => status,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
