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
    others: db.prepare(
      `SELECT member_id AS memberId, input, score, package_hash AS packageHash FROM appraisals
       WHERE unit_id = ? AND node_code = ? AND member_id != ? AND score IS NOT NULL`,
    ),
    final: db.prepare(
      `SELECT input, score, source_member AS sourceMember, package_hash AS packageHash, decided_by AS decidedBy, reason, basis, updated_at AS updatedAt
       FROM final_scores WHERE unit_id = ? AND node_code = ?`,
    ),
    exemption: db.prepare(
      `SELECT reason, legal_basis AS legalBasis, proposed_by AS proposedBy, status, decided_by AS decidedBy, decision_reason AS decisionReason,
         created_at AS createdAt, decided_at AS decidedAt, package_hash AS packageHash
       FROM exemptions WHERE unit_id = ? AND node_code = ?`,
    ),
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

export interface OtherScore {
  readonly memberId: string;
  readonly input: string | null;
  readonly score: string;
  readonly packageHash: string | null;
}

/** The other members' scores of one sub-criterion of one unit. */
export function otherScores(db: Db, unitId: string, nodeCode: string, memberId: string): OtherScore[] {
  return statements(db).others.all(unitId, nodeCode, memberId) as OtherScore[];
}

export type FinalScoreRow = Omit<FinalScoreData, 'input' | 'unitId' | 'nodeCode'> & { input: string | null };

export function getFinalScore(db: Db, unitId: string, nodeCode: string): FinalScoreRow | undefined {
  return statements(db).final.get(unitId, nodeCode) as FinalScoreRow | undefined;
}

/** An exemption with the package that brought it. */
export function getExemptionRecord(
  db: Db,
  unitId: string,
  nodeCode: string,
): Omit<ExemptionData, 'unitId' | 'nodeCode'> | undefined {
  return statements(db).exemption.get(unitId, nodeCode) as Omit<ExemptionData, 'unitId' | 'nodeCode'> | undefined;
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
  stmt(
    db,
    `INSERT INTO final_scores (unit_id, node_code, input, score, source_member, package_hash, decided_by, reason, updated_at, basis)
       VALUES (@unitId, @nodeCode, @input, @score, @sourceMember, @packageHash, @decidedBy, @reason, @updatedAt, @basis)
       ON CONFLICT (unit_id, node_code) DO UPDATE SET input = excluded.input, score = excluded.score, source_member = excluded.source_member,
         package_hash = excluded.package_hash, decided_by = excluded.decided_by, reason = excluded.reason, updated_at = excluded.updated_at,
         basis = excluded.basis`,
  ).run({ ...f, input: f.input === null ? null : JSON.stringify(f.input) });
}

export function deleteFinalScore(db: Db, unitId: string, nodeCode: string): void {
  stmt(db, 'DELETE FROM final_scores WHERE unit_id = ? AND node_code = ?').run(unitId, nodeCode);
}
