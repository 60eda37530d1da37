import { describe, expect, it } from 'vitest';
import { type Rational, parseDecimal } from '../../shared/decimal/rational.ts';
import type { Scoring } from '../../shared/framework/types.ts';
import { scoreNode } from '../../shared/scoring/score.ts';
import { SCORE_ERRORS } from '../../shared/errors/catalogue.ts';
import { fixedDecimalText } from '../../shared/decimal/text.ts';

function value(scoring: Scoring, max: string, input: unknown): string {
  const r = scoreNode(scoring, max, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return fixedDecimalText(r.value as Rational, 6);
}
function error(scoring: Scoring, max: string, input: unknown): { code: string; message: string } {
  const r = scoreNode(scoring, max, input);
  if (r.ok) throw new Error(`expected an error, got ${fixedDecimalText(r.value, 6)}`);
  return r.error;
}

const tick: Scoring = { kind: 'tick' };
const timeliness: Scoring = {
  kind: 'timeliness',
  tiers: [
    { key: 'on_time', label: 'Đúng hạn', points: '1' },
    { key: 'late', label: 'Chậm', points: '0.5' },
    { key: 'not_done', label: 'Không thực hiện', points: '0' },
  ],
};
const percentage: Scoring = {
  kind: 'percentage',
  thresholds: [
    { min: '90', inclusive: false, points: '2' },
    { min: '70', inclusive: true, points: '1' },
  ],
  otherwise: '0',
};
const proportional: Scoring = { kind: 'proportional' };
const count: Scoring = {
  kind: 'count',
  tiers: [
    { min: 4, points: '1' },
    { min: 2, points: '0.5' },
  ],
  otherwise: '0',
};
const deduction: Scoring = { kind: 'deduction', perViolation: '0.25', floor: '0' };
const survey: Scoring = { kind: 'survey', source: 'sipas' };
const delta: Scoring = {
  kind: 'previous_year_delta',
  tiers: [
    { minDelta: '3', inclusive: true, points: '2' },
    { minDelta: '0', inclusive: false, points: '1' },
  ],
  otherwise: '0',
};

describe('met / not met', () => {
  it('scores the max or nothing', () => {
    expect(value(tick, '0.5', { met: true })).toBe('0.500000');
    expect(value(tick, '0.5', { met: false })).toBe('0.000000');
  });
  it('refuses a missing or non-boolean tick', () => {
    expect(error(tick, '1', {}).code).toBe(SCORE_ERRORS.INPUT_MISSING);
    expect(error(tick, '1', { met: 'yes' }).code).toBe(SCORE_ERRORS.INPUT_MISSING);
    expect(error(tick, '1', null).message).toMatch(/Chưa chọn/);
  });
});

describe('timeliness tiers', () => {
  it('gives each tier its points', () => {
    expect(value(timeliness, '1', { tier: 'on_time' })).toBe('1.000000');
    expect(value(timeliness, '1', { tier: 'late' })).toBe('0.500000');
    expect(value(timeliness, '1', { tier: 'not_done' })).toBe('0.000000');
  });
  it('refuses an unknown tier and names the known ones', () => {
    const e = error(timeliness, '1', { tier: 'early' });
    expect(e.code).toBe(SCORE_ERRORS.UNKNOWN_TIER);
    expect(e.message).toContain('Đúng hạn');
    expect(error(timeliness, '1', {}).code).toBe(SCORE_ERRORS.INPUT_MISSING);
  });
});

describe('percentage thresholds', () => {
  it('above 90% → 2, 70–90% → 1, below 70% → 0', () => {
    expect(value(percentage, '2', { percent: 95 })).toBe('2.000000');
    expect(value(percentage, '2', { percent: 90 })).toBe('1.000000'); // not above 90
    expect(value(percentage, '2', { percent: '70' })).toBe('1.000000');
    expect(value(percentage, '2', { percent: 69.99 })).toBe('0.000000');
  });
  it('computes the percentage from declared figures exactly', () => {
    // 595,634 of 596,864 dossiers on time: 99.79% → above 90
    expect(value(percentage, '2', { a: 595634, b: 596864 })).toBe('2.000000');
    expect(value(percentage, '2', { a: 9, b: 10 })).toBe('1.000000'); // exactly 90%
  });
  it('refuses percentages over 100, negatives, non-numbers and b = 0', () => {
    expect(error(percentage, '2', { percent: 101 }).code).toBe(SCORE_ERRORS.PERCENT_RANGE);
    expect(error(percentage, '2', { percent: -1 }).code).toBe(SCORE_ERRORS.NEGATIVE);
    expect(error(percentage, '2', { percent: 'nhiều' }).code).toBe(SCORE_ERRORS.NOT_A_NUMBER);
    expect(error(percentage, '2', { a: 1, b: 0 }).code).toBe(SCORE_ERRORS.DENOMINATOR_ZERO);
  });
});

describe('proportional a/b × max', () => {
  it('is exact', () => {
    expect(value(proportional, '1.5', { a: 1, b: 3 })).toBe('0.500000');
    expect(value(proportional, '2', { a: '595634', b: '596864' })).toBe('1.995878');
    expect(value(proportional, '2', { a: 0, b: 5 })).toBe('0.000000');
  });
  it('refuses a > b, b = 0, missing and negative figures', () => {
    const e = error(proportional, '1', { a: 6, b: 5 });
    expect(e.code).toBe(SCORE_ERRORS.NUMERATOR_EXCEEDS);
    expect(e.message).toBe('Số đạt (a) không được lớn hơn tổng số (b).');
    expect(error(proportional, '1', { a: 1, b: 0 }).code).toBe(SCORE_ERRORS.DENOMINATOR_ZERO);
    expect(error(proportional, '1', { a: 1 }).code).toBe(SCORE_ERRORS.INPUT_MISSING);
    expect(error(proportional, '1', { a: -1, b: 2 }).code).toBe(SCORE_ERRORS.NEGATIVE);
    expect(error(proportional, '1', { a: '1,5x', b: 2 }).code).toBe(SCORE_ERRORS.NOT_A_NUMBER);
  });
});

describe('count tiers', () => {
  it('takes the highest tier reached', () => {
    expect(value(count, '1', { count: 4 })).toBe('1.000000');
    expect(value(count, '1', { count: 12 })).toBe('1.000000');
    expect(value(count, '1', { count: 3 })).toBe('0.500000');
    expect(value(count, '1', { count: 0 })).toBe('0.000000');
  });
  it('refuses fractions and negatives', () => {
    expect(error(count, '1', { count: 2.5 }).code).toBe(SCORE_ERRORS.NOT_INTEGER);
    expect(error(count, '1', { count: -2 }).code).toBe(SCORE_ERRORS.NEGATIVE);
  });
});

describe('deductions with a floor', () => {
  it('deducts per violation down to the floor', () => {
    expect(value(deduction, '1', { violations: 0 })).toBe('1.000000');
    expect(value(deduction, '1', { violations: 3 })).toBe('0.250000');
    expect(value(deduction, '1', { violations: 9 })).toBe('0.000000');
    expect(value({ kind: 'deduction', perViolation: '0.5', floor: '0.5' }, '2', { violations: 5 })).toBe('0.500000');
  });
  it('refuses a fractional count', () => {
    expect(error(deduction, '1', { violations: '1.5' }).code).toBe(SCORE_ERRORS.NOT_INTEGER);
  });
});

describe('imported survey points', () => {
  it('keeps the imported points exactly', () => {
    expect(value(survey, '15', { points: 14.34 })).toBe('14.340000');
    expect(value(survey, '15', { points: '13,59' })).toBe('13.590000');
  });
  it('refuses points above the max', () => {
    const e = error(survey, '15', { points: 15.01 });
    expect(e.code).toBe(SCORE_ERRORS.POINTS_RANGE);
    expect(e.message).toContain('15');
  });
});

describe('previous-year delta', () => {
  it('scores the change of the index', () => {
    expect(value(delta, '2', { previousIndex: 80, earlierIndex: 76.5 })).toBe('2.000000');
    expect(value(delta, '2', { previousIndex: 80, earlierIndex: 77 })).toBe('2.000000'); // exactly +3
    expect(value(delta, '2', { previousIndex: 80, earlierIndex: 79.99 })).toBe('1.000000');
    expect(value(delta, '2', { previousIndex: 80, earlierIndex: 80 })).toBe('0.000000');
    expect(value(delta, '2', { previousIndex: 70, earlierIndex: 80 })).toBe('0.000000');
  });
  it('refuses indices outside 0–100', () => {
    expect(error(delta, '2', { previousIndex: 101, earlierIndex: 80 }).code).toBe(SCORE_ERRORS.INDEX_RANGE);
    expect(error(delta, '2', { previousIndex: 80 }).code).toBe(SCORE_ERRORS.INPUT_MISSING);
  });
});

it('never scores above the node max even if a tier says more', () => {
  expect(value(timeliness, '0.5', { tier: 'on_time' })).toBe('0.500000');
  expect(parseDecimal('0.5')).not.toBeNull();
});
