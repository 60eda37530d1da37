/**
 * Handlers of `secretariat.*` for the council's work: the roster and its keys, field
 * assignments, the cycle package issued, members' packages imported, disagreements,
 * exemptions, completeness, finalisation, conflicts of interest. Every call is refused to
 * a member (secretariat-scope.ts). Files come and go by ticket; paths never come from the renderer.
 */
import { readFileSync } from 'node:fs';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { HandlerContext } from '../context.ts';
import { assignFields } from '../council/assignments.ts';
import { reopenCycle } from '../council/finalise.ts';
import { registerMemberKey } from '../council/roster-keys.ts';
import { inspectKey, rosterRowOf, rosterScreen } from '../council/roster-view.ts';
import {
  completenessView,
  conflictOfInterestViews,
  conflictViews,
  decideExemptionView,
  exemptionViews,
  finaliseView,
  resolveConflictView,
} from '../council/secretariat-views.ts';
import { issueCyclePackage } from '../exchange/outbox.ts';
import { cycleRef } from '../exchange/status.ts';
import { commitUploads, previewUploads } from '../exchange/uploads.ts';
import { discardTicket, ticketFile } from '../files/store.ts';
import type { Handler } from '../router.ts';
import { signerOf } from './signer.ts';
import { secretariatScope } from './secretariat-scope.ts';

// ------------------------------------------------------------------ roster and keys

export const secretariatRoster: Handler<'secretariat.roster'> = (ctx) =>
  rosterScreen(secretariatScope(ctx, 'quản lý danh sách Hội đồng').scope);

/** A public-key file is a few hundred bytes; anything above 64 kB is not one. */
function readKeyText(ctx: HandlerContext, ticket: string): { text: string; file: string } {
  const f = ticketFile(ctx.core.dataDir, 'upload', ticket);
  if (f.size > 64 * 1024)
    throw new CodedFailure('EXCHANGE_SCHEMA', `Tệp “${f.name}” không phải tệp khóa công khai (quá lớn).`);
  return { text: readFileSync(f.path, 'utf8'), file: f.name };
}

export const secretariatInspectKey: Handler<'secretariat.inspectKey'> = (ctx, { ticket }) => {
  const { scope } = secretariatScope(ctx, 'đăng ký khóa của thành viên');
  const { text, file } = readKeyText(ctx, ticket);
  return { ticket, file, ...inspectKey(scope, text) };
};

export const secretariatRegisterKey: Handler<'secretariat.registerKey'> = (ctx, { memberId, ticket, reason }) => {
  const { scope, actor } = secretariatScope(ctx, 'đăng ký khóa của thành viên');
  const { text } = readKeyText(ctx, ticket);
  registerMemberKey(scope.db, scope.cycle.id, memberId, text, actor, reason?.trim() || null);
  discardTicket(ctx.core.dataDir, 'upload', ticket);
  return rosterRowOf(scope, memberId);
};

/** Assigns a member's fields (with a reason, logged); his packages are checked against them. */
export const secretariatSetFields: Handler<'secretariat.setFields'> = (ctx, { memberId, fields, reason }) => {
  const { scope, actor } = secretariatScope(ctx, 'phân công lĩnh vực cho thành viên');
  assignFields(scope, actor, memberId, fields, reason);
  return rosterRowOf(scope, memberId);
};

export const secretariatExportCycle: Handler<'secretariat.exportCycle'> = (ctx) => {
  const { scope, actor } = secretariatScope(ctx, 'phát hành gói kỳ đánh giá');
  return issueCyclePackage(scope, signerOf(ctx), actor);
};

// ------------------------------------------------------------------ import

export const secretariatPreviewImport: Handler<'secretariat.previewImport'> = (ctx, { tickets }) => {
  const { scope } = secretariatScope(ctx, 'nhập kết quả thẩm định');
  return { files: previewUploads(scope, tickets) };
};

export const secretariatCommitImport: Handler<'secretariat.commitImport'> = (ctx, { items }) => {
  const { scope, actor } = secretariatScope(ctx, 'nhập kết quả thẩm định');
  return { outcomes: commitUploads(scope, actor, items) };
};

// ------------------------------------------------------------------ conflicts, exemptions

export const secretariatConflicts: Handler<'secretariat.conflicts'> = (ctx, { status }) =>
  conflictViews(secretariatScope(ctx, 'xử lý ý kiến khác nhau').scope, status ?? 'all');

export const secretariatResolveConflict: Handler<'secretariat.resolveConflict'> = (
  ctx,
  { unitId, nodeCode, choice, reason },
) => {
  const { scope, actor } = secretariatScope(ctx, 'xử lý ý kiến khác nhau');
  return resolveConflictView(scope, actor, { unitId, nodeCode, choice, reason });
};

export const secretariatExemptions: Handler<'secretariat.exemptions'> = (ctx, { status }) =>
  exemptionViews(secretariatScope(ctx, 'phê duyệt hạ điểm chuẩn').scope, status ?? 'all');

export const secretariatDecideExemption: Handler<'secretariat.decideExemption'> = (
  ctx,
  { unitId, nodeCode, decision, reason, legalBasis },
) => {
  const { scope, actor } = secretariatScope(ctx, 'phê duyệt hạ điểm chuẩn');
  return decideExemptionView(scope, {
    unitId,
    nodeCode,
    decision,
    actor,
    ...(reason === undefined ? {} : { reason }),
    ...(legalBasis === undefined ? {} : { legalBasis }),
  });
};

// ------------------------------------------------------------------ completeness, finalise

export const secretariatCompleteness: Handler<'secretariat.completeness'> = (ctx) =>
  completenessView(secretariatScope(ctx, 'xem mức độ hoàn thành').scope);

export const secretariatFinalise: Handler<'secretariat.finalise'> = (ctx, { reason, acceptMissingEvidence }) => {
  const { scope, actor } = secretariatScope(ctx, 'chốt kết quả');
  return finaliseView(scope, {
    actor,
    ...(reason?.trim() ? { reason } : {}),
    ...(acceptMissingEvidence ? { acceptMissingEvidence } : {}),
  });
};

export const secretariatReopen: Handler<'secretariat.reopen'> = (ctx, { reason }) => {
  const { scope, actor } = secretariatScope(ctx, 'mở lại kỳ đánh giá');
  reopenCycle(scope.db, scope.cycle.id, { actor, reason });
  return { ...cycleRef(scope), status: 'open' };
};

export const secretariatConflictsOfInterest: Handler<'secretariat.conflictsOfInterest'> = (ctx) =>
  conflictOfInterestViews(secretariatScope(ctx, 'xem khai báo xung đột lợi ích').scope);
