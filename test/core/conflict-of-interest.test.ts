/**
 * A unit with a declared conflict of interest is read-only for that member: the dossier says
 * so on every node, and appraisals and exemption proposals are refused with
 * CONFLICT_OF_INTEREST (a Vietnamese message) before anything is written.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/connection.ts';
import {
  declareConflictOfInterest,
  withdrawConflictOfInterest,
} from '../../electron/core/council/conflicts-of-interest.ts';
import { setAppraisal } from '../../electron/core/dossier/appraisal.ts';
import { getDossier } from '../../electron/core/dossier/dossier.ts';
import { setExemption } from '../../electron/core/exemptions/propose.ts';
import { makeScope } from '../../electron/core/dossier/scope.ts';
import { tempDirs } from '../db/support.ts';
import { seed } from '../db/seed.ts';

function counts(db: Db) {
  return {
    appraisals: db.prepare('SELECT count(*) FROM appraisals').pluck().get(),
    exemptions: db.prepare('SELECT count(*) FROM exemptions').pluck().get(),
    audit: db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
  };
}

function failure(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected a coded failure');
}

describe('conflict of interest: the unit is read-only for the member', () => {
  const newDir = tempDirs('cchc-coi-');

  it('marks every node read-only, refuses appraisals and exemptions before writing, and lifts it on withdrawal', () => {
    const dir = newDir();
    const db = seed(dir);
    const scope = makeScope(db, dir, 'c', 'm1', 'member');
    setAppraisal(scope, { unitId: 'u1', nodeCode: '1.1', input: { met: true } });
    expect(getDossier(scope, 'u1').nodes.find((n) => n.code === '1.1')!.readOnly).toBe(false);

    declareConflictOfInterest(scope, 'u1', 'Tôi là lãnh đạo của đơn vị này');
    const view = getDossier(scope, 'u1');
    expect(view.nodes.every((n) => n.readOnly)).toBe(true);
    expect(view.nodes.find((n) => n.code === '1.1')!.appraisal).toBeNull(); // the earlier appraisal was withdrawn
    // The other unit stays editable.
    expect(getDossier(scope, 'u2').nodes.find((n) => n.code === '1.1')!.readOnly).toBe(false);

    const before = counts(db);
    const a = failure(() =>
      setAppraisal(scope, { unitId: 'u1', nodeCode: '1.1', input: { met: false }, comment: 'x' }),
    );
    expect(a.code).toBe('CONFLICT_OF_INTEREST');
    expect(a.message).toBe(
      'Bạn đã khai báo xung đột lợi ích với UBND huyện A: hồ sơ của đơn vị này chỉ xem, không chấm điểm hay đề nghị hạ điểm chuẩn.',
    );
    const e = failure(() => setExemption(scope, { unitId: 'u1', nodeCode: '1.2', reason: 'Không được giao nhiệm vụ' }));
    expect(e.code).toBe('CONFLICT_OF_INTEREST');
    expect(counts(db)).toEqual(before);

    withdrawConflictOfInterest(scope, 'u1', 'Đã nghỉ hưu khỏi đơn vị');
    expect(getDossier(scope, 'u1').nodes.find((n) => n.code === '1.1')!.readOnly).toBe(false);
    expect(setAppraisal(scope, { unitId: 'u1', nodeCode: '1.1', input: { met: false } }).node.appraisal?.score).toBe(
      '0',
    );
  });
});
