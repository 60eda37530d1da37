/** Lowered benchmarks (hạ điểm chuẩn): a node taken out of a unit's score and maximum, with a reason. */
import type { ExemptionData } from '../../../../shared/exchange/merge.ts';
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

/** An exemption row as the core reads and writes it (the package it came from is tracked by the exchange). */
export type Exemption = Omit<ExemptionData, 'packageHash'>;

const SELECT = `SELECT unit_id AS unitId, node_code AS nodeCode, reason, legal_basis AS legalBasis, proposed_by AS proposedBy, status,
  decided_by AS decidedBy, decision_reason AS decisionReason, created_at AS createdAt, decided_at AS decidedAt FROM exemptions`;

export function upsertExemption(db: Db, e: Exemption): void {
  stmt(
    db,
    `INSERT INTO exemptions (unit_id, node_code, reason, legal_basis, proposed_by, status, decided_by, decision_reason, created_at, decided_at)
     VALUES (@unitId, @nodeCode, @reason, @legalBasis, @proposedBy, @status, @decidedBy, @decisionReason, @createdAt, @decidedAt)
     ON CONFLICT (unit_id, node_code) DO UPDATE SET reason = excluded.reason, legal_basis = excluded.legal_basis, proposed_by = excluded.proposed_by,
       status = excluded.status, decided_by = excluded.decided_by, decision_reason = excluded.decision_reason, decided_at = excluded.decided_at`,
  ).run(e);
}

export function getExemption(db: Db, unitId: string, nodeCode: string): Exemption | undefined {
  return stmt(db, `${SELECT} WHERE unit_id = ? AND node_code = ?`).get(unitId, nodeCode) as Exemption | undefined;
}

export function deleteExemption(db: Db, unitId: string, nodeCode: string): void {
  stmt(db, 'DELETE FROM exemptions WHERE unit_id = ? AND node_code = ?').run(unitId, nodeCode);
}

export function listUnitExemptions(db: Db, unitId: string): Exemption[] {
  return stmt(db, `${SELECT} WHERE unit_id = ? ORDER BY node_code`).all(unitId) as Exemption[];
}

export function listCycleExemptions(db: Db, cycleId: string): Exemption[] {
  return stmt(
    db,
    `${SELECT} WHERE unit_id IN (SELECT id FROM units WHERE cycle_id = ?) ORDER BY unit_id, node_code`,
  ).all(cycleId) as Exemption[];
}
