/**
 * Coded, Vietnamese errors of the summary-table reader. Each names the file and, where
 * there is one, the row (the 1-based line or worksheet row, header = 1) and the column
 * (its header as written in the file).
 */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { SUMMARY_ERRORS } from '../../../shared/errors/catalogue.ts';

export type SummaryErrorCode = (typeof SUMMARY_ERRORS)[keyof typeof SUMMARY_ERRORS];

/** Where a problem is: file, and optionally row and column header. */
export interface SummaryLocation {
  readonly file: string;
  readonly row?: number;
  readonly column?: string;
  /** 1-based position, for a cell outside the header's columns. */
  readonly columnNumber?: number;
}

/** "Tệp a.csv, dòng 4, cột "self_assessed"" */
export function describeLocation(at: SummaryLocation): string {
  let s = `Tệp ${at.file}`;
  if (at.row !== undefined) s += `, dòng ${at.row}`;
  if (at.column !== undefined) s += `, cột "${at.column}"`;
  else if (at.columnNumber !== undefined) s += `, cột thứ ${at.columnNumber}`;
  return s;
}

/** A cell's text for a message: quoted, on one line, shortened when long. */
export function quoteValue(text: string): string {
  const flat = text.normalize('NFC').replace(/\s+/g, ' ');
  const short = [...flat].length > 60 ? `${[...flat].slice(0, 57).join('')}…` : flat;
  return `"${short}"`;
}

/** Throws `CODE: <location>: <what>` with the location in the details. */
export function summaryFailure(
  code: SummaryErrorCode,
  at: SummaryLocation,
  what: string,
  value?: string,
): CodedFailure {
  const details: Record<string, string | number> = { file: at.file };
  if (at.row !== undefined) details.row = at.row;
  if (at.column !== undefined) details.column = at.column;
  else if (at.columnNumber !== undefined) details.column = at.columnNumber;
  if (value !== undefined) details.value = value;
  return new CodedFailure(code, `${describeLocation(at)}: ${what}`, details);
}
