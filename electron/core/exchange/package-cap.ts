/**
 * The size cap of an appraisal package for this store: it grows with the largest open
 * cycle (units × counted sub-criteria), between 20 MB and 160 MB (see appraisalMaxBytes).
 */
import { appraisalMaxBytes } from '../../../shared/exchange/appraisal-package.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import type { Db } from '../db/connection.ts';
import { openCycleUnitCounts } from '../db/repos/units.ts';
import { treeFor } from '../framework/trees.ts';

export function appraisalCapFor(db: Db): number {
  const perCycle = new Map<string, number>();
  for (const [cycleId, group, units] of openCycleUnitCounts(db)) {
    let leaves = 0;
    try {
      leaves = treeFor(db, cycleId, group).plan.leaves.length;
    } catch (e) {
      // A group with no framework yet has nothing to appraise.
      if (!(e instanceof CodedFailure)) throw e;
    }
    perCycle.set(cycleId, (perCycle.get(cycleId) ?? 0) + units * leaves);
  }
  return appraisalMaxBytes(Math.max(0, ...perCycle.values()));
}
