/** Sociological survey points (điểm ĐTXHH) per unit: civil-servant survey (CBCCVC) and SIPAS; imported, not appraised. */
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export type SurveySource = 'cbccvc' | 'sipas';

export interface SurveyPoints {
  readonly unitId: string;
  readonly source: SurveySource;
  /** Exact points as serialised rational text. */
  readonly points: string;
  readonly respondents: number | null;
  readonly importedAt: string;
}

export function putSurveyPoints(db: Db, s: SurveyPoints): void {
  stmt(
    db,
    `INSERT INTO survey_points (unit_id, source, points, respondents, imported_at) VALUES (@unitId, @source, @points, @respondents, @importedAt)
     ON CONFLICT (unit_id, source) DO UPDATE SET points = excluded.points, respondents = excluded.respondents, imported_at = excluded.imported_at`,
  ).run(s);
}

export function listCycleSurveyPoints(db: Db, cycleId: string): SurveyPoints[] {
  return db
    .prepare(
      `SELECT unit_id AS unitId, source, points, respondents, imported_at AS importedAt FROM survey_points
       WHERE unit_id IN (SELECT id FROM units WHERE cycle_id = ?)`,
    )
    .all(cycleId) as SurveyPoints[];
}

/** The survey's answer scale of a cycle and source, as stored JSON, or undefined (the default applies). */
export function getSurveyScaleJson(db: Db, cycleId: string, source: SurveySource): string | undefined {
  return stmt(db, 'SELECT scale FROM survey_scales WHERE cycle_id = ? AND source = ?').pluck().get(cycleId, source) as
    | string
    | undefined;
}

export function putSurveyScaleJson(db: Db, cycleId: string, source: SurveySource, scale: string, at: string): void {
  stmt(
    db,
    `INSERT INTO survey_scales (cycle_id, source, scale, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (cycle_id, source) DO UPDATE SET scale = excluded.scale, updated_at = excluded.updated_at`,
  ).run(cycleId, source, scale, at);
}

export interface ResponseSummaryRow {
  readonly unitId: string;
  readonly source: SurveySource;
  readonly respondents: number;
  readonly answers: number;
  readonly blanks: number;
  /** JSON of the counts per answer option. */
  readonly optionCounts: string;
  readonly satisfaction: string;
  readonly points: string;
  /** JSON of the scale the points were computed with. */
  readonly scale: string;
  readonly file: string;
  readonly importedAt: string;
}

export function putResponseSummary(db: Db, r: ResponseSummaryRow): void {
  stmt(
    db,
    `INSERT INTO survey_response_summaries (unit_id, source, respondents, answers, blanks, option_counts, satisfaction, points, scale, source_file, imported_at)
     VALUES (@unitId, @source, @respondents, @answers, @blanks, @optionCounts, @satisfaction, @points, @scale, @file, @importedAt)
     ON CONFLICT (unit_id, source) DO UPDATE SET respondents = excluded.respondents, answers = excluded.answers, blanks = excluded.blanks,
       option_counts = excluded.option_counts, satisfaction = excluded.satisfaction, points = excluded.points, scale = excluded.scale,
       source_file = excluded.source_file, imported_at = excluded.imported_at`,
  ).run(r);
}

export function listResponseSummaries(db: Db, cycleId: string): Omit<ResponseSummaryRow, 'scale'>[] {
  return stmt(
    db,
    `SELECT unit_id AS unitId, source, respondents, answers, blanks, option_counts AS optionCounts, satisfaction, points, source_file AS file, imported_at AS importedAt
     FROM survey_response_summaries WHERE unit_id IN (SELECT id FROM units WHERE cycle_id = ?) ORDER BY unit_id, source`,
  ).all(cycleId) as Omit<ResponseSummaryRow, 'scale'>[];
}
