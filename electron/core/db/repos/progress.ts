/** What the home screen's progress counts read: keys are `unitId + "\u001f" + nodeCode`. */
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export type ExemptionStatusRow = 'proposed' | 'approved' | 'rejected';

/** Sub-criteria the member has scored. */
export function scoredKeysOf(db: Db, memberId: string): string[] {
  return stmt(db, 'SELECT unit_id || char(31) || node_code FROM appraisals WHERE member_id = ? AND score IS NOT NULL')
    .pluck()
    .all(memberId) as string[];
}

/** Sub-criteria of the cycle that cite at least one evidence document. */
export function keysWithEvidence(db: Db, cycleId: string): string[] {
  return stmt(
    db,
    'SELECT DISTINCT unit_id || char(31) || node_code FROM dossier_evidence WHERE unit_id IN (SELECT id FROM units WHERE cycle_id = ?)',
  )
    .pluck()
    .all(cycleId) as string[];
}

/** Every exemption of the cycle with its status. */
export function exemptionStatuses(db: Db, cycleId: string): [string, ExemptionStatusRow][] {
  return stmt(
    db,
    'SELECT unit_id || char(31) || node_code, status FROM exemptions WHERE unit_id IN (SELECT id FROM units WHERE cycle_id = ?)',
  )
    .raw()
    .all(cycleId) as [string, ExemptionStatusRow][];
}
