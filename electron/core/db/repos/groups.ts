import type { UnitGroupInfo } from '../../../../shared/framework/groups.ts';
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

/** A cycle's unit groups, in their order. */
export function listCycleGroups(db: Db, cycleId: string): UnitGroupInfo[] {
  const rows = stmt(
    db,
    'SELECT code, label, short_label AS shortLabel, sort_order AS sortOrder, fields FROM cycle_groups WHERE cycle_id = ? ORDER BY sort_order, code',
  ).all(cycleId) as (Omit<UnitGroupInfo, 'fields'> & { fields: string })[];
  return rows.map((r) => ({ ...r, fields: JSON.parse(r.fields) as string[] }));
}

/** Adds or updates one group of a cycle. */
export function putCycleGroup(db: Db, cycleId: string, g: UnitGroupInfo): void {
  stmt(
    db,
    `INSERT INTO cycle_groups (cycle_id, code, label, short_label, sort_order, fields) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (cycle_id, code) DO UPDATE SET label = excluded.label, short_label = excluded.short_label,
       sort_order = excluded.sort_order, fields = excluded.fields`,
  ).run(cycleId, g.code, g.label, g.shortLabel, g.sortOrder, JSON.stringify(g.fields));
}

/** The cycle's group codes in order (results and tables list groups this way). */
export function cycleGroupOrder(db: Db, cycleId: string): string[] {
  return stmt(db, 'SELECT code FROM cycle_groups WHERE cycle_id = ? ORDER BY sort_order, code')
    .pluck()
    .all(cycleId) as string[];
}
