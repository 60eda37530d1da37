/**
 * The scope of a call: the open cycle (see currentCycleId) and the member the session
 * is linked to — as far as this installation's key bears it out:
 * - the secretariat's role needs the secretariat's key unlocked here (secretariatFingerprint:
 *   the signer of a received cycle package, else of the issued ones, else this installation's
 *   key); otherwise the scope is a member's without a roster link, marked `claimed`;
 * - a roster member with a registered key is linked only on the installation holding that key;
 * - every audit row written in the call records this installation's key, and while the
 *   secretariat's key is unlocked it signs the chain head (audit-writer.ts).
 */
import { Identity } from '../../../shared/contract/index.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { HandlerContext } from '../context.ts';
import { getCycle, listCycles } from '../db/repos/cycles.ts';
import { secretariatFingerprint } from '../audit/trust.ts';
import { setAuditWriter } from '../db/repos/audit-writer.ts';
import { currentCycleRow } from '../db/repos/setup.ts';
import { getMember } from '../db/repos/members.ts';
import { type Scope, makeScope } from '../dossier/scope.ts';
import { installationFingerprint, unlockedSigner } from './signer.ts';

/**
 * The cycle the app opens: the one the secretariat made current (cycles.is_current, set when a
 * cycle is created or chosen in "Thiết lập kỳ"); else the one this machine last received in a
 * cycle package (settings); else the newest.
 */
export function currentCycleId(ctx: HandlerContext): string | null {
  const marked = currentCycleRow(ctx.core.db);
  if (marked) return marked;
  const chosen = ctx.settings.get('cycleId');
  if (typeof chosen === 'string' && getCycle(ctx.core.db, chosen)) return chosen;
  return listCycles(ctx.core.db)[0]?.id ?? null;
}

export function currentIdentity(ctx: HandlerContext): Identity | null {
  // A hand-edited or corrupted settings file reads as "not set yet": the first-run screen asks again.
  const stored = Identity.safeParse(ctx.settings.get('identity'));
  return stored.success ? stored.data : null;
}

export function scopeOf(ctx: HandlerContext): Scope {
  const cycleId = currentCycleId(ctx);
  if (!cycleId)
    throw new CodedFailure(
      'NO_CYCLE',
      'Chưa có kỳ đánh giá nào trong cơ sở dữ liệu. Hãy nhập gói dữ liệu kỳ đánh giá do cơ quan thường trực gửi.',
    );
  const identity = currentIdentity(ctx);
  const db = ctx.core.db;
  // The identity links a roster entry of one cycle; in another cycle (a new current cycle) it is no link.
  const linked = identity?.memberId ? getMember(db, identity.memberId) : undefined;
  const memberId = linked && linked.cycleId === cycleId ? linked.id : null;
  const own = installationFingerprint(ctx);
  if (identity?.role === 'secretariat') {
    const signer = unlockedSigner(ctx);
    const expected = secretariatFingerprint(db, ctx.core.dataDir);
    if (signer && (!expected || expected === signer.fingerprint)) {
      setAuditWriter(db, { fingerprint: signer.fingerprint, signer });
      const scope = makeScope(db, ctx.core.dataDir, cycleId, memberId, 'secretariat');
      if (
        scope.member &&
        (scope.member.role !== 'secretariat' ||
          (scope.member.fingerprint && scope.member.fingerprint !== signer.fingerprint))
      )
        return { ...scope, member: null };
      return scope;
    }
    setAuditWriter(db, { fingerprint: own, signer: null });
    const reason = !own ? 'missing' : signer ? 'other-key' : 'locked';
    return { ...makeScope(db, ctx.core.dataDir, cycleId, null, 'member'), claimed: { role: 'secretariat', reason } };
  }
  setAuditWriter(db, { fingerprint: own, signer: null });
  const scope = makeScope(db, ctx.core.dataDir, cycleId, memberId, 'member');
  // A stale link (another cycle, a removed member, another role) counts as no link; so does a member whose registered key this installation does not hold.
  if (
    scope.member &&
    (scope.member.role !== 'member' || (scope.member.fingerprint && scope.member.fingerprint !== own))
  )
    return { ...scope, member: null };
  return scope;
}

/** SECRETARIAT_KEY_REQUIRED when the session claims the secretariat without its unlocked key. */
export function secretariatKeyFailure(scope: Scope, what: string): CodedFailure | null {
  if (!scope.claimed) return null;
  const why =
    scope.claimed.reason === 'missing'
      ? 'Máy này chưa có khóa định danh: hãy tạo khóa ở mục “Tổng hợp”.'
      : scope.claimed.reason === 'locked'
        ? 'Khóa định danh của cơ quan thường trực đang khóa: hãy nhập mật khẩu bảo vệ khóa ở mục “Tổng hợp” để mở khóa.'
        : 'Khóa định danh của máy này không phải khóa của cơ quan thường trực đã ký dữ liệu của kỳ đánh giá.';
  return new CodedFailure(
    'SECRETARIAT_KEY_REQUIRED',
    `Chỉ cơ quan thường trực, với khóa định danh đã mở khóa, mới được ${what}. ${why}`,
    { action: what, reason: scope.claimed.reason },
  );
}

/**
 * For calls that need no cycle (setting one up): the secretariat's key must be unlocked here,
 * as scopeOf requires; it then signs the audit heads of the call. Throws SECRETARIAT_KEY_REQUIRED.
 */
export function requireSecretariatKey(ctx: HandlerContext, what: string): void {
  const db = ctx.core.db;
  const signer = unlockedSigner(ctx);
  const expected = secretariatFingerprint(db, ctx.core.dataDir);
  if (signer && (!expected || expected === signer.fingerprint)) {
    setAuditWriter(db, { fingerprint: signer.fingerprint, signer });
    return;
  }
  const own = installationFingerprint(ctx);
  setAuditWriter(db, { fingerprint: own, signer: null });
  const reason = !own ? 'missing' : signer ? 'other-key' : 'locked';
  throw secretariatKeyFailure({ claimed: { role: 'secretariat', reason } } as Scope, what)!;
}
