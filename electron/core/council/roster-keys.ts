/**
 * The council's roster as the exchange sees it: each member's public key and fingerprint
 * (shown in groups to read aloud), assigned fields, last package and declarations.
 *
 *   rosterWithKeys(db, cycleId) → RosterEntry[]
 *   registerMemberKey(db, cycleId, memberId, publicKeyText, actor) → RosterEntry
 *   memberForKey(db, cycleId, fingerprint) → memberId | null     ("who am I" on a member's machine)
 */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { formatFingerprint } from '../../../shared/exchange/fingerprint.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { getMember, listMembers } from '../db/repos/members.ts';
import { requireCycle } from '../results/cycle-totals.ts';
import { parsePublicKey } from '../exchange/keys.ts';

export interface RosterEntry {
  readonly id: string;
  readonly name: string;
  readonly position: string;
  readonly agency: string;
  readonly role: 'member' | 'secretariat';
  readonly fields: readonly string[];
  readonly publicKey: string | null;
  readonly fingerprint: string | null;
  /** "3F9A 01C2 …", null before a key is registered. */
  readonly display: string | null;
  readonly lastPackage: {
    readonly sequence: number;
    readonly packageHash: string;
    readonly importedAt: string;
    readonly items: number;
  } | null;
  /** Units the member declared a conflict of interest with. */
  readonly conflictsOfInterest: readonly string[];
}

export function rosterWithKeys(db: Db, cycleId: string): RosterEntry[] {
  requireCycle(db, cycleId);
  const last = db.prepare(
    'SELECT sequence, package_hash AS packageHash, imported_at AS importedAt, items FROM exchange_packages WHERE member_id = ? ORDER BY sequence DESC LIMIT 1',
  );
  const coi = db.prepare('SELECT unit_id FROM conflicts_of_interest WHERE member_id = ? ORDER BY unit_id').pluck();
  return listMembers(db, cycleId).map((m) => ({
    id: m.id,
    name: m.name,
    position: m.position,
    agency: m.agency,
    role: m.role,
    fields: [...m.fields],
    publicKey: m.publicKey,
    fingerprint: m.fingerprint,
    display: m.fingerprint ? formatFingerprint(m.fingerprint) : null,
    lastPackage: (last.get(m.id) as RosterEntry['lastPackage'] | undefined) ?? null,
    conflictsOfInterest: coi.all(m.id) as string[],
  }));
}

/**
 * Puts a member's public key (base64, or the identity.pub.json text) on the roster, after
 * the secretariat has compared the fingerprint with the member aloud. One key per member
 * within a cycle; replacing a key is logged with the old one.
 */
export function registerMemberKey(
  db: Db,
  cycleId: string,
  memberId: string,
  publicKeyText: string,
  actor: string,
  reason: string | null = null,
): RosterEntry {
  const { publicKey, fingerprint } = parsePublicKey(publicKeyText);
  const member = getMember(db, memberId);
  if (!member || member.cycleId !== cycleId)
    throw new CodedFailure('MEMBER_NOT_FOUND', `Không có thành viên “${memberId}” trong kỳ đánh giá.`, { memberId });
  const other = db
    .prepare('SELECT id, name FROM members WHERE cycle_id = ? AND fingerprint = ? AND id != ?')
    .get(cycleId, fingerprint, memberId) as { id: string; name: string } | undefined;
  if (other)
    throw new CodedFailure(
      'EXCHANGE_KEY_IN_USE',
      `Khóa này đã được đăng ký cho thành viên ${other.name}; mỗi thành viên có một khóa riêng.`,
    );
  if (member.fingerprint !== fingerprint) {
    tx(db, () => {
      db.prepare('UPDATE members SET public_key = ?, fingerprint = ? WHERE id = ?').run(
        publicKey,
        fingerprint,
        memberId,
      );
      appendAudit(db, {
        actor,
        action: 'member.key',
        entity: 'member',
        entityId: memberId,
        before: member.fingerprint ? { publicKey: member.publicKey, fingerprint: member.fingerprint } : null,
        after: { publicKey, fingerprint },
        reason,
      });
    });
  }
  return rosterWithKeys(db, cycleId).find((e) => e.id === memberId)!;
}

/** The roster member holding this key in the cycle (this installation's member), or null. */
export function memberForKey(db: Db, cycleId: string, fingerprint: string): string | null {
  return (
    (db.prepare('SELECT id FROM members WHERE cycle_id = ? AND fingerprint = ?').pluck().get(cycleId, fingerprint) as
      | string
      | undefined) ?? null
  );
}
