/**
 * The secretariat assigns a member's fields (with a reason, logged); his packages are then
 * checked against them. Not after finalisation; only for a council member, and only fields
 * of the cycle's frameworks, in every group ("3") or in one group ("commune:3").
 */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { compareAssignments } from '../../../shared/council/assignment.ts';
import { tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { getMember, setMemberFields } from '../db/repos/members.ts';
import type { Scope } from '../dossier/scope.ts';
import { cycleEntries, exampleEntry } from './entries.ts';

export function assignFields(
  scope: Scope,
  actor: string,
  memberId: string,
  fields: readonly string[],
  reason: string,
): void {
  if (scope.cycle.status === 'finalised')
    throw new CodedFailure(
      'CYCLE_FINALISED',
      `Kỳ đánh giá “${scope.cycle.name}” đã chốt kết quả; không thể sửa phân công.`,
    );
  const m = getMember(scope.db, memberId);
  if (!m || m.cycleId !== scope.cycle.id)
    throw new CodedFailure('MEMBER_NOT_FOUND', 'Không tìm thấy thành viên trong danh sách Hội đồng của kỳ đánh giá.', {
      memberId,
    });
  if (m.role !== 'member')
    throw new CodedFailure(
      'MEMBER_ROLE_MISMATCH',
      'Chỉ phân công lĩnh vực cho thành viên Hội đồng, không cho cơ quan thường trực.',
    );
  const known = cycleEntries(scope.db, scope.cycle.id);
  const unknown = fields.filter((f) => !known.has(f));
  if (unknown.length > 0)
    throw new CodedFailure(
      'FIELD_NOT_FOUND',
      `Không có lĩnh vực ${unknown.join(', ')} trong bộ tiêu chí của kỳ đánh giá (một nhóm: mã nhóm:lĩnh vực, ví dụ ${exampleEntry(scope.db, scope.cycle.id)}).`,
    );
  const next = [...new Set(fields)].sort(compareAssignments);
  const before = [...m.fields];
  if (before.join(',') === next.join(',')) return;
  tx(scope.db, () => {
    setMemberFields(scope.db, memberId, next);
    appendAudit(scope.db, {
      actor,
      action: 'member.fields',
      entity: 'member',
      entityId: memberId,
      before: { fields: before },
      after: { fields: next },
      reason: reason.trim(),
    });
  });
}
