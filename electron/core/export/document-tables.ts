/** The tables beside the report's: the narrative's sentences, the approved exemptions, and every unit's drill-down. */
import type { DrillNode, UnitDrilldown } from '../../../shared/report/drilldown.ts';
import { flattenDrill } from '../../../shared/report/drilldown.ts';
import type { MinutesExemption } from '../../../shared/report/html/minutes.ts';
import type { NarrativeSection } from '../../../shared/report/narrative.ts';
import { councilValue } from '../../../shared/report/council-value.ts';
import { col, type ExportRow, type ExportTable } from './table-spec.ts';

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
/**
 * Rows of one "Chi tiết" sheet at most: a worksheet holds 1,048,576 rows (Excel and
 * LibreOffice alike) and the title, stamp and column headings take a few. A unit takes
 * about 100 rows (its sub-criteria and their headings), so a cycle of more than about
 * 10,000 units is split into sheets "Chi tiết 1", "Chi tiết 2"…, each unit wholly in one.
 */
export const DETAIL_SHEET_ROWS = 1_000_000;

/** Every unit's drill-down: one table, or several of at most `maxRows` rows when there are more. */
export function detailTables(drilldowns: Iterable<UnitDrilldown>, maxRows = DETAIL_SHEET_ROWS): ExportTable[] {
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
  const parts: ExportRow[][] = [[]];
  for (const d of drilldowns) {
    const unitRows = flattenDrill(d.fields).map((n) => row(d, n));
    const current = parts[parts.length - 1]!;
    if (current.length > 0 && current.length + unitRows.length > maxRows) parts.push(unitRows);
    else for (const r of unitRows) current.push(r);
  }
  const title = 'Chi tiết điểm theo tiêu chí của từng đơn vị';
  return parts.map((rows, i) =>
    parts.length === 1
      ? { sheet: 'Chi tiết', file: 'chi-tiet', title, columns: DETAIL_COLUMNS, rows }
      : {
          sheet: `Chi tiết ${i + 1}`,
          file: `chi-tiet-${i + 1}`,
          title: `${title} (phần ${i + 1}/${parts.length})`,
          columns: DETAIL_COLUMNS,
          rows,
        },
  );
}

const DETAIL_COLUMNS = [
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
];
