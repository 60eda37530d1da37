/**
 * Recomputing a cycle's figures through the per-unit cache (migration 005): cached units
 * are read back exactly; the others — every unit whose data changed since, or all of
 * them the first time — are aggregated by fast-figures.ts and written back. The rules
 * are the same either way; test/db/unit-cache.test.ts checks the cache against a fresh
 * computation after every kind of change.
 */
import { deserialize, serialize } from '../../../shared/decimal/rational.ts';
import type { UnitFigures } from '../../../shared/results/compute.ts';
import type { Db } from '../db/connection.ts';
import { cachedTotalsRows, putCachedTotals } from '../db/repos/figures.ts';
import { type CycleTotalsOptions, computeCycleTotals, figuresOf } from './cycle-totals.ts';
import { cycleFiguresFast } from './fast-figures.ts';

/** Bump when the computation of the figures changes: older cache rows are then ignored. */
export const TOTALS_RULES = 1;

export function cachedCycleFigures(db: Db, cycleId: string, options: CycleTotalsOptions = {}): UnitFigures[] {
  const scope = options.includeProposedExemptions ? 'with_proposed' : 'approved';
  const rows = cachedTotalsRows(db, cycleId, scope, TOTALS_RULES);
  const stale = rows.filter((r) => r[3] === null);
  const fresh = new Map<string, UnitFigures>();
  if (stale.length > 0) {
    // Many stale units: aggregate the whole cycle in SQLite; a few: leaf by leaf for just those.
    const staleNames = new Set(stale.map((r) => r[1]));
    const figures =
      stale.length * 4 >= rows.length
        ? cycleFiguresFast(db, cycleId, options).filter((f) => staleNames.has(f.unit))
        : figuresOf(computeCycleTotals(db, cycleId, { ...options, unitIds: stale.map((r) => r[0]) }));
    const byName = new Map(rows.map((r) => [r[1], r[0]]));
    for (const f of figures) fresh.set(byName.get(f.unit)!, f);
    // A read-only connection (read commands of the CLI) computes without caching.
    if (!db.readonly)
      putCachedTotals(
        db,
        scope,
        TOTALS_RULES,
        figures.map(
          (f) =>
            [
              byName.get(f.unit)!,
              serialize(f.benchmark),
              serialize(f.selfAssessed),
              serialize(f.surveyCbccvc),
              serialize(f.surveySipas),
            ] as const,
        ),
      );
  }
  return rows.map(([id, name, group, b, s, c, p]) =>
    b === null
      ? fresh.get(id)!
      : {
          unit: name,
          group,
          benchmark: deserialize(b),
          selfAssessed: deserialize(s!),
          surveyCbccvc: deserialize(c!),
          surveySipas: deserialize(p!),
        },
  );
}
