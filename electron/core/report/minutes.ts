/** The minutes' data from the store: meeting, roster, results, narrative, exemptions, conflicts. */
import { fieldsIn } from '../../../shared/council/assignment.ts';
import { deserialize } from '../../../shared/decimal/rational.ts';
import type { DocumentHeader } from '../../../shared/report/html/decree30-page.ts';
import { docDateOf } from '../../../shared/report/html/decree30-page.ts';
import { lastAuditRow, listAudit } from '../db/repos/audit.ts';
import type { MinutesData, MinutesExemption, MinutesMember } from '../../../shared/report/html/minutes.ts';
import type { UnitSheetContext } from '../../../shared/report/html/unit-sheets.ts';
import { exactDecimalText } from '../../../shared/decimal/text.ts';
import { buildReport } from '../../../shared/report/tables.ts';
import type { Report } from '../../../shared/report/types.ts';
import type { Db } from '../db/connection.ts';
import { listCycleExemptions } from '../db/repos/exemptions.ts';
import { listMembers } from '../db/repos/members.ts';
import { type CycleContext, isExempted, loadCycleContext } from './context.ts';
import { type Meeting, getMeeting } from './meeting.ts';
import { readConflicts, readConflictsOfInterest } from './meeting-conflicts.ts';
import { narrativeFor } from './narrative.ts';
import { reportInputOf } from './report.ts';

function headerOf(m: Meeting, kind: 'BB' | 'TB' = 'BB'): DocumentHeader {
  const number = kind === 'BB' ? m.docNumber : m.docNumber.replace(/\/BB-/, `/${kind}-`);
  return {
    issuerParent: m.issuerParent,
    issuer: m.issuer,
    number,
    place: m.placeName,
    date: docDateOf(m.documentDate),
  };
}

export interface MinutesSource {
  readonly ctx: CycleContext;
  readonly report: Report;
  readonly meeting: Meeting;
}

/** Loads what the minutes need once (reused by the unit sheets). */
export function loadMinutesSource(db: Db, cycleId: string): MinutesSource {
  const ctx = loadCycleContext(db, cycleId);
  return { ctx, report: buildReport(reportInputOf(ctx)), meeting: getMeeting(db, cycleId) };
}

export function minutesDataOf(db: Db, src: MinutesSource, meetingOverride?: Partial<Meeting>): MinutesData {
  const { ctx, report } = src;
  const meeting: Meeting = { ...src.meeting, ...(meetingOverride ?? {}) };
  const cycle = ctx.totals.cycle;
  const roster = listMembers(db, cycle.id).filter((m) => m.role === 'member');
  const attendance = new Map(meeting.attendance.map((a) => [a.memberId, a]));
  const chairMember = roster.find((m) => m.name === meeting.chairName);
  const line = (m: (typeof roster)[number]): MinutesMember => ({
    name: m.name,
    position: m.position,
    agency: m.agency,
    fields: m.fields,
    note: attendance.get(m.id)?.note ?? '',
  });
  const present = roster.filter((m) => m !== chairMember && (attendance.get(m.id)?.present ?? true)).map(line);
  const absent = roster.filter((m) => m !== chairMember && attendance.get(m.id)?.present === false).map(line);

  let subCriteria = 0;
  for (const u of ctx.totals.units) {
    const plan = ctx.totals.plans.get(u.unit.group)!;
    for (const l of plan.leaves) if (!isExempted(ctx, u.unit.id, l.path)) subCriteria += 1;
  }
  const unitsById = new Map(ctx.totals.units.map((u) => [u.unit.id, u.unit]));
  const groupOrder = (g: string) => ctx.groups.findIndex((x) => x.code === g);
  const exemptions: MinutesExemption[] = listCycleExemptions(db, cycle.id)
    .filter((e) => e.status === 'approved')
    .flatMap((e) => {
      const unit = unitsById.get(e.unitId);
      if (!unit) return [];
      const node = ctx.trees.get(unit.group)?.byCode.get(e.nodeCode);
      return [
        {
          unit: unit.name,
          group: unit.group,
          code: e.nodeCode,
          title: node?.title ?? '',
          max: node ? exactDecimalText(deserialize(node.maxPoints)) : '',
          reason: e.reason,
          legalBasis: e.legalBasis,
        },
      ];
    })
    .sort(
      (a, b) =>
        groupOrder(a.group) - groupOrder(b.group) ||
        a.unit.localeCompare(b.unit, 'vi') ||
        a.code.localeCompare(b.code, 'en', { numeric: true }),
    );

  return {
    header: headerOf(meeting),
    title: 'Biên bản',
    subtitle: `Họp Hội đồng thẩm định kết quả tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm ${cycle.year}`,
    legalBases: meeting.legalBases,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    location: meeting.location,
    chair: { name: meeting.chairName, position: meeting.chairPosition },
    secretary: { name: meeting.secretaryName, position: meeting.secretaryPosition },
    present,
    absent,
    otherAttendees: meeting.otherAttendees,
    contents: meeting.contents,
    appraised: {
      units: ctx.totals.units.length,
      byGroup: report.groups.map((g) => ({ group: g.group, label: g.label, count: g.count })),
      subCriteria,
      appraisedScores: ctx.totals.units.reduce((s, u) => s + u.appraised, 0),
      provisionalScores: ctx.totals.units.reduce((s, u) => s + u.provisional, 0),
    },
    report,
    narrative: narrativeFor(db, cycle.id, report),
    exemptions,
    conflicts: readConflicts(db, cycle.id, ctx.trees),
    conflictsOfInterest: readConflictsOfInterest(db, cycle.id),
    conclusions: meeting.conclusions,
    copies: meeting.copies,
    auditHead: auditHeadOf(db, cycle.id, cycle.status === 'finalised'),
  };
}

/** The `cycle.finalise` row of a finalised cycle (the head when it was finalised), else the chain's last row. */
function auditHeadOf(db: Db, cycleId: string, finalised: boolean): MinutesData['auditHead'] {
  const rows = finalised
    ? listAudit(db, { entity: 'cycle', entityId: cycleId }).filter((r) => r.action === 'cycle.finalise')
    : [];
  const row = rows.at(-1) ?? lastAuditRow(db);
  if (!row) return null;
  let snapshotHash: string | null = null;
  if (row.action === 'cycle.finalise' && row.after) {
    const h = (JSON.parse(row.after) as { snapshotHash?: unknown }).snapshotHash;
    snapshotHash = typeof h === 'string' ? h : null;
  }
  return { seq: row.seq, hash: row.hash, finalised: row.action === 'cycle.finalise', snapshotHash };
}

/** The minutes' data of a cycle. */
export function minutesData(db: Db, cycleId: string, meetingOverride?: Partial<Meeting>): MinutesData {
  return minutesDataOf(db, loadMinutesSource(db, cycleId), meetingOverride);
}

/** What the per-unit documents need besides the unit's drill-down. */
export function unitSheetContext(
  db: Db,
  src: MinutesSource,
  unitId: string,
  options: { deadline?: string } = {},
): UnitSheetContext {
  const cycle = src.ctx.totals.cycle;
  const unit = src.ctx.totals.units.find((u) => u.unit.id === unitId)?.unit;
  const fields = new Set(unit ? (src.ctx.totals.plans.get(unit.group)?.fields.map((f) => f.code) ?? []) : []);
  // The members assigned to fields of the unit's group, with those fields.
  const members = listMembers(db, cycle.id)
    .filter((m) => m.role === 'member')
    .map((m) => ({
      name: m.name,
      position: m.position,
      agency: m.agency,
      fields: unit ? fieldsIn(m.fields, unit.group).filter((f) => fields.has(f)) : [],
    }))
    .filter((m) => m.fields.length > 0);
  return {
    header: headerOf(src.meeting),
    noticeNumber: headerOf(src.meeting, 'TB').number,
    chair: { name: src.meeting.chairName },
    secretary: { name: src.meeting.secretaryName },
    members,
    ...(options.deadline ? { deadline: options.deadline } : {}),
  };
}
