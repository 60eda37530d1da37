/**
 * Conflicts: a sub-criterion whose assigned members disagree. Shown side by side (inputs,
 * scores, evidence, comments, provenance); resolved by the secretariat choosing a member's
 * value or entering the council's, always with a written reason. The decision stands while
 * the members' scores it was made on stay the same (shared/exchange/merge.ts).
 *
 *   listConflicts(db, dataDir, cycleId, { status }) → ConflictView[]
 *   resolveConflict(db, dataDir, cycleId, { unitId, nodeCode, choice, reason, actor }) → ConflictView
 */
import { deserialize, serialize } from '../../../shared/decimal/rational.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { ScoreInputData } from '../../../shared/exchange/appraisal-package.ts';
import { EXCHANGE_ACTION_ERRORS } from '../../../shared/exchange/codes.ts';
import { type FinalScoreData, type ItemKey, itemKey, judge, splitKey } from '../../../shared/exchange/merge.ts';
import type { Scoring } from '../../../shared/framework/types.ts';
import { compareCodes } from '../../../shared/framework/tree.ts';
import { scoreNode } from '../../../shared/scoring/score.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { appraisalCitedEvidence, appraisalNote, approvedExemptionKeys, selfScoreOf } from '../db/repos/council.ts';
import { upsertFinalScore } from '../db/repos/merge.ts';
import { type EvidenceStatus, evidenceStatus } from '../evidence/files.ts';
import { exactDecimalText } from '../../../shared/decimal/text.ts';
import { cycleMergeState } from './candidates.ts';
import { type CycleContext, cycleContext, leafOf } from '../exchange/cycle-context.ts';

interface EvidenceView {
  readonly sha256: string;
  readonly title: string;
  readonly fileName: string;
  readonly page: number | null;
  readonly status: EvidenceStatus;
}

interface ConflictSide {
  readonly memberId: string;
  readonly memberName: string;
  /** Decimal text ("0.5"); `scoreExact` is the stored "n/d". */
  readonly score: string;
  readonly scoreExact: string;
  readonly input: ScoreInputData | null;
  readonly comment: string;
  readonly evidence: readonly EvidenceView[];
  readonly packageHash: string | null;
  readonly updatedAt: string | null;
}

export interface ConflictView {
  readonly unitId: string;
  readonly unitName: string;
  readonly nodeCode: string;
  readonly nodeTitle: string;
  readonly field: string;
  readonly maxPoints: string;
  readonly scoring: Scoring | null;
  readonly status: 'open' | 'resolved';
  /** The unit's own self-assessment (round 2, else round 1), decimal text. */
  readonly selfScore: string | null;
  readonly sides: readonly ConflictSide[];
  readonly resolution: {
    readonly score: string;
    readonly scoreExact: string;
    readonly input: ScoreInputData | null;
    /** The member whose value was chosen; null for the council's own value. */
    readonly sourceMember: string | null;
    readonly packageHash: string | null;
    readonly decidedBy: string;
    readonly reason: string;
    readonly at: string;
  } | null;
}

export type ConflictFilter = 'open' | 'resolved' | 'all';

function view(
  ctx: CycleContext,
  dataDir: string,
  key: ItemKey,
  state: ReturnType<typeof judge>,
  final: FinalScoreData | undefined,
): ConflictView {
  const { unitId, nodeCode } = splitKey(key);
  const leaf = leafOf(ctx, unitId, nodeCode);
  const db = ctx.db;
  const sides = state.state === 'conflict' || state.state === 'resolved' ? state.candidates : [];
  const self = selfScoreOf(db, unitId, nodeCode);
  return {
    unitId,
    unitName: ctx.units.get(unitId)?.name ?? unitId,
    nodeCode,
    nodeTitle: leaf?.node.title ?? nodeCode,
    field: leaf?.field ?? '',
    maxPoints: leaf ? exactDecimalText(deserialize(leaf.node.maxPoints)) : '',
    scoring: leaf?.node.scoring ?? null,
    status: state.state === 'resolved' ? 'resolved' : 'open',
    selfScore: self ? exactDecimalText(deserialize(self)) : null,
    sides: sides.map((c) => {
      const d = appraisalNote(db, unitId, nodeCode, c.memberId);
      return {
        memberId: c.memberId,
        memberName: ctx.members.get(c.memberId)?.name ?? c.memberId,
        score: exactDecimalText(deserialize(c.score)),
        scoreExact: c.score,
        input: c.input,
        comment: d?.comment ?? '',
        evidence: appraisalCitedEvidence(db, unitId, nodeCode, c.memberId).map((e) => ({
          ...e,
          status: evidenceStatus(dataDir, e.sha256),
        })),
        packageHash: c.packageHash,
        updatedAt: d?.updatedAt ?? null,
      };
    }),
    resolution:
      state.state === 'resolved' && final && final.decidedBy
        ? {
            score: exactDecimalText(deserialize(final.score)),
            scoreExact: final.score,
            input: final.input,
            sourceMember: final.sourceMember,
            packageHash: final.packageHash,
            decidedBy: final.decidedBy,
            reason: final.reason ?? '',
            at: final.updatedAt,
          }
        : null,
  };
}

/** Conflicts of the cycle, by unit then sub-criterion. Exempted sub-criteria (approved) are left out. */
export function listConflicts(
  db: Db,
  dataDir: string,
  cycleId: string,
  options: { status?: ConflictFilter } = {},
): ConflictView[] {
  const ctx = cycleContext(db, cycleId);
  const { candidates, finals } = cycleMergeState(ctx);
  const exempted = approvedExemptions(db, cycleId);
  const want = options.status ?? 'all';
  const out: ConflictView[] = [];
  for (const [k, cands] of candidates) {
    if (cands.length < 2) continue;
    const final = finals.get(k);
    const j = judge(cands, final);
    if (j.state !== 'conflict' && j.state !== 'resolved') continue;
    if (isExempted(ctx, exempted, k)) continue;
    if (want !== 'all' && (want === 'open') !== (j.state === 'conflict')) continue;
    out.push(view(ctx, dataDir, k, j, final));
  }
  const order = new Map([...ctx.units.values()].map((u) => [u.id, u.sortOrder]));
  return out.sort(
    (a, b) =>
      (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0) ||
      a.unitName.localeCompare(b.unitName, 'vi') ||
      compareCodes(a.nodeCode, b.nodeCode),
  );
}

function approvedExemptions(db: Db, cycleId: string): Set<ItemKey> {
  return new Set(approvedExemptionKeys(db, cycleId));
}

/** Is the leaf (or one of its ancestors) exempted? */
function isExempted(ctx: CycleContext, exempted: ReadonlySet<ItemKey>, key: ItemKey): boolean {
  if (exempted.size === 0) return false;
  const { unitId, nodeCode } = splitKey(key);
  const unit = ctx.units.get(unitId);
  const plan = unit && ctx.groups.get(unit.group)?.plan;
  const leaf = plan?.leaves[plan.leafIndex.get(nodeCode) ?? -1];
  return (leaf?.path ?? [nodeCode]).some((c) => exempted.has(itemKey(unitId, c)));
}

export type ConflictChoice = { readonly memberId: string } | { readonly input: ScoreInputData };

export interface ResolveInput {
  readonly unitId: string;
  readonly nodeCode: string;
  /** A member's value, or the council's own input (scored with the framework). */
  readonly choice: ConflictChoice;
  readonly reason: string;
  readonly actor: string;
  readonly now?: string;
}

export function resolveConflict(db: Db, dataDir: string, cycleId: string, input: ResolveInput): ConflictView {
  const reason = input.reason.trim();
  if (!reason) throw new CodedFailure('EXCHANGE_REASON_REQUIRED', EXCHANGE_ACTION_ERRORS.EXCHANGE_REASON_REQUIRED);
  const at = input.now ?? new Date().toISOString();
  return tx(db, () => {
    const ctx = cycleContext(db, cycleId);
    if (ctx.cycle.status === 'finalised')
      throw new CodedFailure('CYCLE_FINALISED', EXCHANGE_ACTION_ERRORS.EXCHANGE_ALREADY_FINALISED);
    const key = itemKey(input.unitId, input.nodeCode);
    const { candidates, finals } = cycleMergeState(ctx);
    const cands = candidates.get(key) ?? [];
    const before = finals.get(key);
    const j = judge(cands, before);
    if (j.state !== 'conflict' && j.state !== 'resolved')
      throw new CodedFailure('EXCHANGE_NO_CONFLICT', EXCHANGE_ACTION_ERRORS.EXCHANGE_NO_CONFLICT);
    let final: FinalScoreData;
    if ('memberId' in input.choice) {
      const memberId = input.choice.memberId;
      const c = j.candidates.find((x) => x.memberId === memberId);
      if (!c)
        throw new CodedFailure('EXCHANGE_NOT_A_CANDIDATE', EXCHANGE_ACTION_ERRORS.EXCHANGE_NOT_A_CANDIDATE, {
          memberId,
        });
      final = {
        unitId: input.unitId,
        nodeCode: input.nodeCode,
        input: c.input,
        score: c.score,
        sourceMember: c.memberId,
        packageHash: c.packageHash,
        decidedBy: input.actor,
        reason,
        basis: j.basis,
        updatedAt: at,
      };
    } else {
      const leaf = leafOf(ctx, input.unitId, input.nodeCode)!;
      const r = scoreNode(leaf.node.scoring!, leaf.node.maxPoints, input.choice.input);
      if (!r.ok) throw CodedFailure.from(r.error, `Tiêu chí ${input.nodeCode}: ${r.error.message}`);
      final = {
        unitId: input.unitId,
        nodeCode: input.nodeCode,
        input: input.choice.input,
        score: serialize(r.value),
        sourceMember: null,
        packageHash: null,
        decidedBy: input.actor,
        reason,
        basis: j.basis,
        updatedAt: at,
      };
    }
    upsertFinalScore(db, final);
    appendAudit(db, {
      actor: input.actor,
      action: 'conflict.resolve',
      entity: 'final_score',
      entityId: `${input.unitId}/${input.nodeCode}`,
      before: before
        ? { score: before.score, sourceMember: before.sourceMember, decidedBy: before.decidedBy, reason: before.reason }
        : null,
      after: {
        score: final.score,
        input: final.input,
        sourceMember: final.sourceMember,
        packageHash: final.packageHash,
        basis: final.basis,
      },
      reason,
      packageHash: final.packageHash,
      at,
    });
    return view(ctx, dataDir, key, judge(cands, final), final);
  });
}
