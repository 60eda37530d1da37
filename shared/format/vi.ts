/**
 * vi-VN formats for the UI and documents: decimal comma, dot for thousands
 * (83,84%; 1.889), dates dd/mm/yyyy. Decimal half-up, never binary rounding.
 */
import { type Rational, fromNumber } from '../decimal/rational.ts';
import { fixedDecimalText, roundedDecimalText, scaledDecimalText } from '../decimal/text.ts';

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

/** Decimal text with a sign for changes: "1.23" → "+1,23", "-0.5" → "-0,5", "0.00" → "0,00". */
export function viSignedDecimalText(plain: string): string {
  const t = viDecimalText(plain);
  return plain.startsWith('-') || /^0(\.0+)?$/.test(plain) ? t : `+${t}`;
}

/** A scaled integer (8384n at 2 places) → "83,84". */
export function formatScaled(v: bigint, places: number): string {
  return viDecimalText(scaledDecimalText(v, places));
}

/** An exact value, half up to `places` decimals: 76.195 → "76,20". */
export function formatRational(v: Rational, places = 2): string {
  return viDecimalText(fixedDecimalText(v, places));
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
  return viDecimalText(roundedDecimalText(typeof v === 'number' ? fromNumber(v) : v, maxPlaces));
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** dd/mm/yyyy of a calendar date (year, month 1–12, day). */
function formatDateParts(year: number, month: number, day: number): string {
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/**
 * Vietnam's clock: Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving since 1975), so
 * a fixed offset gives its wall clock without depending on the machine's zone or ICU data.
 */
const VN_UTC_OFFSET_MINUTES = 7 * 60;

export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** Vietnam's wall clock at an instant (ISO date-time with Z or an offset); null when it is not one. */
export function vnWallClock(iso: string): WallClock | null {
  if (!/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(iso.trim())) return null;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const d = new Date(t + VN_UTC_OFFSET_MINUTES * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The ISO instant at which a Vietnamese calendar day starts (or, with `end`, its last millisecond). */
export function vnDayStart(year: number, month: number, day: number, end = false): string {
  const t =
    Date.UTC(year, month - 1, day, end ? 23 : 0, end ? 59 : 0, end ? 59 : 0, end ? 999 : 0) -
    VN_UTC_OFFSET_MINUTES * 60_000;
  return new Date(t).toISOString();
}

/**
 * dd/mm/yyyy of an ISO date ("2024-03-15", taken as written) or of an instant
 * ("2024-03-14T20:00:00Z" → 15/03/2024: the date in Vietnam, not in UTC).
 */
export function formatIsoDate(iso: string): string {
  const w = vnWallClock(iso);
  if (w) return formatDateParts(w.year, w.month, w.day);
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** "15/03/2024 08:05" (with `seconds`, "…:12") in Vietnam's time of an ISO instant; the text itself when it is not one. */
export function formatIsoDateTime(iso: string, seconds = false): string {
  const w = vnWallClock(iso);
  if (!w) return iso;
  return `${formatDateParts(w.year, w.month, w.day)} ${pad2(w.hour)}:${pad2(w.minute)}${seconds ? `:${pad2(w.second)}` : ''}`;
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
