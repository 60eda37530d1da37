/**
 * The roster's keys and the ownership of ids: which member holds a key, which cycle an id
 * belongs to (a received cycle must not take over another cycle's units or members).
 */
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

/** The members (of any cycle) whose roster entry holds this key. */
export function membersHoldingKey(db: Db, fingerprint: string): { id: string; cycleId: string }[] {
  return stmt(db, 'SELECT id, cycle_id AS cycleId FROM members WHERE fingerprint = ?').all(fingerprint) as {
    id: string;
    cycleId: string;
  }[];
}

/** The member of the cycle holding this key, when there is one. */
export function memberIdForKey(db: Db, cycleId: string, fingerprint: string): string | undefined {
  return stmt(db, 'SELECT id FROM members WHERE cycle_id = ? AND fingerprint = ?').pluck().get(cycleId, fingerprint) as
    | string
    | undefined;
}

/** Another member of the cycle already holding this key. */
export function otherMemberWithKey(
  db: Db,
  cycleId: string,
  fingerprint: string,
  memberId: string,
): { id: string; name: string } | undefined {
  return stmt(db, 'SELECT id, name FROM members WHERE cycle_id = ? AND fingerprint = ? AND id != ?').get(
    cycleId,
    fingerprint,
    memberId,
  ) as { id: string; name: string } | undefined;
}

/** The fingerprint of the member's key on the roster: null when none is registered, undefined for no such member. */
export function memberFingerprint(db: Db, memberId: string): string | null | undefined {
  return stmt(db, 'SELECT fingerprint FROM members WHERE id = ?').pluck().get(memberId) as string | null | undefined;
}

export function setMemberKey(db: Db, memberId: string, publicKey: string, fingerprint: string): void {
  stmt(db, 'UPDATE members SET public_key = ?, fingerprint = ? WHERE id = ?').run(publicKey, fingerprint, memberId);
}

/** The cycle a unit id belongs to, when the store holds it. */
export function unitCycleOf(db: Db, unitId: string): string | undefined {
  return stmt(db, 'SELECT cycle_id FROM units WHERE id = ?').pluck().get(unitId) as string | undefined;
}

/** The cycle a member id belongs to, when the store holds it. */
export function memberCycleOf(db: Db, memberId: string): string | undefined {
  return stmt(db, 'SELECT cycle_id FROM members WHERE id = ?').pluck().get(memberId) as string | undefined;
}

/** The unit of the cycle with this name. */
export function unitNamed(db: Db, cycleId: string, name: string): string | undefined {
  return stmt(db, 'SELECT id FROM units WHERE cycle_id = ? AND name = ?').pluck().get(cycleId, name) as
    | string
    | undefined;
}

/** Every member's name by id (the audit screen names actors across cycles). */
export function memberNamesById(db: Db): Map<string, string> {
  return new Map(
    (stmt(db, 'SELECT id, name FROM members').all() as { id: string; name: string }[]).map((m) => [m.id, m.name]),
  );
}
