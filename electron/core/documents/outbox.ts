/**
 * Documents and exports produced into the outbox (electron/core/files/store.ts), for the
 * screens: the renderer receives a ticket and saves it with files.save (Electron: a save
 * dialog; harness: a download). The minutes, the per-unit sheets, the report's tables as
 * xlsx / csv / json, and a chart's PNG as drawn on the screen.
 */
import { writeFileSync } from 'node:fs';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { UnitSheetKind } from '../../../shared/report/html/unit-sheets.ts';
import type { Db } from '../db/connection.ts';
import { requireCycle } from '../results/cycle-totals.ts';
import { tableCsv } from '../export/csv.ts';
import { cycleExportTables, cycleJson, cycleXlsx } from '../export/export.ts';
import { produceOutbox } from '../files/store.ts';
import { listUnits } from '../db/repos/units.ts';
import { minutesPdf, unitSheetsPdf } from './documents.ts';
import type { PdfPrinter } from './printer.ts';

export interface ProducedFile {
  readonly ticket: string;
  readonly fileName: string;
  readonly size: number;
  /** PDFs: the number of pages. */
  readonly pages: number | null;
}

/** Pages of a PDF made by Chromium (its page objects). */
export function pdfPageCount(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

function put(dataDir: string, name: string, bytes: Uint8Array | string, pages: number | null = null): ProducedFile {
  const f = produceOutbox(dataDir, name, (path) => writeFileSync(path, bytes));
  return { ticket: f.ticket, fileName: f.name, size: f.size, pages };
}

export interface MinutesOutboxOptions {
  readonly charts?: boolean;
  readonly fieldTables?: boolean;
}

export async function minutesToOutbox(
  db: Db,
  cycleId: string,
  dataDir: string,
  printer: PdfPrinter,
  o: MinutesOutboxOptions = {},
): Promise<ProducedFile> {
  const cycle = requireCycle(db, cycleId);
  const pdf = await minutesPdf(db, cycleId, printer, { charts: o.charts ?? true, fieldTables: o.fieldTables ?? true });
  return put(dataDir, `Biên bản họp Hội đồng thẩm định Chỉ số CCHC ${cycle.year}.pdf`, pdf, pdfPageCount(pdf));
}

const SHEET_FILE_TITLES: Readonly<Record<UnitSheetKind, string>> = {
  appraisal: 'Phiếu thẩm định',
  notice: 'Thông báo kết quả thẩm định sơ bộ',
  feedback: 'Phiếu phản hồi',
};

export interface SheetsOutboxOptions {
  readonly kind: UnitSheetKind;
  readonly round?: 1 | 2;
  readonly deadline?: string;
}

export async function sheetsToOutbox(
  db: Db,
  cycleId: string,
  dataDir: string,
  printer: PdfPrinter,
  unitIds: readonly string[],
  o: SheetsOutboxOptions,
): Promise<ProducedFile> {
  const cycle = requireCycle(db, cycleId);
  const units = new Map(listUnits(db, cycleId).map((u) => [u.id, u.name]));
  if (unitIds.length === 0) throw new CodedFailure('DOCUMENT_NO_UNITS', 'Chưa chọn đơn vị nào để in.');
  for (const id of unitIds)
    if (!units.has(id))
      throw new CodedFailure('UNIT_NOT_FOUND', `Không tìm thấy đơn vị “${id}” trong kỳ đánh giá.`, { unitId: id });
  const pdf = await unitSheetsPdf(db, cycleId, unitIds, printer, {
    kind: o.kind,
    ...(o.round ? { round: o.round } : {}),
    ...(o.deadline ? { deadline: o.deadline } : {}),
  });
  const who = unitIds.length === 1 ? units.get(unitIds[0]!)! : `${unitIds.length} đơn vị`;
  const round = o.kind === 'notice' ? ` lần ${o.round ?? 1}` : '';
  return put(dataDir, `${SHEET_FILE_TITLES[o.kind]}${round} - ${who} - ${cycle.year}.pdf`, pdf, pdfPageCount(pdf));
}

export type ExportFormat = 'xlsx' | 'csv' | 'json';

/** The report's tables: a workbook, one table as CSV (`table` = its file key), or the JSON of the screens. */
export async function exportToOutbox(
  db: Db,
  cycleId: string,
  dataDir: string,
  format: ExportFormat,
  table?: string,
): Promise<ProducedFile> {
  const cycle = requireCycle(db, cycleId);
  if (format === 'xlsx') {
    const { bytes } = await cycleXlsx(db, cycleId);
    return put(dataDir, `Kết quả Chỉ số CCHC ${cycle.year}.xlsx`, bytes);
  }
  if (format === 'json') return put(dataDir, `ket-qua-chi-so-cchc-${cycle.year}.json`, cycleJson(db, cycleId));
  const tables = cycleExportTables(db, cycleId, { detail: table === 'chi-tiet' });
  const t = tables.find((x) => x.file === (table ?? tables[0]?.file));
  if (!t)
    throw new CodedFailure('EXPORT_UNKNOWN_TABLE', `Không có bảng “${table}” trong kết quả.`, { table: table ?? '' });
  return put(dataDir, `${t.file}-${cycle.year}.csv`, tableCsv(t));
}

/** The tables a CSV export offers (file key and title), in workbook order. */
export function exportTableList(db: Db, cycleId: string): { file: string; title: string }[] {
  return cycleExportTables(db, cycleId, { detail: true }).map((t) => ({ file: t.file, title: t.title }));
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_MAX_BYTES = 15 * 1024 * 1024;

/** A chart's PNG from the screen (checked to be a PNG, at most 15 MB) into the outbox. */
export function pngToOutbox(dataDir: string, name: string, bytes: Uint8Array): ProducedFile {
  if (bytes.length > PNG_MAX_BYTES) throw new CodedFailure('EXPORT_PNG_TOO_LARGE', 'Ảnh biểu đồ quá lớn.');
  if (bytes.length < 8 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b))
    throw new CodedFailure('EXPORT_NOT_PNG', 'Dữ liệu gửi lên không phải ảnh PNG.');
  const base = name.replace(/\.png$/i, '');
  return put(dataDir, `${base}.png`, bytes);
}
