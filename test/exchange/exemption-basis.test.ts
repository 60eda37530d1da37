/**
 * A unit's lowered benchmark comes from its dossier workbook with a reason and no legal basis
 * (the template has a reason column only). Approving it gives the basis: without one it is refused
 * (EXCHANGE_BASIS_REQUIRED) and nothing changes; with one it is stored and audited, and the
 * completeness no longer counts the exemption as lacking a basis. Rejecting needs none.
 */
import { describe, expect, it } from 'vitest';
import { proposeUnitExemption } from '../../electron/core/db/repos/intake.ts';
import { completenessMatrix } from '../../electron/core/council/completeness.ts';
import { decideExemption } from '../../electron/core/exemptions/decide.ts';
import { tempDirs } from '../db/support.ts';
import { CYCLE, UNITS, leaves, makeDb } from '../intake/support.ts';

const temp = tempDirs('cchc-exemption-basis-');

describe('approving a unit’s lowered benchmark', () => {
  it('needs a legal basis when the proposal has none, stores and audits it', () => {
    const dir = temp();
    const { db, frameworks } = makeDb(dir);
    const unit = UNITS[0].id;
    const nodes = leaves(frameworks['department']!, 'department').filter((n) => n.exemptable);
    const [a, b] = [nodes[0]!.code, nodes[1]!.code];
    for (const code of [a, b])
      expect(proposeUnitExemption(db, unit, code, 'Không được giao nhiệm vụ', '', 'x')).toBe(true);
    const state = () => [
      db.prepare('SELECT status, legal_basis FROM exemptions ORDER BY node_code').all(),
      db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
    ];
    expect(completenessMatrix(db, dir, CYCLE).totals.exemptionsWithoutReason).toBe(2);

    const before = state();
    for (const legalBasis of [undefined, '   ']) {
      expect(() =>
        decideExemption(db, CYCLE, {
          unitId: unit,
          nodeCode: a,
          decision: 'approved',
          actor: 'thu-ky',
          ...(legalBasis === undefined ? {} : { legalBasis }),
        }),
      ).toThrow(expect.objectContaining({ code: 'EXCHANGE_BASIS_REQUIRED' }));
    }
    expect(state()).toEqual(before);

    const approved = decideExemption(db, CYCLE, {
      unitId: unit,
      nodeCode: a,
      decision: 'approved',
      actor: 'thu-ky',
      legalBasis: 'Công văn số 45/UBND-VP',
    });
    expect(approved).toMatchObject({ status: 'approved', legalBasis: 'Công văn số 45/UBND-VP' });
    const audit = db
      .prepare("SELECT after FROM audit_log WHERE action = 'exemption.approve' ORDER BY seq DESC LIMIT 1")
      .pluck()
      .get() as string;
    expect(JSON.parse(audit)).toMatchObject({ status: 'approved', legalBasis: 'Công văn số 45/UBND-VP' });
    expect(
      decideExemption(db, CYCLE, {
        unitId: unit,
        nodeCode: b,
        decision: 'rejected',
        reason: 'Có nhiệm vụ',
        actor: 'thu-ky',
      }),
    ).toMatchObject({ status: 'rejected', legalBasis: '' });
    expect(completenessMatrix(db, dir, CYCLE).totals.exemptionsWithoutReason).toBe(0);
    db.close();
  });
});
