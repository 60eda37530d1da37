/**
 * The scans behind a cycle's figures (results/): every row that can give a leaf its
 * effective score, the per-unit cache of totals, and the in-SQLite aggregate that makes a
 * 10,000-unit cycle recompute in a few hundred milliseconds. The rules that combine these
 * rows live in results/; here is only what to read and how.
 */
import type { UnitGroup } from '../../../../shared/framework/types.ts';
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

/** Which units a scan reads: a few by id (one dossier open), or the whole cycle. */
export interface ScanScope {
  readonly where: string;
  readonly param: string;
}

export function scanScope(cycleId: string, unitIds?: readonly string[]): ScanScope {
  return unitIds
    ? { where: 'unit_id IN (SELECT value FROM json_each(?))', param: JSON.stringify([...unitIds]) }
    : { where: 'unit_id IN (SELECT id FROM units WHERE cycle_id = ?)', param: cycleId };
}

const statusList = (includeProposed: boolean) => (includeProposed ? "('approved', 'proposed')" : "('approved')");

/** [unit, code, round 2 score, round 1 score] of the self-assessment. */
export function selfScoreRows(db: Db, s: ScanScope) {
  return stmt(db, `SELECT unit_id, node_code, round2_score, round1_score FROM dossier_items WHERE ${s.where}`)
    .raw()
    .iterate(s.param) as Iterable<[string, string, string | null, string | null]>;
}

/**
 * [unit, code, member, score, updated at] of scored appraisals, in no order (sorting a whole
 * cycle's appraisals in SQLite spills to a temporary file past a few MB; the caller picks
 * the latest of each sub-criterion itself).
 */
export function appraisalScoreRows(db: Db, s: ScanScope) {
  return stmt(
    db,
    `SELECT unit_id, node_code, member_id, score, updated_at FROM appraisals WHERE score IS NOT NULL AND ${s.where}`,
  )
    .raw()
    .iterate(s.param) as Iterable<[string, string, string, string, string]>;
}

/** [unit, code, score] of final scores. */
export function finalScoreRows(db: Db, s: ScanScope) {
  return stmt(db, `SELECT unit_id, node_code, score FROM final_scores WHERE ${s.where}`)
    .raw()
    .iterate(s.param) as Iterable<[string, string, string]>;
}

/** [unit, source, points] of survey points. */
export function surveyPointRows(db: Db, s: ScanScope) {
  return stmt(db, `SELECT unit_id, source, points FROM survey_points WHERE ${s.where}`)
    .raw()
    .iterate(s.param) as Iterable<[string, string, string]>;
}

/** [unit, code] of exemptions, approved (and proposed when asked). */
export function exemptionRows(db: Db, s: ScanScope, includeProposed: boolean) {
  return stmt(
    db,
    `SELECT unit_id, node_code FROM exemptions WHERE status IN ${statusList(includeProposed)} AND ${s.where}`,
  )
    .raw()
    .iterate(s.param) as Iterable<[string, string]>;
}

// ── the per-unit cache of totals (migration 005) ──

export type CachedTotalsRow = [string, string, UnitGroup, string | null, string | null, string | null, string | null];

/** Every unit of the cycle in order, with its cached totals for (scope, rules) or nulls. */
export function cachedTotalsRows(db: Db, cycleId: string, scope: string, rules: number): CachedTotalsRow[] {
  return stmt(
    db,
    `SELECT u.id, u.name, u.grp, t.benchmark, t.self_assessed, t.survey_cbccvc, t.survey_sipas
       FROM units u LEFT JOIN unit_totals t ON t.unit_id = u.id AND t.scope = ? AND t.rules = ?
       WHERE u.cycle_id = ? ORDER BY u.sort_order, u.name`,
  )
    .raw()
    .all(scope, rules, cycleId) as CachedTotalsRow[];
}

/** Writes units' totals into the cache, in one transaction. */
export function putCachedTotals(
  db: Db,
  scope: string,
  rules: number,
  rows: readonly (readonly [string, string, string, string, string])[],
): void {
  const put = stmt(
    db,
    `INSERT OR REPLACE INTO unit_totals (unit_id, scope, rules, benchmark, self_assessed, survey_cbccvc, survey_sipas) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const [id, b, s, c, p] of rows) put.run(id, scope, rules, b, s, c, p);
  })();
}

// ── the aggregate inside SQLite (results/fast-figures.ts) ──

const filled = new WeakMap<Db, Set<string>>();

/** temp.plan_leaf holds, per framework hash and group, the non-survey leaves that count. */
export function ensurePlanLeaves(db: Db, hash: string, group: string, codes: readonly string[]): void {
  let done = filled.get(db);
  if (!done) {
    db.exec(
      'CREATE TEMP TABLE IF NOT EXISTS plan_leaf (hash TEXT NOT NULL, grp TEXT NOT NULL, code TEXT NOT NULL, PRIMARY KEY (hash, grp, code)) WITHOUT ROWID',
    );
    filled.set(db, (done = new Set()));
  }
  const key = `${hash}/${group}`;
  if (done.has(key)) return;
  const ins = stmt(db, 'INSERT OR IGNORE INTO temp.plan_leaf (hash, grp, code) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const code of codes) ins.run(hash, group, code);
  })();
  done.add(key);
}

/** [id, name, group] of the cycle's units in order. */
export function unitRows(db: Db, cycleId: string): [string, string, UnitGroup][] {
  return stmt(db, 'SELECT id, name, grp FROM units WHERE cycle_id = ? ORDER BY sort_order, name')
    .raw()
    .all(cycleId) as [string, string, UnitGroup][];
}

/**
 * The effective score of the counted leaf `pl` of the unit `u` of the enclosing query:
 * final > appraisal of an assigned member (the latest) > round 2 > round 1, '-' for none.
 * The final score is a join (`f`); the appraisal and the dossier row are subqueries inside
 * COALESCE, so they run only for a leaf without a final score (after a merge: hardly any).
 */
const EFFECTIVE = `COALESCE(f.score, (
        SELECT a.score FROM appraisals a JOIN member_fields mf ON mf.member_id = a.member_id
        WHERE a.unit_id = u.id AND a.node_code = pl.code AND a.score IS NOT NULL
          AND mf.field_code = substr(pl.code, 1, instr(pl.code || '.', '.') - 1)
          AND mf.grp IN ('', u.grp)
        ORDER BY a.updated_at DESC, a.member_id LIMIT 1), (
        SELECT COALESCE(di.round2_score, di.round1_score) FROM dossier_items di
        WHERE di.unit_id = u.id AND di.node_code = pl.code), '-')`;

/** Which units a score list covers: the whole cycle, or some units by id. */
export type UnitsScope = { readonly cycleId: string } | { readonly unitIds: readonly string[] };

/**
 * Per unit, the effective score of every counted leaf (temp.plan_leaf, with or without a
 * dossier row; exempted ones included), space-separated in the order of the leaves'
 * codes (SQLite's binary order), '-' for a leaf with no score; null when the unit's group
 * has no counted leaf. Needs ensurePlanLeaves first. The caller adds the scores up and
 * finds an exempted leaf's score by its place, with no sort of the cycle's scores.
 */
export function effectiveScoreLists(db: Db, scope: UnitsScope) {
  const where = 'cycleId' in scope ? 'u.cycle_id = ?' : 'u.id IN (SELECT value FROM json_each(?))';
  return stmt(
    db,
    `SELECT u.id, (SELECT group_concat(${EFFECTIVE}, ' ' ORDER BY pl.code) FROM cycle_frameworks cf
        JOIN temp.plan_leaf pl ON pl.hash = cf.framework_hash AND pl.grp = cf.grp
        LEFT JOIN final_scores f ON f.unit_id = u.id AND f.node_code = pl.code
        WHERE cf.cycle_id = u.cycle_id AND cf.grp = u.grp)
     FROM units u WHERE ${where}`,
  )
    .raw()
    .all('cycleId' in scope ? scope.cycleId : JSON.stringify(scope.unitIds)) as [string, string | null][];
}

/**
 * Per unit of the cycle, its final scores as two lists read in one range of the primary key
 * (no join): "code␟code␟…␞score␟score␟…" (␟: char 31, ␞: char 30; null: none), the codes
 * in the key's order and each score at its code's place. The caller compares the codes
 * with its counted leaves' as one string (after a merge: equal, nearly always) and only
 * then looks codes up one by one. Read whole (one string per unit): taking the rows one
 * at a time while working on each made the pass twice as slow.
 */
export function finalScoreLists(db: Db, cycleId: string) {
  return stmt(
    db,
    `SELECT u.id, (SELECT group_concat(f.node_code, char(31)) || char(30) || group_concat(f.score, char(31))
       FROM final_scores f WHERE f.unit_id = u.id)
     FROM units u WHERE u.cycle_id = ?`,
  )
    .raw()
    .all(cycleId) as [string, string | null][];
}
