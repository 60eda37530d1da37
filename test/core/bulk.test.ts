import { describe, expect, it } from 'vitest';
import { agreeWithSelf } from '../../electron/core/bulk/agree.ts';
import { setMany } from '../../electron/core/bulk/set-many.ts';
import type { Db } from '../../electron/core/db/connection.ts';
import { listAudit, verifyAuditChain } from '../../electron/core/db/repos/audit.ts';
import { setAppraisal } from '../../electron/core/dossier/appraisal.ts';
import { getDossier } from '../../electron/core/dossier/dossier.ts';
import { setExemption } from '../../electron/core/exemptions/propose.ts';
import { makeScope } from '../../electron/core/dossier/scope.ts';
import { tempDirs } from '../db/support.ts';
import { seed } from '../db/seed.ts';

const rows = (db: Db) =>
  db.prepare('SELECT unit_id, node_code, input, score, comment FROM appraisals ORDER BY unit_id, node_code').all();
const auditCount = (db: Db) => db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

describe('bulk appraisal: agree with the rest, paste a block', () => {
  const newDir = tempDirs();

  it('agrees with the self-score for every sub-criterion of the field not yet scored: one audit row each, comments kept', () => {
    const dir = newDir();
    const db = seed(dir);
    const scope = makeScope(db, dir, 'c', 'm1', 'member');
    setAppraisal(scope, { unitId: 'u1', nodeCode: '1.1', input: null, comment: 'Xem lại' });
    const audit0 = auditCount(db);
    const preview = agreeWithSelf(scope, { unitId: 'u1', fieldCode: '1', dryRun: true });
    expect(preview.committed).toBe(false);
    expect(preview.saved.map((s) => s.nodeCode)).toEqual(['1.1', '1.2']);
    expect(auditCount(db)).toBe(audit0); // a dry run writes nothing
    const done = agreeWithSelf(scope, { unitId: 'u1', fieldCode: '1', dryRun: false });
    expect(done.saved).toEqual([
      { unitId: 'u1', nodeCode: '1.1', before: null, input: { met: true }, score: '1' },
      { unitId: 'u1', nodeCode: '1.2', before: null, input: { a: 1, b: 3 }, score: '0.666667' },
    ]);
    expect(rows(db)).toEqual([
      { unit_id: 'u1', node_code: '1.1', input: '{"met":true}', score: '1', comment: 'Xem lại' },
      { unit_id: 'u1', node_code: '1.2', input: '{"a":1,"b":3}', score: '2/3', comment: '' },
    ]);
    const audit = listAudit(db).slice(audit0);
    expect(audit.map((a) => [a.action, a.entityId])).toEqual([
      ['appraisal.agree', 'u1/1.1/m1'],
      ['appraisal.agree', 'u1/1.2/m1'],
    ]);
    expect(verifyAuditChain(db).ok).toBe(true);
    expect(getDossier(scope, 'u1').totals.appraised).toBe(2);
    // Nothing left: a second agree takes nothing and writes nothing.
    expect(agreeWithSelf(scope, { unitId: 'u1', fieldCode: null, dryRun: false }).saved).toEqual([]);
    expect(auditCount(db)).toBe(audit0 + 2);
    db.close();
  });

  it('leaves scored, exempted and unassigned sub-criteria alone', () => {
    const dir = newDir();
    const db = seed(dir);
    const scope = makeScope(db, dir, 'c', 'm1', 'member');
    setAppraisal(scope, { unitId: 'u1', nodeCode: '1.1', input: { met: false } });
    setExemption(scope, { unitId: 'u2', nodeCode: '1.2', reason: 'Không được giao soạn thảo' });
    expect(agreeWithSelf(scope, { unitId: 'u1', fieldCode: null, dryRun: false }).saved.map((s) => s.nodeCode)).toEqual(
      ['1.2'],
    );
    expect(agreeWithSelf(scope, { unitId: 'u2', fieldCode: '1', dryRun: false }).saved.map((s) => s.nodeCode)).toEqual([
      '1.1',
    ]);
    // Field 8 is not mine (and holds survey leaves only).
    expect(() => agreeWithSelf(scope, { unitId: 'u1', fieldCode: '8', dryRun: false })).not.toThrow();
    expect(agreeWithSelf(scope, { unitId: 'u1', fieldCode: '8', dryRun: false }).saved).toEqual([]);
    expect(rows(db)).toContainEqual({
      unit_id: 'u1',
      node_code: '1.1',
      input: '{"met":false}',
      score: '0',
      comment: '',
    });
    db.close();
  });

  it('refuses for a member who may not write, writing nothing', () => {
    const dir = newDir();
    const db = seed(dir);
    const scope = makeScope(db, dir, 'c', null, 'secretariat');
    expect(() => agreeWithSelf(scope, { unitId: 'u1', fieldCode: '1', dryRun: false })).toThrow(/thành viên Hội đồng/);
    expect(() =>
      setMany(scope, { reason: 'paste', cells: [{ unitId: 'u1', nodeCode: '1.1', input: { met: true } }] }),
    ).toThrow(/thành viên Hội đồng/);
    expect(rows(db)).toEqual([]);
    db.close();
  });

  it('writes the valid cells of a pasted block in one go and lists the refused ones, writing nothing for them', () => {
    const dir = newDir();
    const db = seed(dir);
    const scope = makeScope(db, dir, 'c', 'm1', 'member');
    const audit0 = auditCount(db);
    const r = setMany(scope, {
      reason: 'paste',
      cells: [
        { unitId: 'u1', nodeCode: '1.1', input: { met: false } },
        { unitId: 'u1', nodeCode: '1.2', input: { a: 5, b: 3 } }, // a > b
        { unitId: 'u2', nodeCode: '1.2', input: { a: 2, b: 3 } },
        { unitId: 'u2', nodeCode: '8.1', input: { points: 3 } }, // survey: not appraised
        { unitId: 'nope', nodeCode: '1.1', input: { met: true } },
      ],
    });
    expect(r.saved.map((s) => `${s.unitId}/${s.nodeCode}=${s.score}`)).toEqual(['u1/1.1=0', 'u2/1.2=1.333333']);
    expect(r.refused.map((x) => `${x.unitId}/${x.nodeCode}:${x.code}`)).toEqual([
      'u1/1.2:SCORE_NUMERATOR_EXCEEDS',
      'u2/8.1:FIELD_READ_ONLY',
      'nope/1.1:UNIT_NOT_FOUND',
    ]);
    expect(r.refused[0]!.message).toBe('Tiêu chí 1.2: Số đạt (a) không được lớn hơn tổng số (b).');
    expect(rows(db)).toEqual([
      { unit_id: 'u1', node_code: '1.1', input: '{"met":false}', score: '0', comment: '' },
      { unit_id: 'u2', node_code: '1.2', input: '{"a":2,"b":3}', score: '4/3', comment: '' },
    ]);
    expect(
      listAudit(db)
        .slice(audit0)
        .map((a) => a.action),
    ).toEqual(['appraisal.paste', 'appraisal.paste']);
    // The same block again changes nothing and writes no audit row.
    expect(
      setMany(scope, { reason: 'paste', cells: [{ unitId: 'u1', nodeCode: '1.1', input: { met: false } }] }).saved,
    ).toEqual([]);
    expect(auditCount(db)).toBe(audit0 + 2);
    db.close();
  });

  it('undoes an agree with one call that puts every cell back', () => {
    const dir = newDir();
    const db = seed(dir);
    const scope = makeScope(db, dir, 'c', 'm1', 'member');
    setAppraisal(scope, { unitId: 'u1', nodeCode: '1.2', input: null, comment: 'Ghi chú' });
    const done = agreeWithSelf(scope, { unitId: 'u1', fieldCode: '1', dryRun: false });
    const undo = setMany(scope, {
      reason: 'undo',
      cells: done.saved.map((s) => ({ unitId: s.unitId, nodeCode: s.nodeCode, input: s.before as never })),
    });
    expect(undo.saved).toHaveLength(2);
    expect(rows(db)).toEqual([
      { unit_id: 'u1', node_code: '1.1', input: null, score: null, comment: '' },
      { unit_id: 'u1', node_code: '1.2', input: null, score: null, comment: 'Ghi chú' },
    ]);
    expect(getDossier(scope, 'u1').totals.appraised).toBe(0);
    expect(listAudit(db).at(-1)!.action).toBe('appraisal.undo');
    db.close();
  });
});
