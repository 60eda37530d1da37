/** Coded, Vietnamese refusals of cycle set-up (cycles, groups, frameworks, units, roster). */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { type SummaryLocation, describeLocation } from '../summary/errors.ts';

export const SETUP_ERRORS = {
  BAD_CYCLE: 'SETUP_BAD_CYCLE',
  CYCLE_EXISTS: 'SETUP_CYCLE_EXISTS',
  CYCLE_NOT_FOUND: 'SETUP_CYCLE_NOT_FOUND',
  BAD_GROUP: 'SETUP_BAD_GROUP',
  DUPLICATE_GROUP: 'SETUP_DUPLICATE_GROUP',
  NO_GROUPS: 'SETUP_NO_GROUPS',
  FRAMEWORK_GROUP: 'SETUP_FRAMEWORK_GROUP',
  FRAMEWORK_INVALID: 'SETUP_FRAMEWORK_INVALID',
  APPRAISAL_STARTED: 'SETUP_APPRAISAL_STARTED',
  FILE_FORMAT: 'SETUP_FILE_FORMAT',
  MISSING_COLUMN: 'SETUP_MISSING_COLUMN',
  DUPLICATE_COLUMN: 'SETUP_DUPLICATE_COLUMN',
  EMPTY_CELL: 'SETUP_EMPTY_CELL',
  UNKNOWN_GROUP: 'SETUP_UNKNOWN_GROUP',
  DUPLICATE_UNIT: 'SETUP_DUPLICATE_UNIT',
  UNIT_NOT_FOUND: 'SETUP_UNIT_NOT_FOUND',
  UNIT_HAS_DATA: 'SETUP_UNIT_HAS_DATA',
  BAD_ORDER: 'SETUP_BAD_ORDER',
  NO_ROWS: 'SETUP_NO_ROWS',
  BAD_ROLE: 'SETUP_BAD_ROLE',
  UNKNOWN_FIELD: 'SETUP_UNKNOWN_FIELD',
  DUPLICATE_MEMBER: 'SETUP_DUPLICATE_MEMBER',
  MEMBER_NOT_FOUND: 'SETUP_MEMBER_NOT_FOUND',
  MEMBER_HAS_DATA: 'SETUP_MEMBER_HAS_DATA',
  ONE_CHAIR: 'SETUP_ONE_CHAIR',
  BAD_FINGERPRINT: 'SETUP_BAD_FINGERPRINT',
  BAD_TEXT: 'SETUP_BAD_TEXT',
} as const;

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
