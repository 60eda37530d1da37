/**
 * Packages written into the outbox (electron/core/files/store.ts), for the screens: a
 * member's appraisal package, the secretariat's cycle package. The file is named by the
 * sequence or revision it will carry; the ticket comes back with what was written.
 */
import type { ExportedCycleView, ExportedMine } from '../../../shared/contract/exchange.ts';
import { appraisalFileName } from '../../../shared/exchange/appraisal-package.ts';
import { cycleFileName } from '../../../shared/exchange/cycle-package.ts';
import type { Member } from '../db/repos/members.ts';
import { listMembers } from '../db/repos/members.ts';
import { lastIssuedRevision, lastSent } from '../db/repos/packages.ts';
import { listUnits } from '../db/repos/units.ts';
import type { Scope } from '../dossier/scope.ts';
import { produceOutbox } from '../files/store.ts';
import { exportCyclePackage } from './cycle-export.ts';
import { exportAppraisalPackage } from './export-appraisal.ts';
import type { Signer } from './keys.ts';

/** The member's package (a full snapshot of his appraisals) into the outbox. */
export function exportMyPackage(scope: Scope, member: Member, signer: Signer): ExportedMine {
  const cycleId = scope.cycle.id;
  const next = (lastSent(scope.db, member.id, cycleId)?.sequence ?? 0) + 1;
  let exported: ReturnType<typeof exportAppraisalPackage> | undefined;
  const file = produceOutbox(scope.dataDir, appraisalFileName(cycleId, member.id, next), (outPath) => {
    exported = exportAppraisalPackage(scope.db, cycleId, member.id, signer, { outPath });
  });
  const e = exported!;
  const names = new Map(listUnits(scope.db, cycleId).map((u) => [u.id, u.name]));
  return {
    file: { ticket: file.ticket, fileName: file.name, size: file.size },
    packageHash: e.packageHash,
    sequence: e.sequence,
    items: e.items,
    conflictsOfInterest: e.conflictsOfInterest,
    skipped: e.skipped.map((s) => ({
      unitId: s.unitId,
      unitName: names.get(s.unitId) ?? s.unitId,
      nodeCode: s.nodeCode,
      reason: s.reason,
    })),
  };
}

/** The cycle package (the next revision) into the outbox; names the members who cannot sign a package yet. */
export function issueCyclePackage(scope: Scope, signer: Signer, actor: string): ExportedCycleView {
  const cycleId = scope.cycle.id;
  const next = (lastIssuedRevision(scope.db, cycleId) ?? 0) + 1;
  let e: ReturnType<typeof exportCyclePackage> | undefined;
  const file = produceOutbox(scope.dataDir, cycleFileName(cycleId, next), (outPath) => {
    e = exportCyclePackage(scope.db, scope.dataDir, cycleId, signer, { actor, outPath });
  });
  const x = e!;
  const membersWithoutKey = listMembers(scope.db, cycleId)
    .filter((m) => m.role === 'member' && m.fields.length > 0 && !m.fingerprint)
    .map((m) => m.name);
  return {
    file: { ticket: file.ticket, fileName: file.name, size: file.size },
    packageHash: x.packageHash,
    revision: x.revision,
    units: x.units,
    members: x.members,
    evidenceFiles: x.evidenceFiles,
    membersWithoutKey,
  };
}
