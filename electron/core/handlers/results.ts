/**
 * Handlers of `results.*`, `meeting.*`, `survey.*`, `previous.*`, `documents.*`, `export.*`
 *: thin calls into electron/core/report, survey and documents; files by ticket.
 * Everybody may read the results; narrative edits, the meeting details, imports and
 * printing are for the secretariat (SECRETARIAT_ONLY otherwise).
 */
import { deserialize } from '../../../shared/decimal/rational.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { HandlerInput } from '../../../shared/contract/index.ts';
import type { MeetingWithRoster } from '../../../shared/contract/meeting.ts';
import type { HandlerContext } from '../context.ts';
import { listMembers } from '../db/repos/members.ts';
import { listCycleSurveyPoints } from '../db/repos/survey.ts';
import { listUnits } from '../db/repos/units.ts';
import { sharedChromiumPrinter } from '../documents/chromium.ts';
import { exportTableList, exportToOutbox, minutesToOutbox, pngToOutbox, sheetsToOutbox } from '../documents/outbox.ts';
import type { PdfPrinter } from '../documents/printer.ts';
import { decodeBase64, discardTicket, safeFileName, ticketFile } from '../files/store.ts';
import { cycleCharts, cycleReport, unitWhatIf } from '../report/report.ts';
import { cycleNarrative, editNarrative } from '../report/narrative.ts';
import { getMeeting, saveMeeting } from '../report/meeting.ts';
import { importPreviousResults } from '../report/previous.ts';
import { previousYears } from '../db/repos/report.ts';
import { unitDrilldown } from '../report/drilldown.ts';
import type { MeetingPatch } from '../report/meeting.ts';
import type { Handler } from '../router.ts';
import { importSurveyFile, surveyResponseSummaries } from '../survey/import.ts';
import type { Scope } from '../dossier/scope.ts';
import { scopeOf, secretariatKeyFailure } from './scope.ts';
import { exactDecimalText } from '../../../shared/decimal/text.ts';

export const SECRETARIAT_ONLY = 'SECRETARIAT_ONLY';

/** The secretariat's actions; `what` completes "Chỉ cơ quan thường trực mới được …". */
function requireSecretariat(scope: Scope, what: string): string {
  const locked = secretariatKeyFailure(scope, what);
  if (locked) throw locked;
  if (scope.role !== 'secretariat') {
    throw new CodedFailure(
      SECRETARIAT_ONLY,
      `Chỉ cơ quan thường trực (tổ giúp việc Hội đồng) mới được ${what}. Bạn đang dùng ứng dụng với vai trò thành viên Hội đồng: chỉ xem kết quả.`,
      {
        action: what,
      },
    );
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

// ---------------------------------------------------------------- imports, documents, exports (files by ticket)

/** The printer: Electron's (given by main) or, over HTTP (harness), the process's shared Chromium. */
function printerOf(ctx: HandlerContext): PdfPrinter {
  if (ctx.printer) return ctx.printer;
  if (ctx.app.transport === 'http') return sharedChromiumPrinter();
  throw new CodedFailure('DOCUMENT_NO_PRINTER', 'Ứng dụng chưa có bộ in văn bản (PDF) trong môi trường này.');
}

const pointsOf = (p: { points: string; respondents: number | null; importedAt: string } | undefined) =>
  p ? { points: exactDecimalText(deserialize(p.points)), respondents: p.respondents, importedAt: p.importedAt } : null;

export const surveyCurrent: Handler<'survey.current'> = (ctx) => {
  const scope = scopeOf(ctx);
  const id = scope.cycle.id;
  const points = new Map(listCycleSurveyPoints(scope.db, id).map((p) => [`${p.unitId}/${p.source}`, p]));
  return {
    units: listUnits(scope.db, id).map((u) => ({
      unitId: u.id,
      unit: u.name,
      group: u.group,
      cbccvc: pointsOf(points.get(`${u.id}/cbccvc`)),
      sipas: pointsOf(points.get(`${u.id}/sipas`)),
    })),
    responses: surveyResponseSummaries(scope.db, id),
    previousYears: previousYears(scope.db, id),
    canEdit: scope.role === 'secretariat',
  };
};

async function surveyImport(ctx: HandlerContext, input: HandlerInput<'survey.preview'>, commit: boolean) {
  const scope = scopeOf(ctx);
  const actor = requireSecretariat(scope, 'nhập điểm điều tra xã hội học');
  const f = ticketFile(ctx.core.dataDir, 'upload', input.ticket);
  const r = await importSurveyFile(scope.db, scope.cycle.id, f.path, {
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.source ? { source: input.source } : {}),
    allowUnmatched: input.allowUnmatched === true,
    commit,
    actor,
    fileName: f.name,
  });
  if (commit) discardTicket(ctx.core.dataDir, 'upload', input.ticket);
  return r;
}
export const surveyPreview: Handler<'survey.preview'> = (ctx, input) => surveyImport(ctx, input, false);
export const surveyCommit: Handler<'survey.commit'> = (ctx, input) => surveyImport(ctx, input, true);

async function previousImport(ctx: HandlerContext, input: HandlerInput<'previous.preview'>, commit: boolean) {
  const scope = scopeOf(ctx);
  const actor = requireSecretariat(scope, 'nhập kết quả Chỉ số năm trước');
  const files = input.tickets.map((t) => ticketFile(ctx.core.dataDir, 'upload', t));
  const r = await importPreviousResults(
    scope.db,
    scope.cycle.id,
    files.map((f) => f.path),
    {
      ...(input.year !== undefined ? { year: input.year } : {}),
      allowUnmatched: input.allowUnmatched === true,
      commit,
      actor,
      fileNames: Object.fromEntries(files.map((f) => [f.path, f.name])),
    },
  );
  if (commit) for (const t of input.tickets) discardTicket(ctx.core.dataDir, 'upload', t);
  return r;
}
export const previousPreview: Handler<'previous.preview'> = (ctx, input) => previousImport(ctx, input, false);
export const previousCommit: Handler<'previous.commit'> = (ctx, input) => previousImport(ctx, input, true);

export const documentsMinutes: Handler<'documents.minutes'> = (ctx, input) => {
  const scope = scopeOf(ctx);
  requireSecretariat(scope, 'in biên bản họp Hội đồng');
  return minutesToOutbox(scope.db, scope.cycle.id, ctx.core.dataDir, printerOf(ctx), input);
};
export const documentsSheets: Handler<'documents.sheets'> = (ctx, input) => {
  const scope = scopeOf(ctx);
  requireSecretariat(scope, 'in văn bản gửi các đơn vị');
  return sheetsToOutbox(scope.db, scope.cycle.id, ctx.core.dataDir, printerOf(ctx), input.unitIds, {
    kind: input.kind,
    ...(input.round ? { round: input.round } : {}),
    ...(input.deadline ? { deadline: input.deadline } : {}),
  });
};
export const exportTablesHandler: Handler<'export.tables'> = (ctx, input) => {
  const scope = scopeOf(ctx);
  return exportToOutbox(scope.db, scope.cycle.id, ctx.core.dataDir, input.format, input.table);
};
export const exportList: Handler<'export.list'> = (ctx) => {
  const scope = scopeOf(ctx);
  return exportTableList(scope.db, scope.cycle.id);
};
export const exportChartPng: Handler<'export.chartPng'> = (ctx, input) => {
  scopeOf(ctx);
  return pngToOutbox(ctx.core.dataDir, safeFileName(input.name, 'bieu-do'), decodeBase64(input.dataBase64, input.name));
};
