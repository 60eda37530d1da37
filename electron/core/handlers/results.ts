/**
 * Handlers of `results.*`, `meeting.*` (issue #5): thin calls into electron/core/report.
 * Everybody may read the results; narrative edits, the meeting details, imports and
 * printing are for the secretariat (SECRETARIAT_ONLY otherwise).
 */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { MeetingWithRoster } from '../../../shared/contract/results.ts';
import { listMembers } from '../db/repos/members.ts';
import { cycleCharts, cycleNarrative, cycleReport, editNarrative, getMeeting, saveMeeting, unitDrilldown, unitWhatIf } from '../report/index.ts';
import type { MeetingPatch } from '../report/meeting.ts';
import type { Handler } from '../router.ts';
import type { Scope } from '../services/scope.ts';
import { scopeOf } from './scope.ts';

export const SECRETARIAT_ONLY = 'SECRETARIAT_ONLY';

/** The secretariat's actions; `what` completes "Chỉ cơ quan thường trực mới được …". */
export function requireSecretariat(scope: Scope, what: string): string {
  if (scope.role !== 'secretariat') {
    throw new CodedFailure(SECRETARIAT_ONLY, `Chỉ cơ quan thường trực (tổ giúp việc Hội đồng) mới được ${what}. Bạn đang dùng ứng dụng với vai trò thành viên Hội đồng: chỉ xem kết quả.`, {
      action: what,
    });
  }
  return scope.member?.id ?? 'secretariat';
}

function access(scope: Scope) {
  return { canEdit: scope.role === 'secretariat', cycleStatus: scope.cycle.status };
}

function meetingView(scope: Scope): MeetingWithRoster {
  const members = listMembers(scope.db, scope.cycle.id)
    .filter((m) => m.role === 'member')
    .map((m) => ({ id: m.id, name: m.name, position: m.position, agency: m.agency, fields: [...m.fields] }));
  return { meeting: getMeeting(scope.db, scope.cycle.id), members, canEdit: scope.role === 'secretariat' };
}

export const resultsReport: Handler<'results.report'> = (ctx) => {
  const scope = scopeOf(ctx);
  return { report: cycleReport(scope.db, scope.cycle.id), access: access(scope) };
};
export const resultsUnit: Handler<'results.unit'> = (ctx, { unitId }) => {
  const scope = scopeOf(ctx);
  return unitDrilldown(scope.db, scope.cycle.id, unitId);
};
export const resultsCharts: Handler<'results.charts'> = (ctx) => {
  const scope = scopeOf(ctx);
  return cycleCharts(scope.db, scope.cycle.id);
};
export const resultsNarrative: Handler<'results.narrative'> = (ctx) => {
  const scope = scopeOf(ctx);
  return { sections: cycleNarrative(scope.db, scope.cycle.id), access: access(scope) };
};
export const resultsEditNarrative: Handler<'results.editNarrative'> = (ctx, { key, text }) => {
  const scope = scopeOf(ctx);
  const actor = requireSecretariat(scope, 'sửa phần nhận xét');
  return editNarrative(scope.db, scope.cycle.id, key, text, actor);
};
export const resultsWhatIf: Handler<'results.whatIf'> = (ctx, { unitId }) => {
  const scope = scopeOf(ctx);
  return unitWhatIf(scope.db, scope.cycle.id, unitId);
};
export const meetingGet: Handler<'meeting.get'> = (ctx) => meetingView(scopeOf(ctx));
export const meetingSave: Handler<'meeting.save'> = (ctx, patch) => {
  const scope = scopeOf(ctx);
  const actor = requireSecretariat(scope, 'sửa thông tin cuộc họp Hội đồng');
  saveMeeting(scope.db, scope.cycle.id, patch as MeetingPatch, actor);
  return meetingView(scope);
};
