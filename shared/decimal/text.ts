/**
 * Decimal text: the one set of functions that spell exact values as plain decimal strings
 * ("83.84", "-0.5", "94"), with a dot and no grouping, never through a binary float. Views,
 * JSON and tables carry this text; shared/format/vi.ts turns it into vi-VN text ("83,84").
 * Each name says what it returns:
 * - exactDecimalText: the value itself, or 6 places when it does not end ("0.666667");
 * - terminatingDecimalText: the value itself, or null when it needs more places;
 * - fixedDecimalText: half up to exactly n places ("76.20");
 * - roundedDecimalText: half up to at most n places, trailing zeros dropped ("17.5");
 * - scaledDecimalText: a scaled integer such as a published figure (8384n at 2 → "83.84");
 * - scaledFromDecimalText: the way back, from text to a scaled integer.
 */
import { type Rational, rat, roundHalfUpScaled } from './rational.ts';

/** Plain decimal text ("83.84", "94", "0.666667"). */
export type DecimalText = string;

/** Half up to exactly `places` decimals: 76.195 → "76.20", 94 → "94.00". */
export function fixedDecimalText(r: Rational, places: number): DecimalText {
  return scaledDecimalText(roundHalfUpScaled(r, places), places);
}

/** Half up to at most `maxPlaces` decimals, trailing zeros dropped: 17.50 → "17.5", 2/3 at 6 → "0.666667". */
export function roundedDecimalText(r: Rational, maxPlaces: number): DecimalText {
  const s = fixedDecimalText(r, maxPlaces);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/**
 * The exact decimal text of a value that ends within `maxPlaces` decimals ("14.82", "0.125");
 * null when it needs more, or never ends (1/3).
 */
export function terminatingDecimalText(r: Rational, maxPlaces = Number.POSITIVE_INFINITY): DecimalText | null {
  const places = decimalPlaces(r);
  return places !== null && places <= maxPlaces ? fixedDecimalText(r, places) : null;
}

/** Parses decimal text ("-1.25") to a scaled integer at `places` (half up if it has more). */
export function scaledFromDecimalText(d: DecimalText, places: number): bigint {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(d);
  if (!m) throw new RangeError(`not a decimal: ${d}`);
  const frac = m[3] ?? '';
  const r = rat(BigInt((m[2] ?? '0') + frac) * (m[1] ? -1n : 1n), 10n ** BigInt(frac.length));
  return roundHalfUpScaled(r, places);
}

/** A scaled integer (from roundHalfUpScaled) as plain text: 8384n at 2 → "83.84". */
export function scaledDecimalText(v: bigint, places: number): string {
  const neg = v < 0n;
  const s = (neg ? -v : v).toString().padStart(places + 1, '0');
  const body = places === 0 ? s : `${s.slice(0, s.length - places)}.${s.slice(s.length - places)}`;
  return neg ? `-${body}` : body;
}

/** Places used when a value is not a finite decimal (a third, say). */
const NON_DECIMAL_PLACES = 6;

/** Decimal places of the exact decimal expansion, or null when it does not end (1/3). */
function decimalPlaces(r: Rational): number | null {
  let d = r.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos += 1;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives += 1;
  }
  return d === 1n ? Math.max(twos, fives) : null;
}

/**
 * Plain decimal text of an exact value: the value itself when it is a finite decimal of
 * at most 12 places ("51.34", "94", "0.125"), else half up to 6 places with trailing zeros
 * dropped ("0.666667"). `minPlaces` pads with zeros ("94.00").
 */
export function exactDecimalText(r: Rational, minPlaces = 0): string {
  const exact = decimalPlaces(r);
  let places = exact !== null && exact <= 12 ? exact : NON_DECIMAL_PLACES;
  let s = scaledDecimalText(roundHalfUpScaled(r, places), places);
  if (places !== exact && s.includes('.')) {
    s = s.replace(/0+$/, '').replace(/\.$/, '');
    places = s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
  }
  if (places < minPlaces) s = (places === 0 ? `${s}.` : s) + '0'.repeat(minPlaces - places);
  return s;
}
