/** The cells a bulk action did not write, each with why (shown under the action, never over the list). */
import { vi } from '../../i18n/vi.ts';

export function RefusedList({
  title,
  items,
  onClose,
  testId,
}: {
  title: string;
  items: readonly string[];
  onClose: () => void;
  testId: string;
}) {
  return (
    <div className="bulk-refused notice notice-warn" role="status" data-testid={testId}>
      <p className="bulk-refused-title">{title}</p>
      <ul>
        {items.slice(0, 50).map((m, i) => (
          <li key={i}>{m}</li>
        ))}
        {items.length > 50 && <li>…</li>}
      </ul>
      <button type="button" className="button button-small button-quiet" onClick={onClose}>
        {vi.bulk.close}
      </button>
    </div>
  );
}
