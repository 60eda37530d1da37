/** What the demo's build records about itself (electron/core/demo/init.ts). */
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

/** unit → node → [round-1 score, round-2 score] of every dossier item of the cycle: the baseline `audit-verify` checks. */
export function dossierBaseline(
  db: Db,
  cycleId: string,
): Record<string, Record<string, [string | null, string | null]>> {
  const rows = stmt(
    db,
    `SELECT d.unit_id AS unitId, d.node_code AS nodeCode, d.round1_score AS r1, d.round2_score AS r2
       FROM dossier_items d JOIN units u ON u.id = d.unit_id WHERE u.cycle_id = ? ORDER BY d.unit_id, d.node_code`,
  ).all(cycleId) as { unitId: string; nodeCode: string; r1: string | null; r2: string | null }[];
  const out: Record<string, Record<string, [string | null, string | null]>> = {};
  for (const r of rows) (out[r.unitId] ??= {})[r.nodeCode] = [r.r1, r.r2];
  return out;
}

export function evidenceCount(db: Db, cycleId: string): number {
  return stmt(db, 'SELECT count(*) FROM evidence WHERE cycle_id = ?').pluck().get(cycleId) as number;
}
