/**
 * Issue #10 item 3: a member set up from a cycle package must see the secretariat's indices.
 * The package carries the survey points (điểm ĐTXHH); where none are known the member's
 * results say the index cannot be computed yet, never a (wrong) classification group.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { exportCyclePackage } from '../../electron/core/exchange/cycle-export.ts';
import { importCyclePackage } from '../../electron/core/exchange/cycle-package.ts';
import { generateSigner } from '../../electron/core/exchange/keys.ts';
import { cycleReport } from '../../electron/core/report/report.ts';
import { unitDrilldown } from '../../electron/core/report/drilldown.ts';
import { tempDirs } from '../db/support.ts';
import { DEMO_CYCLE_ID, demoDb } from '../report/demo-db.ts';

describe('the cycle package carries survey points', () => {
  const newDir = tempDirs('cchc-cycle-survey-');

  it('gives the member the secretariat’s indices for every unit', () => {
    const secDir = newDir();
    const { db: sec } = demoDb(secDir);
    // The demo secretariat holds only the units' dossiers and survey points: the same inputs the member receives.
    expect(sec.prepare('SELECT count(*) FROM appraisals').pluck().get()).toBe(0);
    const pkg = exportCyclePackage(sec, secDir, DEMO_CYCLE_ID, generateSigner(), { actor: 'sec', outDir: secDir });
    const memberDir = newDir();
    const member = openDatabase(join(memberDir, 'store.sqlite'));
    importCyclePackage(member, memberDir, pkg.path, { actor: 'me' });

    const atSec = cycleReport(sec, DEMO_CYCLE_ID);
    const atMember = cycleReport(member, DEMO_CYCLE_ID);
    expect(atMember.units).toHaveLength(40);
    expect(atMember.status.notComputable).toBe(0);
    const view = (r: typeof atSec) => r.units.map((u) => [u.unit, u.index, u.classification, u.computable]).sort();
    expect(view(atMember)).toEqual(view(atSec));
    const longPhu = atMember.groups.flatMap((g) => g.rows).find((r) => r.unit === 'UBND huyện Long Phú')!;
    expect(Number(longPhu.survey)).toBeGreaterThan(0);
    for (const db of [sec, member]) db.close();
  });

  it('without survey points the member’s index is "not yet computable", not a wrong group', () => {
    const secDir = newDir();
    const { db: sec } = demoDb(secDir);
    const unit = sec.prepare("SELECT id FROM units WHERE name = 'UBND huyện Long Phú'").pluck().get() as string;
    sec.prepare('DELETE FROM survey_points WHERE unit_id = ?').run(unit);
    const pkg = exportCyclePackage(sec, secDir, DEMO_CYCLE_ID, generateSigner(), { actor: 'sec', outDir: secDir });
    const memberDir = newDir();
    const member = openDatabase(join(memberDir, 'store.sqlite'));
    importCyclePackage(member, memberDir, pkg.path, { actor: 'me' });

    const r = cycleReport(member, DEMO_CYCLE_ID);
    expect(r.status.notComputable).toBe(1);
    expect(r.units.find((u) => u.unitId === unit)).toMatchObject({ computable: false });
    expect(r.units.filter((u) => u.unitId !== unit).every((u) => u.computable)).toBe(true);
    expect(unitDrilldown(member, DEMO_CYCLE_ID, unit).computable).toBe(false);
    for (const db of [sec, member]) db.close();
  });
});
