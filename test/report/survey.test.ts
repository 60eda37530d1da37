import { describe, expect, it } from 'vitest';
import { parseDecimal, rat, serialize } from '../../shared/decimal/rational.ts';
import {
  DEFAULT_SURVEY_SCALE,
  SurveyTally,
  optionCountsRecord,
  parseSurveyScale,
  pointsOfCounts,
} from '../../shared/report/survey.ts';

const scale = () => {
  const r = parseSurveyScale(DEFAULT_SURVEY_SCALE);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('survey points from raw responses', () => {
  it('weights answers exactly (A 100%, B 60%, C 20%, D 0%) and converts to points', () => {
    const t = new SurveyTally(scale());
    expect(t.add('u1', ['A', 'B', 'C', 'D'])).toBe(-1);
    expect(t.add('u1', ['a', ' b ', '', 'A'])).toBe(-1);
    expect(t.add('u2', ['C', 'C', 'C'])).toBe(-1);
    const u1 = t.units.get('u1')!;
    expect(u1).toEqual({ respondents: 2, answers: 7, blanks: 1, counts: [3, 2, 1, 1] });
    // (3×1 + 2×0.6 + 1×0.2 + 1×0) / 7 = 4.4 / 7 = 22/35; × 15 points = 66/7
    const p = pointsOfCounts(u1, scale(), rat(15));
    expect(serialize(p.satisfaction)).toBe('22/35');
    expect(serialize(p.points)).toBe('66/7');
    expect(optionCountsRecord(u1, scale())).toEqual({ A: 3, B: 2, C: 1, D: 1 });
    // 0.2 × 22 = 4.4 exactly, not 4.4000000000000004
    expect(serialize(pointsOfCounts(t.units.get('u2')!, scale(), rat(22)).points)).toBe('22/5');
  });

  it('sums 0.1-style weights without binary error', () => {
    const r = parseSurveyScale({
      options: [
        { key: 'X', label: 'x', weight: '0.1' },
        { key: 'Y', label: 'y', weight: '0.2' },
      ],
    });
    if (!r.ok) throw new Error('scale');
    const t = new SurveyTally(r.value);
    t.add('u', ['X', 'Y']);
    // (0.1 + 0.2) / 2 = 0.15 exactly; × 10 = 1.5
    expect(pointsOfCounts(t.units.get('u')!, r.value, rat(10)).points).toEqual(parseDecimal('1.5'));
  });

  it('refuses an answer outside the scale and counts nothing for that respondent', () => {
    const t = new SurveyTally(scale());
    expect(t.add('u', ['A', 'E', 'B'])).toBe(1);
    expect(t.units.has('u')).toBe(false);
  });

  it('gives 0 points when a unit has only blank answers', () => {
    const t = new SurveyTally(scale());
    t.add('u', ['', ' ']);
    expect(t.units.get('u')).toEqual({ respondents: 1, answers: 0, blanks: 2, counts: [0, 0, 0, 0] });
    expect(pointsOfCounts(t.units.get('u')!, scale(), rat(15)).points).toEqual(rat(0));
  });

  it('validates a scale with coded errors', () => {
    const bad = (options: { key: string; label: string; weight: string }[]) => {
      const r = parseSurveyScale({ options });
      return r.ok ? 'ok' : r.error.code;
    };
    expect(bad([{ key: 'A', label: '', weight: '1' }])).toBe('SURVEY_SCALE_TOO_FEW_OPTIONS');
    expect(
      bad([
        { key: 'A', label: '', weight: '1' },
        { key: 'a', label: '', weight: '0' },
      ]),
    ).toBe('SURVEY_SCALE_DUPLICATE_KEY');
    expect(
      bad([
        { key: 'A', label: '', weight: '1.5' },
        { key: 'B', label: '', weight: '0' },
      ]),
    ).toBe('SURVEY_SCALE_BAD_WEIGHT');
    expect(
      bad([
        { key: ' ', label: '', weight: '1' },
        { key: 'B', label: '', weight: '0' },
      ]),
    ).toBe('SURVEY_SCALE_EMPTY_KEY');
    expect(
      bad([
        { key: 'A', label: '', weight: '60%' },
        { key: 'B', label: '', weight: '0' },
      ]),
    ).toBe('SURVEY_SCALE_BAD_WEIGHT');
  });
});
