import { useEffect, useRef, useSyncExternalStore } from 'react';
import { vi } from '../i18n/vi.ts';

let open = false;
const listeners = new Set<() => void>();
export const keyboardHelp = {
  get: () => open,
  set(next: boolean) {
    open = next;
    for (const l of listeners) l();
  },
  subscribe(l: () => void) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

/** The keyboard map, as a modal dialog ("?" or the Phím tắt button). */
export function KeyboardHelp() {
  const isOpen = useSyncExternalStore(keyboardHelp.subscribe, keyboardHelp.get);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (isOpen && !d.open) d.showModal();
    if (!isOpen && d.open) d.close();
  }, [isOpen]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="keys-title" onClose={() => keyboardHelp.set(false)}>
      <h2 id="keys-title">{vi.keys.title}</h2>
      <table className="keys-table">
        <tbody>
          {vi.keys.rows.map(([k, what]) => (
            <tr key={k}>
              <th scope="row">
                <kbd>{k}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={() => keyboardHelp.set(false)} autoFocus>
          {vi.keys.close}
        </button>
      </div>
    </dialog>
  );
}
