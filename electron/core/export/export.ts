/**
 * Exports of a cycle's report: .xlsx (every table, numbers as numbers), .csv (one file per
 * table) and .json (the report, sentences and charts as the screens receive them).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { reportCharts } from '../../../shared/report/charts.ts';
import type { Db } from '../db/connection.ts';
import { requireCycle } from '../results/cycle-totals.ts';
import { drilldownOf } from '../report/drilldown.ts';
import { loadMinutesSource, minutesDataOf } from '../report/minutes.ts';
import { narrativeFor } from '../report/narrative.ts';
import { tableCsv } from './csv.ts';
import { classificationTable, fieldStatsTable, groupTables, missedTable, statsTable } from './tables.ts';
import { detailTables, exemptionsTable, narrativeTable } from './document-tables.ts';
import { type ExportTable, stampTables } from './table-spec.ts';
import { xlsxBytes } from './xlsx.ts';

export interface ExportOptions {
  /** Include every unit's drill-down (sheet "Chi tiết"); default true. */
  readonly detail?: boolean;
  /** Rows of drill-down per sheet at most (default DETAIL_SHEET_ROWS, within a worksheet's 1,048,576). */
  readonly detailSheetRows?: number;
}

/** Every table of the cycle's report, in workbook order. */
export function cycleExportTables(db: Db, cycleId: string, options: ExportOptions = {}): ExportTable[] {
  const src = loadMinutesSource(db, cycleId);
  const minutes = minutesDataOf(db, src);
  const tables = [
    classificationTable(src.report),
    ...groupTables(src.report),
    statsTable(src.report),
    fieldStatsTable(src.report),
    missedTable(src.report),
    exemptionsTable(minutes.exemptions),
    narrativeTable(minutes.narrative),
  ];
  if (options.detail !== false) {
    // One unit's drill-down at a time (a 10,000-unit cycle's would not all fit in memory at once).
    const drilldowns = function* () {
      for (const u of src.ctx.totals.units) yield drilldownOf(db, src.ctx, src.report, u.unit.id);
    };
    tables.push(...detailTables(drilldowns(), options.detailSheetRows));
  }
  return stampTables(tables, src.report);
}

export async function cycleXlsx(
  db: Db,
  cycleId: string,
  options: ExportOptions = {},
): Promise<{ bytes: Uint8Array; sheets: string[] }> {
  const tables = cycleExportTables(db, cycleId, options);
  const cycle = requireCycle(db, cycleId);
  const bytes = await xlsxBytes(tables, { title: `Kết quả Chỉ số CCHC năm ${cycle.year} — ${cycle.name}` });
  return { bytes, sheets: tables.map((t) => t.sheet) };
}

export async function exportXlsx(
  db: Db,
  cycleId: string,
  path: string,
  options: ExportOptions = {},
): Promise<{ path: string; sheets: string[]; bytes: number }> {
  const { bytes, sheets } = await cycleXlsx(db, cycleId, options);
  await writeFile(path, bytes);
  return { path, sheets, bytes: bytes.byteLength };
}

/** One CSV file per table in `dir` (created if needed); returns the paths. */
export async function exportCsv(db: Db, cycleId: string, dir: string, options: ExportOptions = {}): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const out: string[] = [];
  for (const t of cycleExportTables(db, cycleId, options)) {
    const p = join(dir, `${t.file}.csv`);
    await writeFile(p, tableCsv(t), 'utf8');
    out.push(p);
  }
  return out;
}

/** The report, its sentences and the charts' data as JSON text. */
export function cycleJson(db: Db, cycleId: string): string {
  const src = loadMinutesSource(db, cycleId);
  const narrative = narrativeFor(db, cycleId, src.report);
  return `${JSON.stringify({ report: src.report, narrative, charts: reportCharts(src.report) }, null, 2)}\n`;
}
