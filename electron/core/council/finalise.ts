/**
 * Finalising a cycle (chốt kết quả): when the completeness matrix allows it, the results are
 * stored as a snapshot (canonical JSON) with its sha256, the cycle is locked (status
 * 'finalised'; triggers of migration 003 refuse changes to its scores) and the audit log
 * records it. Reopening needs a reason and is logged; the snapshot stays.
 *
 *   finaliseCycle(db, dataDir, cycleId, { actor, reason?, acceptMissingEvidence? }) → SnapshotInfo
 *   reopenCycle(db, cycleId, { actor, reason }) → void
 *   listSnapshots(db, cycleId) / readSnapshot(db, id) / resultsSnapshot(db, cycleId, at)
 */
import { serialize } from '../../../shared/decimal/rational.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { EXCHANGE_ACTION_ERRORS } from '../../../shared/exchange/codes.ts';
import { computeResults } from '../../../shared/results/compute.ts';
import { type Db, tx } from '../db/connection.ts';
import { appendAudit } from '../db/repos/audit.ts';
import { figuresOf } from '../results/cycle-results.ts';
import { computeCycleTotals } from '../results/cycle-totals.ts';
import { backupDatabase } from '../db/backup.ts';
import { listConflictsOfInterest } from './conflicts-of-interest.ts';
import { completenessMatrix } from './completeness.ts';
import { cycleContext, frameworkHashes } from '../exchange/cycle-context.ts';
import { sha256Hex } from '../exchange/keys.ts';
import { canonicalJson } from '../../../shared/exchange/jcs.ts';
import { cycleGroupOrder } from '../db/repos/groups.ts';
import { approvedExemptions, finalProvenance } from '../db/repos/council.ts';
import { cyclePackageList } from '../db/repos/packages.ts';
import {
  getSnapshot,
  insertSnapshot,
  lastSnapshot,
  listSnapshots as snapshotRows,
  setCycleStatus,
} from '../db/repos/snapshots.ts';
import { scaledDecimalText } from '../../../shared/decimal/text.ts';

export interface SnapshotInfo {
  readonly id: number;
  readonly cycleId: string;
  readonly createdAt: string;
  readonly actor: string;
  readonly reason: string | null;
  readonly hash: string;
  readonly backup?: string | null;
  /** The audit chain's head after the finalise row (its seq and hash), printed in the minutes. */
  readonly auditHead?: { readonly seq: number; readonly hash: string };
}

/** The cycle's official results (approved exemptions only), every number exact ("n/d"), with provenance. */
export function resultsSnapshot(db: Db, cycleId: string, at: string): unknown {
  const ctx = cycleContext(db, cycleId);
  const totals = computeCycleTotals(db, cycleId);
  const results = computeResults(figuresOf(totals), ctx.cycle.precision, cycleGroupOrder(db, cycleId));
  const byName = new Map(results.units.map((u) => [u.unit, u]));
  const finals = new Map<
    string,
    { sourceMember: string | null; packageHash: string | null; decidedBy: string | null; reason: string | null }
  >();
  for (const f of finalProvenance(db, cycleId)) {
    finals.set(f.k, {
      sourceMember: f.sourceMember,
      packageHash: f.packageHash,
      decidedBy: f.decidedBy,
      reason: f.reason,
    });
  }
  const p = ctx.cycle.precision;
  return {
    format: 'cchc-results-snapshot',
    version: 1,
    cycle: { id: ctx.cycle.id, name: ctx.cycle.name, year: ctx.cycle.year, province: ctx.cycle.province, precision: p },
    finalisedAt: at,
    frameworks: frameworkHashes(ctx),
    units: totals.units.map((c) => {
      const r = byName.get(c.unit.name)!;
      return {
        id: c.unit.id,
        name: c.unit.name,
        group: c.unit.group,
        benchmark: serialize(c.totals.benchmark),
        selfAssessed: serialize(c.totals.selfAssessed),
        surveyCbccvc: serialize(c.totals.surveyCbccvc),
        surveySipas: serialize(c.totals.surveySipas),
        total: serialize(c.totals.total),
        index: serialize(r.index),
        published: scaledDecimalText(r.published, p),
        classification: r.classification,
        rankInGroup: r.rankInGroup,
        rankOverall: r.rankOverall,
        fields: c.totals.fields.map((f) => ({
          code: f.code,
          benchmark: serialize(f.benchmark),
          points: serialize(f.points),
        })),
        scores: Object.fromEntries(
          [...c.scores].map(([code, s]) => [
            code,
            {
              score: serialize(s),
              source: c.sources.get(code) ?? null,
              ...(finals.get(`${c.unit.id}\u001f${code}`) ?? {}),
            },
          ]),
        ),
      };
    }),
    exemptions: approvedExemptions(db, cycleId),
    conflictsOfInterest: listConflictsOfInterest(db, cycleId).map((c) => ({
      unitId: c.unitId,
      memberId: c.memberId,
      reason: c.reason,
      declaredAt: c.declaredAt,
    })),
    packages: cyclePackageList(db, cycleId),
  };
}

export interface FinaliseOptions {
  readonly actor: string;
  readonly reason?: string;
  /** Finalise although some sub-criteria lack evidence (the reason is then required). */
  readonly acceptMissingEvidence?: boolean;
  readonly backup?: boolean;
  readonly now?: string;
}

export function finaliseCycle(db: Db, dataDir: string, cycleId: string, options: FinaliseOptions): SnapshotInfo {
  const at = options.now ?? new Date().toISOString();
  const reason = options.reason?.trim() || null;
  const ctx = cycleContext(db, cycleId);
  if (ctx.cycle.status === 'finalised')
    throw new CodedFailure('EXCHANGE_ALREADY_FINALISED', EXCHANGE_ACTION_ERRORS.EXCHANGE_ALREADY_FINALISED);
  const matrix = completenessMatrix(db, dataDir, cycleId);
  const ok = matrix.ready || (options.acceptMissingEvidence === true && matrix.readyIgnoringEvidence);
  if (!ok) {
    throw new CodedFailure(
      'EXCHANGE_NOT_COMPLETE',
      `${EXCHANGE_ACTION_ERRORS.EXCHANGE_NOT_COMPLETE} ${matrix.blockers.join(' ')}`,
      {
        total: matrix.totals.total,
        appraised: matrix.totals.appraised,
        openConflicts: matrix.totals.openConflicts,
        exemptionsPending: matrix.totals.exemptionsPending,
        exemptionsWithoutReason: matrix.totals.exemptionsWithoutReason,
        missingEvidence: matrix.totals.missingEvidence,
      },
    );
  }
  if (!matrix.ready && !reason) {
    throw new CodedFailure(
      'EXCHANGE_REASON_REQUIRED',
      'Phải ghi lý do khi chốt kết quả dù còn tiêu chí thiếu tài liệu kiểm chứng.',
    );
  }
  const backup = options.backup === false ? null : backupDatabase(db, dataDir, 'finalise');
  const info = tx(db, () => {
    const content = canonicalJson(resultsSnapshot(db, cycleId, at));
    const hash = sha256Hex(content);
    const id = insertSnapshot(db, { cycleId, createdAt: at, actor: options.actor, reason, content, hash });
    setCycleStatus(db, cycleId, 'finalised');
    const row = appendAudit(db, {
      actor: options.actor,
      action: 'cycle.finalise',
      entity: 'cycle',
      entityId: cycleId,
      before: { status: 'open' },
      after: {
        status: 'finalised',
        snapshotId: id,
        snapshotHash: hash,
        missingEvidence: matrix.totals.missingEvidence,
      },
      reason,
      at,
    });
    return {
      id,
      cycleId,
      createdAt: at,
      actor: options.actor,
      reason,
      hash,
      auditHead: { seq: row.seq, hash: row.hash },
    };
  });
  return { ...info, backup };
}

export function reopenCycle(db: Db, cycleId: string, options: { actor: string; reason: string; now?: string }): void {
  const reason = options.reason.trim();
  if (!reason) throw new CodedFailure('EXCHANGE_REASON_REQUIRED', EXCHANGE_ACTION_ERRORS.EXCHANGE_REASON_REQUIRED);
  const at = options.now ?? new Date().toISOString();
  tx(db, () => {
    const ctx = cycleContext(db, cycleId);
    if (ctx.cycle.status !== 'finalised')
      throw new CodedFailure('EXCHANGE_NOT_FINALISED', EXCHANGE_ACTION_ERRORS.EXCHANGE_NOT_FINALISED);
    const last = lastSnapshot(db, cycleId);
    setCycleStatus(db, cycleId, 'open');
    appendAudit(db, {
      actor: options.actor,
      action: 'cycle.reopen',
      entity: 'cycle',
      entityId: cycleId,
      before: { status: 'finalised', snapshotId: last?.id ?? null, snapshotHash: last?.hash ?? null },
      after: { status: 'open' },
      reason,
      at,
    });
  });
}

export function listSnapshots(db: Db, cycleId: string): SnapshotInfo[] {
  return snapshotRows(db, cycleId);
}

/** A stored snapshot and whether its content still has its hash. */
export function readSnapshot(db: Db, id: number): { info: SnapshotInfo; content: unknown; intact: boolean } | null {
  const r = getSnapshot(db, id);
  if (!r) return null;
  const { content, ...info } = r;
  return { info, content: JSON.parse(content), intact: sha256Hex(content) === info.hash };
}
