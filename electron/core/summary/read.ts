/**
 * Reading summary tables (bảng tổng hợp: unit, group, benchmark, self-assessed points,
 * survey points) from .csv and .xlsx files into the units' figures of one cycle.
 * Used by the CLI's `results --summary` and by the app to import previous-year results.
 */
import type { TableFilePrefix } from '../../../shared/errors/catalogue.ts';
import { basename, extname } from 'node:path';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { UnitFigures } from '../../../shared/results/compute.ts';
import { FileReadError, describeFileProblem, readRegularFile } from '../files/regular.ts';
import { CsvSyntaxError, parseCsv } from './csv.ts';
import { quoteValue, summaryFailure } from './errors.ts';
import { SUMMARY_ERRORS as E } from '../../../shared/errors/catalogue.ts';
import {
  type LocatedFigures,
  type RawTable,
  type SeenUnits,
  type SurveyLimits,
  figuresReader,
  isBlankCell,
  tableToFigures,
} from './table.ts';
import { streamCsvTable } from './csv-file.ts';
import { defaultSurveyLimits } from './limits.ts';
import { readXlsxTable } from './xlsx.ts';

const SUMMARY_EXTENSIONS = ['.csv', '.xlsx'] as const;

/** A province's summary table is a few hundred rows: larger files are refused before they are read. */
const SUMMARY_MAX_BYTES = { '.csv': 16 * 1024 * 1024, '.xlsx': 8 * 1024 * 1024 } as const;
/**
 * Data rows a summary table may hold (a province has a few hundred units). A CSV is read
 * row by row and only each unit's figures are kept (csv-file.ts), so it may hold the
 * 100,000 units of the largest test cycle; an xlsx is read whole, so it stays at 10,000.
 */
const SUMMARY_MAX_ROWS = { '.csv': 100_000, '.xlsx': 10_000 } as const;

/**
 * Text of a CSV file: UTF-8 (BOM or not), or UTF-16 with a BOM (Excel's "Unicode text").
 * Anything else is refused rather than guessed.
 */
export function decodeCsvBytes(bytes: Uint8Array, file: string): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw summaryFailure(E.FILE_UNREADABLE, { file }, 'tệp không ở mã UTF-8; hãy lưu lại dưới dạng "CSV UTF-8".');
  }
}

/** A CSV summary table as a raw table. An optional first line "sep=;" sets the delimiter. */
export function csvToRawTable(text: string, file: string): RawTable {
  let delimiter: string | undefined;
  let body = text.replace(/^\uFEFF/, '');
  let skipped = 0;
  const sep = /^sep=(.)(\r\n|\n|\r|$)/i.exec(body);
  if (sep) {
    delimiter = sep[1];
    body = body.slice(sep[0].length);
    skipped = 1;
  }
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(body, delimiter === undefined ? {} : { delimiter });
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    const what =
      e.problem === 'unterminated_quote'
        ? 'dấu ngoặc kép (") mở ở dòng này không được đóng.'
        : 'có ký tự ngay sau dấu ngoặc kép đóng; một ô có ngoặc kép phải được bao trọn trong ngoặc kép.';
    throw summaryFailure(E.CSV_MALFORMED, { file, row: e.line + skipped }, what);
  }
  const rows = records.map((r) => ({ row: r.line + skipped, cells: r.fields }));
  const headerAt = rows.findIndex((r) => !r.cells.every(isBlankCell));
  const head = rows[headerAt];
  if (headerAt < 0 || !head) throw summaryFailure(E.EMPTY_FILE, { file }, 'trống, không có dòng tiêu đề.');
  const width = head.cells.length;
  const data = rows.slice(headerAt + 1);
  for (const r of data) {
    // More fields than headers usually means an unquoted "94,00" split in two: refuse it.
    const extra = r.cells.slice(width).findIndex((c) => !isBlankCell(c));
    if (extra >= 0) {
      const col = width + extra + 1;
      throw summaryFailure(
        E.CSV_MALFORMED,
        { file, row: r.row, columnNumber: col },
        `dòng có ${r.cells.length} ô nhưng dòng tiêu đề chỉ có ${width} cột (giá trị ${quoteValue(r.cells[col - 1] ?? '')}); số có dấu phẩy như "94,00" phải đặt trong dấu ngoặc kép.`,
      );
    }
  }
  return { file, headerRow: head.row, headers: head.cells, rows: data };
}

/** Reads a table file the user named: regular files only, at most `max` bytes (coded errors with `prefix`). */
export function readTableBytes(path: string, file: string, max: number, prefix: TableFilePrefix): Buffer {
  try {
    return readRegularFile(path, max);
  } catch (e) {
    if (!(e instanceof FileReadError)) throw e;
    const code =
      e.problem.kind === 'too_large' ? (`${prefix}_TOO_LARGE` as const) : (`${prefix}_FILE_UNREADABLE` as const);
    throw new CodedFailure(code, `Tệp ${file}: ${describeFileProblem(e.problem)}.`, { file });
  }
}

/** Refuses a table with more data rows than `max`. */
export function checkRowCount(table: RawTable, max: number, prefix: TableFilePrefix): RawTable {
  if (table.rows.length > max)
    throw new CodedFailure(
      `${prefix}_TOO_LARGE`,
      `Tệp ${table.file}: có ${table.rows.length} dòng, tối đa ${max} dòng.`,
      { file: table.file },
    );
  return table;
}

/**
 * Reads one file; `file` is the name shown in messages (the path by default); `seen`
 * carries the units of the files read before, to refuse a unit read twice. With
 * `onFigures`, each unit goes there as it is read, and the result is empty.
 */
export async function readSummaryFile(
  path: string,
  file: string = path,
  seen: SeenUnits = new Map(),
  limits: SurveyLimits = defaultSurveyLimits(),
  onFigures?: (f: LocatedFigures) => void,
): Promise<LocatedFigures[]> {
  const ext = extname(path).toLowerCase();
  if (!(SUMMARY_EXTENSIONS as readonly string[]).includes(ext)) {
    throw summaryFailure(
      E.UNSUPPORTED_FORMAT,
      { file },
      `định dạng ${ext === '' ? '(không có phần mở rộng)' : `"${ext}"`} không được hỗ trợ; chỉ nhận tệp .csv (UTF-8) hoặc .xlsx.`,
    );
  }
  const kind = ext as keyof typeof SUMMARY_MAX_BYTES;
  if (kind === '.csv') {
    const out: LocatedFigures[] = [];
    const limitsOfFile = {
      maxBytes: SUMMARY_MAX_BYTES[kind],
      maxRows: SUMMARY_MAX_ROWS[kind],
      prefix: 'SUMMARY',
    } as const;
    streamCsvTable(path, file, limitsOfFile, (head) => {
      const read = figuresReader(head, seen, limits);
      return (row) => {
        const f = read(row);
        if (f) onFigures ? onFigures(f) : out.push(f);
      };
    });
    return out;
  }
  const bytes = readTableBytes(path, file, SUMMARY_MAX_BYTES[kind], 'SUMMARY');
  const figures = tableToFigures(
    checkRowCount(await readXlsxTable(bytes, file), SUMMARY_MAX_ROWS[kind], 'SUMMARY'),
    seen,
    limits,
  );
  if (!onFigures) return figures;
  for (const f of figures) onFigures(f);
  return [];
}

/** Names for messages: the base name, or the path as given where two files share a base name. */
function displayNames(paths: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const p of paths) count.set(basename(p), (count.get(basename(p)) ?? 0) + 1);
  return paths.map((p) => ((count.get(basename(p)) ?? 0) > 1 ? p : basename(p)));
}

/**
 * Reads and merges several summary tables into one cycle's figures, in file then row
 * order. A unit may appear once across all files. Throws CodedFailure (SUMMARY_*).
 */
export async function readSummaryFiles(paths: readonly string[]): Promise<UnitFigures[]> {
  const out: UnitFigures[] = [];
  await eachSummaryUnit(paths, (f) => out.push(f));
  return out;
}

/**
 * The same reading, handing each unit's figures to `onUnit` as it is read instead of
 * keeping them: what the caller keeps of each is its own choice. Returns the count.
 */
export async function eachSummaryUnit(paths: readonly string[], onUnit: (f: UnitFigures) => void): Promise<number> {
  const names = displayNames(paths);
  const seen: SeenUnits = new Map();
  const limits = defaultSurveyLimits();
  let count = 0;
  for (let i = 0; i < paths.length; i++) {
    await readSummaryFile(paths[i]!, names[i]!, seen, limits, (f) => {
      count += 1;
      onUnit(f.figures);
    });
  }
  if (count === 0) {
    const where =
      names.length === 0 ? 'vì chưa có tệp bảng tổng hợp nào' : `trong ${names.map((n) => `tệp ${n}`).join(', ')}`;
    throw new CodedFailure(E.NO_UNITS, `Không có đơn vị nào ${where}.`);
  }
  return count;
}
