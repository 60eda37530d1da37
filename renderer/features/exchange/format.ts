/** vi-VN display of the exchange screens: dates dd/mm/yyyy (Vietnam's time, UTC+7), counts with a dot for thousands, short hashes. */
import { formatIsoDate, formatIsoDateTime, formatNumber, vnDayStart, vnWallClock } from '../../../shared/format/vi.ts';

/** "15/03/2024" (the date in Vietnam of an ISO date-time). */
export function day(iso: string | null | undefined): string {
  return iso && vnWallClock(iso) ? formatIsoDate(iso) : '—';
}

/** "15/03/2024 08:05" */
export function when(iso: string | null | undefined): string {
  return iso && vnWallClock(iso) ? formatIsoDateTime(iso) : '—';
}

/** "15/03/2024 08:05:12" */
export function whenSeconds(iso: string | null | undefined): string {
  return iso && vnWallClock(iso) ? formatIsoDateTime(iso, true) : '—';
}

/** "1.889" */
export function count(v: number): string {
  return formatNumber(v, 0);
}

/** The first 16 hex digits of a hash in groups of 4, for reference ("3F9A 01C2 7B44 E0D1"). */
export function shortHash(hex: string | null | undefined): string {
  if (!hex) return '—';
  return hex
    .slice(0, 16)
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, '$1 ');
}

/** A whole sha256 in 16 groups of 4 (snapshot hashes are compared in full). */
export function fullHash(hex: string): string {
  return hex.toUpperCase().replace(/(.{4})(?=.)/g, '$1 ');
}

/** "dd/mm/yyyy" typed → the ISO instant of that Vietnamese day's start (or end); null when it is not a date. */
export function parseDay(text: string, end = false): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return vnDayStart(y, mo, d, end);
}
