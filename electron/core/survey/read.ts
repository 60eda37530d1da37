/** Reading a .csv (UTF-8 / UTF-16 with BOM) or .xlsx (first sheet) file as a raw table, with coded errors. */
import { extname } from 'node:path';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { checkRowCount, csvToRawTable, decodeCsvBytes, readTableBytes } from '../summary/read.ts';
import type { RawCell, RawTable } from '../summary/table.ts';
import { readXlsxTable } from '../summary/xlsx.ts';

const TABLE_EXTENSIONS = ['.csv', '.xlsx'] as const;

/** Raw survey responses may be many (100,000 rows is a few MB): caps well above that. */
const TABLE_MAX_BYTES = 64 * 1024 * 1024;
const TABLE_MAX_ROWS = 1_000_000;

export async function readRawTable(path: string, file: string, codePrefix: 'SURVEY' | 'PREVIOUS'): Promise<RawTable> {
  const ext = extname(path).toLowerCase();
  if (!(TABLE_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new CodedFailure(`${codePrefix}_UNSUPPORTED_FORMAT`, `Tệp ${file}: chỉ nhận tệp .csv (UTF-8) hoặc .xlsx.`, {
      file,
    });
  }
  const bytes = readTableBytes(path, file, ext === '.csv' ? TABLE_MAX_BYTES : TABLE_MAX_BYTES / 4, codePrefix);
  return checkRowCount(
    ext === '.csv' ? csvToRawTable(decodeCsvBytes(bytes, file), file) : await readXlsxTable(bytes, file),
    TABLE_MAX_ROWS,
    codePrefix,
  );
}

export function cellText(c: RawCell): string {
  if (c === null) return '';
  if (typeof c === 'string') return c;
  if (typeof c === 'number') return String(c);
  return c.display;
}
