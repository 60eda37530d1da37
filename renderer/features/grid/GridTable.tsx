/**
 * The scoring grid's table (ag-grid-community): columns per unit, keyboard editing, paste and undo (see
 * ScoringGrid.tsx).
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
  type SuppressKeyboardEventParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, useRef, useState, type ClipboardEvent } from 'react';
import type { GridView } from '../../../shared/contract/dossier.ts';
import { api } from '../../api/client.ts';
import { navigate, paths } from '../../app/route.ts';
import { pts } from '../../components/format.ts';
import { digitOf } from '../../components/keys.ts';
import { toastStore } from '../../components/toast-store.ts';
import { vi } from '../../i18n/vi.ts';
import { inputForDigit, toggledTick } from '../dossier/model.ts';
import { bulkSaved, saver } from '../dossier/saver.ts';
import { RefusedList } from '../bulk/RefusedList.tsx';
import { parseClipboard, pastedInput } from './paste.ts';
import { invalidateOverview } from '../home/units-cache.ts';
import {
  anyFilter,
  cellMatches,
  differs,
  editMode,
  editText,
  parseEditText,
  visibleGrid,
  type GridCell,
  type GridFilters,
} from './model.ts';
import { type RowData, Cell, TitleCell, toRows } from './cells.tsx';

const G = vi.grid;

ModuleRegistry.registerModules([AllCommunityModule]);

export function Grid({
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
