/**
 * The home's per-unit figures (dossier/workspace.ts overview: the index and classification
 * read from the cycle's cached results, progress and "computable" from one pass over the
 * leaves that count) equal what the leaf-by-leaf totals give (computeCycleTotals and the
 * dossier's totalsView, the home's former source) for every unit: on a real-shaped
 * 40-unit cycle with exemptions proposed, approved and rejected, survey points missing for
 * some units (and a survey leaf's field exempted), for a member and for the secretariat.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedRealCycle } from '../../bench/synthetic.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { makeScope } from '../../electron/core/dossier/scope.ts';
import { totalsView } from '../../electron/core/dossier/views.ts';
import { overview } from '../../electron/core/dossier/workspace.ts';
import { loadDefaultFrameworks } from '../../electron/core/framework/defaults.ts';
import { computeCycleTotals } from '../../electron/core/results/cycle-totals.ts';
import { myProgress, type ProgressLeaf } from '../../shared/scoring/progress.ts';
import { fieldsIn } from '../../shared/council/assignment.ts';
import { tempDirs } from '../db/support.ts';

describe('the home’s figures per unit', () => {
  const temp = tempDirs('cchc-overview-');
  const db = openDatabase(join(temp(), 'cchc.sqlite'));
  afterAll(() => db.close());
  const cycle = seedRealCycle(db, loadDefaultFrameworks(), 40, { members: 8, merged: true });
  const units = db
    .prepare('SELECT id, grp FROM units WHERE cycle_id = ? ORDER BY sort_order')
    .raw()
    .all(cycle.cycleId) as [string, string][];
  const leafOf = (unitId: string, prefix: string) =>
    db
      .prepare('SELECT node_code FROM dossier_items WHERE unit_id = ? AND node_code LIKE ? ORDER BY node_code LIMIT 1')
      .pluck()
      .get(unitId, `${prefix}%`) as string;
  const exempt = db.prepare(
    "INSERT OR REPLACE INTO exemptions (unit_id, node_code, reason, legal_basis, proposed_by, status, created_at) VALUES (?, ?, 'Không phát sinh', '', NULL, ?, '2024-03-01T08:00:00Z')",
  );
  // Exemptions of every status on members' fields, survey points missing for some units.
  units
    .slice(0, 12)
    .forEach(([u], i) =>
      exempt.run(u, leafOf(u, i % 2 === 0 ? '1.' : '2.'), ['proposed', 'approved', 'rejected'][i % 3]),
    );
  for (const [u] of units.slice(5, 9))
    db.prepare("DELETE FROM survey_points WHERE unit_id = ? AND source = 'sipas'").run(u);
  db.prepare('DELETE FROM survey_points WHERE unit_id = ?').run(units[10]![0]);

  it.each([
    ['a member of fields 1 and 2', cycle.members[0]!.id],
    ['the secretariat', null],
  ])('are those of the leaf-by-leaf totals, for %s', (_, memberId) => {
    const scope = makeScope(db, temp(), cycle.cycleId, memberId, memberId ? 'member' : 'secretariat');
    const home = overview(scope);
    const totals = computeCycleTotals(db, cycle.cycleId, { includeProposedExemptions: true });
    expect(home.units.map((u) => u.id)).toEqual(totals.units.map((c) => c.unit.id));
    const exemptions = new Map(
      db.prepare('SELECT unit_id || char(31) || node_code, status FROM exemptions').raw().all() as [
        string,
        'proposed' | 'approved' | 'rejected',
      ][],
    );
    let notComputable = 0;
    let withExemption = 0;
    for (const [i, c] of totals.units.entries()) {
      const view = totalsView(c, scope.cycle.precision);
      const u = home.units[i]!;
      expect([u.index, u.classification, u.computable], c.unit.id).toEqual([
        view.index,
        view.classification,
        view.computable,
      ]);
      if (!u.computable) notComputable += 1;
      // Progress as the one counting rule gives it over every leaf of the unit.
      const myFields = new Set(fieldsIn(scope.member?.fields ?? [], c.unit.group));
      const leaves: ProgressLeaf[] = totals.plans.get(c.unit.group)!.leaves.map((leaf) => ({
        field: totals.plans.get(c.unit.group)!.fields[leaf.fieldIndex]!.code,
        survey: leaf.survey !== null,
        own: exemptions.get(`${c.unit.id}\u001f${leaf.code}`) ?? null,
        path: leaf.path.map((p) => exemptions.get(`${c.unit.id}\u001f${p}`) ?? null),
        appraisedByMe:
          scope.member !== null &&
          db
            .prepare(
              'SELECT 1 FROM appraisals WHERE unit_id = ? AND node_code = ? AND member_id = ? AND score IS NOT NULL',
            )
            .get(c.unit.id, leaf.code, scope.member.id) !== undefined,
      }));
      const p = myProgress(leaves, myFields);
      expect([u.total, u.appraised, u.exemptions], c.unit.id).toEqual([p.total, p.appraised, p.exemptions]);
      if (u.exemptions > 0) withExemption += 1;
    }
    expect(notComputable).toBe(5);
    if (memberId) {
      expect(withExemption).toBeGreaterThan(0);
      expect(
        home.units.some((u) => u.appraised > 0 && u.appraised < u.total) ||
          home.units.some((u) => u.appraised === u.total),
      ).toBe(true);
    }
  });
});
