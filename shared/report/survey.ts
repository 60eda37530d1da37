/**
 * Sociological survey points (điểm ĐTXHH) from raw responses: one row per respondent,
 * each answer an option of the scale (A, B, C, D…) with a weight (A 100%, B 60%, C 20%,
 * D 0% by default). A unit's satisfaction is the mean weight of its answers (blank answers
 * are counted apart and left out); its points are satisfaction × the maximum points of the
 * survey sub-criterion for its group. Exact: counts are integers, weights decimals, so
 * points = Σ countₖ × weightₖ / answers × max is a rational with no rounding.
 */
import { type Rational, ZERO, add, cmp, div, mul, parseDecimal, rat, ONE } from '../decimal/rational.ts';
import { SURVEY_SCALE_ERRORS } from '../errors/catalogue.ts';
import { type Result, fail, ok } from '../errors/codes.ts';

export type SurveySource = 'cbccvc' | 'sipas';
export const SURVEY_SOURCES: readonly SurveySource[] = ['cbccvc', 'sipas'];

export const SURVEY_SOURCE_LABELS: Readonly<Record<SurveySource, string>> = {
  cbccvc: 'Khảo sát CBCCVC',
  sipas: 'Chỉ số SIPAS',
};

interface SurveyOption {
  /** What a response holds ("A"); compared case-insensitively, trimmed. */
  readonly key: string;
  readonly label: string;
  /** Weight as a decimal fraction from 0 to 1 ("0.6" = 60%). */
  readonly weight: string;
}

export interface SurveyScale {
  readonly options: readonly SurveyOption[];
}

export const DEFAULT_SURVEY_SCALE: SurveyScale = {
  options: [
    { key: 'A', label: 'Phương án A (100%)', weight: '1' },
    { key: 'B', label: 'Phương án B (60%)', weight: '0.6' },
    { key: 'C', label: 'Phương án C (20%)', weight: '0.2' },
    { key: 'D', label: 'Phương án D (0%)', weight: '0' },
  ],
};

export interface ParsedScale {
  readonly scale: SurveyScale;
  readonly keys: readonly string[];
  readonly weights: readonly Rational[];
  /** Normalised key → option index. */
  readonly index: ReadonlyMap<string, number>;
}

function normaliseAnswer(text: string): string {
  return text.trim().toLocaleUpperCase('vi');
}

/** Validates a scale: at least two options, unique non-empty keys, weights from 0 to 1. */
export function parseSurveyScale(scale: SurveyScale): Result<ParsedScale> {
  if (!scale || !Array.isArray(scale.options) || scale.options.length < 2) {
    return fail(SURVEY_SCALE_ERRORS.TOO_FEW_OPTIONS, 'Thang đo cần ít nhất hai phương án trả lời.');
  }
  const index = new Map<string, number>();
  const weights: Rational[] = [];
  const keys: string[] = [];
  for (const [i, o] of scale.options.entries()) {
    const key = normaliseAnswer(String(o.key ?? ''));
    if (key === '')
      return fail(SURVEY_SCALE_ERRORS.EMPTY_KEY, `Phương án thứ ${i + 1} chưa có ký hiệu.`, { option: i + 1 });
    if (index.has(key))
      return fail(SURVEY_SCALE_ERRORS.DUPLICATE_KEY, `Ký hiệu phương án “${o.key}” bị trùng.`, { option: i + 1 });
    const w = parseDecimal(String(o.weight ?? ''));
    if (!w || cmp(w, ZERO) < 0 || cmp(w, ONE) > 0) {
      return fail(
        SURVEY_SCALE_ERRORS.BAD_WEIGHT,
        `Trọng số của phương án “${o.key}” phải là số thập phân từ 0 đến 1 (ví dụ 0.6 cho 60%).`,
        { option: i + 1 },
      );
    }
    index.set(key, i);
    weights.push(w);
    keys.push(key);
  }
  return ok({ scale, keys, weights, index });
}

/** Counts of one unit's responses. */
export interface TallyCounts {
  respondents: number;
  /** Non-blank answers. */
  answers: number;
  blanks: number;
  /** Per option, in the scale's order. */
  readonly counts: number[];
}

/**
 * Counts answers per unit and option as responses stream in. `add` returns the position
 * of the first answer that is not an option of the scale (nothing is counted for that
 * respondent then), or -1.
 */
export class SurveyTally {
  private readonly lookup = new Map<string, number>();
  readonly units = new Map<string, TallyCounts>();
  constructor(readonly scale: ParsedScale) {
    for (const [k, i] of scale.index) {
      this.lookup.set(k, i);
      this.lookup.set(k.toLowerCase(), i);
    }
  }

  /** The option index of an answer, -1 for a blank, -2 for an unknown answer. */
  optionOf(answer: string): number {
    const direct = this.lookup.get(answer);
    if (direct !== undefined) return direct;
    const t = answer.trim();
    if (t === '') return -1;
    return this.lookup.get(normaliseAnswer(t)) ?? -2;
  }

  add(unit: string, answers: readonly string[]): number {
    const n = answers.length;
    const picked = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const o = this.optionOf(answers[i]!);
      if (o === -2) return i;
      picked[i] = o;
    }
    let t = this.units.get(unit);
    if (!t) {
      t = { respondents: 0, answers: 0, blanks: 0, counts: new Array<number>(this.scale.keys.length).fill(0) };
      this.units.set(unit, t);
    }
    t.respondents += 1;
    for (let i = 0; i < n; i++) {
      const o = picked[i]!;
      if (o < 0) t.blanks += 1;
      else {
        t.answers += 1;
        t.counts[o]! += 1;
      }
    }
    return -1;
  }
}

export interface SurveyUnitPoints {
  readonly satisfaction: Rational;
  readonly points: Rational;
}

/** satisfaction = Σ countₖ × weightₖ / answers (0 with no answers); points = satisfaction × max. */
export function pointsOfCounts(counts: TallyCounts, scale: ParsedScale, max: Rational): SurveyUnitPoints {
  if (counts.answers === 0) return { satisfaction: ZERO, points: ZERO };
  let s = ZERO;
  counts.counts.forEach((c, i) => {
    if (c > 0) s = add(s, mul(rat(c), scale.weights[i]!));
  });
  const satisfaction = div(s, rat(counts.answers));
  return { satisfaction, points: mul(satisfaction, max) };
}

/** Counts per option key, for display and storage ({"A": 120, "B": 30, …}). */
export function optionCountsRecord(counts: TallyCounts, scale: ParsedScale): Record<string, number> {
  return Object.fromEntries(scale.scale.options.map((o, i) => [o.key, counts.counts[i] ?? 0]));
}
