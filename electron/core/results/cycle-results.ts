/** The published results of a cycle in the store: the same pure computation the CLI runs on summary tables. */
import { type Results, type UnitFigures, computeResults } from '../../../shared/results/compute.ts';
import { cycleGroupOrder } from '../db/repos/groups.ts';
import type { Db } from '../db/connection.ts';
import { type CycleTotalsOptions, requireCycle } from './cycle-totals.ts';
import { cachedCycleFigures } from './unit-cache.ts';

export { figuresOf } from './cycle-totals.ts';

/**
 * Every unit's figures: from the per-unit cache where the unit has not changed, else
 * recomputed (unit-cache.ts); equal to figuresOf(computeCycleTotals(…)).
 */
export function cycleFigures(db: Db, cycleId: string, options: CycleTotalsOptions = {}): UnitFigures[] {
  return cachedCycleFigures(db, cycleId, options);
}

export function cycleResults(db: Db, cycleId: string, options: CycleTotalsOptions = {}): Results {
  return computeResults(
    cachedCycleFigures(db, cycleId, options),
    requireCycle(db, cycleId).precision,
    cycleGroupOrder(db, cycleId),
  );
}
