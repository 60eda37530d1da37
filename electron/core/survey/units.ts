/**
 * Matching unit names read from a file to the units of a cycle: the same name (NFC, spaces
 * collapsed, case-insensitive), else the same name without diacritics when that is unique
 * ("Thạnh Trị" written with the old tone placement, say).
 */
import type { Db } from '../db/connection.ts';
import { type Unit, listUnits } from '../db/repos/units.ts';
import { foldKey } from '../summary/columns.ts';
import { unitKey } from '../summary/table.ts';

export interface UnitMatcher {
  readonly units: readonly Unit[];
  match(name: string): Unit | undefined;
}

export function unitMatcher(db: Db, cycleId: string): UnitMatcher {
  const units = listUnits(db, cycleId);
  const byKey = new Map(units.map((u) => [unitKey(u.name), u]));
  const byFold = new Map<string, Unit | null>();
  for (const u of units) {
    const k = foldKey(u.name);
    byFold.set(k, byFold.has(k) ? null : u);
  }
  return {
    units,
    match(name: string) {
      return byKey.get(unitKey(name)) ?? byFold.get(foldKey(name)) ?? undefined;
    },
  };
}
