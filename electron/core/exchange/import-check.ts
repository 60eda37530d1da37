/**
 * An appraisal package checked against the store (cycle, frameworks, roster, key, scope,
 * nodes, scores recomputed, order) and planned as a merge; what the plan changes, counted.
 * The preview (import-preview.ts) and the commit (import.ts) both start here.
 */
import { isAssigned } from '../../../shared/council/assignment.ts';
import { deserialize, serialize } from '../../../shared/decimal/rational.ts';
import type { ScoreInputData } from '../../../shared/exchange/appraisal-package.ts';
import { stableStringify } from '../../../shared/framework/canonical.ts';
import type { FrameworkNode } from '../../../shared/framework/types.ts';
import { formatFingerprint } from '../../../shared/exchange/fingerprint.ts';
import { type MergePlan, planMerge } from '../../../shared/exchange/merge.ts';
import { scoreNode } from '../../../shared/scoring/score.ts';
import type { Db } from '../db/connection.ts';
import { getCycle } from '../db/repos/cycles.ts';
import type { Member } from '../db/repos/members.ts';
import { lastPackageOf, packageMember } from '../db/repos/packages.ts';
import { membersHoldingKey } from '../db/repos/roster.ts';
import { exactDecimalText } from '../../../shared/decimal/text.ts';
import type { VerifiedPackage } from './appraisal-file.ts';
import { type CycleContext, cycleContext, leafOf } from './cycle-context.ts';
import { MergeRows } from './merge-rows.ts';
import { readMergeLocal } from './merge-store.ts';
import { ExchangeRefusal } from './refusal.ts';

export type PackageState = 'new' | 'duplicate' | 'superseded';

/**
 * Scores recomputed for the checks, memoised by framework, node and input: members of a
 * field often enter the same figures, and a framework hash never changes meaning.
 */
const scores = new Map<string, { ok: true; score: string } | { ok: false; message: string }>();
function scoreOf(frameworkHash: string, node: FrameworkNode, input: ScoreInputData) {
  const key = `${frameworkHash}\u001f${node.code}\u001f${stableStringify(input)}`;
  let r = scores.get(key);
  if (!r) {
    const v = scoreNode(node.scoring!, node.maxPoints, input);
    r = v.ok ? { ok: true, score: serialize(v.value) } : { ok: false, message: v.error.message };
    if (scores.size > 200_000) scores.clear();
    scores.set(key, r);
  }
  return r;
}

export interface CheckedPackage {
  readonly pkg: VerifiedPackage;
  readonly ctx: CycleContext;
  readonly member: Member;
  readonly state: PackageState;
  /** Packages of the member were skipped (never delivered): allowed, each package is a full snapshot. */
  readonly gap: boolean;
  readonly lastSequence: number | null;
}

export const DECIMAL_SCORE = (s: string) => exactDecimalText(deserialize(s));

/** Every check that needs the store. Throws ExchangeRefusal; writes nothing. */
export function checkPackage(db: Db, pkg: VerifiedPackage): CheckedPackage {
  const p = pkg.payload;
  const file = pkg.file;

  // Signer on the roster.
  const holders = membersHoldingKey(db, p.keyFingerprint);
  if (holders.length === 0)
    throw new ExchangeRefusal(
      file,
      'EXCHANGE_SIGNER_NOT_ON_ROSTER',
      `dấu vân tay ${formatFingerprint(p.keyFingerprint)}`,
    );
  const holder = holders.find((h) => h.id === p.member.id);
  if (!holder) throw new ExchangeRefusal(file, 'EXCHANGE_SIGNER_MISMATCH', `gói ghi thành viên “${p.member.id}”`);

  // Cycle and frameworks.
  const cycleExists = getCycle(db, p.cycleId) !== undefined;
  if (!cycleExists || holder.cycleId !== p.cycleId)
    throw new ExchangeRefusal(file, 'EXCHANGE_WRONG_CYCLE', `kỳ “${p.cycleId}”`);
  const ctx = cycleContext(db, p.cycleId);
  if (ctx.cycle.status === 'finalised')
    throw new ExchangeRefusal(file, 'EXCHANGE_CYCLE_FINALISED', `kỳ “${ctx.cycle.name}”`);
  const local = [...ctx.groups].map(([g, f]) => `${g}=${f.hash}`).sort();
  const theirs = Object.entries(p.frameworks)
    .map(([g, hash]) => `${g}=${hash}`)
    .sort();
  if (local.join(';') !== theirs.join(';')) throw new ExchangeRefusal(file, 'EXCHANGE_FRAMEWORK_MISMATCH');

  // Scope.
  const member = ctx.members.get(p.member.id)!;
  const fields = new Set(member.fields);
  const extra = p.scope.fields.filter((f) => !fields.has(f));
  if (extra.length > 0)
    throw new ExchangeRefusal(file, 'EXCHANGE_SCOPE_MISMATCH', `lĩnh vực ${extra.join(', ')} không được phân công`);
  const scope = new Set(p.scope.fields);
  // Assigned on the roster and in the package's scope, in the unit's group.
  const inScope = (unitId: string, field: string) => {
    const group = ctx.units.get(unitId)?.group ?? '';
    return isAssigned(fields, group, field) && isAssigned(scope, group, field);
  };
  const conflicted = new Set<string>();
  for (const c of p.conflictsOfInterest) {
    if (!ctx.units.has(c.unitId)) throw new ExchangeRefusal(file, 'EXCHANGE_UNKNOWN_UNIT', `đơn vị “${c.unitId}”`);
    conflicted.add(c.unitId);
  }
  for (const a of p.appraisals) {
    const where = `tiêu chí ${a.nodeCode} của đơn vị “${a.unitId}”`;
    if (!ctx.units.has(a.unitId)) throw new ExchangeRefusal(file, 'EXCHANGE_UNKNOWN_UNIT', `đơn vị “${a.unitId}”`);
    const leaf = leafOf(ctx, a.unitId, a.nodeCode);
    if (!leaf) throw new ExchangeRefusal(file, 'EXCHANGE_UNKNOWN_NODE', where);
    if (!inScope(a.unitId, leaf.field) || leaf.survey) {
      throw new ExchangeRefusal(
        file,
        'EXCHANGE_OUT_OF_SCOPE',
        `${where} thuộc lĩnh vực ${leaf.field}${leaf.survey ? ' (điểm điều tra xã hội học)' : ''}`,
      );
    }
    if (conflicted.has(a.unitId)) throw new ExchangeRefusal(file, 'EXCHANGE_COI_VIOLATION', where);
    if (a.input !== null) {
      const r = scoreOf(leaf.groupHash, leaf.node, a.input);
      if (!r.ok) throw new ExchangeRefusal(file, 'EXCHANGE_INVALID_INPUT', `${where}: ${r.message}`);
      if (r.score !== a.score)
        throw new ExchangeRefusal(
          file,
          'EXCHANGE_SCORE_MISMATCH',
          `${where}: gói ghi ${a.score}, tính lại được ${r.score}`,
        );
    }
    if (a.exemption !== null && !leaf.node.exemptable)
      throw new ExchangeRefusal(file, 'EXCHANGE_EXEMPTION_NOT_ALLOWED', where);
  }

  // Order.
  const known = packageMember(db, pkg.packageHash);
  const last = lastPackageOf(db, member.id);
  if (known !== undefined)
    return { pkg, ctx, member, state: 'duplicate', gap: false, lastSequence: last?.sequence ?? null };
  if (last) {
    if (p.sequence < last.sequence)
      return { pkg, ctx, member, state: 'superseded', gap: false, lastSequence: last.sequence };
    if (p.sequence === last.sequence)
      throw new ExchangeRefusal(file, 'EXCHANGE_SEQUENCE_REUSED', `số thứ tự ${p.sequence}`);
    if (p.sequence === last.sequence + 1 && p.previousPackageHash !== last.packageHash)
      throw new ExchangeRefusal(file, 'EXCHANGE_CHAIN_BROKEN');
  }
  const gap = last ? p.sequence > last.sequence + 1 : p.sequence > 1;
  return { pkg, ctx, member, state: 'new', gap, lastSequence: last?.sequence ?? null };
}

/** Plans the merge; `rows` is what the store holds (a batch shares it: merge-rows.ts). */
export function planPackage(
  checked: CheckedPackage,
  at: string,
  rows: MergeRows = new MergeRows(checked.ctx.db),
): MergePlan {
  const { ctx, member, pkg } = checked;
  const local = readMergeLocal(ctx, member.id, pkg.payload, rows);
  return planMerge(local, {
    memberId: member.id,
    packageHash: pkg.packageHash,
    at,
    items: pkg.payload.appraisals,
    conflictsOfInterest: pkg.payload.conflictsOfInterest,
  });
}

/** What importing a package changes, counted. */
export interface ImportCounts {
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly removed: number;
  readonly conflicts: number;
  readonly newConflicts: number;
  readonly exemptionsProposed: number;
  readonly exemptionsWithdrawn: number;
  readonly declarationsAdded: number;
  readonly declarationsRemoved: number;
  readonly finalScoresChanged: number;
}

/** What a plan changes, counted (the preview's figures and the import's message). */
export function countsOf(plan: MergePlan | null): ImportCounts {
  const open = plan?.conflicts.filter((c) => c.status === 'open') ?? [];
  return {
    added: plan?.added.length ?? 0,
    changed: plan?.changed.length ?? 0,
    unchanged: plan?.unchanged ?? 0,
    removed: plan?.removed.length ?? 0,
    conflicts: open.length,
    newConflicts: open.filter((c) => c.isNew).length,
    exemptionsProposed: plan?.exemptions.upsert.length ?? 0,
    exemptionsWithdrawn: plan?.exemptions.remove.length ?? 0,
    declarationsAdded: plan?.declarations.added.length ?? 0,
    declarationsRemoved: plan?.declarations.removed.length ?? 0,
    finalScoresChanged: (plan?.finals.upsert.length ?? 0) + (plan?.finals.remove.length ?? 0),
  };
}
