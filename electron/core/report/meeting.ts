import { MEETING_ERRORS } from '../../../shared/errors/catalogue.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { listMembers } from '../db/repos/members.ts';
import { getCycleSetup, memberCouncilRoles } from '../db/repos/setup.ts';
import { requireCycle } from '../results/cycle-totals.ts';
import { columnExists } from '../db/repos/report.ts';
import { getMeetingRow, listAttendance, putMeeting } from '../db/repos/meetings.ts';

interface Attendance {
  readonly memberId: string;
  readonly present: boolean;
  /** Reason of an absence, or a note ("đến muộn"). */
  readonly note: string;
}

export interface Meeting {
  /** "UBND TỈNH SÓC TRĂNG" */
  readonly issuerParent: string;
  /** "HỘI ĐỒNG THẨM ĐỊNH" */
  readonly issuer: string;
  /** "Số:      /BB-HĐTĐ" */
  readonly docNumber: string;
  /** The place of the place-and-date line ("Sóc Trăng"). */
  readonly placeName: string;
  /** Date of the minutes, "YYYY-MM-DD"; null prints "ngày … tháng … năm …". */
  readonly documentDate: string | null;
  /** "YYYY-MM-DDTHH:MM" (local time), or null. */
  readonly startsAt: string | null;
  readonly endsAt: string | null;
  /** "Phòng họp số 1, Ủy ban nhân dân tỉnh Sóc Trăng" */
  readonly location: string;
  readonly legalBases: readonly string[];
  readonly chairName: string;
  readonly chairPosition: string;
  readonly secretaryName: string;
  readonly secretaryPosition: string;
  readonly otherAttendees: readonly string[];
  /** What was appraised, free text; empty = generated. */
  readonly contents: string;
  readonly conclusions: readonly string[];
  readonly copies: number | null;
  /** Members of the roster (role member) present or absent; members without a row count as present. */
  readonly attendance: readonly Attendance[];
  /** Whether the meeting was saved (false: all defaults). */
  readonly stored: boolean;
  readonly updatedAt: string | null;
}

export type MeetingPatch = Partial<Omit<Meeting, 'stored' | 'updatedAt'>>;

/** A decision as the minutes cite it: "Căn cứ Quyết định số …" (the prefix added when the cycle's text lacks it). */
function citation(decision: string): string {
  const d = decision.trim().replace(/[.;]+$/, '');
  return /^căn cứ/i.test(d) ? d : `Căn cứ ${d}`;
}

/** Defaults from the cycle (its legal bases) and the roster (council roles). */
export function defaultMeeting(db: Db, cycleId: string): Meeting {
  const cycle = requireCycle(db, cycleId);
  const members = listMembers(db, cycleId);
  // The roster's council roles (migration 007) name the chair and the secretary; a store without
  // them falls back to the position ("Chủ tịch …") and the secretariat's own entry.
  const roles = columnExists(db, 'members', 'council_role')
    ? memberCouncilRoles(db, cycleId)
    : new Map<string, string>();
  const chair =
    members.find((m) => roles.get(m.id) === 'chair') ??
    members.find((m) => m.role === 'member' && /chủ tịch/i.test(m.position)) ??
    null;
  const secretary =
    members.find((m) => roles.get(m.id) === 'secretary' && m.role === 'member') ??
    members.find((m) => m.role === 'secretariat') ??
    members.find((m) => roles.get(m.id) === 'secretary') ??
    null;
  const province = cycle.province.trim();
  const legal = columnExists(db, 'cycles', 'decision') ? getCycleSetup(db, cycleId) : undefined;
  return {
    issuerParent: province ? `UBND tỉnh ${province}`.toLocaleUpperCase('vi') : 'ỦY BAN NHÂN DÂN TỈNH',
    issuer: 'HỘI ĐỒNG THẨM ĐỊNH',
    docNumber: 'Số:        /BB-HĐTĐ',
    placeName: province || '…',
    documentDate: null,
    startsAt: null,
    endsAt: null,
    location: '',
    legalBases: [
      legal?.councilDecision
        ? citation(legal.councilDecision)
        : `Căn cứ Quyết định số …/QĐ-UBND ngày …/…/${cycle.year} của Chủ tịch Ủy ban nhân dân tỉnh về việc thành lập Hội đồng thẩm định kết quả tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm ${cycle.year}`,
      legal?.decision
        ? citation(legal.decision)
        : `Căn cứ Quyết định số …/QĐ-UBND ngày …/…/${cycle.year} của Ủy ban nhân dân tỉnh ban hành Bộ tiêu chí xác định Chỉ số cải cách hành chính của các cơ quan, đơn vị trên địa bàn tỉnh`,
    ],
    chairName: chair?.name ?? '',
    chairPosition: chair?.position ?? '',
    secretaryName: secretary?.name ?? '',
    secretaryPosition: secretary ? `${secretary.position}${secretary.agency ? `, ${secretary.agency}` : ''}` : '',
    otherAttendees: [],
    contents: '',
    conclusions: [],
    copies: null,
    attendance: [],
    stored: false,
    updatedAt: null,
  };
}

export function getMeeting(db: Db, cycleId: string): Meeting {
  const base = defaultMeeting(db, cycleId);
  const r = getMeetingRow(db, cycleId);
  if (!r) return base;
  const attendance = listAttendance(db, cycleId);
  return {
    issuerParent: r.issuer_parent,
    issuer: r.issuer,
    docNumber: r.doc_number,
    placeName: r.place_name,
    documentDate: r.document_date,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    location: r.location,
    legalBases: JSON.parse(r.legal_bases) as string[],
    chairName: r.chair_name,
    chairPosition: r.chair_position,
    secretaryName: r.secretary_name,
    secretaryPosition: r.secretary_position,
    otherAttendees: JSON.parse(r.other_attendees) as string[],
    contents: r.contents,
    conclusions: JSON.parse(r.conclusions) as string[],
    copies: r.copies,
    attendance,
    stored: true,
    updatedAt: r.updated_at,
  };
}

const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATETIME_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/;

function checkText(name: string, v: unknown, max = 2000): string {
  if (typeof v !== 'string' || v.length > max)
    throw new CodedFailure(MEETING_ERRORS.BAD_TEXT, `“${name}” phải là văn bản (tối đa ${max} ký tự).`, {
      field: name,
    });
  return v.trim();
}

function checkList(name: string, v: unknown): string[] {
  if (!Array.isArray(v) || v.length > 200)
    throw new CodedFailure(MEETING_ERRORS.BAD_TEXT, `“${name}” phải là danh sách văn bản.`, { field: name });
  return v.map((x) => checkText(name, x)).filter((x) => x !== '');
}

/** Validates a patch over the current meeting; throws coded Vietnamese errors. */
export function mergeMeeting(db: Db, cycleId: string, current: Meeting, patch: MeetingPatch): Meeting {
  const m: { -readonly [K in keyof Meeting]: Meeting[K] } = { ...current };
  for (const k of [
    'issuerParent',
    'issuer',
    'docNumber',
    'placeName',
    'location',
    'chairName',
    'chairPosition',
    'secretaryName',
    'secretaryPosition',
  ] as const) {
    if (patch[k] !== undefined) m[k] = checkText(k, patch[k], 500);
  }
  if (patch.contents !== undefined) m.contents = checkText('contents', patch.contents, 20000);
  if (patch.legalBases !== undefined) m.legalBases = checkList('legalBases', patch.legalBases);
  if (patch.otherAttendees !== undefined) m.otherAttendees = checkList('otherAttendees', patch.otherAttendees);
  if (patch.conclusions !== undefined) m.conclusions = checkList('conclusions', patch.conclusions);
  if (patch.documentDate !== undefined) {
    if (patch.documentDate !== null && !DATE_RE.test(patch.documentDate)) {
      throw new CodedFailure(
        MEETING_ERRORS.BAD_DATE,
        `Ngày lập biên bản “${patch.documentDate}” không đúng dạng YYYY-MM-DD.`,
      );
    }
    m.documentDate = patch.documentDate;
  }
  for (const k of ['startsAt', 'endsAt'] as const) {
    const v = patch[k];
    if (v === undefined) continue;
    if (v !== null && !DATETIME_RE.test(v))
      throw new CodedFailure(MEETING_ERRORS.BAD_TIME, `Thời gian “${v}” không đúng dạng YYYY-MM-DDTHH:MM.`, {
        field: k,
      });
    m[k] = v;
  }
  if (m.startsAt && m.endsAt && m.endsAt < m.startsAt)
    throw new CodedFailure(MEETING_ERRORS.BAD_TIME, 'Thời gian kết thúc cuộc họp trước thời gian bắt đầu.');
  if (patch.copies !== undefined) {
    if (patch.copies !== null && (!Number.isInteger(patch.copies) || patch.copies < 1 || patch.copies > 99)) {
      throw new CodedFailure(MEETING_ERRORS.BAD_COPIES, 'Số bản biên bản phải là số nguyên từ 1 đến 99.');
    }
    m.copies = patch.copies;
  }
  if (patch.attendance !== undefined) {
    const roster = new Set(listMembers(db, cycleId).map((x) => x.id));
    const seen = new Set<string>();
    const list: Attendance[] = [];
    for (const a of patch.attendance) {
      if (!roster.has(a.memberId))
        throw new CodedFailure(
          MEETING_ERRORS.UNKNOWN_MEMBER,
          `Thành viên “${a.memberId}” không thuộc Hội đồng của kỳ đánh giá.`,
          { memberId: a.memberId },
        );
      if (seen.has(a.memberId)) continue;
      seen.add(a.memberId);
      list.push({ memberId: a.memberId, present: a.present === true, note: checkText('note', a.note ?? '', 500) });
    }
    m.attendance = list;
  }
  return m;
}

/** Saves the meeting (a patch over what is stored or the defaults) in one transaction with an audit row. */
export function saveMeeting(db: Db, cycleId: string, patch: MeetingPatch, actor: string): Meeting {
  const before = getMeeting(db, cycleId);
  const next = mergeMeeting(db, cycleId, before, patch);
  const at = new Date().toISOString();
  tx(db, () => {
    putMeeting(
      db,
      {
        cycle_id: cycleId,
        issuer_parent: next.issuerParent,
        issuer: next.issuer,
        doc_number: next.docNumber,
        place_name: next.placeName,
        document_date: next.documentDate,
        starts_at: next.startsAt,
        ends_at: next.endsAt,
        location: next.location,
        legal_bases: JSON.stringify(next.legalBases),
        chair_name: next.chairName,
        chair_position: next.chairPosition,
        secretary_name: next.secretaryName,
        secretary_position: next.secretaryPosition,
        other_attendees: JSON.stringify(next.otherAttendees),
        contents: next.contents,
        conclusions: JSON.stringify(next.conclusions),
        copies: next.copies,
        updated_at: at,
      },
      next.attendance,
    );
    const strip = ({ stored: _s, updatedAt: _u, ...rest }: Meeting) => rest;
    appendAudit(db, {
      actor,
      action: 'meeting.save',
      entity: 'meeting',
      entityId: cycleId,
      before: before.stored ? strip(before) : null,
      after: strip(next),
      at,
    });
  });
  return getMeeting(db, cycleId);
}
