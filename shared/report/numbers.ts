/**
 * Numbers in report views: plain decimal text (exact "51.34", or half up to a fixed
 * number of places), never a binary float on the way. Views carry these strings; the
 * screens turn them into numbers for sorting, the documents into vi-VN text.
 */
import { type Rational, exactDecimalText, rat, roundHalfUpScaled, scaledToString } from '../decimal/rational.ts';
import { viDecimalText } from '../format/vi.ts';

/** Plain decimal text ("83.84", "94", "0.666667"). */
export type Dec = string;

/** Exact when a finite decimal, else half up to 6 places with trailing zeros dropped. */
export function exactText(r: Rational): Dec {
  return exactDecimalText(r);
}

/** Half up to exactly `places` decimals: 78.805 → "78.81". */
export function fixedText(r: Rational, places: number): Dec {
  return scaledToString(roundHalfUpScaled(r, places), places);
}

/** A scaled integer (8384n at 2 places) → "83.84". */
export function scaledText(v: bigint, places: number): Dec {
  return scaledToString(v, places);
}

/** Parses a Dec produced here ("-1.25") to a scaled integer at `places` (half up if longer). */
export function decToScaled(d: Dec, places: number): bigint {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(d);
  if (!m) throw new RangeError(`not a decimal: ${d}`);
  const frac = m[3] ?? '';
  const r = rat(BigInt((m[2] ?? '0') + frac) * (m[1] ? -1n : 1n), 10n ** BigInt(frac.length));
  return roundHalfUpScaled(r, places);
}

/** vi-VN display of a Dec: "83.84" → "83,84", "1889" → "1.889". */
export function viDec(d: Dec): string {
  return viDecimalText(d);
}

/** A Dec with a sign for changes: "+1,23", "-0,50", "0,00". */
export function viSigned(d: Dec): string {
  const t = viDecimalText(d);
  return d.startsWith('-') || /^0(\.0+)?$/.test(d) ? t : `+${t}`;
}
