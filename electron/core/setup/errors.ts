/** Coded, Vietnamese refusals of cycle set-up (cycles, groups, frameworks, units, roster). */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { SETUP_ERRORS } from '../../../shared/errors/catalogue.ts';
import { type SummaryLocation, describeLocation } from '../summary/errors.ts';

export type SetupErrorCode = (typeof SETUP_ERRORS)[keyof typeof SETUP_ERRORS];

export function setupFailure(
  code: SetupErrorCode,
  message: string,
  details?: Record<string, string | number | boolean | null>,
): CodedFailure {
  return new CodedFailure(code, message, details);
}

/** `CODE: Tệp x.csv, dòng 4, cột "Nhóm": …` with file, row and column in the details. */
export function fileFailure(code: SetupErrorCode, at: SummaryLocation, what: string, value?: string): CodedFailure {
  const details: Record<string, string | number> = { file: at.file };
  if (at.row !== undefined) details['row'] = at.row;
  if (at.column !== undefined) details['column'] = at.column;
  if (value !== undefined) details['value'] = value;
  return new CodedFailure(code, `${describeLocation(at)}: ${what}`, details);
}
