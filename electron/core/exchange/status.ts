/**
 * A member's exchange screen: the cycle received, his key on the roster, what his next
 * package would carry, the packages he sent, his conflicts of interest.
 */
import { parseAssignment } from '../../../shared/council/assignment.ts';
import { listCycleGroups } from '../db/repos/groups.ts';
import type { MemberExchangeStatus } from '../../../shared/contract/exchange.ts';
import type { CycleRef } from '../../../shared/contract/council.ts';
import { formatFingerprint } from '../../../shared/exchange/fingerprint.ts';
import { listCycleDeclarations } from '../db/repos/conflicts-of-interest.ts';
import { memberItemCount } from '../db/repos/member-package.ts';
import { lastReceivedCycle, recentSent } from '../db/repos/packages.ts';
import { listUnits } from '../db/repos/units.ts';
import type { Scope } from '../dossier/scope.ts';
import { cycleFields } from './cycle-context.ts';

export function cycleRef(scope: Scope): CycleRef {
  return { id: scope.cycle.id, name: scope.cycle.name, year: scope.cycle.year, status: scope.cycle.status };
}

/** Before any cycle is in the store. */
export function noCycleStatus(): MemberExchangeStatus {
  return {
    cycle: null,
    me: null,
    rosterKey: 'no-member',
    received: null,
    items: 0,
    exports: [],
    conflictsOfInterest: [],
    units: [],
  };
}

/** `myFingerprint` gives this installation's key (null without one); asked only for a roster member. */
export function memberExchangeStatus(scope: Scope, myFingerprint: () => string | null): MemberExchangeStatus {
  const { db } = scope;
  const cycleId = scope.cycle.id;
  const m = scope.role === 'member' ? scope.member : null;
  const titles = new Map(cycleFields(db, cycleId).map((f) => [f.code, f.title]));
  const labels = new Map(listCycleGroups(db, cycleId).map((g) => [g.code, g.label]));
  let rosterKey: MemberExchangeStatus['rosterKey'] = 'no-member';
  if (m) {
    const mine = myFingerprint();
    rosterKey = !m.fingerprint ? 'missing' : m.fingerprint === mine ? 'ok' : 'other';
  }
  const received = lastReceivedCycle(db, cycleId);
  return {
    cycle: cycleRef(scope),
    me: m
      ? {
          id: m.id,
          name: m.name,
          fields: m.fields.map((entry) => {
            const a = parseAssignment(entry);
            const title = titles.get(a.field) ?? a.field;
            return { code: a.field, title: a.group ? `${title} (${labels.get(a.group) ?? a.group})` : title };
          }),
        }
      : null,
    rosterKey,
    received: received
      ? {
          revision: received.revision,
          issuedAt: received.issuedAt,
          recordedAt: received.recordedAt,
          signer: { fingerprint: received.signer, display: formatFingerprint(received.signer) },
        }
      : null,
    items: m ? memberItemCount(db, m.id, cycleId) : 0,
    exports: m ? recentSent(db, m.id, cycleId) : [],
    conflictsOfInterest: m
      ? listCycleDeclarations(db, cycleId)
          .filter((c) => c.memberId === m.id)
          .map((c) => ({
            unitId: c.unitId,
            unitName: c.unitName,
            memberId: c.memberId,
            memberName: c.memberName,
            reason: c.reason,
            declaredAt: c.declaredAt,
            packageHash: c.packageHash,
          }))
      : [],
    units: listUnits(db, cycleId).map((u) => ({ id: u.id, name: u.name, group: u.group })),
  };
}
