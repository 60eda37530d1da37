/**
 * Reading a survey file's headers and cells: respondent and question columns, points, counts, and the coded error
 * that names file, row and column.
 */
import { type Rational, fromNumber, parseDecimal } from '../../../shared/decimal/rational.ts';
import { SURVEY_ERRORS } from '../../../shared/errors/catalogue.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { parseViNumber } from '../../../shared/format/vi.ts';
import { type SurveySource, SURVEY_SOURCES } from '../../../shared/report/survey.ts';
import { foldKey } from '../summary/columns.ts';
import { type RawCell, isBlankCell } from '../summary/table.ts';
import { cellText } from './read.ts';
import type { ErrorCode } from '../../../shared/errors/codes.ts';

const RESPONDENT_ALIASES: Readonly<Record<SurveySource, readonly string[]>> = {
  cbccvc: [
    'respondents_cbccvc',
    'respondents cbccvc',
    'Số phiếu CBCCVC',
    'Số người khảo sát CBCCVC',
    'Số CBCCVC khảo sát',
    'Số phiếu khảo sát CBCCVC',
  ],
  sipas: [
    'respondents_sipas',
    'respondents sipas',
    'Số phiếu SIPAS',
    'Số người khảo sát SIPAS',
    'Số phiếu khảo sát SIPAS',
  ],
};
export const RESPONDENT_KEYS = new Map(
  SURVEY_SOURCES.flatMap((s) => RESPONDENT_ALIASES[s].map((a) => [foldKey(a), s] as const)),
);

const QUESTION_RE = /^(cau|cauhoi|c|q|question|tieuchi)\d+[a-z]?$/;

/** Whether a header names a question column ("Câu 1", "Q12", "C3a"). */
export function isQuestionHeader(header: string): boolean {
  return QUESTION_RE.test(foldKey(header));
}

function where(file: string, row?: number, column?: string): string {
  return `Tệp ${file}${row !== undefined ? `, dòng ${row}` : ''}${column !== undefined ? `, cột "${column}"` : ''}`;
}

export function fail(
  code: ErrorCode,
  file: string,
  what: string,
  row?: number,
  column?: string,
  value?: string,
): CodedFailure {
  const details: Record<string, string | number> = { file };
  if (row !== undefined) details['row'] = row;
  if (column !== undefined) details['column'] = column;
  if (value !== undefined) details['value'] = value;
  return new CodedFailure(code, `${where(file, row, column)}: ${what}`, details);
}

export function readPoints(cell: RawCell, file: string, row: number, column: string): Rational {
  let v: Rational | null = null;
  if (typeof cell === 'number') v = Number.isFinite(cell) ? fromNumber(cell) : null;
  else if (typeof cell === 'string') {
    const plain = parseViNumber(cell);
    v = plain === null ? null : parseDecimal(plain);
  }
  if (v === null)
    throw fail(SURVEY_ERRORS.NOT_A_NUMBER, file, `"${cellText(cell)}" không phải là số.`, row, column, cellText(cell));
  if (v.n < 0n)
    throw fail(
      SURVEY_ERRORS.POINTS_RANGE,
      file,
      `"${cellText(cell)}" là số âm; điểm không được âm.`,
      row,
      column,
      cellText(cell),
    );
  return v;
}

export function readCount(cell: RawCell, file: string, row: number, column: string): number | null {
  if (isBlankCell(cell)) return null;
  const t = cellText(cell).trim().replace(/\./g, '');
  if (!/^\d+$/.test(t) || !Number.isSafeInteger(Number(t))) {
    throw fail(
      SURVEY_ERRORS.BAD_RESPONDENTS,
      file,
      `số phiếu "${cellText(cell)}" phải là số nguyên không âm.`,
      row,
      column,
      cellText(cell),
    );
  }
  return Number(t);
}
