/**
 * Handlers of `session.*`: the member's identity (settings) and its link to the open cycle's roster.
 * A roster member whose key is registered can be claimed only on the installation holding that
 * key (MEMBER_KEY_MISMATCH); the secretariat's role takes effect only with its key unlocked
 * (scope.ts), so claiming it here unlocks nothing by itself.
 */
import type { Identity, SessionState } from '../../../shared/contract/index.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { HandlerContext } from '../context.ts';
import { getMember, listMembers } from '../db/repos/members.ts';
import type { Handler } from '../router.ts';
import { rosterMember } from '../dossier/workspace.ts';
import { installationFingerprint } from './signer.ts';
import { currentCycleId, currentIdentity } from './scope.ts';

const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

/** A roster entry this installation may act as: no key registered yet, or the key it holds. */
const holdsKeyOf = (ctx: HandlerContext, m: { fingerprint: string | null }) =>
  !m.fingerprint || m.fingerprint === installationFingerprint(ctx);

function state(ctx: HandlerContext, identity: Identity | null): SessionState {
  const cycleId = currentCycleId(ctx);
  const m = identity?.memberId ? getMember(ctx.core.db, identity.memberId) : undefined;
  const linked = m && m.cycleId === cycleId && m.role === identity?.role && holdsKeyOf(ctx, m) ? rosterMember(m) : null;
  return { identity, member: linked };
}

export const sessionGet: Handler<'session.get'> = (ctx) => state(ctx, currentIdentity(ctx));

export const sessionSetIdentity: Handler<'session.setIdentity'> = (ctx, input) => {
  const cycleId = currentCycleId(ctx);
  let memberId: string | null = null;
  if (input.memberId) {
    const m = getMember(ctx.core.db, input.memberId);
    if (!m || m.cycleId !== cycleId)
      throw new CodedFailure(
        'MEMBER_NOT_FOUND',
        'Không tìm thấy thành viên đã chọn trong danh sách Hội đồng của kỳ đánh giá.',
      );
    if (m.role !== input.role)
      throw new CodedFailure('MEMBER_ROLE_MISMATCH', 'Vai trò đã chọn không khớp với danh sách Hội đồng.');
    if (!holdsKeyOf(ctx, m)) {
      throw new CodedFailure(
        'MEMBER_KEY_MISMATCH',
        `${m.name} đã đăng ký khóa định danh khác với khóa của máy này: chỉ máy giữ khóa đó mới được ghi kết quả dưới tên ${m.name}.`,
      );
    }
    memberId = m.id;
  } else if (cycleId) {
    const same = listMembers(ctx.core.db, cycleId).filter(
      (m) => m.role === input.role && norm(m.name) === norm(input.name) && holdsKeyOf(ctx, m),
    );
    memberId = same.length === 1 ? same[0]!.id : null;
  }
  const identity: Identity = {
    name: input.name,
    position: input.position,
    agency: input.agency,
    role: input.role,
    memberId,
  };
  ctx.settings.set('identity', identity);
  return state(ctx, identity);
};
