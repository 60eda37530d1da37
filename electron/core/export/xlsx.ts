/**
 * The report's tables as an .xlsx workbook (exceljs): one sheet per table, a title row, a
 * header row (frozen), numbers stored as numbers with display formats (shown in Excel with
 * the user's separators: 83,84 on a Vietnamese system), totals in bold.
 */
import type { ColumnType, ExportCell, ExportTable } from './table-spec.ts';

const NUM_FMT: Readonly<Record<Exclude<ColumnType, 'text'>, string>> = {
  int: '#,##0',
  dec: '#,##0.00',
  change: '+#,##0.00;-#,##0.00;0.00',
  exact: '#,##0.00####',
};

/** A cell's value: numbers for numeric columns (decimal text → number), text otherwise. */
function cellValue(type: ColumnType, v: ExportCell): string | number | null {
  if (v === null || v === undefined || v === '') return null;
  if (type === 'text') return String(v);
  if (typeof v === 'number') return v;
  const n = Number(v);
  return Number.isFinite(n) ? n : String(v);
}

type StreamWorkbook = import('exceljs').stream.xlsx.WorkbookWriter;
type Style = Partial<import('exceljs').Style>;

/**
 * One style object per kind of body cell (column type, bold or not), shared by every such
 * cell, and one empty style shared by every body row: exceljs finds a style it has seen by
 * identity, and otherwise renders it to XML to look it up, which was half the writing time
 * of a large workbook. A total or heading row is bold as a row too. Never mutated (so no
 * row.font, which would write into the shared object).
 */
const NO_STYLE: Style = {};
const BOLD_ROW: Style = { font: { bold: true } };
const styles = new Map<string, Style>();
function bodyStyle(type: ColumnType, bold: boolean): Style {
  const key = `${type}/${bold}`;
  let style = styles.get(key);
  if (!style) {
    style = {
      ...(type === 'text' ? {} : { numFmt: NUM_FMT[type] }),
      ...(bold ? { font: { bold: true } } : {}),
    };
    styles.set(key, style);
  }
  return style;
}

/** Writes one table as a sheet, row by row: each row is committed (written out) as soon as it is filled. */
function addTable(wb: StreamWorkbook, t: ExportTable, used: Set<string>): void {
  let name = t.sheet.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${t.sheet.slice(0, 28)} ${i}`;
  used.add(name.toLowerCase());
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2, xSplit: 0 }] });
  ws.columns = t.columns.map((c) => ({ width: c.width ?? (c.type === 'text' ? 30 : 11) }));
  const title = ws.getRow(1);
  title.getCell(1).value = t.title;
  title.font = { bold: true, size: 13 };
  title.commit();
  const head = ws.getRow(2);
  t.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = { bottom: { style: 'thin' } };
  });
  head.commit();
  let k = 3;
  for (const r of t.rows) {
    const row = ws.getRow(k++);
    const bold = r.total === true || r.heading === true;
    (row as unknown as { style: Style }).style = bold ? BOLD_ROW : NO_STYLE;
    t.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = cellValue(c.type, r.cells[i] ?? null);
      cell.style = bodyStyle(c.type, bold);
    });
    row.commit();
  }
  ws.commit();
}

/**
 * The workbook, written as a stream (exceljs's streaming writer): rows go out as they are
 * made, so a 10,000-unit cycle's detail sheet (about a million rows) never sits in memory
 * as a workbook model.
 */
export async function xlsxBytes(
  tables: readonly ExportTable[],
  meta: { title: string; creator?: string },
): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const { PassThrough } = await import('node:stream');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = meta.creator ?? 'Thẩm định Chỉ số CCHC';
  wb.title = meta.title;
  wb.created = new Date();
  const used = new Set<string>();
  for (const t of tables) addTable(wb, t, used);
  await wb.commit();
  await done;
  const buf = Buffer.concat(chunks);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
