/**
 * `results --db FILE [--cycle ID]`: the plug for the database path.
 *
 * TO PLUG IN (store engineer): replace the body of `loadDbFigures` with a call to
 * electron/core/results/cycle-figures.ts that returns the cycle's UnitFigures[]
 * (throwing CodedFailure for a missing file or an unknown cycle). Everything after
 * that (computing, JSON, table) is shared with `--summary` in results.ts.
 */
import type { UnitFigures } from '../../../shared/results/compute.ts';
import { UsageError } from '../command.ts';

export async function loadDbFigures(dbPath: string, cycleId: string | undefined): Promise<UnitFigures[]> {
  void dbPath;
  void cycleId;
  throw new UsageError('Đọc kết quả từ cơ sở dữ liệu (--db) chưa được hỗ trợ trong phiên bản này; hãy dùng --summary.', 'CLI_DB_NOT_AVAILABLE');
}
