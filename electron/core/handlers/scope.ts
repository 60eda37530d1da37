/** The scope of a call: the open cycle (see currentCycleId) and the member the session is linked to. */
import { Identity } from '../../../shared/contract/index.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { HandlerContext } from '../context.ts';
import { getCycle, listCycles } from '../db/repos/cycles.ts';
import { currentCycleRow } from '../db/repos/setup.ts';
import { getMember } from '../db/repos/members.ts';
import { type Scope, makeScope } from '../services/scope.ts';

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
  if (!cycleId) throw new CodedFailure('NO_CYCLE', 'Chưa có kỳ đánh giá nào trong cơ sở dữ liệu. Hãy nhập gói dữ liệu kỳ đánh giá do cơ quan thường trực gửi.');
  const identity = currentIdentity(ctx);
  // The identity links a roster entry of one cycle; in another cycle (a new current cycle) it is no link.
  const linked = identity?.memberId ? getMember(ctx.core.db, identity.memberId) : undefined;
  const memberId = linked && linked.cycleId === cycleId ? linked.id : null;
  const scope = makeScope(ctx.core.db, ctx.core.dataDir, cycleId, memberId, identity?.role ?? 'member');
  // A stale link (another cycle, a removed member) counts as no link.
  if (scope.member && scope.member.role !== (identity?.role ?? 'member')) return { ...scope, member: null };
  return scope;
}
