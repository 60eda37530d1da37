/** Exact decimal text of values and published figures, for JSON and tables. */
import { type Rational, exactDecimalText, scaledToString } from '../../../shared/decimal/rational.ts';
import { viDecimalText } from '../../../shared/format/vi.ts';

export { NON_DECIMAL_PLACES, decimalPlaces, exactDecimalText } from '../../../shared/decimal/rational.ts';

/** A published figure (scaled integer) as plain text: 8384n at 2 → "83.84". */
export function publishedText(v: bigint, precision: number): string {
  return scaledToString(v, precision);
}

/** vi-VN: "94,00", "51,34". */
export function viPoints(r: Rational, minPlaces = 2): string {
  return viDecimalText(exactDecimalText(r, minPlaces));
}
