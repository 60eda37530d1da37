import { describe, expect, it } from 'vitest';
import {
  GROUP_PRESETS,
  GROUPS_2023,
  groupLabeller,
  groupNoun,
  isGroupCode,
  presetGroups,
} from '../../shared/framework/groups.ts';
import { computeResults } from '../../shared/results/compute.ts';
import { rat } from '../../shared/decimal/rational.ts';

describe('unit groups belong to the cycle', () => {
  it('accepts lower-case ASCII codes only', () => {
    for (const ok of ['commune', 'department', 'xa_phuong', 'g2']) expect(isGroupCode(ok)).toBe(true);
    for (const bad of ['', 'Xã', 'UBND xã', '2g', 'a-b', 'x'.repeat(41), null, 3]) expect(isGroupCode(bad)).toBe(false);
  });

  it('names a group in a sentence: lower-case first letter unless an abbreviation', () => {
    expect(groupNoun('Sở, ban, ngành tỉnh')).toBe('sở, ban, ngành tỉnh');
    expect(groupNoun('UBND xã, phường, đặc khu')).toBe('UBND xã, phường, đặc khu');
    expect(groupNoun('Đơn vị sự nghiệp công lập tỉnh')).toBe('đơn vị sự nghiệp công lập tỉnh');
    expect(groupNoun('Cơ quan Trung ương đặt tại tỉnh')).toBe('cơ quan Trung ương đặt tại tỉnh');
  });

  it('has a commune preset beside the four 2023 groups', () => {
    expect(GROUP_PRESETS.commune.label).toBe('UBND xã, phường, đặc khu');
    expect(presetGroups(['department', 'commune']).map((g) => [g.code, g.sortOrder])).toEqual([
      ['department', 1],
      ['commune', 2],
    ]);
    expect(GROUPS_2023).toEqual(['department', 'district', 'public_service_unit', 'central_agency']);
  });

  it('labels from the cycle, the code for a group it does not know', () => {
    const l = groupLabeller(presetGroups(['commune']));
    expect(l.label('commune')).toBe('UBND xã, phường, đặc khu');
    expect(l.short('commune')).toBe('Cấp xã');
    expect(l.label('other')).toBe('other');
  });

  it('orders results by the cycle’s group order, then groups it does not list', () => {
    const f = (unit: string, group: string, self: number) => ({
      unit,
      group,
      benchmark: rat(100),
      selfAssessed: rat(self),
      surveyCbccvc: rat(0),
      surveySipas: rat(0),
    });
    const r = computeResults(
      [f('A', 'department', 70), f('X', 'zeta', 60), f('B', 'commune', 80), f('C', 'commune', 90)],
      2,
      ['commune', 'department'],
    );
    expect(r.groups.map((g) => g.group)).toEqual(['commune', 'department', 'zeta']);
    expect(r.units.map((u) => u.unit)).toEqual(['C', 'B', 'A', 'X']);
    expect(r.units.map((u) => u.rankOverall)).toEqual([1, 2, 3, 4]);
  });
});
