/**
 * Every table of the report as a plain table spec (table-spec.ts), the one source of the xlsx, csv
 * and json exports: all units with their classification; per group the report's table (with TRUNG
 * BÌNH) and the field table; statistics per group and per field; the sub-criteria missed. The
 * sentences, the approved exemptions and every unit's drill-down are in document-tables.ts.
 */
import { slug } from '../../../shared/format/fold.ts';
import type { Report, StatsView } from '../../../shared/report/types.ts';
import { col, type ExportCell, type ExportTable } from './table-spec.ts';

/** Sheet names are at most 31 characters in Excel: "KQ " + a short label of up to 28. */
const sheetPart = (g: { shortLabel: string }) => g.shortLabel.replace(/[\\/?*[\]:]/g, ' ').slice(0, 28);
const filePart = (g: { group: string; shortLabel: string }) => slug(g.shortLabel) || g.group.replace(/_/g, '-');

/** The index of a unit whose survey points are missing. */
const NOT_COMPUTABLE = 'Chưa tính được';

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
