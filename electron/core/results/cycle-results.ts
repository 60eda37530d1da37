/** The published results of a cycle in the store: the same pure computation the CLI runs on summary tables. */
import { type Results, type UnitFigures, computeResults } from '../../../shared/results/compute.ts';
import type { Db } from '../db/connection.ts';
import { type CycleTotals, type CycleTotalsOptions, computeCycleTotals } from './cycle-totals.ts';

export function figuresOf(totals: CycleTotals): UnitFigures[] {
  return totals.units.map(({ unit, totals: t }) => ({
    unit: unit.name,
    group: unit.group,
    benchmark: t.benchmark,
    selfAssessed: t.selfAssessed,
    surveyCbccvc: t.surveyCbccvc,
    surveySipas: t.surveySipas,
  }));
}

export function cycleFigures(db: Db, cycleId: string, options: CycleTotalsOptions = {}): UnitFigures[] {
  return figuresOf(computeCycleTotals(db, cycleId, options));
}

export function cycleResults(db: Db, cycleId: string, options: CycleTotalsOptions = {}): Results {
  const totals = computeCycleTotals(db, cycleId, options);
  return computeResults(figuresOf(totals), totals.cycle.precision);
}
