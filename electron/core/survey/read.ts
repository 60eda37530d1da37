/** Reading a .csv (UTF-8 / UTF-16 with BOM) or .xlsx (first sheet) file as a raw table, with coded errors. */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { csvToRawTable, decodeCsvBytes } from '../summary/read.ts';
import type { RawCell, RawTable } from '../summary/table.ts';
import { readXlsxTable } from '../summary/xlsx.ts';

export const TABLE_EXTENSIONS = ['.csv', '.xlsx'] as const;

export async function readRawTable(path: string, file: string, codePrefix: 'SURVEY' | 'PREVIOUS'): Promise<RawTable> {
  const ext = extname(path).toLowerCase();
  if (!(TABLE_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new CodedFailure(`${codePrefix}_UNSUPPORTED_FORMAT`, `Tệp ${file}: chỉ nhận tệp .csv (UTF-8) hoặc .xlsx.`, { file });
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    throw new CodedFailure(`${codePrefix}_FILE_UNREADABLE`, `Tệp ${file}: ${code === 'ENOENT' ? 'không tồn tại' : `không đọc được${code ? ` (${code})` : ''}`}.`, { file });
  }
  return ext === '.csv' ? csvToRawTable(decodeCsvBytes(bytes, file), file) : readXlsxTable(bytes, file);
}

export function cellText(c: RawCell): string {
  if (c === null) return '';
  if (typeof c === 'string') return c;
  if (typeof c === 'number') return String(c);
  return c.display;
}
