/** The field assignments a cycle allows, checked by the roster import, its editor and the secretariat's assignment. */
import { assignmentEntry } from '../../../shared/council/assignment.ts';
import type { Db } from '../db/connection.ts';
import { listCycleGroups } from '../db/repos/groups.ts';

/** Every entry the cycle allows: each field of its groups ("3") and each field of one group ("commune:3"). */
export function cycleEntries(db: Db, cycleId: string): Set<string> {
  const groups = listCycleGroups(db, cycleId);
  return new Set([
    ...groups.flatMap((g) => g.fields),
    ...groups.flatMap((g) => g.fields.map((f) => assignmentEntry(g.code, f))),
  ]);
}

/** An example of a group's entry for messages ("commune:1"). */
export function exampleEntry(db: Db, cycleId: string): string {
  const g = listCycleGroups(db, cycleId)[0];
  return g ? assignmentEntry(g.code, g.fields[0] ?? '1') : 'commune:1';
}
