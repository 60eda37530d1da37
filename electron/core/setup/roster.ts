/**
 * The council's roster (danh sách Hội đồng thẩm định) of a cycle: members added, edited and
 * removed; imported from a .xlsx/.csv list (name, position, agency, role, fields); public keys
 * registered from a key file (council/roster-keys.ts) or by the full fingerprint read aloud. Every
 * change is one transaction with an audit row.
 *
 * Roles: the council role (chair, vice_chair, member, secretary) is what the minutes print; the
 * installation role stays 'member' (appraises the fields assigned) or 'secretariat' (the
 * secretariat's own entry: its council role is secretary, it is assigned no fields).
 */
import { compareAssignments } from '../../../shared/council/assignment.ts';
import { cycleEntries, exampleEntry } from '../council/entries.ts';
import { isFingerprint } from '../../../shared/exchange/fingerprint.ts';
import { compareCodes } from '../../../shared/framework/tree.ts';
import { normalizeUnitName } from '../summary/table.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { listCycleGroups } from '../db/repos/groups.ts';
import { type Member, insertMember, listMembers, setMemberFields } from '../db/repos/members.ts';
import {
  type CouncilRole,
  deleteMemberRow,
  memberCouncilRoles,
  memberHasData,
  setMemberCouncilRole,
  setMemberFingerprint,
  updateMemberRow,
} from '../db/repos/setup.ts';
import { requireCycleSetup } from './cycles.ts';
import { type fileFailure, setupFailure } from './errors.ts';
import { SETUP_ERRORS as E } from '../../../shared/errors/catalogue.ts';

export type RosterColumn = 'name' | 'position' | 'agency' | 'role' | 'fields' | 'code';

/** The roles a file or a form may name: council role + whether the entry is the secretariat's own. */
export type RosterRole = CouncilRole | 'secretariat';

export interface RosterMember extends Member {
  readonly councilRole: CouncilRole;
}

export function rosterOf(db: Db, cycleId: string): RosterMember[] {
  const roles = memberCouncilRoles(db, cycleId);
  const rank: Record<CouncilRole, number> = { chair: 0, vice_chair: 1, member: 2, secretary: 3 };
  return listMembers(db, cycleId)
    .map((m) => ({ ...m, councilRole: roles.get(m.id) ?? 'member' }))
    .sort((a, b) => rank[a.councilRole] - rank[b.councilRole] || a.name.localeCompare(b.name, 'vi'));
}

export interface MemberInput {
  readonly name: string;
  readonly position?: string;
  readonly agency?: string;
  readonly role: RosterRole;
  readonly fields?: readonly string[];
}

/** The field codes a member of the cycle may be assigned: every field of the cycle's groups. */
export function cycleFields(db: Db, cycleId: string): string[] {
  return [...new Set(listCycleGroups(db, cycleId).flatMap((g) => g.fields))].sort(compareCodes);
}

export const memberKey = (name: string) => normalizeUnitName(name).toLocaleLowerCase('vi');

export interface Checked {
  readonly name: string;
  readonly position: string;
  readonly agency: string;
  readonly role: 'member' | 'secretariat';
  readonly councilRole: CouncilRole;
  readonly fields: string[];
}

export function checkMember(
  db: Db,
  cycleId: string,
  m: MemberInput,
  except: string | null,
  where: (column: RosterColumn) => ReturnType<typeof fileFailure> | null = () => null,
): Checked {
  const fail = (column: RosterColumn, code: (typeof E)[keyof typeof E], message: string) =>
    where(column) ?? setupFailure(code, message);
  const name = normalizeUnitName(m.name ?? '');
  if (!name) throw fail('name', E.EMPTY_CELL, 'Chưa nhập họ và tên thành viên.');
  if (name.length > 200) throw fail('name', E.BAD_TEXT, 'Họ và tên dài quá 200 ký tự.');
  const clash = listMembers(db, cycleId).find((x) => x.id !== except && memberKey(x.name) === memberKey(name));
  if (clash) throw fail('name', E.DUPLICATE_MEMBER, `Đã có thành viên “${clash.name}” trong danh sách Hội đồng.`);
  const councilRole: CouncilRole = m.role === 'secretariat' ? 'secretary' : m.role;
  const role = m.role === 'secretariat' ? 'secretariat' : 'member';
  const fields = [...new Set(m.fields ?? [])].sort(compareAssignments);
  const known = cycleEntries(db, cycleId);
  const unknown = fields.filter((f) => !known.has(f));
  if (unknown.length > 0)
    throw fail(
      'fields',
      E.UNKNOWN_FIELD,
      `Không có lĩnh vực ${unknown.join(', ')} trong các nhóm của kỳ đánh giá (có: ${cycleFields(db, cycleId).join(', ')}; một nhóm: mã nhóm:lĩnh vực, ví dụ ${exampleEntry(db, cycleId)}).`,
    );
  if (role === 'secretariat' && fields.length > 0)
    throw fail('fields', E.UNKNOWN_FIELD, 'Cơ quan thường trực không được phân công lĩnh vực thẩm định.');
  if (councilRole === 'chair') {
    const chair = rosterOf(db, cycleId).find((x) => x.councilRole === 'chair' && x.id !== except);
    if (chair) throw fail('role', E.ONE_CHAIR, `Hội đồng đã có Chủ tịch (${chair.name}).`);
  }
  return { name, position: (m.position ?? '').trim(), agency: (m.agency ?? '').trim(), role, councilRole, fields };
}

export function nextMemberId(db: Db, cycleId: string): string {
  const prefix = `${cycleId}-m`;
  let max = 0;
  for (const m of listMembers(db, cycleId)) {
    const n = m.id.startsWith(prefix) ? Number(m.id.slice(prefix.length)) : NaN;
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${prefix}${String(max + 1).padStart(3, '0')}`;
}

function requireMember(db: Db, cycleId: string, memberId: string): RosterMember {
  const m = rosterOf(db, cycleId).find((x) => x.id === memberId);
  if (!m)
    throw setupFailure(
      E.MEMBER_NOT_FOUND,
      `Không có thành viên “${memberId}” trong danh sách Hội đồng của kỳ đánh giá.`,
      { memberId },
    );
  return m;
}

const snapshot = (m: RosterMember | (Checked & { id: string })) => ({
  name: m.name,
  position: m.position,
  agency: m.agency,
  role: m.role,
  councilRole: m.councilRole,
  fields: [...m.fields],
});

export function insertChecked(db: Db, cycleId: string, id: string, c: Checked): void {
  insertMember(db, {
    id,
    cycleId,
    name: c.name,
    position: c.position,
    agency: c.agency,
    role: c.role,
    publicKey: null,
    fingerprint: null,
    fields: c.fields,
  });
  setMemberCouncilRole(db, id, c.councilRole);
}

export function addMember(db: Db, cycleId: string, input: MemberInput, actor: string): RosterMember {
  requireCycleSetup(db, cycleId);
  const c = checkMember(db, cycleId, input, null);
  const id = nextMemberId(db, cycleId);
  tx(db, () => {
    insertChecked(db, cycleId, id, c);
    appendAudit(db, {
      actor,
      action: 'setup.member.add',
      entity: 'member',
      entityId: id,
      after: snapshot({ ...c, id }),
    });
  });
  return requireMember(db, cycleId, id);
}

export function editMember(
  db: Db,
  cycleId: string,
  memberId: string,
  patch: Partial<MemberInput>,
  actor: string,
): RosterMember {
  const before = requireMember(db, cycleId, memberId);
  const role: RosterRole = patch.role ?? (before.role === 'secretariat' ? 'secretariat' : before.councilRole);
  const c = checkMember(
    db,
    cycleId,
    {
      name: patch.name ?? before.name,
      position: patch.position ?? before.position,
      agency: patch.agency ?? before.agency,
      role,
      fields: patch.fields ?? (role === 'secretariat' ? [] : before.fields),
    },
    memberId,
  );
  tx(db, () => {
    updateMemberRow(db, {
      id: memberId,
      name: c.name,
      position: c.position,
      agency: c.agency,
      role: c.role,
      councilRole: c.councilRole,
    });
    setMemberFields(db, memberId, c.fields);
    appendAudit(db, {
      actor,
      action: 'setup.member.edit',
      entity: 'member',
      entityId: memberId,
      before: snapshot(before),
      after: snapshot({ ...c, id: memberId }),
    });
  });
  return requireMember(db, cycleId, memberId);
}

export function removeMember(db: Db, cycleId: string, memberId: string, actor: string): void {
  const before = requireMember(db, cycleId, memberId);
  if (memberHasData(db, memberId)) {
    throw setupFailure(
      E.MEMBER_HAS_DATA,
      `Thành viên “${before.name}” đã thẩm định hoặc gửi gói kết quả; không xóa khỏi danh sách được.`,
      { memberId },
    );
  }
  tx(db, () => {
    deleteMemberRow(db, memberId);
    appendAudit(db, {
      actor,
      action: 'setup.member.remove',
      entity: 'member',
      entityId: memberId,
      before: snapshot(before),
    });
  });
}

/** Registers a member's key by its full fingerprint (64 hex digits, spaces allowed) read aloud or sent separately. */
export function registerFingerprint(
  db: Db,
  cycleId: string,
  memberId: string,
  typed: string,
  actor: string,
): RosterMember {
  const m = requireMember(db, cycleId, memberId);
  const fp = typed.replace(/[\s\-:]/g, '').toLowerCase();
  if (!isFingerprint(fp)) {
    throw setupFailure(
      E.BAD_FINGERPRINT,
      'Dấu vân tay khóa phải đủ 64 chữ số thập lục phân (0–9, A–F); 32 chữ số hiển thị không đủ để đăng ký.',
      { memberId },
    );
  }
  const other = listMembers(db, cycleId).find((x) => x.fingerprint === fp && x.id !== memberId);
  if (other)
    throw setupFailure(
      E.BAD_FINGERPRINT,
      `Khóa này đã được đăng ký cho thành viên ${other.name}; mỗi thành viên có một khóa riêng.`,
      { memberId },
    );
  if (m.fingerprint === fp) return m;
  tx(db, () => {
    setMemberFingerprint(db, memberId, fp);
    appendAudit(db, {
      actor,
      action: 'member.key',
      entity: 'member',
      entityId: memberId,
      before: m.fingerprint ? { fingerprint: m.fingerprint } : null,
      after: { fingerprint: fp, by: 'fingerprint' },
    });
  });
  return requireMember(db, cycleId, memberId);
}
