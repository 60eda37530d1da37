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
import { memberDeclarations } from '../db/repos/conflicts-of-interest.ts';
import { lastPackageSummary } from '../db/repos/packages.ts';
import { memberIdForKey, otherMemberWithKey, setMemberKey } from '../db/repos/roster.ts';
import { requireCycle } from '../results/cycle-totals.ts';
import { parsePublicKey } from '../exchange/keystore.ts';

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
    lastPackage: lastPackageSummary(db, m.id) ?? null,
    conflictsOfInterest: memberDeclarations(db, m.id).map((c) => c.unitId),
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
  const other = otherMemberWithKey(db, cycleId, fingerprint, memberId);
  if (other)
    throw new CodedFailure(
      'EXCHANGE_KEY_IN_USE',
      `Khóa này đã được đăng ký cho thành viên ${other.name}; mỗi thành viên có một khóa riêng.`,
    );
  if (member.fingerprint !== fingerprint) {
    tx(db, () => {
      setMemberKey(db, memberId, publicKey, fingerprint);
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
  return memberIdForKey(db, cycleId, fingerprint) ?? null;
}
