/**
 * The collected workbook (Bảng tổng hợp điểm tự đánh giá): the round-1 or round-2 self-scores
 * of many units gathered in one sheet, one column per unit. Upload, preview per unit (column,
 * items, blanks, total), then write every unit in one transaction. Refusals name the sheet,
 * row and column.
 */
import { useState } from 'react';
import type { CollectedPreview } from '../../../shared/contract/intake.ts';
import { FILE_LIMITS, fileSizeText } from '../../../shared/contract/files.ts';
import type { CodedError } from '../../../shared/errors/codes.ts';
import { api } from '../../api/client.ts';
import { pts } from '../../components/format.ts';
import { toastStore } from '../../components/toast-store.ts';
import { intakeText } from '../../i18n/intake.ts';
import { CodedMessage } from '../exchange/Coded.tsx';
import { FilePicker } from '../exchange/FilePicker.tsx';
import { uploadFile } from '../exchange/files.ts';

const C = intakeText.collected;

export function CollectedImport({ onCommitted }: { onCommitted: () => void }) {
  const [round, setRound] = useState<1 | 2>(1);
  const [file, setFile] = useState<File | null>(null);
  const [ticket, setTicket] = useState<string | null>(null);
  const [preview, setPreview] = useState<CollectedPreview | null>(null);
  const [committed, setCommitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CodedError | null>(null);
  const reset = () => (setPreview(null), setCommitted(false), setError(null));

  const run = async (commit: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    let t = ticket;
    if (!t) {
      const up = await uploadFile(file, { maxBytes: FILE_LIMITS.uploadMaxBytes });
      if (!up.ok) return (setBusy(false), setError(up.error));
      t = up.value.ticket;
      setTicket(t);
    }
    const r = await api.intake.collected({ round, workbook: t, commit });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setPreview(r.value.preview);
    if (commit) {
      setCommitted(true);
      toastStore.info(C.committed(r.value.preview.units.length, round));
      onCommitted();
    }
  };

  return (
    <section className="card" data-testid="collected">
      <h2>{C.title}</h2>
      <p className="hint">{C.hint}</p>
      <form className="i-collected" onSubmit={(e) => (e.preventDefault(), void run(false))}>
        <fieldset className="i-rounds" disabled={busy}>
          <legend className="sr-only">{intakeText.form.round}</legend>
          {([1, 2] as const).map((r) => (
            <label key={r}>
              <input
                type="radio"
                name="collected-round"
                checked={round === r}
                onChange={() => (setRound(r), reset())}
              />{' '}
              {r === 1 ? intakeText.form.round1 : intakeText.form.round2}
            </label>
          ))}
        </fieldset>
        <div>
          <strong>{C.workbook}</strong>
          <FilePicker
            label={C.workbook}
            accept=".xlsx"
            busy={busy}
            onFiles={(f) => (setFile(f[0] ?? null), setTicket(null), reset())}
            testId="collected-workbook"
          />
          {file && (
            <p className="muted">
              {file.name} ({fileSizeText(file.size)})
            </p>
          )}
        </div>
        <div className="i-actions">
          <button
            type="submit"
            className="button button-secondary"
            disabled={busy || !file}
            data-testid="collected-preview"
          >
            {intakeText.form.preview}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy || !preview || committed}
            onClick={() => void run(true)}
            data-testid="collected-commit"
          >
            {intakeText.form.commit}
          </button>
        </div>
      </form>
      {error && <CodedMessage error={error} testId="collected-error" />}
      {preview && (
        <div data-testid="collected-result">
          <h3>{C.previewTitle(preview.file, preview.units.length)}</h3>
          <table className="data-table i-collected-table">
            <thead>
              <tr>
                <th>{C.cols.unit}</th>
                <th>{C.cols.column}</th>
                <th className="num">{C.cols.items}</th>
                <th className="num">{C.cols.blanks}</th>
                <th className="num">{C.cols.total}</th>
              </tr>
            </thead>
            <tbody>
              {preview.units.map((u) => (
                <tr key={u.unitId} data-unit={u.unitId}>
                  <td>{u.unitName}</td>
                  <td>{u.column}</td>
                  <td className="num">{u.items}</td>
                  <td className="num">{u.blanks}</td>
                  <td className="num">{pts(u.total, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.ignoredColumns.length > 0 && <p className="muted">{C.ignored(preview.ignoredColumns.join(', '))}</p>}
          {preview.skippedRows > 0 && <p className="muted">{C.skipped(preview.skippedRows)}</p>}
        </div>
      )}
    </section>
  );
}
