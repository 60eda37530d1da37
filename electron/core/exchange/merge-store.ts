/**
 * The merge's side of the store: reading what planMerge needs and writing a plan. Writes
 * happen only inside the caller's transaction (see import.ts).
 */
import type { AppraisalItem, AppraisalPayload, EvidenceRefData } from '../../../shared/exchange/appraisal-package.ts';
import {
  type FinalScoreData,
  type ItemKey,
  type MergeLocal,
  type MergePlan,
  type StoredItem,
  itemKey,
} from '../../../shared/exchange/merge.ts';
import { appendAudit } from '../db/repos/audit.ts';
import {
  cycleConflictPairs,
  deleteDeclaration,
  memberDeclarations,
  upsertPackageDeclaration,
} from '../db/repos/conflicts-of-interest.ts';
import { putEvidence } from '../db/repos/evidence.ts';
import { deleteExemption } from '../db/repos/exemptions.ts';
import {
  clearAppraisalEvidence,
  deleteMemberAppraisal,
  deleteFinalScore,
  evidenceIdsOfCycle,
  linkAppraisalEvidence,
  memberHasAppraisals,
  memberRowHashes,
  upsertExemptionRecord,
  upsertFinalScore,
  upsertPackageAppraisal,
} from '../db/repos/merge.ts';
import { cycleAssignments } from '../db/repos/members.ts';
import { type PackageRecord, insertPackage, lastPackageOf } from '../db/repos/packages.ts';
import { mimeOf } from '../evidence/files.ts';
import type { CycleContext } from './cycle-context.ts';
import type { MergeRows } from './merge-rows.ts';

/** What planMerge needs to merge `payload` of `memberId`. */
export function readMergeLocal(
  ctx: CycleContext,
  memberId: string,
  payload: AppraisalPayload,
  rows: MergeRows,
): MergeLocal {
  const db = ctx.db;
  const last = lastPackageOf(db, memberId);
  const hashes = new Map(memberRowHashes(db, memberId));
  const lastItems: AppraisalItem[] = last ? (JSON.parse(last.payload) as AppraisalPayload).appraisals : [];
  const mine: StoredItem[] = lastItems.map((i) => ({
    ...i,
    packageHash: hashes.get(itemKey(i.unitId, i.nodeCode)) ?? last!.packageHash,
  }));
  const myConflicts = memberDeclarations(db, memberId);

  const fieldOf: Record<ItemKey, string> = {};
  const groupOf: Record<string, string> = {};
  const touched = new Set<ItemKey>();
  const pairs: [string, string][] = [];
  for (const list of [lastItems, payload.appraisals])
    for (const i of list) {
      const k = itemKey(i.unitId, i.nodeCode);
      if (touched.has(k)) continue;
      touched.add(k);
      const { unitId, nodeCode } = i;
      pairs.push([unitId, nodeCode]);
      const unit = ctx.units.get(unitId);
      const field = unit ? ctx.groups.get(unit.group)?.fieldOfLeaf.get(nodeCode) : undefined;
      if (field !== undefined) fieldOf[k] = field;
      if (unit) groupOf[unitId] = unit.group;
    }
  const { others, finals, exemptions } = rows.read(pairs, [...touched], memberId);
  const assignments: Record<string, string[]> = {};
  for (const [m, f] of cycleAssignments(db, ctx.cycle.id)) (assignments[m] ??= []).push(f);
  const conflictsOfInterest = cycleConflictPairs(db, ctx.cycle.id);
  return { mine, myConflicts, others, assignments, conflictsOfInterest, fieldOf, groupOf, finals, exemptions };
}

/**
 * What an audit row keeps of an item: input, score, comment, the number of evidence
 * references, the proposed exemption's reason. The whole item (every evidence reference
 * with its sha256 and page) is in the signed package stored under the row's package hash.
 * Members are written in canonical (sorted) order, as are the audit rows' objects below, so
 * that their canonical JSON copies nothing (shared/exchange/jcs.ts).
 */
const summary = (i: AppraisalItem) => ({
  comment: i.comment || undefined,
  evidence: i.evidence.length || undefined,
  exemption: i.exemption?.reason,
  input: i.input,
  score: i.score,
});
const finalSummary = (f: FinalScoreData, h: string) => ({
  decidedBy: f.decidedBy ?? undefined,
  packageHash: f.packageHash === h ? undefined : f.packageHash,
  reason: f.reason ?? undefined,
  score: f.score,
  sourceMember: f.sourceMember,
});

/** Every audit row of a merge but its last (the package's own row): one signed head per package. */
const NOT_LAST = { signHead: false } as const;

/**
 * Writes the plan and its audit rows (one per unit whose appraisals or final scores change,
 * one per exemption and declaration, one for the package). Call inside a transaction.
 */
export function applyPlan(
  ctx: CycleContext,
  plan: MergePlan,
  record: PackageRecord,
  rows: MergeRows,
): { auditRows: number } {
  const db = ctx.db;
  const member = plan.memberId;
  const h = record.packageHash;
  const at = record.importedAt;
  const actor = record.importedBy;
  insertPackage(db, record);

  // Evidence documents by hash; a cited document the store does not hold is registered (its file is then "missing").
  const evidence = new Map(evidenceIdsOfCycle(db, ctx.cycle.id));
  const evidenceId = (e: EvidenceRefData): number => {
    let id = evidence.get(e.sha256);
    if (id === undefined) {
      id = putEvidence(db, {
        cycleId: ctx.cycle.id,
        sha256: e.sha256,
        title: e.title.trim() || e.fileName || e.sha256.slice(0, 12),
        fileName: e.fileName || `${e.sha256}.bin`,
        size: null,
        mime: mimeOf(e.fileName),
      });
      evidence.set(e.sha256, id);
    }
    return id;
  };

  type UnitAudit = {
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    finalsBefore: Record<string, unknown>;
    finalsAfter: Record<string, unknown>;
  };
  const perUnit = new Map<string, UnitAudit>();
  const unitAudit = (u: string) => {
    let a = perUnit.get(u);
    if (!a) perUnit.set(u, (a = { before: {}, after: {}, finalsBefore: {}, finalsAfter: {} }));
    return a;
  };

  for (const i of plan.removed) {
    deleteMemberAppraisal(db, i.unitId, i.nodeCode, member);
    rows.appraisalDeleted(i.unitId, i.nodeCode, member);
    const a = unitAudit(i.unitId);
    a.before[i.nodeCode] = summary(i);
    a.after[i.nodeCode] = null;
  }
  for (const c of plan.declarations.removed) {
    deleteDeclaration(db, c.unitId, member);
    appendAudit(
      db,
      {
        actor,
        action: 'coi.withdraw',
        entity: 'conflict_of_interest',
        entityId: `${c.unitId}/${member}`,
        before: c,
        after: null,
        reason: c.reason,
        packageHash: h,
        at,
      },
      NOT_LAST,
    );
  }
  for (const c of [...plan.declarations.added, ...plan.declarations.changed.map((x) => x.after)]) {
    const before = plan.declarations.changed.find((x) => x.after.unitId === c.unitId)?.before ?? null;
    upsertPackageDeclaration(db, c.unitId, member, c.reason, c.declaredAt, h);
    appendAudit(
      db,
      {
        actor,
        action: 'coi.declare',
        entity: 'conflict_of_interest',
        entityId: `${c.unitId}/${member}`,
        before,
        after: c,
        reason: c.reason,
        packageHash: h,
        at,
      },
      NOT_LAST,
    );
  }
  // A member's first rows have no evidence links to clear.
  const hadRows = memberHasAppraisals(db, member);
  const write = (i: AppraisalItem, fresh: boolean) => {
    upsertPackageAppraisal(db, {
      unitId: i.unitId,
      nodeCode: i.nodeCode,
      memberId: member,
      input: i.input === null ? null : JSON.stringify(i.input),
      score: i.score,
      comment: i.comment,
      updatedAt: i.updatedAt,
      packageHash: h,
    });
    rows.appraisalWritten({
      unitId: i.unitId,
      nodeCode: i.nodeCode,
      memberId: member,
      input: i.input,
      score: i.score,
      packageHash: h,
    });
    if (!fresh) clearAppraisalEvidence(db, i.unitId, i.nodeCode, member);
    for (const e of i.evidence) linkAppraisalEvidence(db, i.unitId, i.nodeCode, member, evidenceId(e), e.page);
  };
  for (const i of plan.added) {
    write(i, !hadRows);
    const a = unitAudit(i.unitId);
    a.before[i.nodeCode] = null;
    a.after[i.nodeCode] = summary(i);
  }
  for (const { before, after } of plan.changed) {
    write(after, false);
    const a = unitAudit(after.unitId);
    a.before[after.nodeCode] = summary(before);
    a.after[after.nodeCode] = summary(after);
  }
  for (const e of plan.exemptions.remove) {
    deleteExemption(db, e.unitId, e.nodeCode);
    rows.exemptionDeleted(e.unitId, e.nodeCode);
    appendAudit(
      db,
      {
        actor,
        action: 'exemption.withdraw',
        entity: 'exemption',
        entityId: `${e.unitId}/${e.nodeCode}`,
        before: e,
        after: null,
        reason: e.reason,
        packageHash: h,
        at,
      },
      NOT_LAST,
    );
  }
  for (const e of plan.exemptions.upsert) {
    upsertExemptionRecord(db, e);
    rows.exemptionWritten(e);
    appendAudit(
      db,
      {
        actor,
        action: 'exemption.propose',
        entity: 'exemption',
        entityId: `${e.unitId}/${e.nodeCode}`,
        after: e,
        reason: e.reason,
        packageHash: h,
        at,
      },
      NOT_LAST,
    );
  }
  for (const f of plan.finals.remove) {
    deleteFinalScore(db, f.unitId, f.nodeCode);
    rows.finalDeleted(f.unitId, f.nodeCode);
    const a = unitAudit(f.unitId);
    a.finalsBefore[f.nodeCode] = finalSummary(f, h);
    a.finalsAfter[f.nodeCode] = null;
  }
  for (const f of plan.finals.upsert) {
    upsertFinalScore(db, f);
    rows.finalWritten(f);
    const a = unitAudit(f.unitId);
    a.finalsBefore[f.nodeCode] ??= null;
    a.finalsAfter[f.nodeCode] = finalSummary(f, h);
  }
  let auditRows = plan.declarations.added.length + plan.declarations.changed.length + plan.declarations.removed.length;
  auditRows += plan.exemptions.upsert.length + plan.exemptions.remove.length;
  for (const [unitId, a] of [...perUnit].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    appendAudit(
      db,
      {
        actor,
        action: 'package.merge',
        entity: 'unit',
        entityId: unitId,
        before: { appraisals: a.before, finals: a.finalsBefore, member },
        after: { appraisals: a.after, finals: a.finalsAfter, member },
        packageHash: h,
        at,
      },
      NOT_LAST,
    );
    auditRows += 1;
  }
  appendAudit(db, {
    actor,
    action: 'package.import',
    entity: 'appraisal_package',
    entityId: h,
    after: {
      added: plan.added.length,
      changed: plan.changed.length,
      file: record.fileName,
      keyFingerprint: record.keyFingerprint,
      member,
      openConflicts: plan.conflicts.filter((c) => c.status === 'open').length,
      previousHash: record.previousHash,
      removed: plan.removed.length,
      sequence: record.sequence,
      unchanged: plan.unchanged,
    },
    packageHash: h,
    at,
  });
  return { auditRows: auditRows + 1 };
}
