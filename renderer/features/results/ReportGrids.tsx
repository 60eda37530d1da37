/**
 * The report's tables in ag-grid-community (no enterprise features): per group the summary
 * table (STT, Đơn vị, Điểm chuẩn tối đa, Điểm tự đánh giá, Điểm ĐTXHH: Khảo sát CBCCVC /
 * Chỉ số SIPAS, Tổng điểm đạt được, Chỉ số CCHC) sorted by index with the TRUNG BÌNH row
 * pinned below; the field table; all units with their classification. A unit's name opens
 * its drill-down (click, or Enter on the row).
 */
import 'ag-grid-community/styles/ag-grid.css';
import 'ag-grid-community/styles/ag-theme-quartz-no-font.css';
import { AllCommunityModule, ModuleRegistry, type ColDef, type ColGroupDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import type { ClassifiedUnit, GroupReport, Report, SummaryRow } from '../../../shared/report/types.ts';
import { resultsText } from '../../i18n/results.ts';
import { vi } from '../../i18n/vi.ts';
import { f2, num, p2 } from './format.ts';
import { type Row, UnitCell, ClassCell, IndexCell, ChangeCell, numCol, onKey } from './grid-cells.tsx';

ModuleRegistry.registerModules([AllCommunityModule]);

const C = resultsText.cols;

function Grid({
  rows,
  pinned,
  columns,
  testId,
  label,
}: {
  rows: Row[];
  pinned?: Row[];
  columns: (ColDef<Row> | ColGroupDef<Row>)[];
  testId: string;
  label: string;
}) {
  return (
    <div className="r-grid ag-theme-quartz" data-testid={testId} role="region" aria-label={label}>
      <AgGridReact<Row>
        theme="legacy"
        rowData={rows}
        pinnedBottomRowData={pinned}
        columnDefs={columns}
        getRowId={(p) => p.data.unitId ?? `avg-${p.level}`}
        defaultColDef={{
          sortable: true,
          resizable: true,
          suppressMovable: true,
          suppressHeaderMenuButton: true,
          wrapHeaderText: true,
          autoHeaderHeight: true,
        }}
        domLayout="autoHeight"
        animateRows={false}
        rowHeight={34}
        suppressCellFocus={false}
        onCellKeyDown={onKey}
        getRowClass={(p) => (p.node.rowPinned ? 'r-avg-row' : undefined)}
        localeText={{ noRowsToShow: vi.dash }}
      />
    </div>
  );
}

/** Bảng tổng hợp of one group: the published table, with last year's index when imported. */
export function SummaryGrid({ report, group }: { report: Report; group: GroupReport }) {
  const year = report.cycle.year;
  const py = report.previousYear;
  const columns = useMemo(() => {
    const cols: (ColDef<Row> | ColGroupDef<Row>)[] = [
      {
        colId: 'stt',
        headerName: C.stt,
        field: 'stt',
        width: 64,
        cellClass: 'r-num r-stt',
        headerClass: 'r-num-head',
        valueFormatter: (p) => (p.value == null ? '' : String(p.value)),
      },
      {
        colId: 'unit',
        headerName: C.unit,
        field: 'unit',
        flex: 1,
        minWidth: 230,
        cellRenderer: UnitCell,
        comparator: (a: string, b: string) => a.localeCompare(b, 'vi'),
      },
      numCol('benchmark', C.benchmark, (r) => r['benchmark'] as string),
      numCol('selfAssessed', C.selfAssessed, (r) => r['selfAssessed'] as string),
      {
        headerName: C.survey,
        headerClass: 'r-group-head',
        children: [
          numCol('surveyCbccvc', C.cbccvc, (r) => r['surveyCbccvc'] as string),
          numCol('surveySipas', C.sipas, (r) => r['surveySipas'] as string),
        ],
      },
      numCol('total', C.total, (r) => r['total'] as string),
      numCol('index', C.index(year), (r) => r['index'] as string, {
        cellClass: 'r-num r-index',
        width: 110,
        cellRenderer: IndexCell,
      }),
      {
        colId: 'classification',
        headerName: C.classification,
        width: 96,
        cellRenderer: ClassCell,
        sortable: true,
        valueGetter: (p) => p.data?.['classification'] ?? null,
      },
    ];
    if (py !== null) {
      cols.push(
        numCol('previous', C.previous(py), (r) => r['previousIndex'] as string | null),
        numCol('change', C.change, (r) => r['change'] as string | null, { cellRenderer: ChangeCell, width: 96 }),
      );
    }
    return cols;
  }, [year, py]);
  const rows = useMemo<Row[]>(() => group.rows.map((r: SummaryRow) => ({ ...r })), [group]);
  const pinned = useMemo<Row[]>(() => [{ unitId: null, unit: C.averageRow, stt: null, ...group.average }], [group]);
  return (
    <Grid
      rows={rows}
      pinned={pinned}
      columns={columns}
      testId={`summary-${group.group}`}
      label={`${C.index(year)}: ${group.label}`}
    />
  );
}

/** Điểm theo lĩnh vực of one group: points (or percent) per field, TRUNG BÌNH below. */
export function FieldGrid({ report, group, show }: { report: Report; group: GroupReport; show: 'points' | 'percent' }) {
  const year = report.cycle.year;
  const columns = useMemo(() => {
    const fieldCols: ColDef<Row>[] = group.fieldColumns.map((f, i) => ({
      colId: `f${f.code}`,
      headerName: `${f.code}. ${f.title}`,
      headerTooltip: `${resultsText.cols.field} ${f.code}: ${f.title}`,
      width: 112,
      valueGetter: (p) => {
        const cells = p.data?.['cells'] as
          | ({ points: string; percent: string | null; benchmark: string } | null)[]
          | undefined;
        const c = cells?.[i];
        if (!c) return null;
        return show === 'points' ? c.points : c.percent;
      },
      valueFormatter: (p) =>
        p.value == null
          ? resultsText.results.notApplicable
          : show === 'points'
            ? f2(p.value as string)
            : p2(p.value as string),
      tooltipValueGetter: (p) => {
        const cells = p.data?.['cells'] as
          | ({ points: string; percent: string | null; benchmark: string } | null)[]
          | undefined;
        const c = cells?.[i];
        return c
          ? resultsText.results.fieldCellTitle(
              f2(c.points),
              f2(c.benchmark),
              c.percent === null ? resultsText.results.exemptField : p2(c.percent),
            )
          : resultsText.results.notApplicable;
      },
      comparator: (a, b) => num(a as string | null) - num(b as string | null),
      cellClass: 'r-num',
      headerClass: 'r-num-head',
    }));
    return [
      { colId: 'stt', headerName: C.stt, field: 'stt', width: 64, cellClass: 'r-num r-stt', headerClass: 'r-num-head' },
      { colId: 'unit', headerName: C.unit, field: 'unit', flex: 1, minWidth: 220, cellRenderer: UnitCell },
      ...fieldCols,
      numCol('index', C.index(year), (r) => r['index'] as string, {
        cellClass: 'r-num r-index',
        width: 104,
        valueFormatter: (p) => p2(p.value as string | null),
      }),
    ] satisfies ColDef<Row>[];
  }, [group, show, year]);
  const rows = useMemo<Row[]>(() => group.fieldRows.map((r) => ({ ...r })), [group]);
  const pinned = useMemo<Row[]>(
    () => [
      {
        unitId: null,
        unit: C.averageRow,
        stt: null,
        index: group.average.index,
        cells: group.fieldColumns.map((f) => {
          const s = group.fieldStats.find((x) => x.code === f.code);
          return s ? { points: s.averagePoints, percent: s.averagePercent, benchmark: s.averageBenchmark } : null;
        }),
      },
    ],
    [group],
  );
  return (
    <Grid
      rows={rows}
      pinned={pinned}
      columns={columns}
      testId={`fields-${group.group}`}
      label={`${resultsText.results.fieldsView}: ${group.label}`}
    />
  );
}

/** Every unit with its classification and ranks. */
export function AllUnitsGrid({ report, units }: { report: Report; units: readonly ClassifiedUnit[] }) {
  const year = report.cycle.year;
  const py = report.previousYear;
  const columns = useMemo(() => {
    const cols: ColDef<Row>[] = [
      {
        colId: 'rankOverall',
        headerName: C.rankOverall,
        field: 'rankOverall',
        width: 84,
        cellClass: 'r-num',
        headerClass: 'r-num-head',
      },
      {
        colId: 'unit',
        headerName: C.unit,
        field: 'unit',
        flex: 1,
        minWidth: 260,
        cellRenderer: UnitCell,
        comparator: (a: string, b: string) => a.localeCompare(b, 'vi'),
      },
      { colId: 'group', headerName: C.group, field: 'groupLabel', width: 220 },
      numCol('index', C.index(year), (r) => r['index'] as string, {
        cellClass: 'r-num r-index',
        width: 110,
        cellRenderer: IndexCell,
      }),
      {
        colId: 'classification',
        headerName: C.classification,
        width: 96,
        cellRenderer: ClassCell,
        valueGetter: (p) => p.data?.['classification'] ?? null,
      },
      {
        colId: 'rankInGroup',
        headerName: C.rankInGroup,
        field: 'rankInGroup',
        width: 96,
        cellClass: 'r-num',
        headerClass: 'r-num-head',
      },
    ];
    if (py !== null) {
      cols.push(
        numCol('previous', C.previous(py), (r) => r['previousIndex'] as string | null),
        numCol('change', C.change, (r) => r['change'] as string | null, { cellRenderer: ChangeCell, width: 96 }),
      );
    }
    return cols;
  }, [year, py]);
  const rows = useMemo<Row[]>(() => units.map((u) => ({ ...u })), [units]);
  return <Grid rows={rows} columns={columns} testId="all-units" label={resultsText.results.allUnits} />;
}
