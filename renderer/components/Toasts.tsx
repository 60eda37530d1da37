import { useSyncExternalStore } from 'react';
import { vi } from '../i18n/vi.ts';
import { toastStore } from './toast-store.ts';

export function Toasts() {
  const toasts = useSyncExternalStore(toastStore.subscribe, toastStore.get);
  return (
    <section className="toasts" aria-label={vi.toasts.label}>
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <div className="toast-body">
            {t.kind === 'error' && <strong className="toast-title">{vi.errors.title}</strong>}
            <p className="toast-message">{t.message}</p>
            {t.code && (
              <p className="toast-code">
                {vi.errors.code}: <code>{t.code}</code>
              </p>
            )}
          </div>
          <button
            type="button"
            className="toast-close"
            onClick={() => toastStore.dismiss(t.id)}
            aria-label={vi.errors.dismiss}
            title={vi.errors.dismiss}
          >
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
