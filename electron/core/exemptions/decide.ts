/**
 * Exemption proposals (đề nghị hạ điểm chuẩn) as the secretariat decides them. Only an
 * approved exemption changes the unit's benchmark in the official results
 * (computeCycleTotals counts 'approved' only).
 *
 *   listExemptions(db, cycleId, { status }) → ExemptionView[]
 *   decideExemption(db, cycleId, { unitId, nodeCode, decision, reason, actor }) → ExemptionView
 */
import { deserialize } from '../../../shared/decimal/rational.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { EXCHANGE_ACTION_ERRORS } from '../../../shared/exchange/codes.ts';
import type { ExemptionStatus } from '../../../shared/exchange/merge.ts';
import { compareCodes } from '../../../shared/framework/tree.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import {
  type ExemptionRecord,
  cycleExemptionRecords,
  exemptionRecord,
  setExemptionDecision,
} from '../db/repos/council.ts';
import { getExemption } from '../db/repos/exemptions.ts';
import { exactDecimalText } from '../../../shared/decimal/text.ts';
import { type CycleContext, cycleContext, leafOf, unitContext } from '../exchange/cycle-context.ts';

export interface ExemptionView {
  readonly unitId: string;
  readonly unitName: string;
  readonly nodeCode: string;
  readonly nodeTitle: string;
  readonly maxPoints: string;
  readonly reason: string;
  readonly legalBasis: string;
  readonly proposedBy: string | null;
  readonly proposedByName: string | null;
  readonly status: ExemptionStatus;
  readonly decidedBy: string | null;
  readonly decisionReason: string | null;
  readonly createdAt: string;
  readonly decidedAt: string | null;
  readonly packageHash: string | null;
}

export function listExemptions(
  db: Db,
  cycleId: string,
  options: { status?: ExemptionStatus | 'all' } = {},
): ExemptionView[] {
  const ctx = cycleContext(db, cycleId);
  const rows = cycleExemptionRecords(db, cycleId);
  const want = options.status ?? 'all';
  const order = new Map([...ctx.units.values()].map((u) => [u.id, u.sortOrder]));
  return rows
    .filter((r) => want === 'all' || r.status === want)
    .map((r) => viewOf(ctx, r))
    .sort((a, b) => (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0) || compareCodes(a.nodeCode, b.nodeCode));
}

/** A record with the names and the maximum a screen shows. */
function viewOf(ctx: CycleContext, r: ExemptionRecord): ExemptionView {
  const node = ctx.units.has(r.unitId)
    ? ctx.groups.get(ctx.units.get(r.unitId)!.group)?.tree.byCode.get(r.nodeCode)
    : undefined;
  return {
    ...r,
    unitName: ctx.units.get(r.unitId)?.name ?? r.unitId,
    nodeTitle: node?.title ?? r.nodeCode,
    maxPoints: node ? exactDecimalText(deserialize(node.maxPoints)) : '',
    proposedByName: r.proposedBy ? (ctx.members.get(r.proposedBy)?.name ?? r.proposedBy) : null,
  };
}

export interface ExemptionDecision {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly decision: 'approved' | 'rejected';
  /** Required to reject; optional to approve. */
  readonly reason?: string;
  /**
   * The legal basis, given when approving a proposal that has none (a unit's, from its dossier
   * workbook): required then, since an exemption without one blocks finalising.
   */
  readonly legalBasis?: string;
  readonly actor: string;
  readonly now?: string;
}

export function decideExemption(db: Db, cycleId: string, d: ExemptionDecision): ExemptionView {
  const reason = d.reason?.trim() ?? '';
  if (d.decision === 'rejected' && !reason)
    throw new CodedFailure('EXCHANGE_REASON_REQUIRED', EXCHANGE_ACTION_ERRORS.EXCHANGE_REASON_REQUIRED);
  const at = d.now ?? new Date().toISOString();
  tx(db, () => {
    const ctx = unitContext(db, cycleId, d.unitId);
    if (ctx.cycle.status === 'finalised')
      throw new CodedFailure('CYCLE_FINALISED', EXCHANGE_ACTION_ERRORS.EXCHANGE_ALREADY_FINALISED);
    if (!ctx.units.has(d.unitId))
      throw new CodedFailure('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị trong kỳ đánh giá.', { unitId: d.unitId });
    const before = getExemption(db, d.unitId, d.nodeCode);
    if (!before)
      throw new CodedFailure('EXCHANGE_EXEMPTION_NOT_FOUND', EXCHANGE_ACTION_ERRORS.EXCHANGE_EXEMPTION_NOT_FOUND);
    const leaf = leafOf(ctx, d.unitId, d.nodeCode);
    if (d.decision === 'approved' && leaf && !leaf.node.exemptable) {
      throw new CodedFailure(
        'EXEMPTION_NOT_ALLOWED',
        `Bộ tiêu chí không cho phép hạ điểm chuẩn ở tiêu chí ${d.nodeCode}.`,
      );
    }
    const legalBasis = (d.decision === 'approved' && d.legalBasis?.trim()) || before.legalBasis;
    if (d.decision === 'approved' && !legalBasis.trim())
      throw new CodedFailure('EXCHANGE_BASIS_REQUIRED', EXCHANGE_ACTION_ERRORS.EXCHANGE_BASIS_REQUIRED);
    setExemptionDecision(db, {
      unitId: d.unitId,
      nodeCode: d.nodeCode,
      status: d.decision,
      decidedBy: d.actor,
      decisionReason: reason || null,
      decidedAt: at,
      legalBasis,
    });
    appendAudit(db, {
      actor: d.actor,
      action: d.decision === 'approved' ? 'exemption.approve' : 'exemption.reject',
      entity: 'exemption',
      entityId: `${d.unitId}/${d.nodeCode}`,
      before: { status: before.status, decidedBy: before.decidedBy, decisionReason: before.decisionReason },
      after: {
        status: d.decision,
        decidedBy: d.actor,
        decisionReason: reason || null,
        reason: before.reason,
        legalBasis,
      },
      reason: reason || null,
      at,
    });
  });
  const record = exemptionRecord(db, d.unitId, d.nodeCode)!;
  return viewOf(unitContext(db, cycleId, d.unitId, [record.proposedBy]), record);
}
