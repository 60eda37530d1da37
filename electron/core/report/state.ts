/**
 * Draft or final: a cycle's results are final only once it is finalised (chốt kết quả),
 * and then they carry the hash of the stored snapshot. Until then every screen and
 * document says "Tạm tính" / "DỰ THẢO".
 */
import type { ResultsState } from '../../../shared/report/types.ts';
import type { Db } from '../db/connection.ts';
import { tableExists } from './context.ts';

export function resultsState(db: Db, cycleId: string): ResultsState {
  const status = db.prepare('SELECT status FROM cycles WHERE id = ?').pluck().get(cycleId) as string | undefined;
  if (status !== 'finalised' || !tableExists(db, 'cycle_snapshots'))
    return { finalised: false, snapshotHash: null, finalisedAt: null };
  const last = db
    .prepare('SELECT hash, created_at AS createdAt FROM cycle_snapshots WHERE cycle_id = ? ORDER BY id DESC LIMIT 1')
    .get(cycleId) as { hash: string; createdAt: string } | undefined;
  return { finalised: true, snapshotHash: last?.hash ?? null, finalisedAt: last?.createdAt ?? null };
}
