import type { UnitGroup } from '../../../../shared/framework/types.ts';
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export interface Unit {
  readonly id: string;
  readonly cycleId: string;
  readonly name: string;
  readonly group: UnitGroup;
  readonly sortOrder: number;
}

const SELECT = 'SELECT id, cycle_id AS cycleId, name, grp AS "group", sort_order AS sortOrder FROM units';

export function insertUnit(db: Db, u: Unit): void {
  stmt(
    db,
    'INSERT INTO units (id, cycle_id, name, grp, sort_order) VALUES (@id, @cycleId, @name, @group, @sortOrder)',
  ).run(u);
}

export function listUnits(db: Db, cycleId: string): Unit[] {
  return stmt(db, `${SELECT} WHERE cycle_id = ? ORDER BY sort_order, name`).all(cycleId) as Unit[];
}

/**
 * The cycle's units among `ids`, in listUnits order (one dossier open: no scan of the
 * cycle). `+cycle_id` keeps SQLite from walking the cycle's index and testing each unit
 * against the list: it looks each id up instead (1,5 ms → 0,02 ms at 10,000 units).
 */
export function listUnitsByIds(db: Db, cycleId: string, ids: readonly string[]): Unit[] {
  return stmt(
    db,
    `${SELECT} WHERE +cycle_id = ? AND id IN (SELECT value FROM json_each(?)) ORDER BY sort_order, name`,
  ).all(cycleId, JSON.stringify(ids)) as Unit[];
}

export function getUnit(db: Db, id: string): Unit | undefined {
  return stmt(db, `${SELECT} WHERE id = ?`).get(id) as Unit | undefined;
}

/** [cycle, group, number of units] of every cycle still open (not finalised). */
export function openCycleUnitCounts(db: Db): [string, UnitGroup, number][] {
  return stmt(
    db,
    `SELECT u.cycle_id, u.grp, count(*) FROM units u JOIN cycles c ON c.id = u.cycle_id
      WHERE c.status = 'open' GROUP BY u.cycle_id, u.grp`,
  )
    .raw()
    .all() as [string, UnitGroup, number][];
}
