/**
 * Handlers of `exchange.*`, a member's side of the exchange: his status, his package into
 * the outbox, the secretariat's cycle package received, his conflicts of interest. Files
 * come and go by ticket (electron/core/files/store.ts); paths never come from the renderer.
 */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { HandlerContext } from '../context.ts';
import { declareConflictOfInterest, withdrawConflictOfInterest } from '../council/conflicts-of-interest.ts';
import { importCyclePackage } from '../exchange/cycle-package.ts';
import { exportMyPackage } from '../exchange/outbox.ts';
import { previewReceivedCycle, receivedCycleHolder } from '../exchange/receive-cycle.ts';
import { memberExchangeStatus, noCycleStatus } from '../exchange/status.ts';
import { discardTicket, ticketFile } from '../files/store.ts';
import type { Handler } from '../router.ts';
import { installationFingerprint, signerOf } from './signer.ts';
import { currentCycleId, currentIdentity, scopeOf } from './scope.ts';

/** Who acts on this machine, for the audit log (before the roster links the installation). */
function localActor(ctx: HandlerContext): string {
  const i = currentIdentity(ctx);
  return i?.memberId ?? i?.name ?? 'thanh-vien';
}

export const exchangeStatus: Handler<'exchange.status'> = (ctx) => {
  if (!currentCycleId(ctx)) return noCycleStatus();
  return memberExchangeStatus(scopeOf(ctx), () => installationFingerprint(ctx));
};

export const exchangeExportMine: Handler<'exchange.exportMine'> = (ctx) => {
  const scope = scopeOf(ctx);
  const m = scope.member;
  if (!m || scope.role !== 'member')
    throw new CodedFailure(
      'NOT_A_MEMBER',
      'Máy này chưa được xác định là thành viên Hội đồng của kỳ đánh giá, nên chưa có kết quả thẩm định để gửi.',
    );
  return exportMyPackage(scope, m, signerOf(ctx));
};

export const exchangePreviewCycle: Handler<'exchange.previewCycle'> = (ctx, { ticket }) => {
  const f = ticketFile(ctx.core.dataDir, 'upload', ticket);
  return { ticket, ...previewReceivedCycle(ctx.core.db, f.path, installationFingerprint(ctx)) };
};

export const exchangeImportCycle: Handler<'exchange.importCycle'> = (ctx, { ticket, fingerprint }) => {
  const f = ticketFile(ctx.core.dataDir, 'upload', ticket);
  const r = importCyclePackage(ctx.core.db, ctx.core.dataDir, f.path, {
    actor: localActor(ctx),
    expectFingerprint: fingerprint,
  });
  discardTicket(ctx.core.dataDir, 'upload', ticket);
  // This installation acts as the roster member holding its key, in the cycle just received.
  ctx.settings.set('cycleId', r.cycleId);
  const identity = currentIdentity(ctx);
  const { cycleName, holder } = receivedCycleHolder(ctx.core.db, r.cycleId, installationFingerprint(ctx));
  let linkedTo: { id: string; name: string } | null = null;
  if (identity && holder && holder.role === identity.role) {
    ctx.settings.set('identity', { ...identity, memberId: holder.id });
    linkedTo = { id: holder.id, name: holder.name };
  }
  return {
    status: r.status,
    code: r.code,
    message: r.message,
    cycle: { id: r.cycleId, name: cycleName },
    revision: r.revision,
    linkedTo,
  };
};

export const exchangeDeclareConflict: Handler<'exchange.declareConflict'> = (ctx, { unitId, reason }) => {
  const c = declareConflictOfInterest(scopeOf(ctx), unitId, reason);
  return {
    unitId: c.unitId,
    unitName: c.unitName,
    memberId: c.memberId,
    memberName: c.memberName,
    reason: c.reason,
    declaredAt: c.declaredAt,
    packageHash: c.packageHash,
  };
};

export const exchangeWithdrawConflict: Handler<'exchange.withdrawConflict'> = (ctx, { unitId, reason }) => {
  withdrawConflictOfInterest(scopeOf(ctx), unitId, reason);
  return { unitId };
};
