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
