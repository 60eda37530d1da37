/** Who acts, in which cycle: resolved once per call from the session and the store. */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { Db } from '../db/connection.ts';
import type { Cycle } from '../db/repos/cycles.ts';
import { type Member, getMember } from '../db/repos/members.ts';
import { type Unit, getUnit } from '../db/repos/units.ts';
import { requireCycle } from '../results/cycle-totals.ts';

export interface Scope {
  readonly db: Db;
  /** The app's data folder (evidence files live under it). */
  readonly dataDir: string;
  readonly cycle: Cycle;
  /** The roster member this installation acts as; null for a secretariat with no roster entry. */
  readonly member: Member | null;
  readonly role: 'member' | 'secretariat';
  /**
   * Set when the session claims the secretariat but the secretariat's key is not unlocked on this
   * installation (or this installation's key is not the secretariat's): the scope is then a
   * member's without a roster link, and the secretariat's calls say why (SECRETARIAT_KEY_REQUIRED).
   */
  readonly claimed?: { readonly role: 'secretariat'; readonly reason: 'locked' | 'missing' | 'other-key' };
}

export function makeScope(
  db: Db,
  dataDir: string,
  cycleId: string,
  memberId: string | null,
  role: 'member' | 'secretariat',
): Scope {
  const cycle = requireCycle(db, cycleId);
  const member = memberId ? (getMember(db, memberId) ?? null) : null;
  if (member && member.cycleId !== cycle.id)
    throw new CodedFailure('MEMBER_NOT_IN_CYCLE', 'Thành viên không thuộc kỳ đánh giá đang mở.');
  return { db, dataDir, cycle, member, role };
}

export function requireWritable(scope: Scope): Member {
  if (scope.cycle.status === 'finalised') {
    throw new CodedFailure('CYCLE_FINALISED', `Kỳ đánh giá “${scope.cycle.name}” đã chốt kết quả; không thể sửa.`);
  }
  if (!scope.member) {
    throw new CodedFailure(
      'NOT_A_MEMBER',
      'Bạn chưa được xác định là thành viên Hội đồng của kỳ đánh giá này, nên chỉ được xem.',
    );
  }
  return scope.member;
}

/** The unit, when it belongs to the scope's cycle. */
export function requireUnit(scope: Scope, unitId: string): Unit {
  const unit = getUnit(scope.db, unitId);
  if (!unit || unit.cycleId !== scope.cycle.id)
    throw new CodedFailure('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị trong kỳ đánh giá đang mở.', { unitId });
  return unit;
}
