/**
 * Conflicts of interest (xung đột lợi ích): a member declares one for a unit (his own agency,
 * say). The unit becomes read-only for him (triggers of migration 003 refuse his appraisals
 * and proposals for it), his earlier appraisal of it is withdrawn, his package carries the
 * declaration, the merge takes no score of his for it, and the minutes list it.
 *
 *   declareConflictOfInterest(scope, unitId, reason) / withdrawConflictOfInterest(scope, unitId, reason)
 *   listConflictsOfInterest(db, cycleId) → ConflictOfInterestView[]     (minutes, screens)
 *
 * Whether a member has declared one (the dossier's read-only flag) is
 * db/repos/conflicts-of-interest.ts hasConflictOfInterest.
 */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { EXCHANGE_ACTION_ERRORS } from '../../../shared/exchange/codes.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import {
  type ConflictOfInterestRow,
  deleteDeclaration,
  getDeclaration,
  hasConflictOfInterest,
  insertDeclaration,
  listCycleDeclarations,
  withdrawMemberUnitRows,
  withdrawnByDeclaration,
} from '../db/repos/conflicts-of-interest.ts';
import { type Scope, requireUnit, requireWritable } from '../dossier/scope.ts';

export type ConflictOfInterestView = ConflictOfInterestRow;

export function listConflictsOfInterest(db: Db, cycleId: string): ConflictOfInterestView[] {
  return listCycleDeclarations(db, cycleId);
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
    const { appraisals, proposals } = withdrawnByDeclaration(db, unit.id, member.id);
    withdrawMemberUnitRows(db, unit.id, member.id);
    insertDeclaration(db, unit.id, member.id, text, now);
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
  const before = getDeclaration(db, unit.id, member.id);
  if (!before) throw new CodedFailure('EXCHANGE_COI_NOT_FOUND', EXCHANGE_ACTION_ERRORS.EXCHANGE_COI_NOT_FOUND);
  tx(db, () => {
    deleteDeclaration(db, unit.id, member.id);
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
