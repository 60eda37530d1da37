import { describe, expect, it } from 'vitest';
import { parseDecimal, rat } from '../../shared/decimal/rational.ts';
import { groupFloor, totalForPublished, whatIf, type WhatIfLeaf } from '../../shared/report/what-if.ts';

const d = (s: string) => parseDecimal(s)!;
const leaf = (code: string, max: string, points: string): WhatIfLeaf => ({
  code,
  title: `Tiêu chí ${code}`,
  fieldCode: code.split('.')[0]!,
  max: d(max),
  points: d(points),
});

describe('what-if: the sub-criteria that move a unit to the next classification group', () => {
  it('knows the exact bounds of the published index', () => {
    expect(groupFloor(2, 2)).toBe(8000n);
    expect(groupFloor(1, 2)).toBe(9001n); // above 90%: 90,01 at 2 decimals
    // published ≥ 80,00 from an unrounded 79,995%
    expect(totalForPublished(8000n, 2, rat(100))).toEqual(d('79.995'));
    expect(totalForPublished(9001n, 2, rat(96))).toEqual(d('86.4048'));
  });

  it('lists the candidates by gain, with the index each alone would give', () => {
    const r = whatIf({
      benchmark: rat(100),
      total: d('79.99'),
      precision: 2,
      leaves: [
        leaf('1.1', '1', '0'),
        leaf('2.1', '0.5', '0.25'),
        leaf('3.1', '0.75', '0.75'),
        leaf('4.2', '0.25', '0'),
      ],
    });
    expect(r).toMatchObject({
      index: '79.99',
      classification: 3,
      nextClassification: 2,
      targetIndex: '80.00',
      pointsNeeded: '0.005',
      indexIfAllMet: '81.49',
    });
    expect(r.candidates.map((c) => [c.code, c.gain, c.indexIfMet, c.classificationIfMet, c.reachesNextAlone])).toEqual([
      ['1.1', '1', '80.99', 2, true],
      ['2.1', '0.25', '80.24', 2, true],
      ['4.2', '0.25', '80.24', 2, true],
    ]);
    expect(r.fewest).toEqual({ codes: ['1.1'], gain: '1', indexAfter: '80.99', classificationAfter: 2 });
  });

  it('treats exactly 90,00% as group 2 and needs 90,01% for group 1', () => {
    const r = whatIf({
      benchmark: rat(96),
      total: d('86.4'),
      precision: 2,
      leaves: [leaf('1.1', '0.25', '0.25'), leaf('7.3', '0.5', '0')],
    });
    expect(r).toMatchObject({
      index: '90.00',
      classification: 2,
      nextClassification: 1,
      targetIndex: '90.01',
      pointsNeeded: '0.0048',
    });
    expect(r.candidates).toEqual([
      expect.objectContaining({
        code: '7.3',
        gain: '0.5',
        indexIfMet: '90.52',
        classificationIfMet: 1,
        reachesNextAlone: true,
      }),
    ]);
  });

  it('finds the fewest sub-criteria when none suffices alone, and says when even all do not', () => {
    const leaves = [leaf('1.1', '1', '0'), leaf('1.2', '3', '0'), leaf('1.3', '2', '0'), leaf('1.4', '0.5', '0')];
    const r = whatIf({ benchmark: rat(100), total: rat(60), precision: 2, leaves });
    expect(r).toMatchObject({ classification: 4, nextClassification: 3, targetIndex: '65.00', pointsNeeded: '4.995' });
    expect(r.candidates.every((c) => !c.reachesNextAlone)).toBe(true);
    expect(r.fewest).toEqual({ codes: ['1.2', '1.3'], gain: '5', indexAfter: '65.00', classificationAfter: 3 });
    const far = whatIf({ benchmark: rat(100), total: rat(40), precision: 2, leaves });
    expect(far).toMatchObject({
      classification: 5,
      nextClassification: 4,
      pointsNeeded: '9.995',
      fewest: null,
      indexIfAllMet: '46.50',
    });
  });

  it('has no next group in group 1', () => {
    const r = whatIf({ benchmark: rat(100), total: rat(95), precision: 2, leaves: [leaf('1.1', '1', '0')] });
    expect(r).toMatchObject({
      classification: 1,
      nextClassification: null,
      targetIndex: null,
      pointsNeeded: null,
      fewest: null,
    });
    expect(r.candidates).toHaveLength(1);
  });
});
