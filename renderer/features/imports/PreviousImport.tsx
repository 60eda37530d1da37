/** Kết quả năm trước: the previous year's summary tables (one file per group, say) → preview of the indices → commit. */
import { groupLabel } from '../../app/groups.ts';
import { useEffect, useState } from 'react';
import type { UploadedFile } from '../../../shared/contract/files.ts';
import type { PreviousPreview } from '../../../shared/contract/imports.ts';
import type { CodedError } from '../../../shared/errors/codes.ts';
import { api } from '../../api/client.ts';
import { toastStore } from '../../components/toast-store.ts';
import { resultsText } from '../../i18n/results.ts';
import { p2 } from '../results/format.ts';
import { FilePicker } from './FilePicker.tsx';
import { ImportError } from './ImportError.tsx';

const I = resultsText.imports;

export function PreviousImport({
  canEdit,
  onCommitted,
  cycleYear,
  importedYears,
}: {
  canEdit: boolean;
  onCommitted: () => void;
  cycleYear: number | null;
  importedYears: readonly number[];
}) {
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [year, setYear] = useState<string>('');
  const [allowUnmatched, setAllowUnmatched] = useState(false);
  const [preview, setPreview] = useState<PreviousPreview | null>(null);
  const [error, setError] = useState<CodedError | null>(null);
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);
  useEffect(() => {
    if (year === '' && cycleYear) setYear(String(cycleYear - 1));
  }, [cycleYear, year]);

  const run = async (commit: boolean) => {
    if (files.length === 0) return toastStore.info(I.needsFile);
    const y = Number(year);
    const input = {
      tickets: files.map((f) => f.ticket),
      allowUnmatched,
      ...(Number.isInteger(y) && y > 0 ? { year: y } : {}),
    };
    setBusy(commit ? 'commit' : 'preview');
    setError(null);
    const r = commit ? await api.previous.commit(input) : await api.previous.preview(input);
    setBusy(null);
    if (!r.ok) {
      setPreview(null);
      return setError(r.error);
    }
    if (commit) {
      toastStore.info(I.committed(r.value.rows.length));
      setPreview(null);
      setFiles([]);
      onCommitted();
    } else setPreview(r.value);
  };

  return (
    <section className="card r-card r-import" aria-labelledby="previous-title" data-testid="previous-import">
      <h2 id="previous-title">{I.previousTitle}</h2>
      {importedYears.length > 0 && <p className="muted">{I.importedYears(importedYears.join(', '))}</p>}
      <p className="hint">{I.previousHint}</p>
      <fieldset className="r-import-form" disabled={!canEdit}>
        <FilePicker
          multiple
          files={files}
          disabled={!canEdit}
          testId="previous-file"
          onFiles={(f) => {
            setFiles((old) => [...old, ...f].slice(-8));
            setPreview(null);
            setError(null);
          }}
        />
        <div className="r-import-options">
          <label className="control">
            <span>{I.year}</span>
            <input
              type="number"
              min={1900}
              max={cycleYear ? cycleYear - 1 : 3000}
              value={year}
              onChange={(e) => (setYear(e.target.value), setPreview(null))}
              className="r-year"
            />
          </label>
          <label className="r-check">
            <input
              type="checkbox"
              checked={allowUnmatched}
              onChange={(e) => (setAllowUnmatched(e.target.checked), setPreview(null))}
            />
            {I.allowUnmatched}
          </label>
          <button
            type="button"
            className="button button-primary button-small"
            disabled={files.length === 0 || busy !== null}
            onClick={() => void run(false)}
          >
            {busy === 'preview' ? I.previewing : I.preview}
          </button>
          {files.length > 0 && (
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => (setFiles([]), setPreview(null), setError(null))}
            >
              {I.discard}
            </button>
          )}
        </div>
      </fieldset>
      {error && <ImportError error={error} />}
      {preview && (
        <div className="r-preview" data-testid="previous-preview">
          <h3>{I.previewTitle(files.map((f) => f.name).join(', '))}</h3>
          <p className="r-preview-totals">
            <strong>{I.previousTotals(preview.rows.length, preview.year)}</strong>
            {preview.unmatched.length > 0 && (
              <span className="chip chip-differs">{I.unmatched(preview.unmatched.length)}</span>
            )}
            {preview.missing.length > 0 && (
              <span className="chip chip-differs" title={preview.missing.map((m) => m.unit).join(', ')}>
                {I.missing(preview.missing.length)}
              </span>
            )}
          </p>
          <div className="r-scroll">
            <table className="r-table">
              <thead>
                <tr>
                  <th scope="col">{I.colUnit}</th>
                  <th scope="col">{I.colFileUnit}</th>
                  <th scope="col">{I.colGroup}</th>
                  <th scope="col" className="c-num">
                    {I.colBefore}
                  </th>
                  <th scope="col" className="c-num">
                    {I.colIndex} {preview.year}
                  </th>
                  <th scope="col">{I.colWhere}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.unitId}>
                    <th scope="row">{r.unit}</th>
                    <td className={r.fileUnit === r.unit ? 'muted' : ''}>{r.fileUnit}</td>
                    <td>{groupLabel(r.group)}</td>
                    <td className="c-num muted">{r.before ? p2(r.before) : I.new}</td>
                    <td className="c-num">
                      <strong>{p2(r.index)}</strong>
                    </td>
                    <td className="muted">
                      {r.file}:{r.row}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="r-preview-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={busy !== null}
              onClick={() => void run(true)}
              data-testid="previous-commit"
            >
              {busy === 'commit' ? I.committing : I.commit(preview.rows.length)}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setPreview(null)}>
              {I.discard}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
