/**
 * Reads the first worksheet of an .xlsx workbook as a raw table: the first non-blank
 * row is the header. Numeric cells are kept as numbers (turned exact later at their
 * shortest decimal spelling, so 51.34 stays 51.34); formula cells give their cached
 * result; rich text and hyperlinks give their text.
 */
import type { CellValue, Workbook } from 'exceljs';
import { summaryFailure } from './errors.ts';
import { SUMMARY_ERRORS as E } from '../../../shared/errors/catalogue.ts';
import type { OtherCell, RawCell, RawRow, RawTable } from './table.ts';
import { isBlankCell } from './table.ts';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function richText(v: unknown): string | null {
  if (isObject(v) && Array.isArray(v.richText)) {
    return v.richText.map((p: unknown) => (isObject(p) && typeof p.text === 'string' ? p.text : '')).join('');
  }
  return null;
}

function formatDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** An exceljs cell value as a raw cell. */
export function rawCellOf(value: CellValue | unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return { other: 'boolean', display: value ? 'TRUE' : 'FALSE' } satisfies OtherCell;
  if (value instanceof Date) return { other: 'date', display: formatDate(value) };
  if (!isObject(value)) return String(value);
  const rt = richText(value);
  if (rt !== null) return rt;
  if ('formula' in value || 'sharedFormula' in value) {
    if (!('result' in value) || value.result === undefined || value.result === null) {
      const f = typeof value.formula === 'string' ? value.formula : String(value.sharedFormula ?? '');
      return { other: 'formula_without_result', display: `=${f}` };
    }
    return rawCellOf(value.result);
  }
  if ('error' in value) return { other: 'error', display: String(value.error) };
  if ('text' in value) {
    const t = value.text;
    return typeof t === 'string' ? t : (richText(t) ?? String(t ?? ''));
  }
  return String(value);
}

async function loadWorkbook(data: Buffer | ArrayBuffer, file: string): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings want its own Buffer type; a Node Buffer is what it reads.
    await wb.xlsx.load(data as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    throw summaryFailure(E.FILE_UNREADABLE, { file }, 'không phải là tệp Excel (.xlsx) hợp lệ hoặc tệp bị hỏng.');
  }
  return wb;
}

/** The first worksheet as a raw table. */
export async function readXlsxTable(data: Buffer | ArrayBuffer, file: string): Promise<RawTable> {
  const wb = await loadWorkbook(data, file);
  const sheet = wb.worksheets[0];
  if (!sheet) throw summaryFailure(E.EMPTY_FILE, { file }, 'tệp không có trang tính nào.');
  const width = sheet.columnCount;
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: RawCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(rawCellOf(row.getCell(c).value));
    rows.push({ row: row.number, cells });
  });
  const headerAt = rows.findIndex((r) => !r.cells.every(isBlankCell));
  const head = rows[headerAt];
  if (headerAt < 0 || !head)
    throw summaryFailure(E.EMPTY_FILE, { file }, 'trang tính đầu tiên trống, không có dòng tiêu đề.');
  const headers = head.cells.map((c) => (c === null ? '' : typeof c === 'object' ? c.display : String(c)));
  return { file, headerRow: head.row, headers, rows: rows.slice(headerAt + 1) };
}
