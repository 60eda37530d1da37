/**
 * A list read from a .csv or .xlsx file (units, council members): the first sheet or the CSV,
 * header = the first non-blank row, columns found by their header in Vietnamese or English
 * (folded: case, diacritics and punctuation ignored). Rows come back with the file's row numbers.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { csvToRawTable, decodeCsvBytes } from '../summary/read.ts';
import { foldKey } from '../summary/columns.ts';
import { type RawCell, type RawTable, isBlankCell } from '../summary/table.ts';
import { readXlsxTable } from '../summary/xlsx.ts';
import { fileFailure } from './errors.ts';
import { SETUP_ERRORS as E } from '../../../shared/errors/catalogue.ts';

const LIST_MAX_BYTES = 20 * 1024 * 1024;

export interface ColumnSpec<K extends string> {
  readonly key: K;
  readonly aliases: readonly string[];
  readonly required: boolean;
}

interface ListRow<K extends string> {
  readonly row: number;
  /** Trimmed text of each known column ('' when blank or absent). */
  readonly values: Readonly<Record<K, string>>;
}

export interface ListTable<K extends string> {
  readonly file: string;
  /** The header of each column as written in the file (for messages); absent columns have none. */
  readonly headers: Readonly<Partial<Record<K, string>>>;
  readonly rows: readonly ListRow<K>[];
  /** sha256 of the file's bytes (the audit names it). */
  readonly sha256: string;
}

function cellText(c: RawCell): string {
  if (c === null) return '';
  if (typeof c === 'string') return c.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (typeof c === 'number') return String(c);
  return c.display;
}

/** Reads a .csv / .xlsx file; `name` is how messages name it (default: the file's base name). */
export async function readListFile<K extends string>(
  path: string,
  columns: readonly ColumnSpec<K>[],
  name: string = basename(path),
): Promise<ListTable<K>> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx')
    throw fileFailure(E.FILE_FORMAT, { file: name }, 'chỉ đọc được tệp .xlsx hoặc .csv.');
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw fileFailure(E.FILE_FORMAT, { file: name }, 'không đọc được tệp (không tồn tại hoặc không có quyền đọc).');
  }
  if (size > LIST_MAX_BYTES)
    throw fileFailure(E.FILE_FORMAT, { file: name }, `tệp quá lớn (tối đa ${LIST_MAX_BYTES / 1024 / 1024} MB).`);
  const bytes = readFileSync(path);
  const { createHash } = await import('node:crypto');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const table: RawTable =
    ext === '.csv' ? csvToRawTable(decodeCsvBytes(bytes, name), name) : await readXlsxTable(bytes, name);
  return { ...tableColumns(table, columns), sha256 };
}

/** Locates the columns of a raw table and reads its non-blank rows. */
function tableColumns<K extends string>(
  table: RawTable,
  columns: readonly ColumnSpec<K>[],
): Omit<ListTable<K>, 'sha256'> {
  const file = table.file;
  const at = new Map<K, number>();
  const headers: Partial<Record<K, string>> = {};
  table.headers.forEach((h, i) => {
    const key = foldKey(h);
    if (!key) return;
    const spec = columns.find((c) => c.aliases.some((a) => foldKey(a) === key));
    if (!spec) return;
    if (at.has(spec.key)) {
      throw fileFailure(
        E.DUPLICATE_COLUMN,
        { file, row: table.headerRow, column: h },
        `cột này lặp lại cột "${headers[spec.key]}"; mỗi cột chỉ được có một lần.`,
      );
    }
    at.set(spec.key, i);
    headers[spec.key] = h;
  });
  for (const c of columns) {
    if (c.required && !at.has(c.key)) {
      throw fileFailure(
        E.MISSING_COLUMN,
        { file, row: table.headerRow },
        `thiếu cột "${c.aliases[0]}" (có thể đặt tên ${c.aliases.map((a) => `"${a}"`).join(', ')}).`,
      );
    }
  }
  const rows: ListRow<K>[] = [];
  for (const r of table.rows) {
    if (r.cells.every(isBlankCell)) continue;
    const values = {} as Record<K, string>;
    for (const c of columns) {
      const i = at.get(c.key);
      values[c.key] = i === undefined ? '' : cellText(r.cells[i] ?? null);
    }
    rows.push({ row: r.row, values });
  }
  return { file, headers, rows };
}
