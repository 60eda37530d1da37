/**
 * The canonical JSON a signature covers (shared/exchange/jcs.ts) against the `canonicalize`
 * package (RFC 8785's reference for JavaScript) on random values: its three paths (a value
 * already in order written as it is, the sorted copy written by JSON.stringify, and the
 * writer taken for integer-like or
 * "__proto__" member names and toJSON), strings with escapes and lone surrogates, numbers
 * at the edges of their notation.
 */
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/exchange/jcs.ts';
import { prng } from '../../tools/prng.ts';

const NAMES = [
  'a',
  'b',
  'B',
  'é',
  'ä',
  '€',
  '😀',
  '',
  'unitId',
  'nodeCode',
  '10',
  '9',
  '0',
  '1a',
  '1.2.3',
  '4294967294',
  '4294967295',
  '01',
  '__proto__',
  'constructor',
];
const STRINGS = [
  '',
  'x',
  'Đánh giá',
  '"quoted"',
  'back\\slash',
  'tab\there',
  'nl\n',
  '\u0000\u001f',
  '\ud800',
  '\udc00x',
  '😀',
  '\u2028',
];
const NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.1,
  1e21,
  1e-7,
  123456789.125,
  2 ** 53,
  -(2 ** 53) + 1,
  5e-324,
  1.7976931348623157e308,
  333.333,
];

function value(rand: () => number, depth: number, unsafeNames: boolean): unknown {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const r = rand();
  if (depth > 4 || r < 0.35) {
    const k = rand();
    if (k < 0.4) return pick(STRINGS);
    if (k < 0.75) return pick(NUMBERS) * (rand() < 0.5 ? 1 : rand());
    if (k < 0.9) return rand() < 0.5;
    return null;
  }
  if (r < 0.6) return Array.from({ length: Math.floor(rand() * 5) }, () => value(rand, depth + 1, unsafeNames));
  const o: Record<string, unknown> = {};
  for (let i = Math.floor(rand() * 6); i > 0; i--) {
    const name = pick(unsafeNames ? NAMES : NAMES.slice(0, 10));
    if (name === '__proto__')
      Object.defineProperty(o, name, {
        value: value(rand, depth + 1, unsafeNames),
        enumerable: true,
        configurable: true,
        writable: true,
      });
    else o[name] = value(rand, depth + 1, unsafeNames);
  }
  return o;
}

describe('canonical JSON (RFC 8785)', () => {
  it('writes what the canonicalize package writes, on 4 000 random values', () => {
    const rand = prng(8785);
    for (let i = 0; i < 4000; i++) {
      const v = value(rand, 0, i % 2 === 1);
      expect(canonicalJson(v), JSON.stringify(v)).toBe(canonicalize(v));
    }
  });

  it('writes a parsed canonical text back unchanged (objects already in order: the path that copies nothing)', () => {
    const rand = prng(20261206);
    for (let i = 0; i < 2000; i++) {
      const text = canonicalize(value(rand, 0, i % 2 === 1))!;
      const parsed = JSON.parse(text) as unknown;
      expect(canonicalJson(parsed), text).toBe(text);
      // One object out of order deep inside: sorted again.
      const shuffled = JSON.parse(text.replace('{"a":', '{"zz":0,"a":')) as unknown;
      expect(canonicalJson(shuffled)).toBe(canonicalize(shuffled));
    }
  });

  it('sorts by UTF-16 code units, not by the engine’s order of integer-like names', () => {
    expect(canonicalJson({ b: 1, 10: 2, 9: 3, a: [{ z: 1, y: null }] })).toBe(
      '{"10":2,"9":3,"a":[{"y":null,"z":1}],"b":1}',
    );
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, ö: 4 })).toBe('{"\\r":2,"ö":4,"€":1,"😀":3}');
  });

  it('leaves out undefined members, writes null for undefined elements, honours toJSON', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
    expect(canonicalJson({ at: new Date(Date.UTC(2026, 0, 2)) })).toBe('{"at":"2026-01-02T00:00:00.000Z"}');
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});
