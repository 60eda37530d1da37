/** Điểm ĐTXHH: choose a file, preview the points (and, for raw responses, the counts), commit. */
import { useState, type ReactNode } from 'react';
import type { UploadedFile } from '../../../shared/contract/files.ts';
import type { SurveyPreview } from '../../../shared/contract/imports.ts';
import type { CodedError } from '../../../shared/errors/codes.ts';
import { HUNDRED, mul, parseDecimal } from '../../../shared/decimal/rational.ts';
import { api } from '../../api/client.ts';
import { ptsR } from '../../components/format.ts';
import { toastStore } from '../../components/toast-store.ts';
import { resultsText } from '../../i18n/results.ts';
import { f2, fractionPct, int } from '../results/format.ts';
import { FilePicker } from './FilePicker.tsx';
import { ImportError } from './ImportError.tsx';

const I = resultsText.imports;

/** A weight 0–1 as a short percentage: "0.6" → "60%". */
function weightPct(w: string): string {
  const r = parseDecimal(w);
  return r ? `${ptsR(mul(r, HUNDRED), 2)}%` : w;
}

type Kind = 'auto' | 'points' | 'responses';

export function SurveyImport({
  canEdit,
  onCommitted,
  summary,
}: {
  canEdit: boolean;
  onCommitted: () => void;
  summary: ReactNode;
}) {
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [kind, setKind] = useState<Kind>('auto');
  const [source, setSource] = useState<'cbccvc' | 'sipas'>('cbccvc');
  const [allowUnmatched, setAllowUnmatched] = useState(false);
  const [preview, setPreview] = useState<SurveyPreview | null>(null);
  const [error, setError] = useState<CodedError | null>(null);
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);

  const input = () =>
    file
      ? {
          ticket: file.ticket,
          ...(kind !== 'auto' ? { kind } : {}),
          ...(kind === 'responses' ? { source } : {}),
          allowUnmatched,
        }
      : null;

  const run = async (commit: boolean) => {
    const i = input();
    if (!i) return toastStore.info(I.needsFile);
    setBusy(commit ? 'commit' : 'preview');
    setError(null);
    const r = commit ? await api.survey.commit(i) : await api.survey.preview(i);
    setBusy(null);
    if (!r.ok) {
      setPreview(null);
      // A responses file needs its survey: ask for it in place.
      if (r.error.code === 'SURVEY_SOURCE_REQUIRED') setKind('responses');
      return setError(r.error);
    }
    if (commit) {
      toastStore.info(I.committed(r.value.rows.length));
      setPreview(null);
      setFile(null);
      onCommitted();
    } else setPreview(r.value);
  };

  const reset = () => {
    setPreview(null);
    setError(null);
  };

  return (
    <section className="card r-card r-import" aria-labelledby="survey-title" data-testid="survey-import">
      <h2 id="survey-title">{I.surveyTitle}</h2>
      {summary}
      <p className="hint">{I.surveyHint}</p>
      <fieldset className="r-import-form" disabled={!canEdit}>
        <FilePicker
          files={file ? [file] : []}
          disabled={!canEdit}
          testId="survey-file"
          onFiles={(f) => {
            setFile(f[0] ?? null);
            reset();
          }}
        />
        <div className="r-import-options">
          <label className="control">
            <span>{I.kind}</span>
            <select value={kind} onChange={(e) => (setKind(e.target.value as Kind), reset())}>
              <option value="auto">{I.kindAuto}</option>
              <option value="points">{I.kindPoints}</option>
              <option value="responses">{I.kindResponses}</option>
            </select>
          </label>
          {kind === 'responses' && (
            <label className="control">
              <span>{I.source}</span>
              <select value={source} onChange={(e) => (setSource(e.target.value as 'cbccvc' | 'sipas'), reset())}>
                <option value="cbccvc">{I.sources['cbccvc']}</option>
                <option value="sipas">{I.sources['sipas']}</option>
              </select>
            </label>
          )}
          <label className="r-check">
            <input
              type="checkbox"
              checked={allowUnmatched}
              onChange={(e) => (setAllowUnmatched(e.target.checked), reset())}
            />
            {I.allowUnmatched}
          </label>
          <button
            type="button"
            className="button button-primary button-small"
            disabled={!file || busy !== null}
            onClick={() => void run(false)}
          >
            {busy === 'preview' ? I.previewing : I.preview}
          </button>
        </div>
      </fieldset>
      {error && <ImportError error={error} />}
      {preview && (
        <SurveyPreviewView
          p={preview}
          busy={busy === 'commit'}
          onCommit={() => void run(true)}
          onDiscard={() => {
            setPreview(null);
            setFile(null);
          }}
        />
      )}
    </section>
  );
}

function SurveyPreviewView({
  p,
  busy,
  onCommit,
  onDiscard,
}: {
  p: SurveyPreview;
  busy: boolean;
  onCommit: () => void;
  onDiscard: () => void;
}) {
  const responses = p.kind === 'responses';
  const keys = p.scale?.options.map((o) => o.key) ?? [];
  return (
    <div className="r-preview" data-testid="survey-preview">
      <h3>{I.previewTitle(p.file)}</h3>
      <p className="r-preview-totals" data-testid="survey-totals">
        <strong>{I.totals(p.rows.length, int(p.respondents), int(p.answers))}</strong>
        {p.unmatched.length > 0 && <span className="chip chip-differs">{I.unmatched(p.unmatched.length)}</span>}
        {p.missing.length > 0 && (
          <span className="chip chip-differs" title={[...new Set(p.missing.map((m) => m.unit))].join(', ')}>
            {I.missingKept(new Set(p.missing.map((m) => m.unitId)).size)}
          </span>
        )}
      </p>
      <div className="r-scroll">
        <table className="r-table" data-testid="survey-preview-rows">
          <thead>
            <tr>
              <th scope="col">{I.colUnit}</th>
              <th scope="col">{I.colSource}</th>
              <th scope="col" className="c-num">
                {I.colBefore}
              </th>
              <th scope="col" className="c-num">
                {I.colPoints}
              </th>
              <th scope="col" className="c-num">
                {I.colMax}
              </th>
              <th scope="col" className="c-num">
                {I.colRespondents}
              </th>
              {responses && (
                <>
                  <th scope="col" className="c-num">
                    {I.colAnswers}
                  </th>
                  <th scope="col" className="c-num">
                    {I.colBlanks}
                  </th>
                  {keys.map((k) => (
                    <th key={k} scope="col" className="c-num">
                      {k}
                    </th>
                  ))}
                  <th scope="col" className="c-num">
                    {I.colSatisfaction}
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr key={`${r.unitId}/${r.source}`}>
                <th scope="row">{r.unit}</th>
                <td>{I.sources[r.source]}</td>
                <td className="c-num muted">{r.previous ? f2(r.previous.points) : I.new}</td>
                <td className="c-num">
                  <strong>{f2(r.points)}</strong>
                </td>
                <td className="c-num muted">{f2(r.max)}</td>
                <td className="c-num">{int(r.respondents)}</td>
                {responses && (
                  <>
                    <td className="c-num">{int(r.answers ?? null)}</td>
                    <td className="c-num">{int(r.blanks ?? null)}</td>
                    {keys.map((k) => (
                      <td key={k} className="c-num">
                        {int(r.optionCounts?.[k] ?? 0)}
                      </td>
                    ))}
                    <td className="c-num">{fractionPct(r.satisfaction)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.scale && (
        <p className="hint" data-testid="survey-scale">
          {I.scale(p.scale.options.map((o) => `${o.key} = ${weightPct(o.weight)}`).join(', '))}
        </p>
      )}
      {p.unmatched.length > 0 && (
        <p className="hint">
          {I.unmatched(p.unmatched.length)}: {p.unmatched.map((u) => `${u.unit} (${u.row})`).join(', ')}
        </p>
      )}
      <div className="r-preview-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={onCommit}
          data-testid="survey-commit"
        >
          {busy ? I.committing : I.commit(p.rows.length)}
        </button>
        <button type="button" className="button button-quiet" onClick={onDiscard}>
          {I.discard}
        </button>
      </div>
    </div>
  );
}
