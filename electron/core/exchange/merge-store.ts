/**
 * The merge's side of the store: reading what planMerge needs and writing a plan. Writes
 * happen only inside the caller's transaction (see import.ts).
 */
import type {
  AppraisalItem,
  AppraisalPayload,
  ConflictDeclaration,
  EvidenceRefData,
  ScoreInputData,
} from '../../../shared/exchange/appraisal-package.ts';
import {
  type ExemptionData,
  type FinalScoreData,
  type ItemKey,
  type MergeLocal,
  type MergePlan,
  type OtherAppraisal,
  type StoredItem,
  itemKey,
} from '../../../shared/exchange/merge.ts';
import type { Db } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { mimeOf } from '../evidence/files.ts';
import type { CycleContext } from './cycle-context.ts';

type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Db, Statements>();

function prepare(db: Db) {
  return {
    lastPackage: db.prepare(
      'SELECT package_hash AS packageHash, sequence, payload FROM exchange_packages WHERE member_id = ? ORDER BY sequence DESC LIMIT 1',
    ),
    memberRows: db
      .prepare('SELECT unit_id || char(31) || node_code AS k, package_hash AS h FROM appraisals WHERE member_id = ?')
      .raw(),
    myConflicts: db.prepare(
      'SELECT unit_id AS unitId, reason, declared_at AS declaredAt FROM conflicts_of_interest WHERE member_id = ? ORDER BY unit_id',
    ),
    cycleConflicts: db.prepare(
      'SELECT member_id AS memberId, unit_id AS unitId FROM conflicts_of_interest WHERE unit_id IN (SELECT id FROM units WHERE cycle_id = ?)',
    ),
    assignments: db
      .prepare(
        'SELECT mf.member_id, mf.field_code FROM member_fields mf JOIN members m ON m.id = mf.member_id WHERE m.cycle_id = ?',
      )
      .raw(),
    others: db.prepare(
      `SELECT member_id AS memberId, input, score, package_hash AS packageHash FROM appraisals
       WHERE unit_id = ? AND node_code = ? AND member_id != ? AND score IS NOT NULL`,
    ),
    finals: db.prepare(
      `SELECT input, score, source_member AS sourceMember, package_hash AS packageHash, decided_by AS decidedBy, reason, basis, updated_at AS updatedAt
       FROM final_scores WHERE unit_id = ? AND node_code = ?`,
    ),
    exemptions: db.prepare(
      `SELECT reason, legal_basis AS legalBasis, proposed_by AS proposedBy, status, decided_by AS decidedBy, decision_reason AS decisionReason,
         created_at AS createdAt, decided_at AS decidedAt, package_hash AS packageHash
       FROM exemptions WHERE unit_id = ? AND node_code = ?`,
    ),
    memberHasRows: db.prepare('SELECT 1 FROM appraisals WHERE member_id = ? LIMIT 1').pluck(),
    insertPackage: db.prepare(
      `INSERT INTO exchange_packages (package_hash, cycle_id, member_id, key_fingerprint, sequence, previous_hash, created_at, imported_at, imported_by,
         file_name, items, payload, public_key, signature)
       VALUES (@packageHash, @cycleId, @memberId, @keyFingerprint, @sequence, @previousHash, @createdAt, @importedAt, @importedBy, @fileName, @items,
         @payload, @publicKey, @signature)`,
    ),
    deleteAppraisal: db.prepare('DELETE FROM appraisals WHERE unit_id = ? AND node_code = ? AND member_id = ?'),
    upsertAppraisal: db.prepare(
      `INSERT INTO appraisals (unit_id, node_code, member_id, input, score, comment, updated_at, package_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (unit_id, node_code, member_id) DO UPDATE SET input = excluded.input, score = excluded.score, comment = excluded.comment,
         updated_at = excluded.updated_at, package_hash = excluded.package_hash`,
    ),
    clearEvidence: db.prepare('DELETE FROM appraisal_evidence WHERE unit_id = ? AND node_code = ? AND member_id = ?'),
    insertEvidenceLink: db.prepare(
      'INSERT OR IGNORE INTO appraisal_evidence (unit_id, node_code, member_id, evidence_id, page) VALUES (?, ?, ?, ?, ?)',
    ),
    evidenceIds: db.prepare('SELECT sha256, id FROM evidence WHERE cycle_id = ?').raw(),
    insertEvidence: db.prepare(
      `INSERT INTO evidence (cycle_id, sha256, title, file_name, size, mime) VALUES (?, ?, ?, ?, NULL, ?) ON CONFLICT (cycle_id, sha256) DO NOTHING`,
    ),
    evidenceId: db.prepare('SELECT id FROM evidence WHERE cycle_id = ? AND sha256 = ?').pluck(),
    deleteConflict: db.prepare('DELETE FROM conflicts_of_interest WHERE unit_id = ? AND member_id = ?'),
    upsertConflict: db.prepare(
      `INSERT INTO conflicts_of_interest (unit_id, member_id, reason, declared_at, package_hash) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (unit_id, member_id) DO UPDATE SET reason = excluded.reason, declared_at = excluded.declared_at, package_hash = excluded.package_hash`,
    ),
    upsertExemption: db.prepare(
      `INSERT INTO exemptions (unit_id, node_code, reason, legal_basis, proposed_by, status, decided_by, decision_reason, created_at, decided_at, package_hash)
       VALUES (@unitId, @nodeCode, @reason, @legalBasis, @proposedBy, @status, @decidedBy, @decisionReason, @createdAt, @decidedAt, @packageHash)
       ON CONFLICT (unit_id, node_code) DO UPDATE SET reason = excluded.reason, legal_basis = excluded.legal_basis, proposed_by = excluded.proposed_by,
         status = excluded.status, decided_by = excluded.decided_by, decision_reason = excluded.decision_reason, decided_at = excluded.decided_at,
         package_hash = excluded.package_hash`,
    ),
    deleteExemption: db.prepare('DELETE FROM exemptions WHERE unit_id = ? AND node_code = ?'),
    upsertFinal: db.prepare(
      `INSERT INTO final_scores (unit_id, node_code, input, score, source_member, package_hash, decided_by, reason, updated_at, basis)
       VALUES (@unitId, @nodeCode, @input, @score, @sourceMember, @packageHash, @decidedBy, @reason, @updatedAt, @basis)
       ON CONFLICT (unit_id, node_code) DO UPDATE SET input = excluded.input, score = excluded.score, source_member = excluded.source_member,
         package_hash = excluded.package_hash, decided_by = excluded.decided_by, reason = excluded.reason, updated_at = excluded.updated_at,
         basis = excluded.basis`,
    ),
    deleteFinal: db.prepare('DELETE FROM final_scores WHERE unit_id = ? AND node_code = ?'),
  };
}

export function statements(db: Db): Statements {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = prepare(db)));
  return s;
}

const parseInput = (text: string | null): ScoreInputData | null =>
  text === null ? null : (JSON.parse(text) as ScoreInputData);

export interface LastPackage {
  readonly packageHash: string;
  readonly sequence: number;
  readonly payload: string;
}

export function lastPackageOf(db: Db, memberId: string): LastPackage | undefined {
  return statements(db).lastPackage.get(memberId) as LastPackage | undefined;
}

/** What planMerge needs to merge `payload` of `memberId`. */
export function readMergeLocal(ctx: CycleContext, memberId: string, payload: AppraisalPayload): MergeLocal {
  const s = statements(ctx.db);
  const last = lastPackageOf(ctx.db, memberId);
  const hashes = new Map(s.memberRows.all(memberId) as [string, string | null][]);
  const lastItems: AppraisalItem[] = last ? (JSON.parse(last.payload) as AppraisalPayload).appraisals : [];
  const mine: StoredItem[] = lastItems.map((i) => ({
    ...i,
    packageHash: hashes.get(itemKey(i.unitId, i.nodeCode)) ?? last!.packageHash,
  }));
  const myConflicts = s.myConflicts.all(memberId) as ConflictDeclaration[];

  const fieldOf: Record<ItemKey, string> = {};
  const others: OtherAppraisal[] = [];
  const finals: FinalScoreData[] = [];
  const exemptions: ExemptionData[] = [];
  const touched = new Set<ItemKey>();
  for (const i of [...lastItems, ...payload.appraisals]) {
    const k = itemKey(i.unitId, i.nodeCode);
    if (touched.has(k)) continue;
    touched.add(k);
    const { unitId, nodeCode } = i;
    const unit = ctx.units.get(unitId);
    const field = unit ? ctx.groups.get(unit.group)?.fieldOfLeaf.get(nodeCode) : undefined;
    if (field !== undefined) fieldOf[k] = field;
    for (const o of s.others.all(unitId, nodeCode, memberId) as {
      memberId: string;
      input: string | null;
      score: string;
      packageHash: string | null;
    }[]) {
      others.push({
        unitId,
        nodeCode,
        memberId: o.memberId,
        input: parseInput(o.input),
        score: o.score,
        packageHash: o.packageHash,
      });
    }
    const f = s.finals.get(unitId, nodeCode) as
      | (Omit<FinalScoreData, 'input' | 'unitId' | 'nodeCode'> & { input: string | null })
      | undefined;
    if (f) finals.push({ ...f, unitId, nodeCode, input: parseInput(f.input) });
    const e = s.exemptions.get(unitId, nodeCode) as Omit<ExemptionData, 'unitId' | 'nodeCode'> | undefined;
    if (e) exemptions.push({ ...e, unitId, nodeCode });
  }
  const assignments: Record<string, string[]> = {};
  for (const [m, f] of s.assignments.all(ctx.cycle.id) as [string, string][]) (assignments[m] ??= []).push(f);
  const conflictsOfInterest = s.cycleConflicts.all(ctx.cycle.id) as { memberId: string; unitId: string }[];
  return { mine, myConflicts, others, assignments, conflictsOfInterest, fieldOf, finals, exemptions };
}

export interface PackageRecord {
  readonly packageHash: string;
  readonly cycleId: string;
  readonly memberId: string;
  readonly keyFingerprint: string;
  readonly sequence: number;
  readonly previousHash: string | null;
  readonly createdAt: string;
  readonly importedAt: string;
  readonly importedBy: string;
  readonly fileName: string;
  readonly items: number;
  readonly payload: string;
  readonly publicKey: string;
  readonly signature: string;
}

/**
 * What an audit row keeps of an item: input, score, comment, the number of evidence
 * references, the proposed exemption's reason. The whole item (every evidence reference
 * with its sha256 and page) is in the signed package stored under the row's package hash.
 */
const summary = (i: AppraisalItem) => ({
  input: i.input,
  score: i.score,
  comment: i.comment || undefined,
  evidence: i.evidence.length || undefined,
  exemption: i.exemption?.reason,
});
const finalSummary = (f: FinalScoreData, h: string) => ({
  score: f.score,
  sourceMember: f.sourceMember,
  packageHash: f.packageHash === h ? undefined : f.packageHash,
  decidedBy: f.decidedBy ?? undefined,
  reason: f.reason ?? undefined,
});

/**
 * Writes the plan and its audit rows (one per unit whose appraisals or final scores change,
 * one per exemption and declaration, one for the package). Call inside a transaction.
 */
export function applyPlan(ctx: CycleContext, plan: MergePlan, record: PackageRecord): { auditRows: number } {
  const db = ctx.db;
  const s = statements(db);
  const member = plan.memberId;
  const h = record.packageHash;
  const at = record.importedAt;
  const actor = record.importedBy;
  s.insertPackage.run(record);

  // Evidence documents by hash; a cited document the store does not hold is registered (its file is then "missing").
  const evidence = new Map(s.evidenceIds.all(ctx.cycle.id) as [string, number][]);
  const evidenceId = (e: EvidenceRefData): number => {
    let id = evidence.get(e.sha256);
    if (id === undefined) {
      s.insertEvidence.run(
        ctx.cycle.id,
        e.sha256,
        e.title.trim() || e.fileName || e.sha256.slice(0, 12),
        e.fileName || `${e.sha256}.bin`,
        mimeOf(e.fileName),
      );
      id = s.evidenceId.get(ctx.cycle.id, e.sha256) as number;
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
    s.deleteAppraisal.run(i.unitId, i.nodeCode, member);
    const a = unitAudit(i.unitId);
    a.before[i.nodeCode] = summary(i);
    a.after[i.nodeCode] = null;
  }
  for (const c of plan.declarations.removed) {
    s.deleteConflict.run(c.unitId, member);
    appendAudit(db, {
      actor,
      action: 'coi.withdraw',
      entity: 'conflict_of_interest',
      entityId: `${c.unitId}/${member}`,
      before: c,
      after: null,
      reason: c.reason,
      packageHash: h,
      at,
    });
  }
  for (const c of [...plan.declarations.added, ...plan.declarations.changed.map((x) => x.after)]) {
    const before = plan.declarations.changed.find((x) => x.after.unitId === c.unitId)?.before ?? null;
    s.upsertConflict.run(c.unitId, member, c.reason, c.declaredAt, h);
    appendAudit(db, {
      actor,
      action: 'coi.declare',
      entity: 'conflict_of_interest',
      entityId: `${c.unitId}/${member}`,
      before,
      after: c,
      reason: c.reason,
      packageHash: h,
      at,
    });
  }
  // A member's first rows have no evidence links to clear.
  const hadRows = s.memberHasRows.get(member) !== undefined;
  const write = (i: AppraisalItem, fresh: boolean) => {
    s.upsertAppraisal.run(
      i.unitId,
      i.nodeCode,
      member,
      i.input === null ? null : JSON.stringify(i.input),
      i.score,
      i.comment,
      i.updatedAt,
      h,
    );
    if (!fresh) s.clearEvidence.run(i.unitId, i.nodeCode, member);
    for (const e of i.evidence) s.insertEvidenceLink.run(i.unitId, i.nodeCode, member, evidenceId(e), e.page);
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
    s.deleteExemption.run(e.unitId, e.nodeCode);
    appendAudit(db, {
      actor,
      action: 'exemption.withdraw',
      entity: 'exemption',
      entityId: `${e.unitId}/${e.nodeCode}`,
      before: e,
      after: null,
      reason: e.reason,
      packageHash: h,
      at,
    });
  }
  for (const e of plan.exemptions.upsert) {
    s.upsertExemption.run(e);
    appendAudit(db, {
      actor,
      action: 'exemption.propose',
      entity: 'exemption',
      entityId: `${e.unitId}/${e.nodeCode}`,
      after: e,
      reason: e.reason,
      packageHash: h,
      at,
    });
  }
  for (const f of plan.finals.remove) {
    s.deleteFinal.run(f.unitId, f.nodeCode);
    const a = unitAudit(f.unitId);
    a.finalsBefore[f.nodeCode] = finalSummary(f, h);
    a.finalsAfter[f.nodeCode] = null;
  }
  for (const f of plan.finals.upsert) {
    s.upsertFinal.run({ ...f, input: f.input === null ? null : JSON.stringify(f.input) });
    const a = unitAudit(f.unitId);
    a.finalsBefore[f.nodeCode] ??= null;
    a.finalsAfter[f.nodeCode] = finalSummary(f, h);
  }
  let auditRows = plan.declarations.added.length + plan.declarations.changed.length + plan.declarations.removed.length;
  auditRows += plan.exemptions.upsert.length + plan.exemptions.remove.length;
  for (const [unitId, a] of [...perUnit].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    appendAudit(db, {
      actor,
      action: 'package.merge',
      entity: 'unit',
      entityId: unitId,
      before: { member, appraisals: a.before, finals: a.finalsBefore },
      after: { member, appraisals: a.after, finals: a.finalsAfter },
      packageHash: h,
      at,
    });
    auditRows += 1;
  }
  appendAudit(db, {
    actor,
    action: 'package.import',
    entity: 'appraisal_package',
    entityId: h,
    after: {
      member,
      sequence: record.sequence,
      previousHash: record.previousHash,
      file: record.fileName,
      keyFingerprint: record.keyFingerprint,
      added: plan.added.length,
      changed: plan.changed.length,
      removed: plan.removed.length,
      unchanged: plan.unchanged,
      openConflicts: plan.conflicts.filter((c) => c.status === 'open').length,
    },
    packageHash: h,
    at,
  });
  return { auditRows: auditRows + 1 };
}
