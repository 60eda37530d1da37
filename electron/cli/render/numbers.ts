/** Exact decimal text of values and published figures, for JSON and tables. */
import { scaledToString } from '../../../shared/decimal/rational.ts';

export { exactDecimalText } from '../../../shared/decimal/rational.ts';

/** A published figure (scaled integer) as plain text: 8384n at 2 → "83.84". */
export function publishedText(v: bigint, precision: number): string {
  return scaledToString(v, precision);
}
