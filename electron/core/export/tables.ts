/**
 * Every table of the report as a plain table spec (columns with a type, rows of text and
 * decimal text), the one source of the xlsx, csv and json exports: all units with their
 * classification; per group the report's table (with TRUNG BÌNH) and the field table;
 * statistics per group and per field; the sentences; the sub-criteria missed; the
 * approved exemptions; every unit's drill-down.
 */
import { slug } from '../../../shared/format/fold.ts';
import type { DrillNode, UnitDrilldown } from '../../../shared/report/drilldown.ts';
import { flattenDrill } from '../../../shared/report/drilldown.ts';
import type { MinutesExemption } from '../../../shared/report/html/minutes.ts';
import type { NarrativeSection } from '../../../shared/report/narrative.ts';
import type { Report, StatsView } from '../../../shared/report/types.ts';
import { councilValue } from '../../../shared/report/council-value.ts';

/** text; int (whole number); dec (points, index: 2 decimals shown); change (signed 2 decimals); exact (up to 6 decimals). */
export type ColumnType = 'text' | 'int' | 'dec' | 'change' | 'exact';

interface ExportColumn {
  readonly header: string;
  readonly type: ColumnType;
  readonly width?: number;
}

export type ExportCell = string | number | null;

interface ExportRow {
  readonly cells: readonly ExportCell[];
  /** A total / average row (bold). */
  readonly total?: boolean;
  /** A heading row inside the table (field, criterion). */
  readonly heading?: boolean;
}

export interface ExportTable {
  /** Worksheet name (≤ 31 characters, no []:*?/\). */
  readonly sheet: string;
  /** CSV file name without extension (ASCII). */
  readonly file: string;
  readonly title: string;
  readonly columns: readonly ExportColumn[];
  readonly rows: readonly ExportRow[];
}

/** Sheet names are at most 31 characters in Excel: "KQ " + a short label of up to 28. */
const sheetPart = (g: { shortLabel: string }) => g.shortLabel.replace(/[\\/?*[\]:]/g, ' ').slice(0, 28);
const filePart = (g: { group: string; shortLabel: string }) => slug(g.shortLabel) || g.group.replace(/_/g, '-');

const col = (header: string, type: ColumnType, width?: number): ExportColumn =>
  width ? { header, type, width } : { header, type };

/** The index of a unit whose survey points are missing. */
const NOT_COMPUTABLE = 'Chưa tính được';

/**
 * Every table's title says whether the results are final: "TẠM TÍNH" until the cycle is
 * finalised, then the snapshot's hash.
 */
export function stampTables(tables: readonly ExportTable[], report: Report): ExportTable[] {
  const st = report.status;
  const stamp = st.finalised
    ? ` — Đã chốt; mã kiểm tra (SHA-256): ${st.snapshotHash ?? ''}`
    : ` — TẠM TÍNH (Hội đồng chưa chốt kết quả${st.unresolvedConflicts > 0 ? `; còn ${st.unresolvedConflicts} tiêu chí thành phần chưa thống nhất` : ''})`;
  return tables.map((t) => ({ ...t, title: `${t.title}${stamp}` }));
}

export function classificationTable(report: Report): ExportTable {
  const withPrev = report.previousYear !== null;
  return {
    sheet: 'Tổng hợp xếp nhóm',
    file: 'tong-hop-xep-nhom',
    title: `Chỉ số CCHC năm ${report.cycle.year}: xếp hạng, xếp nhóm các cơ quan, đơn vị`,
    columns: [
      col('Hạng chung', 'int', 8),
      col('Đơn vị', 'text', 42),
      col('Khối', 'text', 30),
      col(`Chỉ số CCHC ${report.cycle.year} (%)`, 'dec', 12),
      col('Xếp nhóm', 'int', 9),
      col('Hạng trong khối', 'int', 9),
      ...(withPrev ? [col(`Chỉ số ${report.previousYear} (%)`, 'dec', 12), col('Tăng, giảm', 'change', 10)] : []),
    ],
    rows: report.units.map((u) => ({
      cells: [
        u.rankOverall,
        u.unit,
        u.groupLabel,
        u.computable ? u.index : NOT_COMPUTABLE,
        u.computable ? u.classification : null,
        u.rankInGroup,
        ...(withPrev ? [u.previousIndex, u.change] : []),
      ],
    })),
  };
}

export function groupTables(report: Report): ExportTable[] {
  const out: ExportTable[] = [];
  const year = report.cycle.year;
  for (const g of report.groups) {
    const withPrev = report.previousYear !== null && g.rows.some((r) => r.previousIndex !== null);
    out.push({
      sheet: `KQ ${sheetPart(g)}`,
      file: `ket-qua-${filePart(g)}`,
      title: `Kết quả Chỉ số CCHC năm ${year}: ${g.label}`,
      columns: [
        col('STT', 'int', 6),
        col('Đơn vị', 'text', 40),
        col('Điểm chuẩn tối đa', 'dec', 11),
        col('Điểm tự đánh giá', 'dec', 11),
        col('Khảo sát CBCCVC', 'dec', 11),
        col('Chỉ số SIPAS', 'dec', 11),
        col('Tổng điểm đạt được', 'dec', 11),
        col(`Chỉ số CCHC ${year} (%)`, 'dec', 11),
        ...(withPrev ? [col(`Chỉ số ${report.previousYear} (%)`, 'dec', 11), col('Tăng, giảm', 'change', 10)] : []),
        col('Xếp nhóm', 'int', 8),
        col('Hạng trong khối', 'int', 8),
        col('Số phiếu CBCCVC', 'int', 9),
        col('Số phiếu SIPAS', 'int', 9),
      ],
      rows: [
        ...g.rows.map((r) => ({
          cells: [
            r.stt,
            r.unit,
            r.benchmark,
            r.selfAssessed,
            r.surveyCbccvc,
            r.surveySipas,
            r.total,
            r.computable ? r.index : NOT_COMPUTABLE,
            ...(withPrev ? [r.previousIndex, r.change] : []),
            r.computable ? r.classification : null,
            r.rankInGroup,
            r.respondentsCbccvc,
            r.respondentsSipas,
          ],
        })),
        {
          total: true,
          cells: [
            null,
            'TRUNG BÌNH',
            g.average.benchmark,
            g.average.selfAssessed,
            g.average.surveyCbccvc,
            g.average.surveySipas,
            g.average.total,
            g.average.index,
            ...(withPrev ? [g.average.previousIndex, g.average.change] : []),
            null,
            null,
            null,
            null,
          ],
        },
      ],
    });
    out.push({
      sheet: `LV ${sheetPart(g)}`,
      file: `linh-vuc-${filePart(g)}`,
      title: `Điểm theo lĩnh vực năm ${year}: ${g.label}`,
      columns: [
        col('STT', 'int', 6),
        col('Đơn vị', 'text', 40),
        ...g.fieldColumns.flatMap((c) => [
          col(`LV${c.code} điểm tối đa`, 'exact', 9),
          col(`LV${c.code} điểm`, 'dec', 9),
          col(`LV${c.code} %`, 'dec', 9),
        ]),
        col(`Chỉ số CCHC ${year} (%)`, 'dec', 11),
      ],
      rows: [
        ...g.fieldRows.map((r) => ({
          cells: [
            r.stt,
            r.unit,
            ...r.cells.flatMap((c) => (c ? [c.benchmark, c.points, c.percent] : [null, null, null])),
            r.index,
          ],
        })),
        {
          total: true,
          cells: [
            null,
            'TRUNG BÌNH',
            ...g.fieldColumns.flatMap((c) => {
              const f = g.fieldStats.find((x) => x.code === c.code);
              return f ? [f.averageBenchmark, f.averagePoints, f.averagePercent] : [null, null, null];
            }),
            g.stats.average,
          ],
        },
      ],
    });
  }
  return out;
}

function statsCells(label: string, s: StatsView): ExportCell[] {
  return [
    label,
    s.count,
    s.average,
    s.highest.unit,
    s.highest.value,
    s.lowest.unit,
    s.lowest.value,
    s.spread,
    s.classificationCounts['1'],
    s.classificationCounts['2'],
    s.classificationCounts['3'],
    s.classificationCounts['4'],
    s.classificationCounts['5'],
    s.previousAverage,
    s.averageChange,
  ];
}

export function statsTable(report: Report): ExportTable {
  return {
    sheet: 'Thống kê',
    file: 'thong-ke',
    title: `Thống kê Chỉ số CCHC năm ${report.cycle.year} theo khối`,
    columns: [
      col('Khối', 'text', 32),
      col('Số đơn vị', 'int', 8),
      col('Trung bình (%)', 'dec', 10),
      col('Cao nhất', 'text', 34),
      col('Chỉ số cao nhất (%)', 'dec', 10),
      col('Thấp nhất', 'text', 34),
      col('Chỉ số thấp nhất (%)', 'dec', 10),
      col('Khoảng cách', 'dec', 10),
      col('Nhóm 1', 'int', 7),
      col('Nhóm 2', 'int', 7),
      col('Nhóm 3', 'int', 7),
      col('Nhóm 4', 'int', 7),
      col('Nhóm 5', 'int', 7),
      col(report.previousYear ? `Trung bình ${report.previousYear} (%)` : 'Trung bình năm trước (%)', 'dec', 10),
      col('Tăng, giảm', 'change', 10),
    ],
    rows: [
      ...report.groups.map((g) => ({ cells: statsCells(g.label, g.stats) })),
      ...(report.overall ? [{ total: true, cells: statsCells('Chung', report.overall) }] : []),
    ],
  };
}

export function fieldStatsTable(report: Report): ExportTable {
  return {
    sheet: 'Thống kê lĩnh vực',
    file: 'thong-ke-linh-vuc',
    title: `Tỷ lệ điểm theo lĩnh vực năm ${report.cycle.year}`,
    columns: [
      col('Khối', 'text', 30),
      col('Lĩnh vực', 'text', 8),
      col('Tên lĩnh vực', 'text', 46),
      col('Số đơn vị', 'int', 8),
      col('Điểm tối đa trung bình', 'dec', 10),
      col('Điểm trung bình', 'dec', 10),
      col('Tỷ lệ trung bình (%)', 'dec', 10),
      col('Cao nhất', 'text', 34),
      col('Tỷ lệ cao nhất (%)', 'dec', 10),
      col('Thấp nhất', 'text', 34),
      col('Tỷ lệ thấp nhất (%)', 'dec', 10),
      col('Chênh lệch', 'dec', 10),
    ],
    rows: report.groups.flatMap((g) =>
      g.fieldStats.map((f) => ({
        cells: [
          g.label,
          f.code,
          f.title,
          f.count,
          f.averageBenchmark,
          f.averagePoints,
          f.averagePercent,
          f.highest.unit,
          f.highest.value,
          f.lowest.unit,
          f.lowest.value,
          f.spread,
        ],
      })),
    ),
  };
}

export function missedTable(report: Report): ExportTable {
  return {
    sheet: 'Tiêu chí chưa đạt',
    file: 'tieu-chi-chua-dat',
    title: 'Những tiêu chí thành phần đơn vị chưa đạt',
    columns: [
      col('Khối', 'text', 30),
      col('Tiêu chí', 'text', 8),
      col('Tên tiêu chí', 'text', 50),
      col('Điểm tối đa', 'exact', 8),
      col('Số đơn vị', 'int', 8),
      col('Đơn vị', 'text', 80),
    ],
    rows: report.groups.flatMap((g) =>
      g.missed.map((m) => ({
        cells: [g.label, m.code, m.title, m.max, m.units.length, m.units.map((u) => u.unit).join('; ')],
      })),
    ),
  };
}

export function narrativeTable(sections: readonly NarrativeSection[]): ExportTable {
  return {
    sheet: 'Nhận xét',
    file: 'nhan-xet',
    title: 'Nhận xét kết quả',
    columns: [
      col('Phần', 'text', 28),
      col('Mã câu', 'text', 34),
      col('Nội dung', 'text', 120),
      col('Đã sửa', 'text', 8),
    ],
    rows: sections.flatMap((s) => s.sentences.map((x) => ({ cells: [s.title, x.key, x.text, x.edited ? 'x' : ''] }))),
  };
}

export function exemptionsTable(exemptions: readonly MinutesExemption[]): ExportTable {
  return {
    sheet: 'Hạ điểm chuẩn',
    file: 'ha-diem-chuan',
    title: 'Hạ điểm chuẩn được Hội đồng chấp thuận',
    columns: [
      col('STT', 'int', 6),
      col('Đơn vị', 'text', 36),
      col('Tiêu chí', 'text', 8),
      col('Tên tiêu chí', 'text', 44),
      col('Điểm', 'exact', 7),
      col('Lý do', 'text', 60),
      col('Căn cứ', 'text', 50),
    ],
    rows: exemptions.map((e, i) => ({ cells: [i + 1, e.unit, e.code, e.title, e.max, e.reason, e.legalBasis] })),
  };
}

const STATE_LABELS: Record<string, string> = {
  survey: 'ĐTXHH',
  decided: 'Hội đồng quyết định',
  appraised: 'Thẩm định',
  provisional: 'Tạm tính (tự đánh giá)',
  conflict: 'Chưa thống nhất (tạm tính)',
  exempt: 'Hạ điểm chuẩn',
  none: '',
};

/** `drilldowns` may be a generator: each unit's drill-down is flattened into rows and dropped before the next. */
export function detailTable(drilldowns: Iterable<UnitDrilldown>): ExportTable {
  const row = (d: UnitDrilldown, n: DrillNode): ExportRow => {
    const v = n.leaf ? councilValue(n) : null;
    return {
      heading: !n.leaf,
      cells: [
        d.unit.name,
        n.code,
        `${'  '.repeat(n.depth)}${n.title}`,
        n.max,
        n.counted ? 'x' : '',
        n.benchmark,
        n.self1,
        n.self2,
        v ? v.score : n.appraised,
        n.points,
        n.percent,
        v ? (STATE_LABELS[v.state] ?? '') : n.unresolved > 0 ? `${n.unresolved} chưa thống nhất` : '',
        n.exemption?.status === 'approved' ? n.exemption.reason : '',
        v ? (v.state === 'conflict' ? v.sides.map((x) => `${x.memberName}: ${x.score}`).join('; ') : v.comment) : '',
        n.leaf ? n.evidence.map((e) => `${e.title}${e.page ? ` (tr. ${e.page})` : ''}`).join('; ') : '',
      ],
    };
  };
  const rows: ExportRow[] = [];
  for (const d of drilldowns) for (const n of flattenDrill(d.fields)) rows.push(row(d, n));
  return {
    sheet: 'Chi tiết',
    file: 'chi-tiet',
    title: 'Chi tiết điểm theo tiêu chí của từng đơn vị',
    columns: [
      col('Đơn vị', 'text', 34),
      col('Mã', 'text', 8),
      col('Tiêu chí', 'text', 60),
      col('Điểm tối đa', 'exact', 8),
      col('Tính vào điểm chuẩn', 'text', 8),
      col('Điểm chuẩn', 'exact', 8),
      col('Tự đánh giá lần 1', 'exact', 9),
      col('Tự đánh giá lần 2', 'exact', 9),
      col('Điểm thẩm định', 'exact', 9),
      col('Điểm tính Chỉ số', 'exact', 9),
      col('Tỷ lệ (%)', 'dec', 8),
      col('Nguồn điểm', 'text', 14),
      col('Hạ điểm chuẩn', 'text', 40),
      col('Nhận xét', 'text', 50),
      col('Tài liệu kiểm chứng', 'text', 60),
    ],
    rows,
  };
}
