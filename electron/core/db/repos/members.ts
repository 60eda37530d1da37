import { compareAssignments, parseAssignment } from '../../../../shared/council/assignment.ts';
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

type MemberRole = 'member' | 'secretariat';

export interface Member {
  readonly id: string;
  readonly cycleId: string;
  readonly name: string;
  readonly position: string;
  readonly agency: string;
  readonly role: MemberRole;
  readonly publicKey: string | null;
  readonly fingerprint: string | null;
  /** The member's assignments: "3" (field 3 of every group) or "commune:3" (shared/council/assignment.ts). */
  readonly fields: readonly string[];
}

export function insertMember(db: Db, m: Member): void {
  stmt(
    db,
    'INSERT INTO members (id, cycle_id, name, position, agency, role, public_key, fingerprint) VALUES (@id, @cycleId, @name, @position, @agency, @role, @publicKey, @fingerprint)',
  ).run({ ...m, fields: undefined });
  setMemberFields(db, m.id, m.fields);
}

export function setMemberFields(db: Db, memberId: string, fields: readonly string[]): void {
  stmt(db, 'DELETE FROM member_fields WHERE member_id = ?').run(memberId);
  const ins = stmt(db, 'INSERT INTO member_fields (member_id, grp, field_code) VALUES (?, ?, ?)');
  for (const entry of new Set(fields)) {
    const a = parseAssignment(entry);
    ins.run(memberId, a.group ?? '', a.field);
  }
}

/** The SQL of an assignment entry: "3" or "commune:3". */
const ENTRY = "CASE WHEN mf.grp = '' THEN mf.field_code ELSE mf.grp || ':' || mf.field_code END";

/** Every member's assignment entries in the cycle: [memberId, entry]. */
export function cycleAssignments(db: Db, cycleId: string): [string, string][] {
  return stmt(
    db,
    `SELECT mf.member_id, ${ENTRY} FROM member_fields mf JOIN members m ON m.id = mf.member_id WHERE m.cycle_id = ?`,
  )
    .raw()
    .all(cycleId) as [string, string][];
}

/** memberId → the member's assignment entries, for `isAssigned` in loops. */
export function assignmentsByMember(db: Db, cycleId: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [m, e] of cycleAssignments(db, cycleId)) out.set(m, (out.get(m) ?? new Set()).add(e));
  return out;
}

type Row = Omit<Member, 'fields'> & { fields: string | null };

const SELECT = `SELECT m.id, m.cycle_id AS cycleId, m.name, m.position, m.agency, m.role, m.public_key AS publicKey,
  m.fingerprint, (SELECT group_concat(${ENTRY}, ',') FROM member_fields mf WHERE mf.member_id = m.id) AS fields FROM members m`;

function toMember(r: Row): Member {
  const fields = r.fields ? r.fields.split(',').sort(compareAssignments) : [];
  return { ...r, fields };
}

export function listMembers(db: Db, cycleId: string): Member[] {
  return (stmt(db, `${SELECT} WHERE m.cycle_id = ? ORDER BY m.role DESC, m.name`).all(cycleId) as Row[]).map(toMember);
}

export function getMember(db: Db, id: string): Member | undefined {
  const r = stmt(db, `${SELECT} WHERE m.id = ?`).get(id) as Row | undefined;
  return r ? toMember(r) : undefined;
}
