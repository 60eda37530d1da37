import { describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/connection.ts';
import { listAudit, verifyAuditChain } from '../../electron/core/db/repos/audit.ts';
import { setAppraisal } from '../../electron/core/dossier/appraisal.ts';
import { getDossier } from '../../electron/core/dossier/dossier.ts';
import { removeExemption, setExemption } from '../../electron/core/exemptions/propose.ts';
import { fieldGrid } from '../../electron/core/dossier/grid.ts';
import { makeScope } from '../../electron/core/dossier/scope.ts';
import { overview } from '../../electron/core/dossier/workspace.ts';
import { tempDirs } from '../db/support.ts';
import { seed } from '../db/seed.ts';

function counts(db: Db) {
  return {
    appraisals: db.prepare('SELECT count(*) FROM appraisals').pluck().get(),
    exemptions: db.prepare('SELECT count(*) FROM exemptions').pluck().get(),
    audit: db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
  };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as { code: string }).code;
  }
  throw new Error('expected a coded failure');
}

describe('appraising a dossier', () => {
  const newDir = tempDirs();

  it('saves a tick with an audit row and replies with the new totals', () => {
    const dir = newDir();
    const db = seed(dir);
    const scope = makeScope(db, dir, 'c', 'm1', 'member');
    const before = getDossier(scope, 'u1');
    expect(before.totals.index).toBe('75.72'); // (1 + 2/3 + 8.5 + 7.25) / 23 = 75.7246…
    const saved = setAppraisal(scope, {
      unitId: 'u1',
      nodeCode: '1.1',
      input: { met: false },
      comment: 'Chưa có kế hoạch',
      evidence: [],
    });
    expect(saved.node.appraisal).toMatchObject({ score: '0', comment: 'Chưa có kế hoạch' });
    expect(saved.totals.selfAssessed).toBe('0.666667');
    expect(saved.totals.index).toBe('71.38'); // (2/3 + 15.75) / 23 = 71.3768…
    expect(saved.totals.appraised).toBe(1);
    const audit = listAudit(db);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'm1', action: 'appraisal.set', entityId: 'u1/1.1/m1' });
    expect(saved.auditSeq).toBe(audit[0]!.seq);
    expect(verifyAuditChain(db).ok).toBe(true);
    db.close();
  });

  it('computes proportional figures exactly and keeps the comment when only the score changes', () => {
    const dir = newDir();
    const db = seed(dir);
    const scope = makeScope(db, dir, 'c', 'm1', 'member');
    setAppraisal(scope, { unitId: 'u1', nodeCode: '1.2', input: { a: 2, b: 3 }, comment: 'Đối chiếu báo cáo' });
    const saved = setAppraisal(scope, { unitId: 'u1', nodeCode: '1.2', input: { a: 1, b: 3 } });
    expect(saved.node.appraisal).toMatchObject({ score: '0.666667', comment: 'Đối chiếu báo cáo' });
    db.close();
  });

  it('refuses an invalid figure in Vietnamese and writes nothing', () => {
    const dir = newDir();
    const db = seed(dir);
    const scope = makeScope(db, dir, 'c', 'm1', 'member');
    const was = counts(db);
    try {
      setAppraisal(scope, { unitId: 'u1', nodeCode: '1.2', input: { a: 5, b: 3 } });
      expect.unreachable();
    } catch (e) {
      expect((e as { code: string }).code).toBe('SCORE_NUMERATOR_EXCEEDS');
      expect((e as Error).message).toBe('Tiêu chí 1.2: Số đạt (a) không được lớn hơn tổng số (b).');
    }
    expect(counts(db)).toEqual(was);
    db.close();
  });

  it('keeps fields not assigned to the member read-only, and survey leaves always', () => {
    const dir = newDir();
    const db = seed(dir);
    const scope = makeScope(db, dir, 'c', 'm2', 'member'); // m2 has field 2 only
    const view = getDossier(scope, 'u1');
    expect(view.nodes.find((n) => n.code === '1.1')!.readOnly).toBe(true);
    expect(codeOf(() => setAppraisal(scope, { unitId: 'u1', nodeCode: '1.1', input: { met: true } }))).toBe(
      'FIELD_READ_ONLY',
    );
    const m1 = makeScope(db, dir, 'c', 'm1', 'member');
    expect(codeOf(() => setAppraisal(m1, { unitId: 'u1', nodeCode: '8.1', input: { points: 5 } }))).toBe(
      'FIELD_READ_ONLY',
    );
    expect(codeOf(() => setAppraisal(m1, { unitId: 'u1', nodeCode: '1', input: { met: true } }))).toBe('NODE_NOT_LEAF');
    expect(codeOf(() => setAppraisal(m1, { unitId: 'nope', nodeCode: '1.1', input: { met: true } }))).toBe(
      'UNIT_NOT_FOUND',
    );
    expect(counts(db).appraisals).toBe(0);
    db.close();
  });

  it('moves the benchmark, total and index with an exemption that has a reason; refuses one without', () => {
    const dir = newDir();
    const db = seed(dir);
    const scope = makeScope(db, dir, 'c', 'm1', 'member');
    expect(codeOf(() => setExemption(scope, { unitId: 'u1', nodeCode: '1.2', reason: '   ' }))).toBe(
      'EXEMPTION_REASON_REQUIRED',
    );
    expect(codeOf(() => setExemption(scope, { unitId: 'u1', nodeCode: '1.1', reason: 'x' }))).toBe(
      'EXEMPTION_NOT_ALLOWED',
    );
    const saved = setExemption(scope, {
      unitId: 'u1',
      nodeCode: '1.2',
      reason: 'Năm 2023 không được giao xây dựng văn bản QPPL',
      legalBasis: 'Quyết định 123/QĐ-UBND',
    });
    expect(saved.node.exemption).toMatchObject({ status: 'proposed', legalBasis: 'Quyết định 123/QĐ-UBND' });
    expect(saved.totals.benchmark).toBe('21');
    expect(saved.totals.total).toBe('16.75');
    expect(saved.totals.index).toBe('79.76');
    expect(codeOf(() => setAppraisal(scope, { unitId: 'u1', nodeCode: '1.2', input: { a: 1, b: 1 } }))).toBe(
      'NODE_EXEMPTED',
    );
    const removed = removeExemption(scope, 'u1', '1.2');
    expect(removed.node.exemption).toBeNull();
    expect(removed.totals.benchmark).toBe('23');
    expect(listAudit(db).map((a) => a.action)).toEqual(['exemption.set', 'exemption.remove']);
    db.close();
  });

  it('refuses every change once the cycle is finalised', () => {
    const dir = newDir();
    const db = seed(dir);
    db.prepare("UPDATE cycles SET status = 'finalised'").run();
    const scope = makeScope(db, dir, 'c', 'm1', 'member');
    expect(codeOf(() => setAppraisal(scope, { unitId: 'u1', nodeCode: '1.1', input: { met: true } }))).toBe(
      'CYCLE_FINALISED',
    );
    db.close();
  });

  it('shows progress on the home screen and the field across units in the grid', () => {
    const dir = newDir();
    const db = seed(dir);
    const scope = makeScope(db, dir, 'c', 'm1', 'member');
    setAppraisal(scope, { unitId: 'u2', nodeCode: '1.1', input: { met: true } });
    const home = overview(scope);
    expect(home.myFields).toEqual([{ code: '1', title: 'Chỉ đạo', groups: null }]);
    expect(home.units.map((u) => [u.name, u.appraised, u.total, u.withoutEvidence])).toEqual([
      ['UBND huyện A', 0, 2, 2],
      ['UBND huyện B', 1, 2, 2],
    ]);
    const grid = fieldGrid(scope, 'district', '1');
    expect(grid.rows.map((r) => r.code)).toEqual(['1.1', '1.2']);
    expect(grid.rows[0]!.cells.map((c) => [c.self, c.appraised])).toEqual([
      ['1', null],
      ['1', '1'],
    ]);
    expect(codeOf(() => fieldGrid(scope, 'district', '9'))).toBe('FIELD_NOT_FOUND');
    db.close();
  });
});
