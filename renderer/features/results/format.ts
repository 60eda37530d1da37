/** vi-VN display of the report's decimal text (never Number(x).toFixed). */
import { HUNDRED, mul, parseDecimal } from '../../../shared/decimal/rational.ts';
import { formatRational, viSignedDecimalText } from '../../../shared/format/vi.ts';
import { vi } from '../../i18n/vi.ts';
import { fixedDecimalText } from '../../../shared/decimal/text.ts';

/** Two decimals, half up: "51,34". */
export function f2(text: string | null | undefined): string {
  if (text === null || text === undefined) return vi.dash;
  const r = parseDecimal(text);
  return r ? formatRational(r, 2) : text;
}

/** A published percentage: "83,84%". */
export function p2(text: string | null | undefined): string {
  return text === null || text === undefined ? vi.dash : `${f2(text)}%`;
}

/** A change in percentage points with its sign: "+1,23", "-0,50". */
export function signed(text: string | null | undefined): string {
  if (text === null || text === undefined) return vi.dash;
  const r = parseDecimal(text);
  return r ? viSignedDecimalText(fixedDecimalText(r, 2)) : text;
}

/** Whole numbers with thousands dots: 1.889. */
export function int(n: number | null | undefined): string {
  return n === null || n === undefined ? vi.dash : formatRational({ n: BigInt(n), d: 1n }, 0);
}

/** A decimal text to a number for sorting only (never for display). */
export function num(text: string | null | undefined): number {
  return text === null || text === undefined ? Number.NEGATIVE_INFINITY : Number(text);
}

export function changeClass(text: string | null | undefined): string {
  if (!text) return '';
  if (text.startsWith('-')) return 'is-down';
  return /^0(\.0+)?$/.test(text) ? '' : 'is-up';
}

/** A fraction 0–1 as a percentage with 2 decimals: "0.8125" → "81,25%". */
export function fractionPct(text: string | null | undefined): string {
  if (text === null || text === undefined) return vi.dash;
  const r = parseDecimal(text);
  return r ? `${formatRational(mul(r, HUNDRED), 2)}%` : text;
}
