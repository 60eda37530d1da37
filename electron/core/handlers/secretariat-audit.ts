/** Handlers of the secretariat's audit calls: the log page, its export into the outbox, the store check. */
import { auditPage, exportAuditFile, storeCheckView } from '../audit/screen.ts';
import type { Handler } from '../router.ts';
import { secretariatScope } from './secretariat-scope.ts';

export const secretariatAudit: Handler<'secretariat.audit'> = (ctx, input) =>
  auditPage(secretariatScope(ctx, 'xem nhật ký').scope.db, input);

export const secretariatExportAudit: Handler<'secretariat.exportAudit'> = (ctx, { format, query }) =>
  exportAuditFile(secretariatScope(ctx, 'xuất nhật ký').scope, format, query);

export const secretariatVerify: Handler<'secretariat.verify'> = (ctx) =>
  storeCheckView(secretariatScope(ctx, 'kiểm tra tính toàn vẹn').scope);
