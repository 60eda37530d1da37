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

/** The counted leaves (temp.plan_leaf) of the unit `u` of the enclosing query: every leaf, with or without a dossier row. */
const UNIT_LEAVES = `(SELECT u.id AS unit_id, pl.code AS node_code FROM cycle_frameworks cf
      JOIN temp.plan_leaf pl ON pl.hash = cf.framework_hash AND pl.grp = cf.grp
      WHERE cf.cycle_id = u.cycle_id AND cf.grp = u.grp)`;
/** Given [unit, leaf] pairs (a JSON array), read once into the CTE `given` (see effectiveScoresOf). */
const GIVEN_LEAVES = 'given';

/**
 * The effective score `s` of each of `leaves`: final > appraisal of an assigned member >
 * round 2 > round 1. Only the final score is a join; the appraisal and the dossier row
 * are subqueries inside COALESCE, so they run only for a leaf without a final score
 * (after a merge: hardly any). Exemptions are not looked at here: the caller takes the
 * exempted leaves' scores out (few rows, instead of a lookup per leaf). The caller reads
 * it through `(…) LIMIT -1`, which keeps SQLite from flattening it into the aggregate:
 * `s` is then computed once per row, not once per use.
 */
function effectiveSql(leaves: string): string {
  return `SELECT d.unit_id AS unit_id, d.node_code AS node_code, COALESCE(f.score, (
        SELECT a.score FROM appraisals a JOIN member_fields mf ON mf.member_id = a.member_id
        WHERE a.unit_id = d.unit_id AND a.node_code = d.node_code AND a.score IS NOT NULL
          AND mf.field_code = substr(d.node_code, 1, instr(d.node_code || '.', '.') - 1)
          AND mf.grp IN ('', (SELECT grp FROM units WHERE id = d.unit_id))
        ORDER BY a.updated_at DESC, a.member_id LIMIT 1), (
        SELECT COALESCE(di.round2_score, di.round1_score) FROM dossier_items di
        WHERE di.unit_id = d.unit_id AND di.node_code = d.node_code)) AS s
    FROM ${leaves} d
    LEFT JOIN final_scores f ON f.unit_id = d.unit_id AND f.node_code = d.node_code
    LIMIT -1`;
}

/**
 * Per unit of the cycle, each distinct effective score of its counted leaves (exempted
 * ones included) and how many leaves have it, as "score count score count …" (null: no
 * score at all; needs ensurePlanLeaves first). A few distinct values per unit, so the
 * caller adds them up exactly at little cost; grouping unit by unit sorts a few dozen
 * rows at a time instead of the whole cycle's.
 */
export function effectiveScoreCounts(db: Db, cycleId: string) {
  return stmt(
    db,
    `SELECT u.id, (SELECT group_concat(s || ' ' || n, ' ') FROM (SELECT s, count(*) AS n FROM (${effectiveSql(UNIT_LEAVES)}) WHERE s IS NOT NULL GROUP BY s))
     FROM units u WHERE u.cycle_id = ?`,
  )
    .raw()
    .iterate(cycleId) as Iterable<[string, string | null]>;
}

/** [unit, leaf, effective score] of the given [unit, leaf] pairs that have a score. */
export function effectiveScoresOf(db: Db, pairs: readonly (readonly [string, string])[]) {
  // MATERIALIZED: each pair's text is taken apart once, not at every use in the subqueries.
  return stmt(
    db,
    `WITH given AS MATERIALIZED (SELECT value ->> 0 AS unit_id, value ->> 1 AS node_code FROM json_each(?))
     SELECT unit_id, node_code, s FROM (${effectiveSql(GIVEN_LEAVES)}) WHERE s IS NOT NULL`,
  )
    .raw()
    .all(JSON.stringify(pairs)) as [string, string, string][];
}
