/**
 * Draft or final: a cycle's results are final only once it is finalised (chốt kết quả),
 * and then they carry the hash of the stored snapshot. Until then every screen and
 * document says "Tạm tính" / "DỰ THẢO".
 */
import type { ResultsState } from '../../../shared/report/types.ts';
import type { Db } from '../db/connection.ts';
import { cycleFinalState, tableExists } from '../db/repos/report.ts';

export function resultsState(db: Db, cycleId: string): ResultsState {
  const { status, snapshot } = cycleFinalState(db, cycleId);
  if (status !== 'finalised' || !tableExists(db, 'cycle_snapshots'))
    return { finalised: false, snapshotHash: null, finalisedAt: null };
  return { finalised: true, snapshotHash: snapshot?.hash ?? null, finalisedAt: snapshot?.createdAt ?? null };
}
