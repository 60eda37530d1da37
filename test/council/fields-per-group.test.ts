/**
 * A member's fields per unit group, on the demo store (a real SQLite file): assigned the
 * districts' field 1 only, a member edits field 1 of a district's dossier and not of a
 * department's; his bulk agreement, his home page, the totals (leaf by leaf and in SQLite)
 * and the secretariat's assignment all follow the group.
 */
import { describe, expect, it } from 'vitest';
import { agreeWithSelf } from '../../electron/core/bulk/agree.ts';
import { assignFields } from '../../electron/core/council/assignments.ts';
import { type Db, openDatabase } from '../../electron/core/db/connection.ts';
import { getMember } from '../../electron/core/db/repos/members.ts';
import { listUnits } from '../../electron/core/db/repos/units.ts';
import { DEMO_CYCLE_ID } from '../../electron/core/demo/init.ts';
import { setAppraisal } from '../../electron/core/dossier/appraisal.ts';
import { getDossier } from '../../electron/core/dossier/dossier.ts';
import { makeScope } from '../../electron/core/dossier/scope.ts';
import { overview } from '../../electron/core/dossier/workspace.ts';
import { treeFor } from '../../electron/core/framework/trees.ts';
import { figuresOf } from '../../electron/core/results/cycle-results.ts';
import { computeCycleTotals } from '../../electron/core/results/cycle-totals.ts';
import { cycleFiguresFast } from '../../electron/core/results/fast-figures.ts';
import { tempDirs } from '../db/support.ts';
import { copyDemoStore } from '../demo-seed.ts';

const TV02 = `${DEMO_CYCLE_ID}-tv02`; // field 1 in the demo
const count = (db: Db, sql: string) => db.prepare(sql).pluck().get() as number;
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as { code: string }).code;
  }
  throw new Error('expected a coded failure');
};

describe('fields assigned per unit group', () => {
  const newDir = tempDirs('cchc-fields-');

  it('gives the member field 1 of the districts only: dossier, saves, bulk, home and totals follow', () => {
    const dir = newDir();
    const db = openDatabase(copyDemoStore(dir));
    const secretariat = makeScope(db, dir, DEMO_CYCLE_ID, null, 'secretariat');
    const auditBefore = count(db, 'SELECT count(*) FROM audit_log');
    assignFields(secretariat, 'thu-ky', TV02, ['district:1'], 'Quyết định phân công lại lĩnh vực 1 theo nhóm');
    expect(getMember(db, TV02)?.fields).toEqual(['district:1']);
    expect(count(db, 'SELECT count(*) FROM audit_log')).toBe(auditBefore + 1);
    // Unknown groups or fields are refused, with nothing written.
    for (const bad of [['nosuch:1'], ['district:99'], ['1', 'xa:1']])
      expect(codeOf(() => assignFields(secretariat, 'thu-ky', TV02, bad, 'Thử'))).toBe('FIELD_NOT_FOUND');
    expect(getMember(db, TV02)?.fields).toEqual(['district:1']);

    const units = listUnits(db, DEMO_CYCLE_ID);
    const district = units.find((u) => u.group === 'district')!;
    const department = units.find((u) => u.group === 'department')!;
    const scope = makeScope(db, dir, DEMO_CYCLE_ID, TV02, 'member');
    const field1 = (unitId: string) => getDossier(scope, unitId).nodes.filter((n) => n.leaf && n.field === '1');
    expect(field1(district.id).every((n) => !n.readOnly)).toBe(true);
    expect(field1(department.id).every((n) => n.readOnly)).toBe(true);

    const leafOf = (group: string) => {
      const { tree, plan } = treeFor(db, DEMO_CYCLE_ID, group);
      return plan.leaves.find((l) => l.code.startsWith('1.') && tree.byCode.get(l.code)?.scoring?.kind === 'tick')!
        .code;
    };
    const appraisals = () => count(db, 'SELECT count(*) FROM appraisals');
    setAppraisal(scope, { unitId: district.id, nodeCode: leafOf('district'), input: { met: true }, comment: '' });
    expect(appraisals()).toBe(1);
    expect(
      codeOf(() =>
        setAppraisal(scope, {
          unitId: department.id,
          nodeCode: leafOf('department'),
          input: { met: true },
          comment: '',
        }),
      ),
    ).toBe('FIELD_READ_ONLY');
    expect(appraisals()).toBe(1);

    // "Agree with the rest" of a whole unit: the district's field 1, nothing of the department.
    expect(agreeWithSelf(scope, { unitId: department.id, fieldCode: null, dryRun: false }).saved).toEqual([]);
    const agreed = agreeWithSelf(scope, { unitId: district.id, fieldCode: null, dryRun: false }).saved;
    expect(agreed.length).toBeGreaterThan(0);
    expect(agreed.every((c) => c.nodeCode.startsWith('1.'))).toBe(true);

    const home = overview(scope);
    expect(home.myFields).toEqual([{ code: '1', title: expect.any(String), groups: ['district'] }]);
    expect(home.units.find((u) => u.id === department.id)?.total).toBe(0);
    expect(home.units.find((u) => u.id === district.id)?.total).toBeGreaterThan(0);

    // An appraisal the store holds from before the change (the department's field 1) no longer counts.
    db.prepare(
      "INSERT INTO appraisals (unit_id, node_code, member_id, input, score, comment, updated_at) VALUES (?, ?, ?, '{}', '0', '', '2024-03-01')",
    ).run(department.id, leafOf('department'), TV02);
    const totals = computeCycleTotals(db, DEMO_CYCLE_ID, { unitIds: [department.id, district.id] });
    const dep = totals.units.find((u) => u.unit.id === department.id)!;
    expect(dep.sources.get(leafOf('department'))).toBe('self');
    expect(dep.appraised).toBe(0);
    const dis = totals.units.find((u) => u.unit.id === district.id)!;
    expect(dis.appraised).toBe(agreed.length + 1);
    expect(cycleFiguresFast(db, DEMO_CYCLE_ID, {})).toEqual(figuresOf(computeCycleTotals(db, DEMO_CYCLE_ID)));

    // Back to field 1 of every group: the old appraisal counts again.
    assignFields(secretariat, 'thu-ky', TV02, ['1'], 'Trở lại phân công chung');
    const again = computeCycleTotals(db, DEMO_CYCLE_ID, { unitIds: [department.id] }).units[0]!;
    expect(again.sources.get(leafOf('department'))).toBe('appraised');
    db.close();
  });
});
