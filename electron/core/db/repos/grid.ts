/** What the scoring grid reads for one unit group: self-scores, one member's appraisals, evidence and exemptions. */
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

const IN_GROUP = 'unit_id IN (SELECT id FROM units WHERE cycle_id = ? AND grp = ?)';

/** [unit, code, round 2 score, round 1 score, round 2 input, round 1 input] of the group's dossiers. */
export function groupSelfScores(db: Db, cycleId: string, group: string) {
  return stmt(
    db,
    `SELECT unit_id, node_code, round2_score, round1_score, round2_input, round1_input FROM dossier_items WHERE ${IN_GROUP}`,
  )
    .raw()
    .iterate(cycleId, group) as Iterable<[string, string, string | null, string | null, string | null, string | null]>;
}

/** [unit, code, score, input] of one member's appraisals in the group. */
export function groupMemberAppraisals(db: Db, memberId: string, cycleId: string, group: string) {
  return stmt(db, `SELECT unit_id, node_code, score, input FROM appraisals WHERE member_id = ? AND ${IN_GROUP}`)
    .raw()
    .iterate(memberId, cycleId, group) as Iterable<[string, string, string | null, string | null]>;
}

/** "unit␟code" of every sub-criterion of the group with evidence in the dossier. */
export function groupEvidenceKeys(db: Db, cycleId: string, group: string): Set<string> {
  return new Set(
    stmt(db, `SELECT DISTINCT unit_id || char(31) || node_code FROM dossier_evidence WHERE ${IN_GROUP}`)
      .pluck()
      .all(cycleId, group) as string[],
  );
}

/** "unit␟code" of every approved or proposed exemption in the group. */
export function groupExemptionKeys(db: Db, cycleId: string, group: string): Set<string> {
  return new Set(
    stmt(
      db,
      `SELECT unit_id || char(31) || node_code FROM exemptions WHERE status IN ('approved', 'proposed') AND ${IN_GROUP}`,
    )
      .pluck()
      .all(cycleId, group) as string[],
  );
}
