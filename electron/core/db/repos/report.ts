/**
 * What the report, the drill-down and the documents read from the store beyond the totals:
 * approved exemptions, survey respondents, the previous year's published results, and the
 * draft/final state of the cycle (its last snapshot).
 */
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

/** Whether a table exists (older stores opened read-only may lack the newer tables). */
export function tableExists(db: Db, name: string): boolean {
  return stmt(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

export function columnExists(db: Db, table: string, column: string): boolean {
  if (!tableExists(db, table)) return false;
  return (db.prepare(`PRAGMA table_info(${JSON.stringify(table)})`).all() as { name: string }[]).some(
    (c) => c.name === column,
  );
}

/** [unit id, source, respondents] of the cycle's survey points. */
export function surveyRespondents(db: Db, cycleId: string): Iterable<[string, 'cbccvc' | 'sipas', number | null]> {
  return stmt(
    db,
    'SELECT unit_id, source, respondents FROM survey_points WHERE unit_id IN (SELECT id FROM units WHERE cycle_id = ?)',
  )
    .raw()
    .iterate(cycleId) as Iterable<[string, 'cbccvc' | 'sipas', number | null]>;
}

/** Years of previous results imported for a cycle, before `beforeYear` when given, latest first. */
export function previousYears(db: Db, cycleId: string, beforeYear?: number): number[] {
  if (!tableExists(db, 'previous_results')) return [];
  if (beforeYear === undefined)
    return stmt(db, 'SELECT DISTINCT year FROM previous_results WHERE cycle_id = ? ORDER BY year DESC')
      .pluck()
      .all(cycleId) as number[];
  return stmt(db, 'SELECT DISTINCT year FROM previous_results WHERE cycle_id = ? AND year < ? ORDER BY year DESC')
    .pluck()
    .all(cycleId, beforeYear) as number[];
}

export interface PreviousPublished {
  readonly unitId: string;
  readonly unitName: string;
  readonly published: string;
}

export function previousPublished(db: Db, cycleId: string, year: number): PreviousPublished[] {
  if (!tableExists(db, 'previous_results')) return [];
  return stmt(
    db,
    'SELECT unit_id AS unitId, unit_name AS unitName, published FROM previous_results WHERE cycle_id = ? AND year = ?',
  ).all(cycleId, year) as PreviousPublished[];
}

export interface PreviousResultRow {
  readonly unitId: string;
  readonly unitName: string;
  readonly group: string;
  readonly benchmark: string | null;
  readonly selfAssessed: string | null;
  readonly surveyCbccvc: string | null;
  readonly surveySipas: string | null;
  readonly published: string;
  readonly precision: number;
  /** The file (and sheet) the row came from. */
  readonly sourceFile: string;
}

/** Replaces one year's previous results of a cycle (inside the caller's transaction). */
export function replacePreviousResults(
  db: Db,
  cycleId: string,
  year: number,
  rows: readonly PreviousResultRow[],
  importedAt: string,
): void {
  stmt(db, 'DELETE FROM previous_results WHERE cycle_id = ? AND year = ?').run(cycleId, year);
  const ins = stmt(
    db,
    `INSERT INTO previous_results (cycle_id, year, unit_id, unit_name, grp, benchmark, self_assessed, survey_cbccvc, survey_sipas, published, precision, source_file, imported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of rows)
    ins.run(
      cycleId,
      year,
      r.unitId,
      r.unitName,
      r.group,
      r.benchmark,
      r.selfAssessed,
      r.surveyCbccvc,
      r.surveySipas,
      r.published,
      r.precision,
      r.sourceFile,
      importedAt,
    );
}

/** The cycle's status and, once finalised, its latest snapshot. */
export function cycleFinalState(
  db: Db,
  cycleId: string,
): { status: string | undefined; snapshot: { hash: string; createdAt: string } | undefined } {
  const status = stmt(db, 'SELECT status FROM cycles WHERE id = ?').pluck().get(cycleId) as string | undefined;
  if (status !== 'finalised' || !tableExists(db, 'cycle_snapshots')) return { status, snapshot: undefined };
  const snapshot = stmt(
    db,
    'SELECT hash, created_at AS createdAt FROM cycle_snapshots WHERE cycle_id = ? ORDER BY id DESC LIMIT 1',
  ).get(cycleId) as { hash: string; createdAt: string } | undefined;
  return { status, snapshot };
}

/** The secretariat's edits of the generated narrative, per sentence key. */
export function listNarrativeEdits(db: Db, cycleId: string): { key: string; text: string; generated: string }[] {
  if (!tableExists(db, 'narrative_edits')) return [];
  return stmt(db, 'SELECT key, text, generated FROM narrative_edits WHERE cycle_id = ?').all(cycleId) as {
    key: string;
    text: string;
    generated: string;
  }[];
}

export function deleteNarrativeEdit(db: Db, cycleId: string, key: string): void {
  stmt(db, 'DELETE FROM narrative_edits WHERE cycle_id = ? AND key = ?').run(cycleId, key);
}

export function putNarrativeEdit(
  db: Db,
  cycleId: string,
  key: string,
  text: string,
  generated: string,
  at: string,
): void {
  stmt(
    db,
    `INSERT INTO narrative_edits (cycle_id, key, text, generated, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (cycle_id, key) DO UPDATE SET text = excluded.text, generated = excluded.generated, updated_at = excluded.updated_at`,
  ).run(cycleId, key, text, generated, at);
}

/** A unit's members' evidence citations, with the documents' titles, by title and page. */
export function unitAppraisalCitations(
  db: Db,
  unitId: string,
): { nodeCode: string; memberId: string; evidenceId: number; title: string; page: number | null }[] {
  return stmt(
    db,
    `SELECT ae.node_code AS nodeCode, ae.member_id AS memberId, ae.evidence_id AS evidenceId, e.title, ae.page
     FROM appraisal_evidence ae JOIN evidence e ON e.id = ae.evidence_id WHERE ae.unit_id = ? ORDER BY e.title, ae.page`,
  ).all(unitId) as { nodeCode: string; memberId: string; evidenceId: number; title: string; page: number | null }[];
}

export interface UnitFinalScore {
  readonly nodeCode: string;
  readonly score: string;
  readonly reason: string | null;
  readonly decidedBy: string | null;
  readonly sourceMember: string | null;
}

/** A unit's final scores (merged or decided). */
export function unitFinalScores(db: Db, unitId: string): UnitFinalScore[] {
  return stmt(
    db,
    'SELECT node_code AS nodeCode, score, reason, decided_by AS decidedBy, source_member AS sourceMember FROM final_scores WHERE unit_id = ?',
  ).all(unitId) as UnitFinalScore[];
}
