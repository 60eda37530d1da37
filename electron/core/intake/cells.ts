/** Reading the cells of a filled workbook: where (sheet, row, column) and what (text, exact number). */
import type { CellValue } from 'exceljs';
import { type Rational, fromNumber, parseDecimal } from '../../../shared/decimal/rational.ts';
import { CodedFailure, type CodedError } from '../../../shared/errors/codes.ts';
import { parseViNumber } from '../../../shared/format/vi.ts';
import { rawCellOf } from '../summary/xlsx.ts';
import { letter } from './layout.ts';
import type { ErrorCode } from '../../../shared/errors/codes.ts';

export interface Where {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  /** The column's header, shown in the message. */
  readonly header?: string;
}

function whereText(w: Where): string {
  return `Trang “${w.sheet}”, dòng ${w.row}, cột ${letter(w.column)}${w.header ? ` (${w.header})` : ''}`;
}

export function problem(code: ErrorCode, w: Where, what: string): CodedError {
  return {
    code,
    message: `${whereText(w)}: ${what}`,
    details: { sheet: w.sheet, row: w.row, column: letter(w.column) },
  };
}

/** One refusal for the problems found (each on its own line, at most 20), with the first's code and place. */
export function refusal(problems: readonly CodedError[]): CodedFailure {
  const first = problems[0]!;
  const shown = problems.slice(0, 20).map((p) => p.message);
  if (problems.length > 20) shown.push(`… và ${problems.length - 20} lỗi khác.`);
  return CodedFailure.from(first, shown.join('\n'), { count: problems.length });
}

/** Text of a cell ('' when blank). */
export function cellText(v: CellValue | unknown): string {
  const r = rawCellOf(v);
  if (r === null) return '';
  if (typeof r === 'object') return r.display.trim();
  return String(r).trim();
}

export type NumberCell = { ok: true; value: Rational | null } | { ok: false; text: string };

/** A number cell: blank → null; a number, or text that reads as a number ("83,5", "12"), → exact; else not ok. */
export function cellNumber(v: CellValue | unknown): NumberCell {
  const r = rawCellOf(v);
  if (r === null) return { ok: true, value: null };
  if (typeof r === 'number')
    return Number.isFinite(r) ? { ok: true, value: fromNumber(r) } : { ok: false, text: String(r) };
  const text = typeof r === 'object' ? r.display : r;
  if (text.trim() === '') return { ok: true, value: null };
  const plain = parseViNumber(text);
  const value = plain === null ? null : parseDecimal(plain);
  return value ? { ok: true, value } : { ok: false, text };
}
