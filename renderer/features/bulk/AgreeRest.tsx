/**
 * "Đồng ý với điểm tự chấm cho phần còn lại": one button, a confirmation that says how many
 * sub-criteria will take the unit's self-score, one commit, one undo (Ctrl+Z).
 * Used by the dossier (a field or the whole unit) and the scoring grid (the focused unit's field).
 */
import { useState } from 'react';
import type { BulkResult } from '../../../shared/contract/bulk.ts';
import { api } from '../../api/client.ts';
import { toastStore } from '../../components/toast-store.ts';
import { vi } from '../../i18n/vi.ts';
import { bulkSaved, saver } from '../dossier/saver.ts';
import { invalidateOverview } from '../home/units-cache.ts';
import { RefusedList } from './RefusedList.tsx';

const B = vi.bulk;

export function AgreeRest({
  unitId,
  unitName,
  fieldCode,
  disabled,
  label,
}: {
  unitId: string;
  unitName: string;
  /** null: every field of the unit assigned to me. */
  fieldCode: string | null;
  disabled: boolean;
  label?: string;
}) {
  const [state, setState] = useState<
    | { step: 'idle' }
    | { step: 'counting' }
    | { step: 'confirm'; preview: BulkResult }
    | { step: 'saving'; preview: BulkResult }
  >({ step: 'idle' });
  const [skipped, setSkipped] = useState<BulkResult['refused']>([]);

  const ask = async () => {
    setState({ step: 'counting' });
    await saver.flush(unitId);
    const r = await api.appraisal.agree({ unitId, fieldCode, dryRun: true });
    if (!r.ok) {
      setState({ step: 'idle' });
      return toastStore.error(r.error);
    }
    if (r.value.saved.length === 0) {
      setState({ step: 'idle' });
      setSkipped(r.value.refused);
      return toastStore.info(B.nothingLeft);
    }
    setState({ step: 'confirm', preview: r.value });
  };

  const commit = async (preview: BulkResult) => {
    setState({ step: 'saving', preview });
    const r = await api.appraisal.agree({ unitId, fieldCode, dryRun: false });
    setState({ step: 'idle' });
    if (!r.ok) return toastStore.error(r.error);
    invalidateOverview();
    bulkSaved(r.value);
    setSkipped(r.value.refused);
    toastStore.info(B.done(r.value.saved.length));
  };

  const text = label ?? (fieldCode ? B.agreeRestField(fieldCode) : B.agreeRestUnit);
  return (
    <div className="bulk-agree">
      {state.step === 'confirm' || state.step === 'saving' ? (
        <div
          className="bulk-confirm"
          role="alertdialog"
          aria-labelledby={`agree-${unitId}`}
          data-testid="agree-confirm"
        >
          <p id={`agree-${unitId}`}>
            {fieldCode
              ? B.confirmField(state.preview.saved.length, fieldCode, unitName)
              : B.confirmUnit(state.preview.saved.length, unitName)}
          </p>
          <div className="bulk-actions">
            <button
              type="button"
              className="button button-small"
              disabled={state.step === 'saving'}
              onClick={() => void commit(state.preview)}
              autoFocus
            >
              {B.confirmAction(state.preview.saved.length)}
            </button>
            <button
              type="button"
              className="button button-small button-quiet"
              disabled={state.step === 'saving'}
              onClick={() => setState({ step: 'idle' })}
            >
              {B.cancel}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button button-small button-secondary"
          disabled={disabled || state.step === 'counting'}
          title={B.agreeRestHint}
          onClick={() => void ask()}
          data-testid="agree-rest"
        >
          {state.step === 'counting' ? B.counting : text}
        </button>
      )}
      {skipped.length > 0 && (
        <RefusedList
          title={B.skipped(skipped.length)}
          items={skipped.map((s) => s.message)}
          onClose={() => setSkipped([])}
          testId="agree-skipped"
        />
      )}
    </div>
  );
}
