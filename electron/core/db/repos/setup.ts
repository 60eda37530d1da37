/**
 * SQL of cycle set-up (migration 007's columns): a cycle's legal bases and current flag,
 * units' details and order, council roles, whether appraisal has started.
 */
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

export type CouncilRole = 'chair' | 'vice_chair' | 'member' | 'secretary';
export interface CycleSetup {
  readonly id: string;
  readonly name: string;
  readonly year: number;
  readonly province: string;
  readonly precision: number;
  readonly status: 'open' | 'finalised';
  readonly createdAt: string;
  readonly decision: string;
  readonly councilDecision: string;
  readonly current: boolean;
  readonly previousCycleId: string | null;
}

const CYCLE_SELECT = `SELECT id, name, year, province, precision, status, created_at AS createdAt, decision, council_decision AS councilDecision,
  is_current AS current, previous_cycle_id AS previousCycleId FROM cycles`;

type CycleRow = Omit<CycleSetup, 'current'> & { current: number };
const toCycle = (r: CycleRow): CycleSetup => ({ ...r, current: r.current === 1 });

export function listCycleSetups(db: Db): CycleSetup[] {
  return (stmt(db, `${CYCLE_SELECT} ORDER BY year DESC, name`).all() as CycleRow[]).map(toCycle);
}

export function getCycleSetup(db: Db, id: string): CycleSetup | undefined {
  const r = stmt(db, `${CYCLE_SELECT} WHERE id = ?`).get(id) as CycleRow | undefined;
  return r ? toCycle(r) : undefined;
}

export function insertCycleSetup(db: Db, c: Omit<CycleSetup, 'status' | 'current'>): void {
  stmt(
    db,
    `INSERT INTO cycles (id, name, year, province, precision, status, created_at, decision, council_decision, previous_cycle_id)
     VALUES (@id, @name, @year, @province, @precision, 'open', @createdAt, @decision, @councilDecision, @previousCycleId)`,
  ).run(c);
}

/** Marks one cycle current (and no other). */
export function markCurrentCycle(db: Db, id: string): void {
  stmt(db, 'UPDATE cycles SET is_current = 0 WHERE is_current = 1 AND id <> ?').run(id);
  stmt(db, 'UPDATE cycles SET is_current = 1 WHERE id = ?').run(id);
}

export function currentCycleRow(db: Db): string | null {
  return (stmt(db, 'SELECT id FROM cycles WHERE is_current = 1').pluck().get() as string | undefined) ?? null;
}

/** Why appraisal counts as started for a cycle (its frameworks and units are then fixed), or null. */
export function appraisalStartedBy(db: Db, cycleId: string): 'package' | 'appraisal' | 'final' | null {
  if (stmt(db, "SELECT 1 FROM cycle_packages WHERE cycle_id = ? AND direction = 'issued' LIMIT 1").get(cycleId))
    return 'package';
  if (stmt(db, 'SELECT 1 FROM appraisals a JOIN units u ON u.id = a.unit_id WHERE u.cycle_id = ? LIMIT 1').get(cycleId))
    return 'appraisal';
  if (
    stmt(db, 'SELECT 1 FROM final_scores f JOIN units u ON u.id = f.unit_id WHERE u.cycle_id = ? LIMIT 1').get(cycleId)
  )
    return 'final';
  return null;
}

// ------------------------------------------------------------------ units

export interface UnitDetails {
  readonly id: string;
  readonly name: string;
  readonly group: string;
  readonly sortOrder: number;
  readonly shortName: string;
  readonly head: string;
  readonly contact: string;
}

export function listUnitDetails(db: Db, cycleId: string): UnitDetails[] {
  return stmt(
    db,
    `SELECT id, name, grp AS "group", sort_order AS sortOrder, short_name AS shortName, head, contact FROM units WHERE cycle_id = ? ORDER BY sort_order, name`,
  ).all(cycleId) as UnitDetails[];
}

export function insertUnitDetails(db: Db, cycleId: string, u: UnitDetails): void {
  stmt(
    db,
    `INSERT INTO units (id, cycle_id, name, grp, sort_order, short_name, head, contact) VALUES (@id, @cycleId, @name, @group, @sortOrder, @shortName, @head, @contact)`,
  ).run({ ...u, cycleId });
}

export function updateUnitDetails(db: Db, u: Omit<UnitDetails, 'sortOrder' | 'group'>): void {
  stmt(
    db,
    'UPDATE units SET name = @name, short_name = @shortName, head = @head, contact = @contact WHERE id = @id',
  ).run(u);
}

export function setUnitSortOrder(db: Db, id: string, sortOrder: number): void {
  stmt(db, 'UPDATE units SET sort_order = ? WHERE id = ?').run(sortOrder, id);
}

export function deleteUnitRow(db: Db, id: string): void {
  stmt(db, 'DELETE FROM units WHERE id = ?').run(id);
}

/** Whether anything was recorded for the unit (dossier, survey, previous results, conflicts). */
export function unitHasData(db: Db, id: string): boolean {
  return Boolean(
    stmt(
      db,
      `SELECT 1 WHERE EXISTS (SELECT 1 FROM dossier_items WHERE unit_id = @id) OR EXISTS (SELECT 1 FROM survey_points WHERE unit_id = @id)
       OR EXISTS (SELECT 1 FROM exemptions WHERE unit_id = @id) OR EXISTS (SELECT 1 FROM conflicts_of_interest WHERE unit_id = @id)`,
    ).get({ id }),
  );
}

// ------------------------------------------------------------------ members

export function countMembers(db: Db, cycleId: string): number {
  return stmt(db, 'SELECT count(*) FROM members WHERE cycle_id = ?').pluck().get(cycleId) as number;
}

export function memberCouncilRoles(db: Db, cycleId: string): Map<string, CouncilRole> {
  const rows = stmt(db, 'SELECT id, council_role AS r FROM members WHERE cycle_id = ?').all(cycleId) as {
    id: string;
    r: CouncilRole;
  }[];
  return new Map(rows.map((x) => [x.id, x.r]));
}

export function updateMemberRow(
  db: Db,
  m: {
    id: string;
    name: string;
    position: string;
    agency: string;
    role: 'member' | 'secretariat';
    councilRole: CouncilRole;
  },
): void {
  stmt(
    db,
    'UPDATE members SET name = @name, position = @position, agency = @agency, role = @role, council_role = @councilRole WHERE id = @id',
  ).run(m);
}

export function setMemberCouncilRole(db: Db, id: string, role: CouncilRole): void {
  stmt(db, 'UPDATE members SET council_role = ? WHERE id = ?').run(role, id);
}

export function setMemberFingerprint(db: Db, id: string, fingerprint: string): void {
  stmt(db, 'UPDATE members SET public_key = NULL, fingerprint = ? WHERE id = ?').run(fingerprint, id);
}

export function deleteMemberRow(db: Db, id: string): void {
  stmt(db, 'DELETE FROM meeting_attendance WHERE member_id = ?').run(id);
  stmt(db, 'DELETE FROM members WHERE id = ?').run(id);
}

/** Whether the member appraised, proposed, decided or sent a package (then the roster keeps him). */
export function memberHasData(db: Db, id: string): boolean {
  return Boolean(
    stmt(
      db,
      `SELECT 1 WHERE EXISTS (SELECT 1 FROM appraisals WHERE member_id = @id) OR EXISTS (SELECT 1 FROM exemptions WHERE proposed_by = @id)
       OR EXISTS (SELECT 1 FROM exchange_packages WHERE member_id = @id)`,
    ).get({ id }),
  );
}

export function insertPreviousResult(
  db: Db,
  r: {
    cycleId: string;
    year: number;
    unitId: string;
    unitName: string;
    group: string;
    benchmark: string;
    selfAssessed: string;
    surveyCbccvc: string;
    surveySipas: string;
    published: string;
    precision: number;
    sourceFile: string;
    at: string;
  },
): void {
  stmt(
    db,
    `INSERT INTO previous_results (cycle_id, year, unit_id, unit_name, grp, benchmark, self_assessed, survey_cbccvc, survey_sipas, published, precision, source_file, imported_at)
     VALUES (@cycleId, @year, @unitId, @unitName, @group, @benchmark, @selfAssessed, @surveyCbccvc, @surveySipas, @published, @precision, @sourceFile, @at)`,
  ).run(r);
}
