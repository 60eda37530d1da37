import type { MeetingPatch, MeetingWithRoster } from '../../../shared/contract/meeting.ts';
import { resultsText } from '../../i18n/results.ts';

const D = resultsText.documents;

export interface MeetingDraft {
  issuerParent: string;
  issuer: string;
  docNumber: string;
  placeName: string;
  /** dd/mm/yyyy */
  documentDate: string;
  startDate: string;
  /** HH:MM (24 h) */
  startTime: string;
  endDate: string;
  endTime: string;
  location: string;
  legalBases: string;
  chairName: string;
  chairPosition: string;
  secretaryName: string;
  secretaryPosition: string;
  otherAttendees: string;
  contents: string;
  conclusions: string;
  copies: string;
  attendance: Record<string, { present: boolean; note: string }>;
}

export function draftOf(v: MeetingWithRoster): MeetingDraft {
  const m = v.meeting;
  const att = new Map(m.attendance.map((a) => [a.memberId, a]));
  return {
    issuerParent: m.issuerParent,
    issuer: m.issuer,
    docNumber: m.docNumber,
    placeName: m.placeName,
    documentDate: viDate(m.documentDate),
    startDate: viDate(m.startsAt?.slice(0, 10) ?? null),
    startTime: m.startsAt?.slice(11, 16) ?? '',
    endDate: viDate(m.endsAt?.slice(0, 10) ?? null),
    endTime: m.endsAt?.slice(11, 16) ?? '',
    location: m.location,
    legalBases: m.legalBases.join('\n'),
    chairName: m.chairName,
    chairPosition: m.chairPosition,
    secretaryName: m.secretaryName,
    secretaryPosition: m.secretaryPosition,
    otherAttendees: m.otherAttendees.join('\n'),
    contents: m.contents,
    conclusions: m.conclusions.join('\n'),
    copies: m.copies === null ? '' : String(m.copies),
    attendance: Object.fromEntries(
      v.members.map((x) => [x.id, { present: att.get(x.id)?.present ?? true, note: att.get(x.id)?.note ?? '' }]),
    ),
  };
}

const lines = (t: string) =>
  t
    .split('\n')
    .map((x) => x.trim())
    .filter((x) => x !== '');

/** "2024-03-15" → "15/03/2024". */
function viDate(iso: string | null): string {
  return iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('/') : '';
}

/** "15/3/2024" → "2024-03-15"; '' → null; undefined when it is not a date. */
export function isoDate(text: string): string | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "8:00", "08h00", "8" → "08:00"; '' → null; undefined when it is not a time. */
function isoTime(text: string): string | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  const m = /^(\d{1,2})(?:[:h](\d{2})?)?$/.exec(t);
  if (!m || Number(m[1]) > 23 || Number(m[2] ?? 0) > 59) return undefined;
  return `${m[1]!.padStart(2, '0')}:${m[2] ?? '00'}`;
}

/** Which fields of the draft do not read as a date or a time. */
export function draftProblems(d: MeetingDraft): Set<keyof MeetingDraft> {
  const bad = new Set<keyof MeetingDraft>();
  for (const k of ['documentDate', 'startDate', 'endDate'] as const) if (isoDate(d[k]) === undefined) bad.add(k);
  for (const k of ['startTime', 'endTime'] as const) if (isoTime(d[k]) === undefined) bad.add(k);
  if (isoTime(d.startTime) && !isoDate(d.startDate)) bad.add('startDate');
  if (isoTime(d.endTime) && !isoDate(d.endDate) && !isoDate(d.startDate)) bad.add('endDate');
  return bad;
}

/** Why a typed date is not a date, in Vietnamese ("Không có ngày 31/02/2024: …"), or null. */
export function explainDate(text: string): string | null {
  if (isoDate(text) !== undefined) return null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return D.dateForm(text.trim());
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return D.noSuchMonth(month);
  return D.noSuchDay(day, month, year, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

/** Why each field of the draft is refused, in Vietnamese: shown under the field. */
export function draftExplanations(d: MeetingDraft): Partial<Record<keyof MeetingDraft, string>> {
  const out: Partial<Record<keyof MeetingDraft, string>> = {};
  for (const k of ['documentDate', 'startDate', 'endDate'] as const) {
    const e = explainDate(d[k]);
    if (e) out[k] = e;
  }
  for (const k of ['startTime', 'endTime'] as const) if (isoTime(d[k]) === undefined) out[k] = D.timeForm(d[k].trim());
  if (!out.startDate && isoTime(d.startTime) && !isoDate(d.startDate)) out.startDate = D.timeNeedsDate;
  if (!out.endDate && isoTime(d.endTime) && !isoDate(d.endDate) && !isoDate(d.startDate)) out.endDate = D.timeNeedsDate;
  const starts = at(d.startDate, d.startTime);
  const ends = at(d.endDate, d.endTime, d.startDate);
  if (Object.keys(out).length === 0 && starts && ends && ends < starts) out.endDate = D.endsBeforeStart;
  return out;
}

function at(date: string, time: string, fallbackDate = ''): string | null {
  const t = isoTime(time);
  const day = isoDate(date) ?? isoDate(fallbackDate);
  return t && day ? `${day}T${t}` : null;
}

export function patchOf(d: MeetingDraft): MeetingPatch {
  const copies = Number(d.copies);
  return {
    issuerParent: d.issuerParent,
    issuer: d.issuer,
    docNumber: d.docNumber,
    placeName: d.placeName,
    documentDate: isoDate(d.documentDate) ?? null,
    startsAt: at(d.startDate, d.startTime),
    endsAt: at(d.endDate, d.endTime, d.startDate),
    location: d.location,
    legalBases: lines(d.legalBases),
    chairName: d.chairName,
    chairPosition: d.chairPosition,
    secretaryName: d.secretaryName,
    secretaryPosition: d.secretaryPosition,
    otherAttendees: lines(d.otherAttendees),
    contents: d.contents,
    conclusions: lines(d.conclusions),
    copies: d.copies.trim() === '' || !Number.isInteger(copies) ? null : copies,
    attendance: Object.entries(d.attendance).map(([memberId, a]) => ({
      memberId,
      present: a.present,
      note: a.note.trim(),
    })),
  };
}
