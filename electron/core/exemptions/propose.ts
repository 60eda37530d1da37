/**
 * Lowered benchmark (hạ điểm chuẩn) on a node of a unit: a member proposes it with a
 * reason (and legal basis); the secretariat's own decision is approved at once. It takes
 * the node's max and score out of the unit's benchmark and total.
 */
import type { SavedChange } from '../../../shared/contract/dossier.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { deleteExemption, getExemption, upsertExemption } from '../db/repos/exemptions.ts';
import { requireEditableLeaf } from '../dossier/appraisal.ts';
import { getDossierNode } from '../dossier/dossier.ts';
import type { Scope } from '../dossier/scope.ts';

export interface ExemptionInput {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly reason: string;
  readonly legalBasis?: string | undefined;
}

export function setExemption(scope: Scope, input: ExemptionInput): SavedChange {
  const { member, unit, node } = requireEditableLeaf(scope, input.unitId, input.nodeCode);
  if (!node.exemptable) {
    throw new CodedFailure(
      'EXEMPTION_NOT_ALLOWED',
      `Bộ tiêu chí không cho phép hạ điểm chuẩn ở tiêu chí ${node.code}.`,
    );
  }
  const reason = input.reason.trim();
  if (!reason) throw new CodedFailure('EXEMPTION_REASON_REQUIRED', 'Phải ghi lý do hạ điểm chuẩn.');
  const now = new Date().toISOString();
  const auditSeq = tx(scope.db, () => {
    const before = getExemption(scope.db, unit.id, node.code) ?? null;
    const approved = scope.role === 'secretariat';
    const after = {
      unitId: unit.id,
      nodeCode: node.code,
      reason,
      legalBasis: input.legalBasis?.trim() ?? '',
      proposedBy: member.id,
      status: approved ? ('approved' as const) : ('proposed' as const),
      decidedBy: approved ? member.id : null,
      decisionReason: null,
      createdAt: before?.createdAt ?? now,
      decidedAt: approved ? now : null,
    };
    upsertExemption(scope.db, after);
    return appendAudit(scope.db, {
      actor: member.id,
      action: 'exemption.set',
      entity: 'exemption',
      entityId: `${unit.id}/${node.code}`,
      before,
      after,
      reason,
      at: now,
    }).seq;
  });
  return { ...getDossierNode(scope, unit.id, node.code), auditSeq };
}

export function removeExemption(scope: Scope, unitId: string, nodeCode: string): SavedChange {
  const { member, unit, node } = requireEditableLeaf(scope, unitId, nodeCode);
  const before = getExemption(scope.db, unit.id, node.code);
  if (!before) throw new CodedFailure('EXEMPTION_NOT_FOUND', `Tiêu chí ${node.code} chưa được hạ điểm chuẩn.`);
  if (before.status === 'approved' && scope.role !== 'secretariat') {
    throw new CodedFailure(
      'EXEMPTION_APPROVED',
      `Hạ điểm chuẩn ở tiêu chí ${node.code} đã được cơ quan thường trực phê duyệt; chỉ cơ quan thường trực được bỏ.`,
    );
  }
  const auditSeq = tx(scope.db, () => {
    deleteExemption(scope.db, unit.id, node.code);
    return appendAudit(scope.db, {
      actor: member.id,
      action: 'exemption.remove',
      entity: 'exemption',
      entityId: `${unit.id}/${node.code}`,
      before,
      after: null,
    }).seq;
  });
  return { ...getDossierNode(scope, unit.id, node.code), auditSeq };
}
