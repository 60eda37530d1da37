/**
 * add, mul, div and sub reduce as Knuth does (only gcds of denominators), and gcd finishes in
 * doubles below 2^53: the results must be, exactly, the reduced fraction of the schoolbook
 * formula (reduced by rat()), for small and 100-bit operands, signs and zeros alike.
 */
import { describe, expect, it } from 'vitest';
import { type Rational, add, div, mul, rat, sub } from '../../shared/decimal/rational.ts';
import { prng } from '../../tools/prng.ts';

const rnd = prng(11);

/** A random bigint of up to `bits` bits (signed when asked). */
function big(bits: number, signed: boolean): bigint {
  let v = 0n;
  const n = 1 + Math.floor(rnd() * bits);
  for (let i = 0; i < n; i += 26) v = (v << 26n) | BigInt(Math.floor(rnd() * 2 ** 26));
  v >>= BigInt(Math.max(0, Math.ceil(n / 26) * 26 - n));
  return signed && rnd() < 0.5 ? -v : v;
}

/** Reduced rationals of various sizes: small decimals, 100-bit fractions, zero, shared factors. */
function sample(): Rational {
  const kind = rnd();
  if (kind < 0.1) return rat(0);
  if (kind < 0.4) return rat(big(20, true), 10n ** BigInt(Math.floor(rnd() * 4)));
  if (kind < 0.6) return rat(big(30, true) * 6n, 1n + big(12, false) * 6n);
  if (kind < 0.8) return rat(big(110, true), 1n + big(110, false));
  return rat(big(60, true), (1n + big(40, false)) * (2n ** 20n * 3n ** 7n));
}

const reduced = (r: Rational) => {
  let a = r.n < 0n ? -r.n : r.n;
  let b = r.d;
  while (b !== 0n) [a, b] = [b, a % b];
  return r.d > 0n && (r.n === 0n ? r.d === 1n : a === 1n);
};

describe('rational arithmetic, reduced the fast way', () => {
  it('equals the schoolbook result reduced, on 4,000 random pairs', () => {
    for (let i = 0; i < 4000; i++) {
      const a = sample();
      const b = sample();
      const sum = add(a, b);
      expect(sum).toEqual(rat(a.n * b.d + b.n * a.d, a.d * b.d));
      expect(sub(a, b)).toEqual(rat(a.n * b.d - b.n * a.d, a.d * b.d));
      expect(mul(a, b)).toEqual(rat(a.n * b.n, a.d * b.d));
      if (b.n !== 0n) expect(div(a, b)).toEqual(rat(a.n * b.d, a.d * b.n));
      expect(reduced(sum)).toBe(true);
    }
  });

  it('keeps zero as 0/1 and the sign on the numerator', () => {
    expect(add(rat(1, 6), rat(-1, 6))).toEqual({ n: 0n, d: 1n });
    expect(mul(rat(0), rat(7, 3))).toEqual({ n: 0n, d: 1n });
    expect(div(rat(3, 4), rat(-9, 2))).toEqual({ n: -1n, d: 6n });
    expect(div(rat(-3, 4), rat(-9, 2))).toEqual({ n: 1n, d: 6n });
    expect(add(rat(1, 6), rat(1, 10))).toEqual({ n: 4n, d: 15n });
    expect(() => div(rat(1), rat(0))).toThrow(RangeError);
  });
});
