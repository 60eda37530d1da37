import { describe, expect, it } from 'vitest';
import { parseDecimal, roundHalfUpScaled } from '../../shared/decimal/rational.ts';
import { classify } from '../../shared/results/classification.ts';
import { competitionRanks } from '../../shared/results/rank.ts';

const pub = (s: string) => roundHalfUpScaled(parseDecimal(s)!, 2);

describe('classification on the published index', () => {
  it.each([
    ['100', 1],
    ['90.01', 1],
    ['90.005', 1], // publishes as 90,01
    ['90.00', 2], // exactly 90 is group 2
    ['90.004', 2], // publishes as 90,00
    ['85', 2],
    ['80.00', 2], // exactly 80 is group 2
    ['79.995', 2], // publishes as 80,00
    ['79.994', 3],
    ['79.99', 3],
    ['65.00', 3],
    ['64.99', 4],
    ['64.995', 3],
    ['50.00', 4],
    ['49.99', 5],
    ['49.995', 4],
    ['0', 5],
  ] as const)('%s%% → group %i', (index, group) => {
    expect(classify(pub(index), 2)).toBe(group);
  });

  it('works at another precision', () => {
    expect(classify(roundHalfUpScaled(parseDecimal('79.95')!, 1), 1)).toBe(2);
    expect(classify(roundHalfUpScaled(parseDecimal('79.94')!, 1), 1)).toBe(3);
  });
});

describe('competition ranks', () => {
  it('shares a rank on equal published indices and skips the next: 1, 1, 3', () => {
    expect(competitionRanks([8000n, 8000n, 7000n])).toEqual([1, 1, 3]);
    expect(competitionRanks([7000n, 8000n, 8000n, 6000n, 7000n])).toEqual([3, 1, 1, 5, 3]);
    expect(competitionRanks([])).toEqual([]);
  });
});
