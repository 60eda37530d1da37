/**
 * Exact rational arithmetic for points and indices.
 *
 * Scores in a criteria framework are decimals (0.25, 17.5) or proportions
 * (a/b × max). Both are rationals, so every sum, difference and ratio the index
 * needs is exact here; rounding happens once, half up, at publication.
 * Numerator and denominator are bigints, kept reduced.
 */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint; // always > 0, gcd(n, d) = 1
}

const ZERO_N = 0n;

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Euclid's algorithm, in bigints while the numbers are large, then in doubles: integers
 * below 2^53 are exact as doubles, and so is % on them, so the result is the same without
 * allocating a bigint at every step. Sums of proportional scores (a/b × max) reach
 * 100-bit numerators and denominators, which the first steps bring below 2^53.
 */
function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  if (b === 1n || a === 1n) return 1n;
  while (b > SAFE) {
    const t = a % b;
    a = b;
    b = t;
  }
  if (b === 0n) return a;
  // b fits a double; a % b < b does too.
  let x = Number(b);
  let y = Number(a % b);
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return BigInt(x);
}

export function rat(n: bigint | number, d: bigint | number = 1n): Rational {
  let nn = typeof n === 'bigint' ? n : BigInt(n);
  let dd = typeof d === 'bigint' ? d : BigInt(d);
  if (dd === 0n) throw new RangeError('division by zero');
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  if (dd === 1n) return { n: nn, d: 1n };
  const g = gcd(nn, dd);
  return g === 1n ? { n: nn, d: dd } : { n: nn / g, d: dd / g };
}

export const ZERO: Rational = { n: ZERO_N, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };
export const HUNDRED: Rational = { n: 100n, d: 1n };

const DECIMAL_RE = /^([+-])?(\d+)(?:[.,](\d+))?$/;

/** Parses a plain decimal ("17.5", "-0,25", "3") exactly; null when it is not one. */
export function parseDecimal(text: string): Rational | null {
  const m = DECIMAL_RE.exec(text.trim());
  if (!m) return null;
  const frac = m[3] ?? '';
  const n = BigInt((m[2] ?? '0') + frac) * (m[1] === '-' ? -1n : 1n);
  return rat(n, 10n ** BigInt(frac.length));
}

/** Parses a plain decimal that must be one (text the code itself wrote); throws a RangeError otherwise. */
export function parseDecimalOrThrow(text: string): Rational {
  const r = parseDecimal(text);
  if (!r) throw new RangeError(`not a decimal: ${text}`);
  return r;
}

/**
 * A JS number taken at its shortest decimal spelling (0.1 → 1/10, not the binary
 * neighbour), which is what a person typed or a file held.
 */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError('not a finite number');
  if (Number.isInteger(x) && Number.isSafeInteger(x)) return { n: BigInt(x), d: 1n };
  const s = String(x);
  const exp = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (exp) {
    const digits = BigInt((exp[2] ?? '') + (exp[3] ?? '')) * (exp[1] === '-' ? -1n : 1n);
    const e = Number(exp[4]) - (exp[3] ?? '').length;
    return e >= 0 ? rat(digits * 10n ** BigInt(e)) : rat(digits, 10n ** BigInt(-e));
  }
  const r = parseDecimal(s);
  if (!r) throw new RangeError(`not a decimal: ${s}`);
  return r;
}

/** Accepts a number or a decimal string; null when neither. */
export function toRational(v: unknown): Rational | null {
  if (typeof v === 'number') return Number.isFinite(v) ? fromNumber(v) : null;
  if (typeof v === 'string') return parseDecimal(v);
  return null;
}

/*
 * add, mul and div reduce as Knuth does (TAOCP 4.5.1): with reduced operands, only gcds of
 * the denominators (and a factor of them) are needed, never the gcd of the full product.
 * Sums of proportional scores have 100-bit denominators; against a small one (a
 * benchmark, a survey score) these gcds take one bigint step. The result is the same
 * reduced fraction rat() would give.
 */
export function add(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return a.d === 1n ? { n: a.n + b.n, d: 1n } : rat(a.n + b.n, a.d);
  const g = gcd(a.d, b.d);
  // Different reduced denominators: the sum is never zero.
  if (g === 1n) return { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
  const bd = b.d / g;
  const t = a.n * bd + b.n * (a.d / g);
  const g2 = gcd(t, g);
  return g2 === 1n ? { n: t, d: a.d * bd } : { n: t / g2, d: (a.d / g2) * bd };
}
export function sub(a: Rational, b: Rational): Rational {
  return add(a, { n: -b.n, d: b.d });
}
export function mul(a: Rational, b: Rational): Rational {
  const g1 = gcd(a.n, b.d);
  const g2 = gcd(b.n, a.d);
  return { n: (a.n / g1) * (b.n / g2), d: (a.d / g2) * (b.d / g1) };
}
export function div(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError('division by zero');
  return mul(a, b.n < 0n ? { n: -b.d, d: -b.n } : { n: b.d, d: b.n });
}
export function cmp(a: Rational, b: Rational): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}
export function eq(a: Rational, b: Rational): boolean {
  return a.n === b.n && a.d === b.d;
}
export function min(a: Rational, b: Rational): Rational {
  return cmp(a, b) <= 0 ? a : b;
}
export function max(a: Rational, b: Rational): Rational {
  return cmp(a, b) >= 0 ? a : b;
}
export function sum(values: Iterable<Rational>): Rational {
  let acc = ZERO;
  for (const v of values) acc = add(acc, v);
  return acc;
}

/**
 * Rounds half up (away from zero at the half) to `places` decimals and returns
 * the result as an integer count of 10^-places: 76.195 → 7620 at 2 places.
 */
export function roundHalfUpScaled(a: Rational, places: number): bigint {
  const scale = 10n ** BigInt(places);
  const neg = a.n < 0n;
  const num = (neg ? -a.n : a.n) * scale;
  const q = num / a.d;
  const r = num % a.d;
  const rounded = r * 2n >= a.d ? q + 1n : q;
  return neg ? -rounded : rounded;
}

/** Half-up rounding back to a Rational with at most `places` decimals. */
export function roundHalfUp(a: Rational, places: number): Rational {
  return rat(roundHalfUpScaled(a, places), 10n ** BigInt(places));
}

/** "n/d" text form that round-trips exactly (used in the store). */
export function serialize(a: Rational): string {
  return a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`;
}
export function deserialize(text: string): Rational {
  const m = /^(-?\d+)(?:\/(\d+))?$/.exec(text);
  if (!m) {
    const dec = parseDecimal(text);
    if (dec) return dec;
    throw new RangeError(`not a rational: ${text}`);
  }
  return rat(BigInt(m[1] ?? '0'), BigInt(m[2] ?? '1'));
}
