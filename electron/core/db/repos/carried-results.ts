/**
 * The council's final results as a cycle package carries them to members' machines: the
 * finalised cycle's last snapshot, and on receipt the final scores and snapshot written over
 * this machine's copies.
 */
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface LastSnapshot {
  readonly finalisedAt: string;
  readonly hash: string;
  readonly content: string;
}

/** The cycle's status and, when finalised, its last snapshot. */
export function finalisedSnapshot(db: Db, cycleId: string): LastSnapshot | undefined {
  const status = stmt(db, 'SELECT status FROM cycles WHERE id = ?').pluck().get(cycleId);
  if (status !== 'finalised') return undefined;
  return stmt(
    db,
    'SELECT created_at AS finalisedAt, hash, content FROM cycle_snapshots WHERE cycle_id = ? ORDER BY id DESC LIMIT 1',
  ).get(cycleId) as LastSnapshot | undefined;
}

export function setCycleStatus(db: Db, cycleId: string, status: 'open' | 'finalised'): void {
  stmt(db, 'UPDATE cycles SET status = ? WHERE id = ?').run(status, cycleId);
}

export interface CarriedFinalRow {
  readonly unitId: string;
  readonly nodeCode: string;
  readonly score: string;
  readonly sourceMember: string | null;
  readonly decidedBy: string | null;
  readonly reason: string | null;
}

/** Replaces the cycle's final scores by the carried ones (none: all removed). */
export function replaceFinalScores(db: Db, cycleId: string, finals: readonly CarriedFinalRow[], at: string): void {
  stmt(db, 'DELETE FROM final_scores WHERE unit_id IN (SELECT id FROM units WHERE cycle_id = ?)').run(cycleId);
  const put = stmt(
    db,
    'INSERT INTO final_scores (unit_id, node_code, input, score, source_member, package_hash, decided_by, reason, updated_at) VALUES (?, ?, NULL, ?, ?, NULL, ?, ?, ?)',
  );
  for (const f of finals) put.run(f.unitId, f.nodeCode, f.score, f.sourceMember, f.decidedBy, f.reason, at);
}

/** Stores a carried snapshot once (by hash). */
export function putCarriedSnapshot(db: Db, cycleId: string, at: string, content: string, hash: string): void {
  if (stmt(db, 'SELECT 1 FROM cycle_snapshots WHERE cycle_id = ? AND hash = ?').get(cycleId, hash)) return;
  stmt(
    db,
    'INSERT INTO cycle_snapshots (cycle_id, created_at, actor, reason, content, hash) VALUES (?, ?, ?, NULL, ?, ?)',
  ).run(cycleId, at, 'cycle-package', content, hash);
}
