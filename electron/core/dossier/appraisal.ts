/**
 * Saving a member's appraisal of one sub-criterion: validate, then in one transaction
 * write the appraisal, its evidence links and an audit row; reply with the node and the
 * unit's new totals. Invalid input saves nothing and says why in Vietnamese.
 */
import type { AppraisalChange, SavedChange } from '../../../shared/contract/dossier.ts';
import { serialize } from '../../../shared/decimal/rational.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { type FrameworkTree, isLeaf } from '../../../shared/framework/tree.ts';
import type { FrameworkNode } from '../../../shared/framework/types.ts';
import type { Unit } from '../db/repos/units.ts';
import { scoreNode } from '../../../shared/scoring/score.ts';
import { tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import {
  appraisalEvidence,
  distinctEvidence,
  getAppraisal,
  setAppraisalEvidence,
  upsertAppraisal,
} from '../db/repos/appraisals.ts';
import { getEvidence } from '../db/repos/evidence.ts';
import { getExemption } from '../db/repos/exemptions.ts';
import { hasConflictOfInterest } from '../db/repos/conflicts-of-interest.ts';
import { getDossierNode, isReadOnly } from './dossier.ts';
import { treeFor } from '../framework/trees.ts';
import { type Scope, requireUnit, requireWritable } from './scope.ts';

/**
 * The checks every appraisal write makes, in this order and with these codes: a declared
 * conflict of interest, a node of the unit's framework, not read-only for this member.
 * Used by a single save and by the bulk actions (agree, paste, undo).
 */
export function checkEditable(
  scope: Scope,
  unit: Unit,
  tree: FrameworkTree,
  nodeCode: string,
  conflicted: boolean,
): FrameworkNode {
  if (conflicted) {
    throw new CodedFailure(
      'CONFLICT_OF_INTEREST',
      `Bạn đã khai báo xung đột lợi ích với ${unit.name}: hồ sơ của đơn vị này chỉ xem, không chấm điểm hay đề nghị hạ điểm chuẩn.`,
      { unitId: unit.id },
    );
  }
  const node = tree.byCode.get(nodeCode);
  if (!node?.groups.includes(unit.group)) {
    throw new CodedFailure('NODE_NOT_FOUND', `Không có tiêu chí “${nodeCode}” trong bộ tiêu chí của đơn vị.`, {
      nodeCode,
    });
  }
  if (isReadOnly(scope, tree, node, unit.group)) {
    const reason =
      node.scoring?.kind === 'survey'
        ? 'điểm điều tra xã hội học được nhập từ kết quả khảo sát, không thẩm định'
        : 'lĩnh vực này không được phân công cho bạn';
    throw new CodedFailure('FIELD_READ_ONLY', `Không thể sửa tiêu chí ${nodeCode}: ${reason}.`, { nodeCode });
  }
  return node;
}

export function requireEditableLeaf(scope: Scope, unitId: string, nodeCode: string) {
  const member = requireWritable(scope);
  const unit = requireUnit(scope, unitId);
  const { tree } = treeFor(scope.db, scope.cycle.id, unit.group);
  const node = checkEditable(scope, unit, tree, nodeCode, hasConflictOfInterest(scope.db, member.id, unit.id));
  return { member, unit, tree, node };
}

export function setAppraisal(scope: Scope, change: AppraisalChange): SavedChange {
  const { member, unit, tree, node } = requireEditableLeaf(scope, change.unitId, change.nodeCode);
  if (!isLeaf(tree, node.code) || !node.scoring) {
    throw new CodedFailure(
      'NODE_NOT_LEAF',
      `Tiêu chí ${node.code} có các tiêu chí thành phần; hãy chấm ở tiêu chí thành phần.`,
    );
  }
  let score: string | null = null;
  if (change.input !== null) {
    const exemption = getExemption(scope.db, unit.id, node.code);
    if (exemption && exemption.status !== 'rejected') {
      throw new CodedFailure(
        'NODE_EXEMPTED',
        `Tiêu chí ${node.code} đã được đề nghị hạ điểm chuẩn; bỏ hạ điểm chuẩn trước khi chấm.`,
      );
    }
    const r = scoreNode(node.scoring, node.maxPoints, change.input);
    if (!r.ok) throw CodedFailure.from(r.error, `Tiêu chí ${node.code}: ${r.error.message}`);
    score = serialize(r.value);
  }
  for (const ref of change.evidence ?? []) {
    const ev = getEvidence(scope.db, ref.evidenceId);
    if (!ev || ev.cycleId !== scope.cycle.id)
      throw new CodedFailure('EVIDENCE_NOT_FOUND', 'Tài liệu kiểm chứng được dẫn chiếu không có trong kỳ đánh giá.');
  }
  const auditSeq = tx(scope.db, () => {
    const before = getAppraisal(scope.db, unit.id, node.code, member.id);
    const beforeEvidence = appraisalEvidence(scope.db, unit.id, member.id).get(node.code) ?? [];
    const after = {
      unitId: unit.id,
      nodeCode: node.code,
      memberId: member.id,
      input: change.input,
      score,
      comment: change.comment ?? before?.comment ?? '',
      updatedAt: new Date().toISOString(),
    };
    upsertAppraisal(scope.db, after);
    const evidence = change.evidence ? distinctEvidence(change.evidence) : beforeEvidence;
    setAppraisalEvidence(scope.db, unit.id, node.code, member.id, evidence);
    return appendAudit(scope.db, {
      actor: member.id,
      action: 'appraisal.set',
      entity: 'appraisal',
      entityId: `${unit.id}/${node.code}/${member.id}`,
      before: before
        ? { input: before.input, score: before.score, comment: before.comment, evidence: beforeEvidence }
        : null,
      after: { input: after.input, score: after.score, comment: after.comment, evidence },
      at: after.updatedAt,
    }).seq;
  });
  return { ...getDossierNode(scope, unit.id, node.code), auditSeq };
}
