/**
 * What the merge of an appraisal package reads and writes besides the package record:
 * the other members' scores, final scores, exemptions with their package, the member's
 * rows tagged with the package they came from. Writes run inside the caller's transaction.
 */
import type { ExemptionData, FinalScoreData } from '../../../../shared/exchange/merge.ts';
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

/**
 * The statements run once per item of a package (tens of thousands for a large cycle):
 * prepared once per connection and kept here, as the merge always had them, so no lookup
 * or mode reset per call (db/statements.ts resets a cached reader's modes on every use).
 */
const perItem = new WeakMap<Db, ReturnType<typeof prepareStatements>>();

function prepareStatements(db: Db) {
  return {
    deleteAppraisal: db.prepare('DELETE FROM appraisals WHERE unit_id = ? AND node_code = ? AND member_id = ?'),
    upsertAppraisal: db.prepare(
      `INSERT INTO appraisals (unit_id, node_code, member_id, input, score, comment, updated_at, package_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (unit_id, node_code, member_id) DO UPDATE SET input = excluded.input, score = excluded.score, comment = excluded.comment,
         updated_at = excluded.updated_at, package_hash = excluded.package_hash`,
    ),
    clearEvidence: db.prepare('DELETE FROM appraisal_evidence WHERE unit_id = ? AND node_code = ? AND member_id = ?'),
    linkEvidence: db.prepare(
      'INSERT OR IGNORE INTO appraisal_evidence (unit_id, node_code, member_id, evidence_id, page) VALUES (?, ?, ?, ?, ?)',
    ),
    upsertFinal: db.prepare(
      `INSERT INTO final_scores (unit_id, node_code, input, score, source_member, package_hash, decided_by, reason, updated_at, basis)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (unit_id, node_code) DO UPDATE SET input = excluded.input, score = excluded.score, source_member = excluded.source_member,
         package_hash = excluded.package_hash, decided_by = excluded.decided_by, reason = excluded.reason, updated_at = excluded.updated_at,
         basis = excluded.basis`,
    ),
  };
}

function statements(db: Db): ReturnType<typeof prepareStatements> {
  let r = perItem.get(db);
  if (!r) perItem.set(db, (r = prepareStatements(db)));
  return r;
}

/** The member's rows: "unit␟node" → the package that brought each (null when entered locally). */
export function memberRowHashes(db: Db, memberId: string): [string, string | null][] {
  return stmt(db, 'SELECT unit_id || char(31) || node_code AS k, package_hash AS h FROM appraisals WHERE member_id = ?')
    .raw()
    .all(memberId) as [string, string | null][];
}

export interface OtherScore<I = string | null> {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly memberId: string;
  readonly input: I;
  readonly score: string;
  readonly packageHash: string | null;
}

/**
 * The keys asked about, as one JSON parameter: SQLite walks them and looks each up by the
 * primary key, so a package of 1 700 items costs three statements, not 5 100 round trips.
 * Rows come back in the order of the keys (then by member).
 */
const KEYS = `WITH k (ord, unit_id, node_code) AS (SELECT key, value ->> 0, value ->> 1 FROM json_each(?))`;
const keysParam = (keys: readonly (readonly [string, string])[]) => JSON.stringify(keys);

/** Every member's scored appraisal of these sub-criteria ([unit, node] pairs), each input read by `input`. */
export function scoredAppraisalsOf<I>(
  db: Db,
  keys: readonly (readonly [string, string])[],
  input: (text: string | null) => I,
): OtherScore<I>[] {
  // Rows as arrays, made into objects here: better-sqlite3 builds objects far slower than V8.
  const rows = stmt(
    db,
    `${KEYS} SELECT a.unit_id, a.node_code, a.member_id, a.input, a.score, a.package_hash
     FROM k JOIN appraisals a ON a.unit_id = k.unit_id AND a.node_code = k.node_code
     WHERE a.score IS NOT NULL ORDER BY k.ord, a.member_id`,
  )
    .raw()
    .all(keysParam(keys)) as [string, string, string, string | null, string, string | null][];
  return rows.map(([unitId, nodeCode, memberId, text, score, packageHash]) => ({
    unitId,
    nodeCode,
    memberId,
    input: input(text),
    score,
    packageHash,
  }));
}

export type FinalScoreRow<I = string | null> = Omit<FinalScoreData, 'input'> & { input: I };

/** The final scores of these sub-criteria that exist, in the order of the keys, each input read by `input`. */
export function finalScoresOf<I>(
  db: Db,
  keys: readonly (readonly [string, string])[],
  input: (text: string | null) => I,
): FinalScoreRow<I>[] {
  const rows = stmt(
    db,
    `${KEYS} SELECT f.unit_id, f.node_code, f.input, f.score, f.source_member, f.package_hash, f.decided_by, f.reason, f.basis, f.updated_at
     FROM k JOIN final_scores f ON f.unit_id = k.unit_id AND f.node_code = k.node_code ORDER BY k.ord`,
  )
    .raw()
    .all(keysParam(keys)) as (string | null)[][];
  return rows.map(
    ([unitId, nodeCode, text, score, sourceMember, packageHash, decidedBy, reason, basis, updatedAt]) => ({
      unitId: unitId!,
      nodeCode: nodeCode!,
      input: input(text ?? null),
      score: score!,
      sourceMember: sourceMember ?? null,
      packageHash: packageHash ?? null,
      decidedBy: decidedBy ?? null,
      reason: reason ?? null,
      basis: basis ?? null,
      updatedAt: updatedAt!,
    }),
  );
}

/** The exemptions of these sub-criteria, each with the package that brought it, in the order of the keys. */
export function exemptionRecordsOf(db: Db, keys: readonly (readonly [string, string])[]): ExemptionData[] {
  return stmt(
    db,
    `${KEYS} SELECT e.unit_id AS unitId, e.node_code AS nodeCode, e.reason, e.legal_basis AS legalBasis, e.proposed_by AS proposedBy, e.status,
       e.decided_by AS decidedBy, e.decision_reason AS decisionReason, e.created_at AS createdAt, e.decided_at AS decidedAt, e.package_hash AS packageHash
     FROM k JOIN exemptions e ON e.unit_id = k.unit_id AND e.node_code = k.node_code ORDER BY k.ord`,
  ).all(keysParam(keys)) as ExemptionData[];
}

/** Withdraws the member's appraisal of one sub-criterion (his new package no longer carries it). */
export function deleteMemberAppraisal(db: Db, unitId: string, nodeCode: string, memberId: string): void {
  statements(db).deleteAppraisal.run(unitId, nodeCode, memberId);
}

export function memberHasAppraisals(db: Db, memberId: string): boolean {
  return stmt(db, 'SELECT 1 FROM appraisals WHERE member_id = ? LIMIT 1').pluck().get(memberId) !== undefined;
}

/** The member's appraisal as the package carries it, tagged with the package's hash. */
export function upsertPackageAppraisal(
  db: Db,
  a: {
    unitId: string;
    nodeCode: string;
    memberId: string;
    input: string | null;
    score: string | null;
    comment: string;
    updatedAt: string;
    packageHash: string;
  },
): void {
  statements(db).upsertAppraisal.run(
    a.unitId,
    a.nodeCode,
    a.memberId,
    a.input,
    a.score,
    a.comment,
    a.updatedAt,
    a.packageHash,
  );
}

export function clearAppraisalEvidence(db: Db, unitId: string, nodeCode: string, memberId: string): void {
  statements(db).clearEvidence.run(unitId, nodeCode, memberId);
}

export function linkAppraisalEvidence(
  db: Db,
  unitId: string,
  nodeCode: string,
  memberId: string,
  evidenceId: number,
  page: number | null,
): void {
  statements(db).linkEvidence.run(unitId, nodeCode, memberId, evidenceId, page);
}

/** The cycle's evidence documents: [sha256, id]. */
export function evidenceIdsOfCycle(db: Db, cycleId: string): [string, number][] {
  return stmt(db, 'SELECT sha256, id FROM evidence WHERE cycle_id = ?').raw().all(cycleId) as [string, number][];
}

/** The id of the cycle's document with this hash, when the store holds it. */
export function evidenceIdOf(db: Db, cycleId: string, sha256: string): number | undefined {
  return stmt(db, 'SELECT id FROM evidence WHERE cycle_id = ? AND sha256 = ?').pluck().get(cycleId, sha256) as
    | number
    | undefined;
}

/** An exemption as the package carries it (proposed, or as decided), tagged with the package's hash. */
export function upsertExemptionRecord(db: Db, e: ExemptionData): void {
  stmt(
    db,
    `INSERT INTO exemptions (unit_id, node_code, reason, legal_basis, proposed_by, status, decided_by, decision_reason, created_at, decided_at, package_hash)
       VALUES (@unitId, @nodeCode, @reason, @legalBasis, @proposedBy, @status, @decidedBy, @decisionReason, @createdAt, @decidedAt, @packageHash)
       ON CONFLICT (unit_id, node_code) DO UPDATE SET reason = excluded.reason, legal_basis = excluded.legal_basis, proposed_by = excluded.proposed_by,
         status = excluded.status, decided_by = excluded.decided_by, decision_reason = excluded.decision_reason, decided_at = excluded.decided_at,
         package_hash = excluded.package_hash`,
  ).run(e);
}

/** The final score of a sub-criterion (merged from the members, or decided by the secretariat). */
export function upsertFinalScore(db: Db, f: FinalScoreData): void {
  statements(db).upsertFinal.run(
    f.unitId,
    f.nodeCode,
    f.input === null ? null : JSON.stringify(f.input),
    f.score,
    f.sourceMember,
    f.packageHash,
    f.decidedBy,
    f.reason,
    f.updatedAt,
    f.basis,
  );
}

export function deleteFinalScore(db: Db, unitId: string, nodeCode: string): void {
  stmt(db, 'DELETE FROM final_scores WHERE unit_id = ? AND node_code = ?').run(unitId, nodeCode);
}
