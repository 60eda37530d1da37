/** Exact decimal text of values and published figures, for JSON and tables. */
import { type Rational, roundHalfUpScaled, scaledToString } from '../../../shared/decimal/rational.ts';
import { viDecimalText } from '../../../shared/format/vi.ts';

/** Places when a value is not a finite decimal (a third, say). */
export const NON_DECIMAL_PLACES = 6;

/** Decimal places of a rational's exact decimal expansion, or null when it does not end. */
export function decimalPlaces(r: Rational): number | null {
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
 * Plain decimal text ("51.34", "94", "0.125"): exact when the value is a finite decimal,
 * otherwise half up to 6 places with trailing zeros dropped. `minPlaces` pads with zeros.
 */
export function exactDecimalText(r: Rational, minPlaces = 0): string {
  const exact = decimalPlaces(r);
  let places = exact ?? NON_DECIMAL_PLACES;
  let s = scaledToString(roundHalfUpScaled(r, places), places);
  if (exact === null && s.includes('.')) {
    s = s.replace(/0+$/, '').replace(/\.$/, '');
    places = s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
  }
  if (places < minPlaces) s = (places === 0 ? `${s}.` : s) + '0'.repeat(minPlaces - places);
  return s;
}

/** A published figure (scaled integer) as plain text: 8384n at 2 → "83.84". */
export function publishedText(v: bigint, precision: number): string {
  return scaledToString(v, precision);
}

/** vi-VN: "94,00", "51,34". */
export function viPoints(r: Rational, minPlaces = 2): string {
  return viDecimalText(exactDecimalText(r, minPlaces));
}
