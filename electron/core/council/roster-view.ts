/** The secretariat's roster screen: members with their keys, last packages and conflicts of interest; a key file inspected. */
import type { InspectedKey, RosterRow, RosterView } from '../../../shared/contract/exchange.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { formatFingerprint } from '../../../shared/exchange/fingerprint.ts';
import { getMember } from '../db/repos/members.ts';
import { listIssued } from '../db/repos/packages.ts';
import { listUnits } from '../db/repos/units.ts';
import type { Scope } from '../dossier/scope.ts';
import { cycleFields } from '../exchange/cycle-context.ts';
import { parsePublicKey } from '../exchange/keystore.ts';
import { cycleRef } from '../exchange/status.ts';
import { type RosterEntry, memberForKey, rosterWithKeys } from './roster-keys.ts';

function unitNames(scope: Scope): (id: string) => string {
  const names = new Map(listUnits(scope.db, scope.cycle.id).map((u) => [u.id, u.name]));
  return (id) => names.get(id) ?? id;
}

function rosterRow(e: RosterEntry, unitName: (id: string) => string): RosterRow {
  return {
    id: e.id,
    name: e.name,
    position: e.position,
    agency: e.agency,
    role: e.role,
    fields: [...e.fields],
    publicKey: e.publicKey,
    fingerprint: e.fingerprint,
    display: e.display,
    lastPackage: e.lastPackage ? { ...e.lastPackage } : null,
    conflictsOfInterest: e.conflictsOfInterest.map((unitId) => ({ unitId, unitName: unitName(unitId) })),
  };
}

/** One member's row (after a change to it); MEMBER_NOT_FOUND when not on the cycle's roster. */
export function rosterRowOf(scope: Scope, memberId: string): RosterRow {
  const e = rosterWithKeys(scope.db, scope.cycle.id).find((r) => r.id === memberId);
  if (!e)
    throw new CodedFailure('MEMBER_NOT_FOUND', 'Không tìm thấy thành viên trong danh sách Hội đồng của kỳ đánh giá.', {
      memberId,
    });
  return rosterRow(e, unitNames(scope));
}

export function rosterScreen(scope: Scope): RosterView {
  const unitName = unitNames(scope);
  const issued = listIssued(scope.db, scope.cycle.id);
  return {
    cycle: cycleRef(scope),
    fields: cycleFields(scope.db, scope.cycle.id),
    members: rosterWithKeys(scope.db, scope.cycle.id).map((e) => rosterRow(e, unitName)),
    issued,
  };
}

/** A public-key file's key and fingerprint, and the roster member already holding it. */
export function inspectKey(scope: Scope, text: string): Omit<InspectedKey, 'ticket' | 'file'> {
  const k = parsePublicKey(text);
  const holder = memberForKey(scope.db, scope.cycle.id, k.fingerprint);
  const m = holder ? getMember(scope.db, holder) : undefined;
  return {
    publicKey: k.publicKey,
    fingerprint: k.fingerprint,
    display: formatFingerprint(k.fingerprint),
    registeredTo: m ? { id: m.id, name: m.name } : null,
  };
}
