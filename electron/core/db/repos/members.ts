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
  /** Field codes assigned to the member. */
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
  const ins = stmt(db, 'INSERT INTO member_fields (member_id, field_code) VALUES (?, ?)');
  for (const f of new Set(fields)) ins.run(memberId, f);
}

type Row = Omit<Member, 'fields'> & { fields: string | null };

const SELECT = `SELECT m.id, m.cycle_id AS cycleId, m.name, m.position, m.agency, m.role, m.public_key AS publicKey,
  m.fingerprint, (SELECT group_concat(field_code, ',') FROM member_fields f WHERE f.member_id = m.id) AS fields FROM members m`;

function toMember(r: Row): Member {
  const fields = r.fields ? r.fields.split(',').sort((a, b) => Number(a) - Number(b) || a.localeCompare(b)) : [];
  return { ...r, fields };
}

export function listMembers(db: Db, cycleId: string): Member[] {
  return (stmt(db, `${SELECT} WHERE m.cycle_id = ? ORDER BY m.role DESC, m.name`).all(cycleId) as Row[]).map(toMember);
}

export function getMember(db: Db, id: string): Member | undefined {
  const r = stmt(db, `${SELECT} WHERE m.id = ?`).get(id) as Row | undefined;
  return r ? toMember(r) : undefined;
}
