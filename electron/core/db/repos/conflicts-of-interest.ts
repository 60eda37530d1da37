/**
 * Conflicts of interest (xung đột lợi ích): a member's declaration about a unit, made
 * locally (package_hash NULL) or brought by his package at the secretariat.
 */
import type { ConflictDeclaration } from '../../../../shared/exchange/appraisal-package.ts';
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface ConflictOfInterestRow {
  readonly unitId: string;
  readonly unitName: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly reason: string;
  readonly declaredAt: string;
  /** The package that brought the declaration (at the secretariat), null when made locally. */
  readonly packageHash: string | null;
}

export function hasConflictOfInterest(db: Db, memberId: string, unitId: string): boolean {
  return (
    stmt(db, 'SELECT 1 FROM conflicts_of_interest WHERE member_id = ? AND unit_id = ?').get(memberId, unitId) !==
    undefined
  );
}

/** The cycle's declarations with unit and member names, by unit then member. */
export function listCycleDeclarations(db: Db, cycleId: string): ConflictOfInterestRow[] {
  return stmt(
    db,
    `SELECT c.unit_id AS unitId, u.name AS unitName, c.member_id AS memberId, m.name AS memberName, c.reason, c.declared_at AS declaredAt,
         c.package_hash AS packageHash
       FROM conflicts_of_interest c JOIN units u ON u.id = c.unit_id JOIN members m ON m.id = c.member_id
       WHERE u.cycle_id = ? ORDER BY u.sort_order, u.name, m.name`,
  ).all(cycleId) as ConflictOfInterestRow[];
}

/** The member's declarations (every cycle), by unit. */
export function memberDeclarations(db: Db, memberId: string): ConflictDeclaration[] {
  return stmt(
    db,
    'SELECT unit_id AS unitId, reason, declared_at AS declaredAt FROM conflicts_of_interest WHERE member_id = ? ORDER BY unit_id',
  ).all(memberId) as ConflictDeclaration[];
}

/** The member's declarations in the cycle, by unit (his package carries them). */
export function memberCycleDeclarations(db: Db, memberId: string, cycleId: string): ConflictDeclaration[] {
  return stmt(
    db,
    'SELECT unit_id AS unitId, reason, declared_at AS declaredAt FROM conflicts_of_interest WHERE member_id = ? AND unit_id IN (SELECT id FROM units WHERE cycle_id = ?) ORDER BY unit_id',
  ).all(memberId, cycleId) as ConflictDeclaration[];
}

/** Who declared a conflict with which unit, over the cycle. */
export function cycleConflictPairs(db: Db, cycleId: string): { memberId: string; unitId: string }[] {
  return stmt(
    db,
    'SELECT member_id AS memberId, unit_id AS unitId FROM conflicts_of_interest WHERE unit_id IN (SELECT id FROM units WHERE cycle_id = ?)',
  ).all(cycleId) as { memberId: string; unitId: string }[];
}

export function getDeclaration(
  db: Db,
  unitId: string,
  memberId: string,
): { reason: string; declaredAt: string } | undefined {
  return stmt(
    db,
    'SELECT reason, declared_at AS declaredAt FROM conflicts_of_interest WHERE unit_id = ? AND member_id = ?',
  ).get(unitId, memberId) as { reason: string; declaredAt: string } | undefined;
}

/** A declaration made on this installation (no package yet). */
export function insertDeclaration(db: Db, unitId: string, memberId: string, reason: string, declaredAt: string): void {
  stmt(
    db,
    'INSERT INTO conflicts_of_interest (unit_id, member_id, reason, declared_at, package_hash) VALUES (?, ?, ?, ?, NULL)',
  ).run(unitId, memberId, reason, declaredAt);
}

/** A declaration as the member's package carries it. */
export function upsertPackageDeclaration(
  db: Db,
  unitId: string,
  memberId: string,
  reason: string,
  declaredAt: string,
  packageHash: string,
): void {
  stmt(
    db,
    `INSERT INTO conflicts_of_interest (unit_id, member_id, reason, declared_at, package_hash) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (unit_id, member_id) DO UPDATE SET reason = excluded.reason, declared_at = excluded.declared_at, package_hash = excluded.package_hash`,
  ).run(unitId, memberId, reason, declaredAt, packageHash);
}

export function deleteDeclaration(db: Db, unitId: string, memberId: string): void {
  stmt(db, 'DELETE FROM conflicts_of_interest WHERE unit_id = ? AND member_id = ?').run(unitId, memberId);
}

/** What a declaration withdraws: the member's appraisals of the unit and his open exemption proposals for it. */
export function withdrawnByDeclaration(
  db: Db,
  unitId: string,
  memberId: string,
): { appraisals: unknown[]; proposals: unknown[] } {
  return {
    appraisals: stmt(
      db,
      'SELECT node_code AS nodeCode, input, score, comment FROM appraisals WHERE unit_id = ? AND member_id = ? ORDER BY node_code',
    ).all(unitId, memberId),
    proposals: stmt(
      db,
      "SELECT node_code AS nodeCode, reason, legal_basis AS legalBasis FROM exemptions WHERE unit_id = ? AND proposed_by = ? AND status = 'proposed'",
    ).all(unitId, memberId),
  };
}

export function withdrawMemberUnitRows(db: Db, unitId: string, memberId: string): void {
  stmt(db, 'DELETE FROM appraisals WHERE unit_id = ? AND member_id = ?').run(unitId, memberId);
  stmt(db, "DELETE FROM exemptions WHERE unit_id = ? AND proposed_by = ? AND status = 'proposed'").run(
    unitId,
    memberId,
  );
}
