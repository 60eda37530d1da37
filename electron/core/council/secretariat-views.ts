/**
 * The secretariat's council screens as the contract shapes them (shared/contract/exchange.ts):
 * disagreements, exemption proposals, completeness with the snapshots, declarations of
 * conflicts of interest. Members are named by the cycle's roster.
 */
import type { ConflictOfInterest } from '../../../shared/contract/exchange.ts';
import type { CompletenessView, ConflictView, ExemptionView, SnapshotView } from '../../../shared/contract/council.ts';
import type { ScoreInputData } from '../../../shared/exchange/appraisal-package.ts';
import { listMembers } from '../db/repos/members.ts';
import { evidenceIdOf } from '../db/repos/merge.ts';
import type { Scope } from '../dossier/scope.ts';
import {
  type ExemptionDecision,
  type ExemptionView as CoreExemption,
  decideExemption,
  listExemptions,
} from '../exemptions/decide.ts';
import { cycleRef } from '../exchange/status.ts';
import { completenessMatrix } from './completeness.ts';
import {
  type ConflictChoice,
  type ConflictFilter,
  type ConflictView as CoreConflict,
  listConflicts,
  resolveConflict,
} from './conflicts.ts';
import { listConflictsOfInterest } from './conflicts-of-interest.ts';
import { type FinaliseOptions, type SnapshotInfo, finaliseCycle, listSnapshots } from './finalise.ts';

function memberName(scope: Scope): (id: string | null) => string | null {
  const names = new Map(listMembers(scope.db, scope.cycle.id).map((m) => [m.id, m.name]));
  return (id) => (id === null ? null : (names.get(id) ?? id));
}

function conflictView(scope: Scope, c: CoreConflict): ConflictView {
  const name = memberName(scope);
  return {
    unitId: c.unitId,
    unitName: c.unitName,
    nodeCode: c.nodeCode,
    nodeTitle: c.nodeTitle,
    field: c.field,
    maxPoints: c.maxPoints,
    scoring: c.scoring ? (JSON.parse(JSON.stringify(c.scoring)) as ConflictView['scoring']) : null,
    status: c.status,
    selfScore: c.selfScore,
    sides: c.sides.map((s) => ({
      memberId: s.memberId,
      memberName: s.memberName,
      score: s.score,
      input: s.input,
      comment: s.comment,
      evidence: s.evidence.map((e) => ({
        evidenceId: evidenceIdOf(scope.db, scope.cycle.id, e.sha256) ?? null,
        title: e.title,
        fileName: e.fileName,
        page: e.page,
        status: e.status,
      })),
      packageHash: s.packageHash,
      updatedAt: s.updatedAt,
    })),
    resolution: c.resolution
      ? {
          score: c.resolution.score,
          input: c.resolution.input,
          sourceMember: c.resolution.sourceMember,
          sourceMemberName: name(c.resolution.sourceMember),
          decidedBy: name(c.resolution.decidedBy) ?? c.resolution.decidedBy,
          reason: c.resolution.reason,
          at: c.resolution.at,
        }
      : null,
  };
}

export function conflictViews(scope: Scope, status: ConflictFilter): ConflictView[] {
  return listConflicts(scope.db, scope.dataDir, scope.cycle.id, { status }).map((c) => conflictView(scope, c));
}

/** The secretariat's decision: a member's value (by id) or the council's own input. */
export function resolveConflictView(
  scope: Scope,
  actor: string,
  d: { unitId: string; nodeCode: string; choice: { memberId: string } | { input: unknown }; reason: string },
): ConflictView {
  const choice: ConflictChoice =
    'memberId' in d.choice ? { memberId: d.choice.memberId } : { input: d.choice.input as ScoreInputData };
  return conflictView(
    scope,
    resolveConflict(scope.db, scope.dataDir, scope.cycle.id, {
      unitId: d.unitId,
      nodeCode: d.nodeCode,
      choice,
      reason: d.reason,
      actor,
    }),
  );
}

function exemptionView(e: CoreExemption, name: (id: string | null) => string | null): ExemptionView {
  return {
    unitId: e.unitId,
    unitName: e.unitName,
    nodeCode: e.nodeCode,
    nodeTitle: e.nodeTitle,
    maxPoints: e.maxPoints,
    reason: e.reason,
    legalBasis: e.legalBasis,
    proposedBy: e.proposedBy,
    proposedByName: e.proposedByName,
    status: e.status,
    decidedBy: name(e.decidedBy),
    decisionReason: e.decisionReason,
    createdAt: e.createdAt,
    decidedAt: e.decidedAt,
  };
}

export function exemptionViews(scope: Scope, status: ExemptionView['status'] | 'all'): ExemptionView[] {
  const name = memberName(scope);
  return listExemptions(scope.db, scope.cycle.id, { status }).map((e) => exemptionView(e, name));
}

export function decideExemptionView(scope: Scope, d: ExemptionDecision): ExemptionView {
  return exemptionView(decideExemption(scope.db, scope.cycle.id, d), memberName(scope));
}

function snapshotView(scope: Scope, s: SnapshotInfo): SnapshotView {
  return {
    id: s.id,
    createdAt: s.createdAt,
    actor: s.actor,
    actorName: memberName(scope)(s.actor) ?? s.actor,
    reason: s.reason,
    hash: s.hash,
  };
}

export function completenessView(scope: Scope): CompletenessView {
  const m = completenessMatrix(scope.db, scope.dataDir, scope.cycle.id);
  return {
    cycle: cycleRef(scope),
    fields: m.fields.map((f) => ({ ...f })),
    rows: m.rows.map((r) => ({
      unitId: r.unitId,
      unitName: r.unitName,
      group: r.group,
      cells: r.cells.map((c) => (c ? { ...c } : null)),
    })),
    totals: { ...m.totals },
    blockers: [...m.blockers],
    ready: m.ready,
    readyIgnoringEvidence: m.readyIgnoringEvidence,
    snapshots: listSnapshots(scope.db, scope.cycle.id).map((s) => snapshotView(scope, s)),
  };
}

export function finaliseView(scope: Scope, options: FinaliseOptions): SnapshotView {
  return snapshotView(scope, finaliseCycle(scope.db, scope.dataDir, scope.cycle.id, options));
}

export function conflictOfInterestViews(scope: Scope): ConflictOfInterest[] {
  return listConflictsOfInterest(scope.db, scope.cycle.id).map((c) => ({
    unitId: c.unitId,
    unitName: c.unitName,
    memberId: c.memberId,
    memberName: c.memberName,
    reason: c.reason,
    declaredAt: c.declaredAt,
    packageHash: c.packageHash,
  }));
}
