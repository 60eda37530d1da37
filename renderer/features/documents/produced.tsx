/**
 * A produced document (PDF, xlsx) as a line to save, and the hook that asks the core for it
 * and keeps the last one.
 */
import { useState } from 'react';
import type { ProducedFile } from '../../../shared/contract/results.ts';
import type { Result } from '../../../shared/errors/codes.ts';
import { toastStore } from '../../components/toast-store.ts';
import { resultsText } from '../../i18n/results.ts';
import { deliver } from '../results/deliver.ts';

const D = resultsText.documents;

export function Produced({ f }: { f: ProducedFile | null }) {
  if (!f) return null;
  return (
    <p className="r-produced" data-testid="produced">
      ✔ {D.printed(f.fileName, f.pages ?? 0)}{' '}
      <button type="button" className="button button-quiet button-small" onClick={() => void deliver(f)}>
        {D.saveFile(f.fileName)}
      </button>
    </p>
  );
}

/** Asks the core for a document, shows it as the last one produced and saves it (save dialog or download). */
export function useProduce(): {
  busy: boolean;
  last: ProducedFile | null;
  produce: (make: () => Promise<Result<ProducedFile>>, before?: () => Promise<boolean>) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<ProducedFile | null>(null);
  const produce = async (make: () => Promise<Result<ProducedFile>>, before?: () => Promise<boolean>) => {
    setBusy(true);
    try {
      if (before && !(await before())) return;
      const r = await make();
      if (!r.ok) return toastStore.error(r.error);
      setLast(r.value);
      await deliver(r.value);
    } finally {
      setBusy(false);
    }
  };
  return { busy, last, produce };
}
