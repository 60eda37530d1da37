/**
 * Conflicts of interest (xung đột lợi ích): a member declares one for a unit (his own agency,
 * say). The unit becomes read-only for him (triggers of migration 003 refuse his appraisals
 * and proposals for it), his earlier appraisal of it is withdrawn, his package carries the
 * declaration, the merge takes no score of his for it, and the minutes list it.
 *
 *   declareConflictOfInterest(scope, unitId, reason) / withdrawConflictOfInterest(scope, unitId, reason)
 *   listConflictsOfInterest(db, cycleId) → ConflictOfInterestView[]     (minutes, screens)
 *   hasConflictOfInterest(db, memberId, unitId) → boolean              (read-only flag in the dossier)
 */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { EXCHANGE_ACTION_ERRORS } from '../../../shared/exchange/codes.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { requireUnit } from '../dossier/dossier.ts';
import { type Scope, requireWritable } from '../dossier/scope.ts';

export interface ConflictOfInterestView {
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
    db.prepare('SELECT 1 FROM conflicts_of_interest WHERE member_id = ? AND unit_id = ?').get(memberId, unitId) !==
    undefined
  );
}

export function listConflictsOfInterest(db: Db, cycleId: string): ConflictOfInterestView[] {
  return db
    .prepare(
      `SELECT c.unit_id AS unitId, u.name AS unitName, c.member_id AS memberId, m.name AS memberName, c.reason, c.declared_at AS declaredAt,
         c.package_hash AS packageHash
       FROM conflicts_of_interest c JOIN units u ON u.id = c.unit_id JOIN members m ON m.id = c.member_id
       WHERE u.cycle_id = ? ORDER BY u.sort_order, u.name, m.name`,
    )
    .all(cycleId) as ConflictOfInterestView[];
}

function reasonOf(reason: string): string {
  const r = reason.trim();
  if (!r) throw new CodedFailure('EXCHANGE_REASON_REQUIRED', EXCHANGE_ACTION_ERRORS.EXCHANGE_REASON_REQUIRED);
  if (r.length > 1000) throw new CodedFailure('EXCHANGE_REASON_TOO_LONG', 'Lý do dài quá 1.000 ký tự.');
  return r;
}

/** The member declares a conflict of interest with a unit; his appraisal and proposals for it are withdrawn. */
export function declareConflictOfInterest(
  scope: Scope,
  unitId: string,
  reason: string,
  now: string = new Date().toISOString(),
): ConflictOfInterestView {
  const member = requireWritable(scope);
  const unit = requireUnit(scope, unitId);
  const text = reasonOf(reason);
  if (hasConflictOfInterest(scope.db, member.id, unit.id))
    throw new CodedFailure('EXCHANGE_COI_EXISTS', EXCHANGE_ACTION_ERRORS.EXCHANGE_COI_EXISTS);
  const db = scope.db;
  tx(db, () => {
    const appraisals = db
      .prepare(
        'SELECT node_code AS nodeCode, input, score, comment FROM appraisals WHERE unit_id = ? AND member_id = ? ORDER BY node_code',
      )
      .all(unit.id, member.id);
    const proposals = db
      .prepare(
        "SELECT node_code AS nodeCode, reason, legal_basis AS legalBasis FROM exemptions WHERE unit_id = ? AND proposed_by = ? AND status = 'proposed'",
      )
      .all(unit.id, member.id);
    db.prepare('DELETE FROM appraisals WHERE unit_id = ? AND member_id = ?').run(unit.id, member.id);
    db.prepare("DELETE FROM exemptions WHERE unit_id = ? AND proposed_by = ? AND status = 'proposed'").run(
      unit.id,
      member.id,
    );
    db.prepare(
      'INSERT INTO conflicts_of_interest (unit_id, member_id, reason, declared_at, package_hash) VALUES (?, ?, ?, ?, NULL)',
    ).run(unit.id, member.id, text, now);
    appendAudit(db, {
      actor: member.id,
      action: 'coi.declare',
      entity: 'conflict_of_interest',
      entityId: `${unit.id}/${member.id}`,
      before:
        appraisals.length || proposals.length
          ? { withdrawnAppraisals: appraisals, withdrawnProposals: proposals }
          : null,
      after: { unitId: unit.id, reason: text, declaredAt: now },
      reason: text,
      at: now,
    });
  });
  return listConflictsOfInterest(db, scope.cycle.id).find((c) => c.unitId === unit.id && c.memberId === member.id)!;
}

/** The member withdraws his declaration (with a reason); the unit becomes editable for him again. */
export function withdrawConflictOfInterest(
  scope: Scope,
  unitId: string,
  reason: string,
  now: string = new Date().toISOString(),
): void {
  const member = requireWritable(scope);
  const unit = requireUnit(scope, unitId);
  const text = reasonOf(reason);
  const db = scope.db;
  const before = db
    .prepare('SELECT reason, declared_at AS declaredAt FROM conflicts_of_interest WHERE unit_id = ? AND member_id = ?')
    .get(unit.id, member.id);
  if (!before) throw new CodedFailure('EXCHANGE_COI_NOT_FOUND', EXCHANGE_ACTION_ERRORS.EXCHANGE_COI_NOT_FOUND);
  tx(db, () => {
    db.prepare('DELETE FROM conflicts_of_interest WHERE unit_id = ? AND member_id = ?').run(unit.id, member.id);
    appendAudit(db, {
      actor: member.id,
      action: 'coi.withdraw',
      entity: 'conflict_of_interest',
      entityId: `${unit.id}/${member.id}`,
      before,
      after: null,
      reason: text,
      at: now,
    });
  });
}
