/**
 * What the council's work over a whole cycle reads: the members' scored appraisals and the
 * final scores (the merge state), exemptions and evidence citations (completeness), the
 * detail of one disagreement (a member's comment and evidence, the unit's self-assessment).
 */
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

/** The cycle's scored appraisals: [unitId, nodeCode, memberId, input, score, packageHash], by member. */
export function cycleScoredAppraisals(
  db: Db,
  cycleId: string,
): Iterable<[string, string, string, string | null, string, string | null]> {
  return db
    .prepare(
      'SELECT unit_id, node_code, member_id, input, score, package_hash FROM appraisals WHERE score IS NOT NULL AND unit_id IN (SELECT id FROM units WHERE cycle_id = ?) ORDER BY member_id',
    )
    .raw()
    .iterate(cycleId) as Iterable<[string, string, string, string | null, string, string | null]>;
}

export interface FinalScoreOfCycle {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly input: string | null;
  readonly score: string;
  readonly sourceMember: string | null;
  readonly packageHash: string | null;
  readonly decidedBy: string | null;
  readonly reason: string | null;
  readonly basis: string;
  readonly updatedAt: string;
}

export function cycleFinalScores(db: Db, cycleId: string): Iterable<FinalScoreOfCycle> {
  return db
    .prepare(
      `SELECT unit_id AS unitId, node_code AS nodeCode, input, score, source_member AS sourceMember, package_hash AS packageHash, decided_by AS decidedBy,
         reason, basis, updated_at AS updatedAt FROM final_scores WHERE unit_id IN (SELECT id FROM units WHERE cycle_id = ?)`,
    )
    .iterate(cycleId) as Iterable<FinalScoreOfCycle>;
}

export interface FinalProvenance {
  readonly k: string;
  readonly sourceMember: string | null;
  readonly packageHash: string | null;
  readonly decidedBy: string | null;
  readonly reason: string | null;
}

/** Where each final score of the cycle came from, keyed "unit␟node" (the results snapshot). */
export function finalProvenance(db: Db, cycleId: string): FinalProvenance[] {
  return stmt(
    db,
    `SELECT unit_id || char(31) || node_code AS k, source_member AS sourceMember, package_hash AS packageHash, decided_by AS decidedBy, reason
       FROM final_scores WHERE unit_id IN (SELECT id FROM units WHERE cycle_id = ?)`,
  ).all(cycleId) as FinalProvenance[];
}

/** "unit␟node" of every approved exemption of the cycle. */
export function approvedExemptionKeys(db: Db, cycleId: string): string[] {
  return stmt(
    db,
    "SELECT unit_id || char(31) || node_code FROM exemptions WHERE status = 'approved' AND unit_id IN (SELECT id FROM units WHERE cycle_id = ?)",
  )
    .pluck()
    .all(cycleId) as string[];
}

export interface ApprovedExemption {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly reason: string;
  readonly legalBasis: string;
  readonly proposedBy: string | null;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
}

/** The cycle's approved exemptions, by unit and node (the results snapshot, the cycle package). */
export function approvedExemptions(db: Db, cycleId: string): ApprovedExemption[] {
  return stmt(
    db,
    `SELECT unit_id AS unitId, node_code AS nodeCode, reason, legal_basis AS legalBasis, proposed_by AS proposedBy, decided_by AS decidedBy, decided_at AS decidedAt
         FROM exemptions WHERE status = 'approved' AND unit_id IN (SELECT id FROM units WHERE cycle_id = ?) ORDER BY unit_id, node_code`,
  ).all(cycleId) as ApprovedExemption[];
}

/** Every exemption of the cycle, whatever its status: unit, node, status, reason, legal basis. */
export function cycleExemptionStates(
  db: Db,
  cycleId: string,
): { u: string; c: string; status: string; reason: string; legalBasis: string }[] {
  return stmt(
    db,
    'SELECT unit_id AS u, node_code AS c, status, reason, legal_basis AS legalBasis FROM exemptions WHERE unit_id IN (SELECT id FROM units WHERE cycle_id = ?)',
  ).all(cycleId) as { u: string; c: string; status: string; reason: string; legalBasis: string }[];
}

/** Evidence cited by the units' dossiers: [unitId, nodeCode, sha256]. */
export function dossierCitations(db: Db, cycleId: string): Iterable<[string, string, string]> {
  return db
    .prepare(
      'SELECT de.unit_id, de.node_code, e.sha256 FROM dossier_evidence de JOIN evidence e ON e.id = de.evidence_id WHERE de.unit_id IN (SELECT id FROM units WHERE cycle_id = ?)',
    )
    .raw()
    .iterate(cycleId) as Iterable<[string, string, string]>;
}

/** Evidence cited by the members' appraisals: [unitId, nodeCode, sha256]. */
export function appraisalCitations(db: Db, cycleId: string): Iterable<[string, string, string]> {
  return db
    .prepare(
      'SELECT ae.unit_id, ae.node_code, e.sha256 FROM appraisal_evidence ae JOIN evidence e ON e.id = ae.evidence_id WHERE ae.unit_id IN (SELECT id FROM units WHERE cycle_id = ?)',
    )
    .raw()
    .iterate(cycleId) as Iterable<[string, string, string]>;
}

/** A member's comment and time on one sub-criterion. */
export function appraisalNote(
  db: Db,
  unitId: string,
  nodeCode: string,
  memberId: string,
): { comment: string; updatedAt: string } | undefined {
  return stmt(
    db,
    'SELECT comment, updated_at AS updatedAt FROM appraisals WHERE unit_id = ? AND node_code = ? AND member_id = ?',
  ).get(unitId, nodeCode, memberId) as { comment: string; updatedAt: string } | undefined;
}

export interface CitedEvidence {
  readonly sha256: string;
  readonly title: string;
  readonly fileName: string;
  readonly page: number | null;
}

/** The evidence a member cites on one sub-criterion, by title and page. */
export function appraisalCitedEvidence(db: Db, unitId: string, nodeCode: string, memberId: string): CitedEvidence[] {
  return stmt(
    db,
    `SELECT e.sha256, e.title, e.file_name AS fileName, ae.page FROM appraisal_evidence ae JOIN evidence e ON e.id = ae.evidence_id
       WHERE ae.unit_id = ? AND ae.node_code = ? AND ae.member_id = ? ORDER BY e.title, ae.page`,
  ).all(unitId, nodeCode, memberId) as CitedEvidence[];
}

/** The unit's own score of a sub-criterion (round 2, else round 1), exact text. */
export function selfScoreOf(db: Db, unitId: string, nodeCode: string): string | null | undefined {
  return stmt(db, 'SELECT coalesce(round2_score, round1_score) FROM dossier_items WHERE unit_id = ? AND node_code = ?')
    .pluck()
    .get(unitId, nodeCode) as string | null | undefined;
}

export interface ExemptionRecord {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly reason: string;
  readonly legalBasis: string;
  readonly proposedBy: string | null;
  readonly status: 'proposed' | 'approved' | 'rejected';
  readonly decidedBy: string | null;
  readonly decisionReason: string | null;
  readonly createdAt: string;
  readonly decidedAt: string | null;
  readonly packageHash: string | null;
}

/** Every exemption of the cycle with the package that brought it (the secretariat's list). */
const EXEMPTION_RECORD = `SELECT unit_id AS unitId, node_code AS nodeCode, reason, legal_basis AS legalBasis, proposed_by AS proposedBy, status, decided_by AS decidedBy,
    decision_reason AS decisionReason, created_at AS createdAt, decided_at AS decidedAt, package_hash AS packageHash
  FROM exemptions`;

export function cycleExemptionRecords(db: Db, cycleId: string): ExemptionRecord[] {
  return stmt(db, `${EXEMPTION_RECORD} WHERE unit_id IN (SELECT id FROM units WHERE cycle_id = ?)`).all(
    cycleId,
  ) as ExemptionRecord[];
}

/** One sub-criterion's exemption record, if any. */
export function exemptionRecord(db: Db, unitId: string, nodeCode: string): ExemptionRecord | undefined {
  return stmt(db, `${EXEMPTION_RECORD} WHERE unit_id = ? AND node_code = ?`).get(unitId, nodeCode) as
    | ExemptionRecord
    | undefined;
}

/** The secretariat's decision on a proposal. */
export function setExemptionDecision(
  db: Db,
  d: {
    unitId: string;
    nodeCode: string;
    status: 'approved' | 'rejected';
    decidedBy: string;
    decisionReason: string | null;
    decidedAt: string;
    /** The legal basis of the lowered benchmark (required to approve; kept as it was on a rejection). */
    legalBasis: string;
  },
): void {
  stmt(
    db,
    'UPDATE exemptions SET status = ?, decided_by = ?, decision_reason = ?, decided_at = ?, legal_basis = ? WHERE unit_id = ? AND node_code = ?',
  ).run(d.status, d.decidedBy, d.decisionReason, d.decidedAt, d.legalBasis, d.unitId, d.nodeCode);
}
