/**
 * Văn bản: the meeting details form, printing (the minutes; per-unit appraisal sheets,
 * preliminary-results notices, feedback sheets) and the exports of the tables. Every file
 * is produced by the core into its outbox and saved through files.save (Electron: a save
 * dialog; harness: a download).
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import { Loading, LoadFailed } from '../../components/LoadState.tsx';
import { toastStore } from '../../components/toast-store.ts';
import { useLoad } from '../../components/use-load.ts';
import { resultsText } from '../../i18n/results.ts';
import { deliver } from '../results/deliver.ts';
import { ResultsLayout } from '../results/ResultsLayout.tsx';
import { MeetingForm } from './MeetingForm.tsx';
import { SheetsCard } from './SheetsCard.tsx';
import { Produced, useProduce } from './produced.tsx';

const D = resultsText.documents;

export function Documents() {
  const [load, reload, setValue] = useLoad(() => api.meeting.get(), 'meeting');
  const saveRef = useRef<(() => Promise<boolean>) | null>(null);
  return (
    <ResultsLayout tab="documents" title={D.title} subtitle={D.intro}>
      {load.state === 'loading' && <Loading />}
      {load.state === 'failed' && <LoadFailed error={load.error} onRetry={reload} />}
      {load.state === 'ready' && (
        <>
          {!load.value.canEdit && (
            <p className="notice notice-locked" role="note">
              {D.readOnly}
            </p>
          )}
          <div className="r-docs">
            <MeetingForm
              value={load.value}
              onSaved={setValue}
              onDirty={(s) => {
                saveRef.current = s;
              }}
            />
            <div className="r-docs-side">
              <MinutesCard
                canEdit={load.value.canEdit}
                saveFirst={() => (saveRef.current ? saveRef.current() : Promise.resolve(true))}
              />
              <SheetsCard canEdit={load.value.canEdit} />
              <ExportCard />
            </div>
          </div>
        </>
      )}
    </ResultsLayout>
  );
}

function MinutesCard({ canEdit, saveFirst }: { canEdit: boolean; saveFirst: () => Promise<boolean> }) {
  const [charts, setCharts] = useState(true);
  const [fieldTables, setFieldTables] = useState(true);
  const { busy, last, produce } = useProduce();
  const print = () => produce(() => api.documents.minutes({ charts, fieldTables }), saveFirst);
  return (
    <section className="card r-card" aria-labelledby="minutes-title" data-testid="minutes-card">
      <h2 id="minutes-title">{D.minutes}</h2>
      <p className="hint">{D.minutesHint}</p>
      <fieldset className="r-fieldset r-minutes-options" disabled={!canEdit}>
        <label className="r-check">
          <input type="checkbox" checked={charts} onChange={(e) => setCharts(e.target.checked)} />
          {D.charts}
        </label>
        <label className="r-check">
          <input type="checkbox" checked={fieldTables} onChange={(e) => setFieldTables(e.target.checked)} />
          {D.fieldTables}
        </label>
        <div className="r-form-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void print()}
            data-testid="print-minutes"
          >
            {busy ? D.printing : D.printMinutes}
          </button>
        </div>
      </fieldset>
      <Produced f={last} />
    </section>
  );
}

function ExportCard() {
  const [tables] = useLoad(() => api.export.list(), 'export-list');
  const [table, setTable] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    if (table === '' && tables.state === 'ready' && tables.value[0]) setTable(tables.value[0].file);
  }, [tables, table]);
  const run = async (format: 'xlsx' | 'csv' | 'json') => {
    setBusy(format);
    try {
      const r = await api.export.tables(format === 'csv' ? { format, table } : { format });
      if (!r.ok) return toastStore.error(r.error);
      await deliver(r.value);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="card r-card" aria-labelledby="export-title" data-testid="export-card">
      <h2 id="export-title">{D.exportTitle}</h2>
      <p className="hint">{D.exportHint}</p>
      <div className="r-form-actions r-export">
        <button
          type="button"
          className="button button-secondary"
          disabled={busy !== null}
          onClick={() => void run('xlsx')}
          data-testid="export-xlsx"
        >
          {D.exportXlsx}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy !== null}
          onClick={() => void run('json')}
          data-testid="export-json"
        >
          {D.exportJson}
        </button>
      </div>
      {tables.state === 'ready' && (
        <div className="r-import-options">
          <label className="control r-grow">
            <span>{D.csvTable}</span>
            <select value={table} onChange={(e) => setTable(e.target.value)}>
              {tables.value.map((t) => (
                <option key={t.file} value={t.file}>
                  {t.title}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={busy !== null || table === ''}
            onClick={() => void run('csv')}
            data-testid="export-csv"
          >
            {D.exportCsv}
          </button>
        </div>
      )}
    </section>
  );
}
