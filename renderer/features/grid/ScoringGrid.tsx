/**
 * Bảng chấm điểm: one field of one unit group across all its units (ag-grid-community).
 * Rows are sub-criteria, columns units; a cell shows the unit's self-score and my appraisal.
 * Keyboard: arrows move; Space ticks; digits pick a tier; typing or Enter edits figures
 * ("a/b", a count); Delete clears; Enter on other cells opens the dossier there; Ctrl+Z undoes.
 */
import 'ag-grid-community/styles/ag-grid.css';
import 'ag-grid-community/styles/ag-theme-quartz-no-font.css';
import {
  AllCommunityModule,
  ModuleRegistry,
  type CellFocusedEvent,
  type CellKeyDownEvent,
  type ColDef,
  type GridApi,
  type ICellRendererParams,
  type SuppressKeyboardEventParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState, type ClipboardEvent } from 'react';
import type { GridView } from '../../../shared/contract/dossier.ts';
import type { Overview } from '../../../shared/contract/workspace.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import { groupLabel, groupsOf } from '../../app/groups.ts';
import type { Result } from '../../../shared/errors/codes.ts';
import { api } from '../../api/client.ts';
import { hrefFor, lastVisited, navigate, paths } from '../../app/route.ts';
import { pts } from '../../components/format.ts';
import { LockIcon } from '../../components/icons.tsx';
import { Loading, LoadFailed } from '../../components/LoadState.tsx';
import { digitOf } from '../../components/keys.ts';
import { toastStore } from '../../components/toast-store.ts';
import { useLoad } from '../../components/use-load.ts';
import { vi } from '../../i18n/vi.ts';
import { inputForDigit, toggledTick } from '../dossier/model.ts';
import { bulkSaved, saver } from '../dossier/saver.ts';
import { AgreeRest } from '../bulk/AgreeRest.tsx';
import { RefusedList } from '../bulk/RefusedList.tsx';
import { parseClipboard, pastedInput } from './paste.ts';
import { invalidateOverview, loadOverview } from '../home/units-cache.ts';
import {
  NO_FILTERS,
  anyFilter,
  cellMatches,
  differs,
  editMode,
  editText,
  parseEditText,
  visibleGrid,
  type GridCell,
  type GridFilters,
  type GridRow,
} from './model.ts';

ModuleRegistry.registerModules([AllCommunityModule]);

const G = vi.grid;

interface FieldTab {
  readonly code: string;
  readonly title: string;
  readonly mine: boolean;
}

/** The fields of a unit group (from the first unit's dossier), cached per group and member. */
const fieldsCache = new Map<string, Promise<Result<FieldTab[]>>>();
function fieldsOf(group: UnitGroup, overview: Overview): Promise<Result<FieldTab[]>> {
  const key = `${group}/${overview.me?.id ?? ''}`;
  let hit = fieldsCache.get(key);
  if (!hit) {
    const unit = overview.units.find((u) => u.group === group);
    hit = unit
      ? api.dossier.get({ unitId: unit.id }).then((r) =>
          r.ok
            ? {
                ok: true as const,
                value: r.value.nodes
                  .filter((n) => n.depth === 0)
                  .map((n) => ({ code: n.code, title: n.title, mine: !n.readOnly })),
              }
            : r,
        )
      : Promise.resolve({ ok: true as const, value: [] });
    fieldsCache.set(key, hit);
    void hit.then((r) => !r.ok && fieldsCache.delete(key));
  }
  return hit;
}

export function ScoringGrid({ group, field }: { group: UnitGroup | null; field: string | null }) {
  const [overview] = useLoad(() => loadOverview(), 'overview');
  useEffect(() => {
    if ((group && field) || overview.state !== 'ready') return;
    const o = overview.value;
    const f = field ?? o.myFields[0]?.code ?? '1';
    const g = group ?? groupsOf(o.units.filter((u) => u.total > 0))[0] ?? groupsOf(o.units)[0];
    if (!g) return;
    navigate(paths.grid(g, f), { replace: true });
  }, [group, field, overview]);
  if (overview.state === 'failed') return <LoadFailed error={overview.error} />;
  if (!group || !field || overview.state !== 'ready') return <Loading />;
  return <GridScreen group={group} field={field} overview={overview.value} />;
}

type RowData = GridRow & { readonly byUnit: Readonly<Record<string, GridCell>> };

function toRows(view: GridView): RowData[] {
  return view.rows.map((r) => ({ ...r, byUnit: Object.fromEntries(r.cells.map((c) => [c.unitId, c])) }));
}

function GridScreen({ group, field, overview }: { group: UnitGroup; field: string; overview: Overview }) {
  const [fields] = useLoad(() => fieldsOf(group, overview), group);
  const [load, reload, setView] = useLoad(() => api.grid.field({ group, fieldCode: field }), `${group}/${field}`);
  const [filters, setFilters] = useState<GridFilters>(NO_FILTERS);
  const [focused, setFocused] = useState<{ unitId: string; code: string } | null>(null);
  const viewRef = useRef<GridView | null>(null);
  viewRef.current = load.state === 'ready' ? load.value : null;
  const finalised = overview.cycle.status === 'finalised';

  useEffect(() => {
    lastVisited.set('grid', paths.grid(group, field));
  }, [group, field]);

  // My saves (here, in a dossier, an undo) update the cells.
  useEffect(
    () =>
      saver.subscribe((e) => {
        const v = viewRef.current;
        if (e.type === 'bulk') {
          if (v?.units.some((u) => e.unitIds.includes(u.id))) reload();
          return;
        }
        if (e.type !== 'saved' || !v || !v.units.some((u) => u.id === e.unitId)) return;
        const node = e.change.node;
        // A lowered benchmark may cover several cells (a criterion above the rows): ask again.
        if (e.kind === 'exemption') return node.field === v.field.code ? reload() : undefined;
        setView({
          ...v,
          rows: v.rows.map((r) =>
            r.code !== node.code
              ? r
              : {
                  ...r,
                  cells: r.cells.map((c) =>
                    c.unitId === e.unitId
                      ? { ...c, appraised: node.appraisal?.score ?? null, input: node.appraisal?.input ?? null }
                      : c,
                  ),
                },
          ),
        });
      }),
    [reload, setView],
  );

  const units = overview.units.filter((u) => u.group === group);
  const fieldTitle = fields.state === 'ready' ? fields.value.find((f) => f.code === field)?.title : undefined;

  return (
    <div className="grid-screen">
      <header className="grid-head">
        <div className="grid-title">
          <h1>{G.title}</h1>
          <p className="muted" data-testid="grid-subtitle">
            {G.subtitle(field, groupLabel(group))}
            {fieldTitle ? ` — ${fieldTitle}` : ''}
          </p>
        </div>
        <label className="control">
          <span>{G.group}</span>
          <select value={group} onChange={(e) => navigate(paths.grid(e.target.value as UnitGroup, field))}>
            {groupsOf(overview.units).map((g) => (
              <option key={g} value={g}>
                {groupLabel(g)} ({overview.units.filter((u) => u.group === g).length})
              </option>
            ))}
          </select>
        </label>
        <div className="grid-fields" role="group" aria-label={G.field}>
          <span className="field-tabs-label" aria-hidden="true">
            {G.field}:
          </span>
          {fields.state === 'ready' &&
            fields.value.map((f) => (
              <a
                key={f.code}
                className={`field-tab${f.mine ? ' is-mine' : ' is-readonly'}`}
                href={hrefFor(paths.grid(group, f.code))}
                aria-current={f.code === field ? 'page' : undefined}
                title={`${f.code}. ${f.title}${f.mine ? '' : ` (${vi.dossier.fields.readOnly})`}`}
              >
                <span className="sr-only">{vi.dossier.fields.label} </span>
                <span className="field-tab-code">{f.code}</span>
                {f.mine && <span className="mine-dot" aria-hidden="true" />}
              </a>
            ))}
        </div>
      </header>
      <div className="grid-toolbar">
        <div className="grid-filters" role="group" aria-label={G.filters}>
          <span className="muted">{G.filters}:</span>
          {(
            [
              ['left', G.filterLeft],
              ['notAppraised', G.filterNotAppraised],
              ['differs', G.filterDiffers],
              ['noEvidence', G.filterNoEvidence],
            ] as const
          ).map(([k, label]) => (
            <button
              key={k}
              type="button"
              className="toggle"
              aria-pressed={filters[k]}
              onClick={() => setFilters((f) => ({ ...f, [k]: !f[k] }))}
            >
              {label}
            </button>
          ))}
          {load.state === 'ready' && anyFilter(filters) && (
            <span className="muted" data-testid="grid-count">
              {G.shownCells(visibleGrid(load.value, filters).cells)}
            </span>
          )}
        </div>
        <div className="legend" aria-hidden="true">
          <span className="legend-item">
            <strong className="legend-mine">1</strong>
            {G.legendMine}
          </span>
          <span className="legend-item">
            <span className="legend-self">{G.selfShort} 0,5</span>
            {G.legendSelf}
          </span>
          <span className="legend-item">
            <span className="swatch swatch-differs" />
            {G.legendDiffers}
          </span>
          <span className="legend-item">
            <span className="swatch swatch-exempt" />
            {G.legendExempt}
          </span>
          <span className="legend-item">
            <span className="swatch swatch-noev" />
            {G.legendNoEvidence}
          </span>
          <span className="legend-item">
            <span className="swatch swatch-locked" />
            {G.legendReadOnly}
          </span>
        </div>
        {focused && (
          <a className="button button-small button-secondary" href={hrefFor(paths.unit(focused.unitId, focused.code))}>
            {G.openDossier} · {units.find((u) => u.id === focused.unitId)?.name} · {focused.code}
          </a>
        )}
        {focused &&
          !finalised &&
          overview.me !== null &&
          fields.state === 'ready' &&
          fields.value.some((f) => f.code === field && f.mine) && (
            <AgreeRest
              key={focused.unitId}
              unitId={focused.unitId}
              unitName={units.find((u) => u.id === focused.unitId)?.name ?? focused.unitId}
              fieldCode={field}
              disabled={false}
              label={`${vi.bulk.agreeRestField(field)} · ${units.find((u) => u.id === focused.unitId)?.name ?? ''}`}
            />
          )}
      </div>
      {fields.state === 'ready' && fields.value.some((f) => f.code === field && !f.mine) && (
        <p className="notice notice-locked" data-testid="grid-read-only">
          <LockIcon /> {vi.dossier.detail.readOnlyField}
        </p>
      )}
      <p className="hint grid-help">{G.help}</p>
      {load.state === 'loading' && <Loading />}
      {load.state === 'failed' &&
        (load.error.code === 'FIELD_NOT_FOUND' ? (
          <div className="card empty">
            <p>{G.noField(field, groupLabel(group))}</p>
          </div>
        ) : (
          <LoadFailed error={load.error} onRetry={reload} />
        ))}
      {load.state === 'ready' && (
        <Grid
          view={load.value}
          filters={filters}
          finalised={finalised}
          memberLinked={overview.me !== null}
          onFocusCell={setFocused}
        />
      )}
    </div>
  );
}

function Cell(p: ICellRendererParams<RowData> & { unitId: string }) {
  const cell = p.data?.byUnit[p.unitId];
  if (!cell) return null;
  if (cell.exempted) return <span className="g-exempt">{G.exempt}</span>;
  return (
    <span className="g-cell">
      <span className="g-mine">{cell.appraised !== null ? pts(cell.appraised) : vi.dash}</span>
      <span className="g-self">
        {G.selfShort} {pts(cell.self)}
      </span>
      {!cell.hasEvidence && <span className="g-noev" title={G.legendNoEvidence} />}
    </span>
  );
}

function TitleCell(p: ICellRendererParams<RowData>) {
  if (!p.data) return null;
  return (
    <span className="g-title" title={p.data.title}>
      {p.data.readOnly && <LockIcon label={G.legendReadOnly} />}
      {p.data.exemptable && (
        <span
          className="flag flag-exemptable g-exemptable"
          title={vi.bulk.exemptableHint}
          aria-label={vi.bulk.exemptableHint}
        >
          ↓ĐC
        </span>
      )}{' '}
      {p.data.title}
    </span>
  );
}

function Grid({
  view,
  filters,
  finalised,
  memberLinked,
  onFocusCell,
}: {
  view: GridView;
  filters: GridFilters;
  finalised: boolean;
  memberLinked: boolean;
  onFocusCell: (c: { unitId: string; code: string } | null) => void;
}) {
  const shown = useMemo(() => visibleGrid(view, filters), [view, filters]);
  const gridApi = useRef<GridApi<RowData> | null>(null);
  const [refused, setRefused] = useState<string[]>([]);
  const rowData = useMemo(() => toRows({ ...view, rows: shown.rows }), [view, shown]);
  const unitIds = useMemo(() => new Set(view.units.map((u) => u.id)), [view.units]);
  const locked = (row: RowData, cell: GridCell) => finalised || !memberLinked || row.readOnly || cell.exempted;

  const save = useCallback((row: RowData, unitId: string, input: unknown) => {
    invalidateOverview();
    void saver.edit(unitId, row.code, { input: row.byUnit[unitId]?.input ?? null }, { input });
  }, []);

  const columnDefs = useMemo<ColDef<RowData>[]>(() => {
    const fixed: ColDef<RowData>[] = [
      { colId: 'code', headerName: G.colCode, field: 'code', pinned: 'left', width: 72, cellClass: 'g-code' },
      {
        colId: 'title',
        headerName: G.colTitle,
        field: 'title',
        pinned: 'left',
        width: 300,
        cellRenderer: TitleCell,
        cellClass: 'g-title-cell',
      },
      {
        colId: 'max',
        headerName: G.colMax,
        pinned: 'left',
        width: 64,
        valueGetter: (p) => (p.data ? pts(p.data.maxPoints) : ''),
        cellClass: 'g-num',
      },
    ];
    const unitCols: ColDef<RowData>[] = view.units
      .filter((u) => shown.unitIds.has(u.id))
      .map((u) => ({
        colId: u.id,
        headerName: u.name,
        headerTooltip: u.name,
        width: 104,
        cellRenderer: Cell,
        cellRendererParams: { unitId: u.id },
        valueGetter: (p) => {
          const c = p.data?.byUnit[u.id];
          return p.data && c ? editText(p.data.scoring, c.input) : '';
        },
        valueSetter: (p) => {
          if (p.data) save(p.data, u.id, parseEditText(p.data.scoring, String(p.newValue ?? '')));
          return false; // the cell follows the core's answer
        },
        editable: (p) => {
          const c = p.data?.byUnit[u.id];
          return !!p.data && !!c && editMode(p.data.scoring) === 'text' && !locked(p.data, c);
        },
        suppressKeyboardEvent: (p: SuppressKeyboardEventParams<RowData>) =>
          (!p.editing && [' ', 'Delete', 'Backspace', '='].includes(p.event.key)) ||
          (!p.editing && p.event.key === 'Enter' && !!p.data && editMode(p.data.scoring) !== 'text'),
        cellClass: (p) => {
          const c = p.data?.byUnit[u.id];
          if (!p.data || !c) return 'g-unit';
          const cls = ['g-unit'];
          if (locked(p.data, c)) cls.push('g-locked');
          if (c.exempted) cls.push('g-exempted');
          if (differs(c)) cls.push('g-differs');
          if (c.appraised === null && !c.exempted) cls.push('g-todo');
          if (anyFilter(filters) && !cellMatches(c, filters, p.data)) cls.push('g-dim');
          return cls;
        },
      }));
    return [...fixed, ...unitCols];
  }, [view.units, shown.unitIds, filters, save, finalised, memberLinked]);

  const onCellKeyDown = (e: CellKeyDownEvent<RowData>) => {
    const ev = e.event as KeyboardEvent | null | undefined;
    if (!ev || !e.data || !('column' in e) || !e.column) return;
    const unitId = e.column.getColId();
    const row = e.data;
    const cell = row.byUnit[unitId];
    if (!cell || !unitIds.has(unitId)) return;
    if (e.api.getEditingCells().length > 0) return;
    const mode = editMode(row.scoring);
    const attempt = (input: unknown) => {
      ev.preventDefault();
      if (locked(row, cell))
        return toastStore.info(
          row.readOnly
            ? vi.dossier.detail.readOnlyField
            : cell.exempted
              ? vi.dossier.detail.exemptedSelf
              : vi.dossier.detail.readOnlyNoMember,
        );
      save(row, unitId, input);
    };
    if (ev.key === ' ' && row.scoring.kind === 'tick') return attempt(toggledTick(cell.input));
    if (ev.key === '=' && cell.selfInput !== null && cell.selfInput !== undefined) return attempt(cell.selfInput);
    if ((ev.key === 'Delete' || ev.key === 'Backspace') && cell.input !== null) return attempt(null);
    if (ev.key === 'Enter' && mode !== 'text') {
      ev.preventDefault();
      return navigate(paths.unit(unitId, row.code));
    }
    const d = digitOf(ev);
    if (d !== null && mode === 'keys') {
      const input = inputForDigit(row.scoring, d);
      if (input) attempt(input);
    }
  };

  const onCellFocused = (e: CellFocusedEvent<RowData>) => {
    const col = typeof e.column === 'object' && e.column ? e.column.getColId() : null;
    const row = e.rowIndex !== null && e.rowIndex !== undefined ? rowData[e.rowIndex] : undefined;
    onFocusCell(col && row && unitIds.has(col) ? { unitId: col, code: row.code } : null);
  };

  const unitName = (id: string) => view.units.find((u) => u.id === id)?.name ?? id;

  /** Ctrl+V of a block copied from Excel/LibreOffice: from the focused cell right and down. */
  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    const ga = gridApi.current;
    if (!ga || ga.getEditingCells().length > 0) return; // a cell editor takes the text itself
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    const at = ga.getFocusedCell();
    const cols = ga
      .getAllDisplayedColumns()
      .map((c) => c.getColId())
      .filter((id) => unitIds.has(id));
    const col0 = at ? cols.indexOf(at.column.getColId()) : -1;
    if (!at || col0 < 0) return toastStore.info(vi.bulk.pasteNoCell);
    const local: string[] = [];
    const cells: { unitId: string; nodeCode: string; input: never }[] = [];
    parseClipboard(text).forEach((line, r) =>
      line.forEach((t, c) => {
        const row = rowData[at.rowIndex + r];
        const unitId = cols[col0 + c];
        if (!row || !unitId) {
          if (t !== '') local.push(`${vi.bulk.pasteOutside} (${t})`);
          return;
        }
        const p = pastedInput(row.scoring, row.maxPoints, t);
        if (p.kind === 'refused') local.push(vi.bulk.refusedCell(unitName(unitId), row.code, p.message));
        else if (p.kind === 'input') cells.push({ unitId, nodeCode: row.code, input: p.input as never });
      }),
    );
    const finish = (more: string[], count: number | null) => {
      const all = [...local, ...more];
      setRefused(all);
      if (count !== null) toastStore.info(count > 0 ? vi.bulk.pasted(count) : vi.bulk.pasteNothing);
    };
    if (cells.length === 0) return finish([], 0);
    void saver.flush().then(() =>
      api.appraisal.setMany({ reason: 'paste', cells }).then((r) => {
        if (!r.ok) {
          toastStore.error(r.error);
          return finish([], null);
        }
        invalidateOverview();
        bulkSaved(r.value);
        finish(
          r.value.refused.map((x) => vi.bulk.refusedCell(unitName(x.unitId), x.nodeCode, x.message)),
          r.value.saved.length,
        );
      }),
    );
  };

  if (rowData.length === 0) {
    return (
      <div className="card empty">
        <p>{anyFilter(filters) ? G.noRows : G.noFields}</p>
      </div>
    );
  }

  return (
    <>
      {refused.length > 0 && (
        <RefusedList
          title={vi.bulk.pasteRefused(refused.length)}
          items={refused}
          onClose={() => setRefused([])}
          testId="paste-refused"
        />
      )}
      <div className="grid-wrap ag-theme-quartz" data-testid="grid" onPaste={onPaste}>
        <AgGridReact<RowData>
          onGridReady={(e) => (gridApi.current = e.api)}
          theme="legacy"
          rowData={rowData}
          columnDefs={columnDefs}
          getRowId={(p) => p.data.code}
          defaultColDef={{
            sortable: false,
            resizable: true,
            suppressMovable: true,
            suppressHeaderMenuButton: true,
            wrapHeaderText: true,
          }}
          headerHeight={66}
          rowHeight={46}
          animateRows={false}
          singleClickEdit={false}
          stopEditingWhenCellsLoseFocus
          suppressMovableColumns
          onCellKeyDown={onCellKeyDown}
          onCellFocused={onCellFocused}
          onCellDoubleClicked={(e) => {
            const col = e.column.getColId();
            if (e.data && unitIds.has(col) && editMode(e.data.scoring) !== 'text')
              navigate(paths.unit(col, e.data.code));
          }}
          localeText={{ noRowsToShow: G.noRows, loadingOoo: vi.loading }}
        />
      </div>
    </>
  );
}
