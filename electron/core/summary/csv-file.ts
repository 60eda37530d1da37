/**
 * A CSV table file read piece by piece (64 KB at a time): decoded, parsed and handed on
 * one row at a time, so that a 100,000-row file is never held whole, as bytes, text or
 * rows. It refuses what csvToRawTable + checkRowCount refuse, with the same codes and
 * messages, and when a file has several problems it reports the one they report: a
 * problem of a later stage (a row's figures, the row count) waits until the end of the
 * file, where a problem of an earlier stage (encoding, CSV syntax, a row wider than the
 * header) found further down still comes first.
 */
import type { TableFilePrefix } from '../../../shared/errors/catalogue.ts';
import { SUMMARY_ERRORS as E } from '../../../shared/errors/catalogue.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { closeSync, fstatSync, readSync } from 'node:fs';
import { FileReadError, describeFileProblem, openRegularFile } from '../files/regular.ts';
import { CsvStream, CsvSyntaxError, type CsvRecord } from './csv.ts';
import { quoteValue, summaryFailure } from './errors.ts';
import { type RawRow, type TableHead, isBlankCell } from './table.ts';

const PIECE_BYTES = 64 * 1024;

export interface CsvTableLimits {
  /** Largest file, checked before reading. */
  readonly maxBytes: number;
  /** Most data rows after the header (blank ones included, as checkRowCount counts them). */
  readonly maxRows: number;
  readonly prefix: TableFilePrefix;
}

function unreadable(file: string, prefix: TableFilePrefix, e: unknown): CodedFailure {
  if (!(e instanceof FileReadError)) {
    const errno = (e as NodeJS.ErrnoException).code ?? '';
    return unreadable(file, prefix, new FileReadError({ kind: 'unreadable', errno }));
  }
  const code =
    e.problem.kind === 'too_large' ? (`${prefix}_TOO_LARGE` as const) : (`${prefix}_FILE_UNREADABLE` as const);
  return new CodedFailure(code, `Tệp ${file}: ${describeFileProblem(e.problem)}.`, { file });
}

function malformed(file: string, row: number, e: CsvSyntaxError): CodedFailure {
  const what =
    e.problem === 'unterminated_quote'
      ? 'dấu ngoặc kép (") mở ở dòng này không được đóng.'
      : 'có ký tự ngay sau dấu ngoặc kép đóng; một ô có ngoặc kép phải được bao trọn trong ngoặc kép.';
  return summaryFailure(E.CSV_MALFORMED, { file, row }, what);
}

/** The decoder decodeCsvBytes would choose from the first two bytes. */
function decoderFor(first: Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le');
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be');
  return new TextDecoder('utf-8', { fatal: true });
}

/**
 * Reads `path` (named `file` in messages) and calls `start` with the header once it is
 * found, then the function it returns with each data row, in order. What `start` or a
 * row throws as a CodedFailure is reported at the end, after the checks of the whole file.
 */
export function streamCsvTable(
  path: string,
  file: string,
  limits: CsvTableLimits,
  start: (head: TableHead) => (row: RawRow) => void,
): void {
  let fd: number;
  let size: number;
  try {
    fd = openRegularFile(path);
  } catch (e) {
    throw unreadable(file, limits.prefix, e);
  }
  try {
    size = fstatSync(fd).size;
    if (size > limits.maxBytes)
      throw unreadable(file, limits.prefix, new FileReadError({ kind: 'too_large', size, max: limits.maxBytes }));
    readPieces(fd, size, file, limits, start);
  } finally {
    closeSync(fd);
  }
}

function readPieces(
  fd: number,
  size: number,
  file: string,
  limits: CsvTableLimits,
  start: (head: TableHead) => (row: RawRow) => void,
): void {
  // Problems found, each reported only if no earlier-stage problem turns up before the end.
  let syntax: CodedFailure | null = null;
  let wide: CodedFailure | null = null;
  let later: CodedFailure | null = null;
  let head: TableHead | null = null;
  let width = 0;
  let rows = 0;
  let consume: ((row: RawRow) => void) | null = null;
  let skipped = 0;

  const defer = (e: unknown) => {
    if (!(e instanceof CodedFailure)) throw e;
    later = e;
  };
  const onRecord = (rec: CsvRecord) => {
    const row: RawRow = { row: rec.line + skipped, cells: rec.fields };
    if (head === null) {
      if (rec.fields.every(isBlankCell)) return;
      head = { file, headerRow: row.row, headers: rec.fields };
      width = rec.fields.length;
      try {
        consume = start(head);
      } catch (e) {
        defer(e);
      }
      return;
    }
    rows += 1;
    if (wide === null && rec.fields.length > width) {
      // More fields than headers usually means an unquoted "94,00" split in two: refuse it.
      const extra = rec.fields.slice(width).findIndex((c) => !isBlankCell(c));
      if (extra >= 0) {
        const col = width + extra + 1;
        wide = summaryFailure(
          E.CSV_MALFORMED,
          { file, row: row.row, columnNumber: col },
          `dòng có ${rec.fields.length} ô nhưng dòng tiêu đề chỉ có ${width} cột (giá trị ${quoteValue(rec.fields[col - 1] ?? '')}); số có dấu phẩy như "94,00" phải đặt trong dấu ngoặc kép.`,
        );
      }
    }
    if (wide !== null || later !== null || rows > limits.maxRows || consume === null) return;
    try {
      consume(row);
    } catch (e) {
      defer(e);
    }
  };

  let decoder: TextDecoder | null = null;
  let csv: CsvStream | null = null;
  let lead = ''; // text before the parser starts: a BOM and an optional "sep=;" line
  const feed = (text: string, final: boolean) => {
    if (syntax !== null) return;
    try {
      if (csv === null) {
        lead += text;
        if (lead.length < 8 && !final) return;
        let body = lead.replace(/^\uFEFF/, '');
        const sep = /^sep=(.)(\r\n|\n|\r|$)/i.exec(body);
        if (sep) {
          body = body.slice(sep[0].length);
          skipped = 1;
        }
        csv = new CsvStream(onRecord, sep ? { delimiter: sep[1]! } : {});
        lead = '';
        text = body;
      }
      csv.push(text);
      if (final) csv.end();
    } catch (e) {
      if (!(e instanceof CsvSyntaxError)) throw e;
      syntax = malformed(file, e.line + skipped, e);
    }
  };

  const buf = Buffer.allocUnsafe(PIECE_BYTES);
  let off = 0;
  for (;;) {
    let n: number;
    try {
      n = off < size ? readSync(fd, buf, 0, Math.min(PIECE_BYTES, size - off), off) : 0;
    } catch (e) {
      throw unreadable(file, limits.prefix, e);
    }
    const piece = buf.subarray(0, n);
    off += n;
    decoder ??= decoderFor(piece);
    let text: string;
    try {
      text = decoder.decode(piece, { stream: n > 0 });
    } catch {
      throw summaryFailure(E.FILE_UNREADABLE, { file }, 'tệp không ở mã UTF-8; hãy lưu lại dưới dạng "CSV UTF-8".');
    }
    feed(text, n === 0);
    if (n === 0) break;
  }

  if (syntax !== null) throw syntax;
  if (head === null) throw summaryFailure(E.EMPTY_FILE, { file }, 'trống, không có dòng tiêu đề.');
  if (wide !== null) throw wide;
  if (rows > limits.maxRows)
    throw new CodedFailure(
      `${limits.prefix}_TOO_LARGE`,
      `Tệp ${file}: có ${rows} dòng, tối đa ${limits.maxRows} dòng.`,
      {
        file,
      },
    );
  if (later !== null) throw later;
}
