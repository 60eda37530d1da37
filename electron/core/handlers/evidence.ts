/** Handler of `evidence.*`: open a document of the open cycle with the platform's viewer. */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { requireIntactEvidence, viewingCopy } from '../evidence/open.ts';
import type { Handler } from '../router.ts';
import { currentCycleId } from './scope.ts';

export const evidenceOpen: Handler<'evidence.open'> = async (ctx, { evidenceId, page }) => {
  const cycleId = currentCycleId(ctx);
  if (!cycleId) throw new CodedFailure('NO_CYCLE', 'Chưa có kỳ đánh giá nào trong cơ sở dữ liệu.');
  const ev = requireIntactEvidence(ctx.core.db, ctx.core.dataDir, cycleId, evidenceId);
  if (ctx.openFile) {
    await ctx.openFile(viewingCopy(ctx.core.dataDir, ev));
    return { url: null };
  }
  if (ctx.evidenceUrl) return { url: `${ctx.evidenceUrl(ev)}${page ? `#page=${page}` : ''}` };
  throw new CodedFailure('EVIDENCE_CANNOT_OPEN', 'Môi trường đang chạy không mở được tài liệu.');
};
