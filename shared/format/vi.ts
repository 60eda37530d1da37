/**
 * vi-VN formats for the UI and documents: decimal comma, dot for thousands
 * (83,84%; 1.889), dates dd/mm/yyyy. Decimal half-up, never binary rounding.
 */
import { type Rational, fromNumber, roundHalfUpScaled, scaledToString } from '../decimal/rational.ts';

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "1234.5" (plain decimal text) → "1.234,5". */
export function viDecimalText(plain: string): string {
  const neg = plain.startsWith('-');
  const body = neg ? plain.slice(1) : plain;
  const [i = '0', f] = body.split('.');
  const out = f === undefined ? groupThousands(i) : `${groupThousands(i)},${f}`;
  return neg ? `-${out}` : out;
}

/** A scaled integer (8384n at 2 places) → "83,84". */
export function formatScaled(v: bigint, places: number): string {
  return viDecimalText(scaledToString(v, places));
}

/** An exact value, half up to `places` decimals: 76.195 → "76,20". */
export function formatRational(v: Rational, places = 2): string {
  return formatScaled(roundHalfUpScaled(v, places), places);
}

/** A JS number at its shortest decimal spelling, half up: formatNumber(1889, 0) → "1.889". */
export function formatNumber(v: number, places = 2): string {
  return formatRational(fromNumber(v), places);
}

export function formatPercent(v: number | Rational, places = 2): string {
  return `${typeof v === 'number' ? formatNumber(v, places) : formatRational(v, places)}%`;
}

/** Points with the decimals they need, up to `maxPlaces`: 17.5 → "17,5", 11 → "11". */
export function formatPoints(v: number | Rational, maxPlaces = 2): string {
  const r = typeof v === 'number' ? fromNumber(v) : v;
  const s = scaledToString(roundHalfUpScaled(r, maxPlaces), maxPlaces);
  const trimmed = s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
  return viDecimalText(trimmed);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** dd/mm/yyyy of a calendar date (year, month 1–12, day). */
export function formatDateParts(year: number, month: number, day: number): string {
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** dd/mm/yyyy of an ISO date or date-time string ("2024-03-15" or "2024-03-15T08:00:00Z", local part taken). */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/**
 * Reads a number typed or exported in either convention: with a comma it is
 * Vietnamese ("1.234,56", "83,84"); without one it is a plain decimal ("94.00").
 * A space may only separate thousands ("1 234,5"): "51 34" is ambiguous and refused.
 * Returns plain decimal text, or null (also for more than 40 characters).
 */
export function parseViNumber(text: string): string | null {
  let t = text.trim().replace(/%$/, '').trimEnd();
  if (t.length > 40) return null; // no score, count or index is written with more characters
  // Spaces inside a number only as a thousands separator ("1 234,5"); "51 34" is refused, not read as 5134.
  if (/[\s\u00a0\u202f]/.test(t)) {
    if (!/^-?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$/.test(t)) return null;
    t = t.replace(/[ \u00a0\u202f]/g, '');
  }
  if (t.includes(',')) {
    if (/^-?\d{1,3}(\.\d{3})*,\d+$/.test(t) || /^-?\d+,\d+$/.test(t)) return t.replace(/\./g, '').replace(',', '.');
    return null;
  }
  return /^-?\d+(\.\d+)?$/.test(t) ? t : null;
}

/**
 * The place-and-date line of Decree 30/2020: "Sóc Trăng, ngày 15 tháng 3 năm 2024".
 * Days below 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 02").
 */
export function placeDateLine(place: string, year: number, month: number, day: number): string {
  return `${place}, ngày ${pad2(day)} tháng ${month < 3 ? pad2(month) : String(month)} năm ${year}`;
}
