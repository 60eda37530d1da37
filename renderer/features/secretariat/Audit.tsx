/**
 * Nhật ký: the audit log in ag-grid (community), filtered by entity, actor, action, text and
 * dates (dd/mm/yyyy); one row's before/after shown below; export JSON or CSV (files.save);
 * "Kiểm tra chuỗi nhật ký" verifies the hash chain, every stored package and snapshot.
 */
import 'ag-grid-community/styles/ag-grid.css';
import 'ag-grid-community/styles/ag-theme-quartz-no-font.css';
import { AllCommunityModule, ModuleRegistry, type ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useId, useMemo, useState } from 'react';
import type { AuditQueryInput, AuditRowView, StoreCheckView } from '../../../shared/contract/audit.ts';
import { api } from '../../api/client.ts';
import { Loading, LoadFailed } from '../../components/LoadState.tsx';
import { toastStore } from '../../components/toast-store.ts';
import { useLoad } from '../../components/use-load.ts';
import { exchangeText } from '../../i18n/exchange.ts';
import { parseDay, shortHash, when } from '../exchange/format.ts';
import { saveAndTell } from '../exchange/save.ts';
import { StepHead } from './StepHead.tsx';
import { RowDetail, CheckResult } from './AuditDetail.tsx';

ModuleRegistry.registerModules([AllCommunityModule]);

const A = exchangeText.audit;
const PAGE = 1000;

interface Filters {
  entity: string;
  actor: string;
  action: string;
  text: string;
  from: string;
  to: string;
}
const EMPTY: Filters = { entity: '', actor: '', action: '', text: '', from: '', to: '' };

function toQuery(f: Filters): AuditQueryInput | null {
  const from = f.from.trim() ? parseDay(f.from) : undefined;
  const to = f.to.trim() ? parseDay(f.to, true) : undefined;
  if (from === null || to === null) return null;
  const q: AuditQueryInput = {};
  if (f.entity) q.entity = f.entity;
  if (f.actor) q.actor = f.actor;
  if (f.action) q.action = f.action;
  if (f.text.trim()) q.text = f.text.trim();
  if (from) q.from = from;
  if (to) q.to = to;
  return q;
}

export function Audit() {
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<AuditQueryInput>({});
  const [selected, setSelected] = useState<AuditRowView | null>(null);
  const [check, setCheck] = useState<StoreCheckView | null>(null);
  const [checking, setChecking] = useState(false);
  const badDate = toQuery(filters) === null;
  // Text and dates apply after a short pause; lists apply at once.
  useEffect(() => {
    const t = setTimeout(() => {
      const q = toQuery(filters);
      if (q) setApplied(q);
    }, 250);
    return () => clearTimeout(t);
  }, [filters]);
  const [load, reload] = useLoad(() => api.secretariat.audit({ ...applied, limit: PAGE }), JSON.stringify(applied));

  const verify = async () => {
    setChecking(true);
    const r = await api.secretariat.verify();
    setChecking(false);
    if (r.ok) setCheck(r.value);
    else toastStore.error(r.error);
  };
  const exportAs = async (format: 'json' | 'csv') => {
    const { limit: _l, offset: _o, ...query } = applied;
    const r = await api.secretariat.exportAudit({ format, query });
    if (!r.ok) return toastStore.error(r.error);
    if (await saveAndTell(r.value.file.ticket, r.value.file.fileName)) toastStore.info(A.exported(r.value.rows));
  };

  return (
    <>
      <StepHead
        title={A.title}
        lead={A.lead}
        actions={
          <>
            <button type="button" className="button button-secondary" onClick={() => void exportAs('json')}>
              {A.exportJson}
            </button>
            <button type="button" className="button button-secondary" onClick={() => void exportAs('csv')}>
              {A.exportCsv}
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => void verify()}
              disabled={checking}
              data-testid="verify-chain"
            >
              {checking ? A.verifying : A.verify}
            </button>
          </>
        }
      />
      {check && <CheckResult check={check} />}
      {load.state === 'failed' && <LoadFailed error={load.error} onRetry={reload} />}
      {load.state !== 'failed' && (
        <FiltersBar
          filters={filters}
          onChange={setFilters}
          badDate={badDate}
          options={load.state === 'ready' ? load.value : null}
          shown={load.state === 'ready' ? load.value.rows.length : null}
          total={load.state === 'ready' ? load.value.total : null}
        />
      )}
      {load.state === 'loading' && <Loading />}
      {load.state === 'ready' && <AuditGrid rows={load.value.rows} onSelect={setSelected} />}
      {selected && <RowDetail row={selected} onClose={() => setSelected(null)} />}
    </>
  );
}

function FiltersBar({
  filters,
  onChange,
  badDate,
  options,
  shown,
  total,
}: {
  filters: Filters;
  onChange: (f: Filters) => void;
  badDate: boolean;
  options: { actors: { id: string; name: string }[]; entities: string[]; actions: string[] } | null;
  shown: number | null;
  total: number | null;
}) {
  const id = useId();
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => onChange({ ...filters, [k]: e.target.value });
  return (
    <div className="s-audit-filters" role="search" data-testid="audit-filters">
      <div className="field">
        <label htmlFor={`${id}-entity`}>{A.entity}</label>
        <select id={`${id}-entity`} className="x-input" value={filters.entity} onChange={set('entity')}>
          <option value="">{A.all}</option>
          {(options?.entities ?? []).map((e) => (
            <option key={e} value={e}>
              {A.entities[e] ?? e}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-actor`}>{A.actor}</label>
        <select id={`${id}-actor`} className="x-input" value={filters.actor} onChange={set('actor')}>
          <option value="">{A.all}</option>
          {(options?.actors ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-action`}>{A.action}</label>
        <select id={`${id}-action`} className="x-input" value={filters.action} onChange={set('action')}>
          <option value="">{A.all}</option>
          {(options?.actions ?? []).map((a) => (
            <option key={a} value={a}>
              {A.actions[a] ?? a}
            </option>
          ))}
        </select>
      </div>
      <div className="field s-audit-text">
        <label htmlFor={`${id}-text`}>{A.text}</label>
        <input id={`${id}-text`} className="x-input" type="text" value={filters.text} onChange={set('text')} />
      </div>
      <div className="field s-audit-date">
        <label htmlFor={`${id}-from`}>{A.from}</label>
        <input
          id={`${id}-from`}
          className="x-input"
          type="text"
          inputMode="numeric"
          placeholder={A.datePlaceholder}
          value={filters.from}
          onChange={set('from')}
          aria-invalid={badDate && filters.from !== '' && parseDay(filters.from) === null}
        />
      </div>
      <div className="field s-audit-date">
        <label htmlFor={`${id}-to`}>{A.to}</label>
        <input
          id={`${id}-to`}
          className="x-input"
          type="text"
          inputMode="numeric"
          placeholder={A.datePlaceholder}
          value={filters.to}
          onChange={set('to')}
          aria-invalid={badDate && filters.to !== '' && parseDay(filters.to, true) === null}
        />
      </div>
      <div className="s-audit-end">
        <button type="button" className="button button-quiet button-small" onClick={() => onChange(EMPTY)}>
          {A.clear}
        </button>
        {shown !== null && total !== null && (
          <span className="muted x-small" data-testid="audit-count">
            {A.total(shown, total)}
          </span>
        )}
      </div>
      {badDate && <p className="field-error s-audit-error">{A.badDate}</p>}
    </div>
  );
}

function AuditGrid({ rows, onSelect }: { rows: AuditRowView[]; onSelect: (r: AuditRowView) => void }) {
  // A few rows take their own height; many scroll inside the grid.
  const few = rows.length <= 12;
  const columnDefs = useMemo<ColDef<AuditRowView>[]>(
    () => [
      { field: 'seq', headerName: A.columns.seq, width: 78, type: 'rightAligned' },
      { field: 'at', headerName: A.columns.at, width: 150, valueFormatter: (p) => when(p.value as string) },
      { field: 'actorName', headerName: A.columns.actor, width: 190 },
      {
        field: 'action',
        headerName: A.columns.action,
        width: 220,
        valueFormatter: (p) => A.actions[p.value as string] ?? (p.value as string),
      },
      {
        field: 'entity',
        headerName: A.columns.entity,
        width: 150,
        valueFormatter: (p) => A.entities[p.value as string] ?? (p.value as string),
      },
      { field: 'entityId', headerName: A.columns.entityId, flex: 1, minWidth: 180, tooltipField: 'entityId' },
      { field: 'reason', headerName: A.columns.reason, flex: 1, minWidth: 180, tooltipField: 'reason' },
      {
        field: 'hash',
        headerName: A.columns.hash,
        width: 130,
        valueFormatter: (p) => shortHash(p.value as string).slice(0, 9),
      },
    ],
    [],
  );
  return (
    <div className={`s-grid ag-theme-quartz${few ? ' s-grid-auto' : ''}`} data-testid="audit-grid">
      <AgGridReact<AuditRowView>
        theme="legacy"
        domLayout={few ? 'autoHeight' : 'normal'}
        rowData={rows}
        columnDefs={columnDefs}
        getRowId={(p) => String(p.data.seq)}
        defaultColDef={{ sortable: true, resizable: true, suppressHeaderMenuButton: true }}
        rowHeight={34}
        headerHeight={36}
        animateRows={false}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        onRowClicked={(e) => e.data && onSelect(e.data)}
        onCellKeyDown={(e) => {
          const key = (e.event as KeyboardEvent | null)?.key;
          if (key === 'Enter' && e.data) onSelect(e.data);
        }}
        localeText={{ noRowsToShow: A.noRows, loadingOoo: exchangeText.files.uploading }}
      />
    </div>
  );
}
