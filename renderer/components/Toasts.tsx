import { useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import { vi } from '../i18n/vi.ts';
import { toastStore } from './toast-store.ts';

export function Toasts() {
  const toasts = useSyncExternalStore(toastStore.subscribe, toastStore.get);
  const stack = useRef<HTMLElement>(null);
  // The room the toasts take at the bottom (--toast-space): screens that fill the window end above it,
  // so no toast ever covers a grid cell or a list row.
  useLayoutEffect(() => {
    const el = stack.current;
    if (!el) return;
    const root = document.documentElement.style;
    const set = () => root.setProperty('--toast-space', el.offsetHeight > 0 ? `${el.offsetHeight + 28}px` : '0px');
    set();
    const observer = new ResizeObserver(set);
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.setProperty('--toast-space', '0px');
    };
  }, []);
  return (
    <section className="toasts" aria-label={vi.toasts.label} ref={stack}>
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
