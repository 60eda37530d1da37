import { useSyncExternalStore } from 'react';
import { saveState } from '../api/save-state.ts';
import { vi } from '../i18n/vi.ts';

const LABELS = { saving: vi.save.saving, saved: vi.save.saved, failed: vi.save.failed } as const;

/** "Đang lưu…" while a write is in flight, then "Đã lưu" (or "Chưa lưu được"). */
export function SaveIndicator() {
  const status = useSyncExternalStore(saveState.subscribe, saveState.get);
  return (
    <div className={`save-indicator save-${status}`} role="status" aria-live="polite" data-testid="save-indicator">
      {status !== 'idle' && (
        <>
          <span className="save-dot" aria-hidden="true" />
          {LABELS[status]}
        </>
      )}
    </div>
  );
}
