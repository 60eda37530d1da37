/** `results --db FILE [--cycle ID]`: the cycle's figures recomputed from the store. */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { UnitFigures } from '../../../shared/results/compute.ts';
import { openDatabase } from '../../core/db/connection.ts';
import type { UnitGroupInfo } from '../../../shared/framework/groups.ts';
import { listCycles } from '../../core/db/repos/cycles.ts';
import { listCycleGroups } from '../../core/db/repos/groups.ts';
import { cycleFigures } from '../../core/results/cycle-results.ts';

/** The only cycle of the database, or the one named; a coded error otherwise. */
export function pickCycle(
  cycles: readonly { id: string; name: string }[],
  cycleId: string | undefined,
  dbPath: string,
): string {
  if (cycleId) {
    if (!cycles.some((c) => c.id === cycleId)) {
      throw new CodedFailure(
        'CYCLE_NOT_FOUND',
        `Cơ sở dữ liệu “${dbPath}” không có kỳ đánh giá “${cycleId}”. Có: ${cycles.map((c) => c.id).join(', ') || '(trống)'}.`,
      );
    }
    return cycleId;
  }
  if (cycles.length === 1) return cycles[0]!.id;
  if (cycles.length === 0)
    throw new CodedFailure('CYCLE_NOT_FOUND', `Cơ sở dữ liệu “${dbPath}” chưa có kỳ đánh giá nào.`);
  throw new CodedFailure(
    'CYCLE_AMBIGUOUS',
    `Cơ sở dữ liệu có nhiều kỳ đánh giá; hãy chọn bằng --cycle: ${cycles.map((c) => `${c.id} (${c.name})`).join(', ')}.`,
  );
}

export async function loadDbFigures(
  dbPath: string,
  cycleId: string | undefined,
): Promise<{ figures: UnitFigures[]; groups: UnitGroupInfo[] }> {
  const db = openDatabase(dbPath, { mode: 'read' });
  try {
    const id = pickCycle(listCycles(db), cycleId, dbPath);
    return { figures: cycleFigures(db, id), groups: listCycleGroups(db, id) };
  } finally {
    db.close();
  }
}
