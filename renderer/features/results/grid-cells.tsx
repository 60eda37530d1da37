/**
 * The report grids' cell renderers (unit link, class chip, index, change against last year)
 * and their keyboard: Enter opens the unit.
 */
import 'ag-grid-community/styles/ag-grid.css';
import 'ag-grid-community/styles/ag-theme-quartz-no-font.css';
import type { CellKeyDownEvent, ColDef, ICellRendererParams } from 'ag-grid-community';
import { hrefFor, navigate } from '../../app/route.ts';
import { ClassificationBadge } from '../../components/Classification.tsx';
import { resultsText } from '../../i18n/results.ts';
import { changeClass, f2, num, signed } from './format.ts';
import { resultsPaths } from './paths.ts';

/** A row of a grid: a unit, or the pinned TRUNG BÌNH row (unitId null). */
export interface Row {
  readonly unitId: string | null;
  readonly unit: string;
  readonly [key: string]: unknown;
}

export function UnitCell(p: ICellRendererParams<Row>) {
  if (!p.data) return null;
  if (!p.data.unitId) return <strong className="r-avg-label">{p.data.unit}</strong>;
  const conflicts = typeof p.data['conflicts'] === 'number' ? p.data['conflicts'] : 0;
  return (
    <>
      <a
        className="r-unit"
        href={hrefFor(resultsPaths.unit(p.data.unitId))}
        title={resultsText.results.openUnit(p.data.unit)}
        tabIndex={-1}
      >
        {p.data.unit}
      </a>
      {conflicts > 0 && (
        <span
          className="r-conflict-chip"
          title={resultsText.results.conflictsTitle(conflicts)}
          data-testid="unit-conflicts"
        >
          ⚠ {resultsText.results.conflictsChip(conflicts)}
        </span>
      )}
    </>
  );
}

/** A unit whose survey points are missing has no index and no group yet: never a wrong one. */
const computable = (r: Row | undefined) => r?.['computable'] !== false;

export function ClassCell(p: ICellRendererParams<Row>) {
  const g = p.data?.['classification'];
  if (!computable(p.data)) return null;
  return typeof g === 'number' ? <ClassificationBadge group={g} /> : null;
}

export function IndexCell(p: ICellRendererParams<Row>) {
  if (!computable(p.data)) {
    return (
      <span className="muted" title={resultsText.results.notComputableTitle} data-testid="not-computable">
        {resultsText.results.notComputable}
      </span>
    );
  }
  return <>{p.valueFormatted ?? f2(p.value as string | null)}</>;
}

export function ChangeCell(p: ICellRendererParams<Row>) {
  const v = p.value as string | null | undefined;
  if (v === undefined) return null;
  return <span className={`r-change ${changeClass(v)}`}>{signed(v)}</span>;
}

export const numCol = (
  colId: string,
  headerName: string,
  get: (r: Row) => string | null | undefined,
  extra: Partial<ColDef<Row>> = {},
): ColDef<Row> => ({
  colId,
  headerName,
  valueGetter: (p) => (p.data ? (get(p.data) ?? null) : null),
  valueFormatter: (p) => f2(p.value as string | null),
  comparator: (a, b) => num(a as string | null) - num(b as string | null),
  cellClass: 'r-num',
  headerClass: 'r-num-head',
  width: 104,
  ...extra,
});

export function onKey(e: CellKeyDownEvent<Row>) {
  const ev = e.event as KeyboardEvent | null | undefined;
  if (ev?.key === 'Enter' && e.data?.unitId) {
    ev.preventDefault();
    navigate(resultsPaths.unit(e.data.unitId));
  }
}
