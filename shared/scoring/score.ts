/**
 * The eight scoring kinds: each validates its input against the node's parameters
 * and yields exact points, or says in Vietnamese why the input is invalid.
 */
import {
  type Rational,
  ZERO,
  cmp,
  div,
  max as rmax,
  min as rmin,
  mul,
  parseDecimal,
  rat,
  sub,
  toRational,
  HUNDRED,
} from '../decimal/rational.ts';
import { SCORE_ERRORS } from '../errors/catalogue.ts';
import { type Result, fail, ok } from '../errors/codes.ts';
import type { Scoring } from '../framework/types.ts';

type Fields = Record<string, unknown>;

function asObject(input: unknown): Fields | null {
  return typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Fields) : null;
}

function need(input: Fields | null, key: string, label: string): Result<unknown> {
  if (!input || input[key] === undefined || input[key] === null || input[key] === '') {
    return fail(SCORE_ERRORS.INPUT_MISSING, `Chưa nhập ${label}.`, { field: key });
  }
  return ok(input[key]);
}

function number(input: Fields | null, key: string, label: string): Result<Rational> {
  const v = need(input, key, label);
  if (!v.ok) return v;
  const r = toRational(typeof v.value === 'string' ? v.value.trim() : v.value);
  if (!r)
    return fail(SCORE_ERRORS.NOT_A_NUMBER, `${capitalise(label)} phải là một số (đã nhập “${String(v.value)}”).`, {
      field: key,
    });
  if (r.n < 0n) return fail(SCORE_ERRORS.NEGATIVE, `${capitalise(label)} không được là số âm.`, { field: key });
  return ok(r);
}

function integer(input: Fields | null, key: string, label: string): Result<Rational> {
  const r = number(input, key, label);
  if (!r.ok) return r;
  if (r.value.d !== 1n)
    return fail(SCORE_ERRORS.NOT_INTEGER, `${capitalise(label)} phải là số nguyên không âm.`, { field: key });
  return r;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function points(text: string): Rational {
  const r = parseDecimal(text);
  if (!r) throw new RangeError(`invalid points in framework: ${text}`);
  return r;
}

function figures(o: Fields | null): Result<{ a: Rational; b: Rational }> {
  const a = number(o, 'a', 'số đạt (a)');
  if (!a.ok) return a;
  const b = number(o, 'b', 'tổng số (b)');
  if (!b.ok) return b;
  if (b.value.n === 0n) return fail(SCORE_ERRORS.DENOMINATOR_ZERO, 'Tổng số (b) phải lớn hơn 0.', { field: 'b' });
  if (cmp(a.value, b.value) > 0) {
    return fail(SCORE_ERRORS.NUMERATOR_EXCEEDS, 'Số đạt (a) không được lớn hơn tổng số (b).', { field: 'a' });
  }
  return ok({ a: a.value, b: b.value });
}

function meetsThreshold(value: Rational, bound: string, inclusive: boolean): boolean {
  const c = cmp(value, points(bound));
  return inclusive ? c >= 0 : c > 0;
}

/** Validates `input` for a node scored by `scoring` with maximum `maxPoints`; returns exact points. */
export function scoreNode(scoring: Scoring, maxPoints: string, input: unknown): Result<Rational> {
  const max = points(maxPoints);
  const o = asObject(input);
  switch (scoring.kind) {
    case 'tick': {
      if (!o || typeof o['met'] !== 'boolean')
        return fail(SCORE_ERRORS.INPUT_MISSING, 'Chưa chọn đạt hay không đạt.', { field: 'met' });
      return ok(o['met'] ? max : ZERO);
    }
    case 'timeliness': {
      const v = need(o, 'tier', 'mức đánh giá');
      if (!v.ok) return v;
      const tier = scoring.tiers.find((t) => t.key === v.value);
      if (!tier) {
        const known = scoring.tiers.map((t) => t.label).join(', ');
        return fail(SCORE_ERRORS.UNKNOWN_TIER, `Mức “${String(v.value)}” không có trong hướng dẫn chấm (${known}).`, {
          field: 'tier',
        });
      }
      return ok(rmin(points(tier.points), max));
    }
    case 'percentage': {
      let percent: Rational;
      if (o && o['percent'] !== undefined) {
        const p = number(o, 'percent', 'tỷ lệ (%)');
        if (!p.ok) return p;
        if (cmp(p.value, HUNDRED) > 0)
          return fail(SCORE_ERRORS.PERCENT_RANGE, 'Tỷ lệ phải từ 0 đến 100%.', { field: 'percent' });
        percent = p.value;
      } else {
        const f = figures(o);
        if (!f.ok) return f;
        percent = mul(div(f.value.a, f.value.b), HUNDRED);
      }
      const hit = scoring.thresholds.find((t) => meetsThreshold(percent, t.min, t.inclusive));
      return ok(rmin(points(hit ? hit.points : scoring.otherwise), max));
    }
    case 'proportional': {
      const f = figures(o);
      if (!f.ok) return f;
      return ok(mul(div(f.value.a, f.value.b), max));
    }
    case 'count': {
      const c = integer(o, 'count', 'số lượng');
      if (!c.ok) return c;
      const hit = scoring.tiers.find((t) => cmp(c.value, rat(t.min)) >= 0);
      return ok(rmin(points(hit ? hit.points : scoring.otherwise), max));
    }
    case 'deduction': {
      const c = integer(o, 'violations', 'số vi phạm');
      if (!c.ok) return c;
      const floor = points(scoring.floor);
      return ok(rmax(sub(max, mul(c.value, points(scoring.perViolation))), floor));
    }
    case 'survey': {
      const p = number(o, 'points', 'điểm khảo sát');
      if (!p.ok) return p;
      if (cmp(p.value, max) > 0) {
        return fail(SCORE_ERRORS.POINTS_RANGE, `Điểm khảo sát phải từ 0 đến ${maxPoints.replace('.', ',')}.`, {
          field: 'points',
        });
      }
      return ok(p.value);
    }
    case 'previous_year_delta': {
      const cur = number(o, 'previousIndex', 'Chỉ số năm trước');
      if (!cur.ok) return cur;
      const old = number(o, 'earlierIndex', 'Chỉ số năm liền kề trước đó');
      if (!old.ok) return old;
      for (const [v, field] of [
        [cur.value, 'previousIndex'],
        [old.value, 'earlierIndex'],
      ] as const) {
        if (cmp(v, HUNDRED) > 0) return fail(SCORE_ERRORS.INDEX_RANGE, 'Chỉ số CCHC phải từ 0 đến 100%.', { field });
      }
      const delta = sub(cur.value, old.value);
      const hit = scoring.tiers.find((t) => {
        const c = cmp(delta, points(t.minDelta));
        return t.inclusive ? c >= 0 : c > 0;
      });
      return ok(rmin(points(hit ? hit.points : scoring.otherwise), max));
    }
  }
}
