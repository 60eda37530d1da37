/**
 * Văn bản: the meeting details form, printing (the minutes; per-unit appraisal sheets,
 * preliminary-results notices, feedback sheets) and the exports of the tables. Every file
 * is produced by the core into its outbox and saved through files.save (Electron: a save
 * dialog; harness: a download).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ClassifiedUnit } from '../../../shared/report/types.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import { groupLabel, groupsOf } from '../../app/groups.ts';
import type { ProducedFile } from '../../../shared/contract/results.ts';
import type { Result } from '../../../shared/errors/codes.ts';
import { api } from '../../api/client.ts';
import { Loading, LoadFailed } from '../../components/LoadState.tsx';
import { toastStore } from '../../components/toast-store.ts';
import { useLoad } from '../../components/use-load.ts';
import { resultsText } from '../../i18n/results.ts';
import { loadReport } from '../results/data.ts';
import { deliver } from '../results/deliver.ts';
import { ResultsLayout } from '../results/ResultsLayout.tsx';
import { MeetingForm } from './MeetingForm.tsx';
import { isoDate } from './meeting-draft.ts';

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

function Produced({ f }: { f: ProducedFile | null }) {
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
function useProduce(): {
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

function SheetsCard({ canEdit }: { canEdit: boolean }) {
  const [units] = useLoad<readonly ClassifiedUnit[]>(
    () => loadReport().then((r) => (r.ok ? { ok: true, value: r.value.report.units } : r)),
    'report-units',
  );
  const [kind, setKind] = useState<'appraisal' | 'notice' | 'feedback'>('appraisal');
  const [round, setRound] = useState<1 | 2>(1);
  const [deadline, setDeadline] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set());
  const { busy, last, produce } = useProduce();

  const byGroup = useMemo(() => {
    const m = new Map<UnitGroup, ClassifiedUnit[]>();
    if (units.state === 'ready')
      for (const u of [...units.value].sort((a, b) => a.unit.localeCompare(b.unit, 'vi')))
        m.set(u.group, [...(m.get(u.group) ?? []), u]);
    return m;
  }, [units]);

  const toggle = (ids: string[], on: boolean) =>
    setPicked((s) => {
      const n = new Set(s);
      for (const id of ids) on ? n.add(id) : n.delete(id);
      return n;
    });

  const deadlineIso = isoDate(deadline);
  const deadlineText = deadlineIso ? deadlineIso.split('-').reverse().join('/') : undefined;
  const print = () =>
    produce(() =>
      api.documents.sheets({
        unitIds: [...picked],
        kind,
        ...(kind === 'notice' ? { round } : {}),
        ...(kind === 'notice' && round === 1 && deadlineText ? { deadline: deadlineText } : {}),
      }),
    );

  return (
    <section className="card r-card" aria-labelledby="sheets-title" data-testid="sheets-card">
      <h2 id="sheets-title">{D.sheets}</h2>
      <fieldset className="r-fieldset" disabled={!canEdit}>
        <div className="r-import-options">
          <label className="control">
            <span>{D.sheetKind}</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              {(['appraisal', 'notice', 'feedback'] as const).map((k) => (
                <option key={k} value={k}>
                  {D.sheetKinds[k]}
                </option>
              ))}
            </select>
          </label>
          {kind === 'notice' && (
            <label className="control">
              <span>{D.round}</span>
              <select value={round} onChange={(e) => setRound(Number(e.target.value) as 1 | 2)}>
                <option value={1}>1</option>
                <option value={2}>2</option>
              </select>
            </label>
          )}
          {kind === 'notice' && round === 1 && (
            <label className="control">
              <span>{D.deadline}</span>
              <input
                type="text"
                inputMode="numeric"
                value={deadline}
                placeholder={D.datePlaceholder}
                aria-invalid={deadline.trim() !== '' && !isoDate(deadline) ? true : undefined}
                onChange={(e) => setDeadline(e.target.value)}
              />
            </label>
          )}
        </div>
        {units.state === 'loading' && <Loading />}
        {units.state === 'failed' && <LoadFailed error={units.error} />}
        {units.state === 'ready' && (
          <div className="r-unit-pick" role="group" aria-label={D.units}>
            {groupsOf(units.value).map((g) => {
              const list = byGroup.get(g)!;
              const all = list.every((u) => picked.has(u.unitId));
              return (
                <details key={g} className="r-pick-group">
                  <summary>
                    <label className="r-check" onClick={(e) => e.stopPropagation()}>
                      <input
                        type="checkbox"
                        checked={all}
                        onChange={(e) =>
                          toggle(
                            list.map((u) => u.unitId),
                            e.target.checked,
                          )
                        }
                        aria-label={D.selectGroup(groupLabel(g))}
                      />
                      {groupLabel(g)}{' '}
                      <span className="muted">
                        ({list.filter((u) => picked.has(u.unitId)).length}/{list.length})
                      </span>
                    </label>
                  </summary>
                  <ul>
                    {list.map((u) => (
                      <li key={u.unitId}>
                        <label className="r-check">
                          <input
                            type="checkbox"
                            checked={picked.has(u.unitId)}
                            onChange={(e) => toggle([u.unitId], e.target.checked)}
                          />
                          {u.unit}
                        </label>
                      </li>
                    ))}
                  </ul>
                </details>
              );
            })}
          </div>
        )}
        <div className="r-form-actions">
          <span className="muted">{D.selectedUnits(picked.size)}</span>
          <button
            type="button"
            className="button button-primary"
            disabled={busy || picked.size === 0}
            onClick={() => void print()}
            data-testid="print-sheets"
          >
            {busy ? D.printing : D.printSheets}
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
