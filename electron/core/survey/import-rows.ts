/** The shape of a survey import (options, rows, preview) and what the store held before each row. */
import { deserialize } from '../../../shared/decimal/rational.ts';
import type { SurveyScale, SurveySource } from '../../../shared/report/survey.ts';
import type { Db } from '../db/connection.ts';
import { listCycleSurveyPoints } from '../db/repos/survey.ts';
import { type DecimalText, exactDecimalText } from '../../../shared/decimal/text.ts';

export type SurveyImportKind = 'points' | 'responses';

export interface SurveyImportOptions {
  /** Default: 'responses' when the file has question columns, else 'points'. */
  readonly kind?: SurveyImportKind;
  /** The survey of a responses file (required then). */
  readonly source?: SurveySource;
  readonly commit?: boolean;
  readonly actor?: string;
  /** Skip rows of units that are not in the cycle instead of refusing the file. */
  readonly allowUnmatched?: boolean;
  /** The name messages show (default: the path). */
  readonly fileName?: string;
}

export interface SurveyImportRow {
  readonly unitId: string;
  readonly unit: string;
  readonly source: SurveySource;
  readonly points: DecimalText;
  readonly max: DecimalText;
  readonly respondents: number | null;
  /** Responses only. */
  readonly answers?: number;
  readonly blanks?: number;
  readonly optionCounts?: Readonly<Record<string, number>>;
  /** Mean weight of the answers, 0–1 (responses only). */
  readonly satisfaction?: DecimalText;
  /** What the store held before. */
  readonly previous: { readonly points: DecimalText; readonly respondents: number | null } | null;
}

export interface SurveyImportPreview {
  readonly cycleId: string;
  readonly file: string;
  readonly kind: SurveyImportKind;
  readonly source: SurveySource | null;
  readonly rows: readonly SurveyImportRow[];
  /** Rows skipped with allowUnmatched. */
  readonly unmatched: readonly { readonly unit: string; readonly row: number }[];
  /** Units of the cycle the file gives no points for (per source imported). */
  readonly missing: readonly { readonly unitId: string; readonly unit: string; readonly source: SurveySource }[];
  readonly respondents: number;
  readonly answers: number;
  readonly scale: SurveyScale | null;
  readonly committed: boolean;
}

export interface SurveyFileContext {
  readonly db: Db;
  readonly cycleId: string;
  readonly file: string;
  readonly options: SurveyImportOptions;
}

export function prevText(points: string): DecimalText {
  return exactDecimalText(deserialize(points));
}

export function storedPrevious(
  db: Db,
  cycleId: string,
): Map<string, { points: DecimalText; respondents: number | null }> {
  return new Map(
    listCycleSurveyPoints(db, cycleId).map((p) => [
      `${p.unitId}/${p.source}`,
      { points: prevText(p.points), respondents: p.respondents },
    ]),
  );
}
