import { describe, expect, it } from 'vitest';
import { pts2, ptsNeeded } from '../../renderer/components/format.ts';
import { rat } from '../../shared/decimal/rational.ts';

describe('what-if figures', () => {
  it('shows the points still needed with 2 decimals, rounded up, and a gain with 2 decimals', () => {
    expect(ptsNeeded('1.2301')).toBe('1,24');
    expect(ptsNeeded('1.2')).toBe('1,20');
    expect(ptsNeeded('0.005')).toBe('0,01');
    expect(pts2(rat(1, 3))).toBe('0,33');
    expect(pts2(rat(1, 2))).toBe('0,50');
  });
});
