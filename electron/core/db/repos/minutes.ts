/** What the minutes read about the council's decisions: decided conflicts, assignments, conflicts of interest. */
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';
import { tableExists } from './report.ts';

export interface DecidedConflictRow {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly score: string;
  readonly reason: string | null;
  readonly decidedBy: string;
  readonly basis: string;
}

/** Final scores the secretariat decided on a disagreement (with the disagreement's basis). */
export function decidedConflicts(db: Db, cycleId: string): DecidedConflictRow[] {
  return stmt(
    db,
    `SELECT unit_id AS unitId, node_code AS nodeCode, score, reason, decided_by AS decidedBy, basis FROM final_scores
     WHERE decided_by IS NOT NULL AND basis IS NOT NULL AND basis <> '' AND unit_id IN (SELECT id FROM units WHERE cycle_id = ?)`,
  ).all(cycleId) as DecidedConflictRow[];
}

/** "unitId␟memberId" of every declared conflict of interest. */
export function conflictOfInterestKeys(db: Db): Set<string> {
  if (!tableExists(db, 'conflicts_of_interest')) return new Set();
  return new Set(
    stmt(db, 'SELECT unit_id || char(31) || member_id FROM conflicts_of_interest').pluck().all() as string[],
  );
}

/** Every scored appraisal of the cycle. */
export function scoredAppraisals(
  db: Db,
  cycleId: string,
): { unitId: string; nodeCode: string; memberId: string; score: string }[] {
  return stmt(
    db,
    `SELECT unit_id AS unitId, node_code AS nodeCode, member_id AS memberId, score FROM appraisals WHERE score IS NOT NULL AND unit_id IN (SELECT id FROM units WHERE cycle_id = ?)`,
  ).all(cycleId) as { unitId: string; nodeCode: string; memberId: string; score: string }[];
}

/** Declared conflicts of interest with the member's and the unit's names. */
export function namedConflictsOfInterest(db: Db, cycleId: string): { member: string; unit: string; reason: string }[] {
  if (!tableExists(db, 'conflicts_of_interest')) return [];
  return stmt(
    db,
    `SELECT m.name AS member, u.name AS unit, c.reason AS reason FROM conflicts_of_interest c
     JOIN units u ON u.id = c.unit_id JOIN members m ON m.id = c.member_id WHERE u.cycle_id = ? ORDER BY m.name, u.name`,
  ).all(cycleId) as { member: string; unit: string; reason: string }[];
}
