/** vi-VN display of the exchange screens: dates dd/mm/yyyy (local time), counts with a dot for thousands, short hashes. */
import { formatNumber } from '../../../shared/format/vi.ts';

const pad = (v: number) => String(v).padStart(2, '0');

function local(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "15/03/2024" (local date of an ISO date-time). */
export function day(iso: string | null | undefined): string {
  const d = iso ? local(iso) : null;
  return d ? `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}` : '—';
}

/** "15/03/2024 08:05" */
export function when(iso: string | null | undefined): string {
  const d = iso ? local(iso) : null;
  return d ? `${day(iso)} ${pad(d.getHours())}:${pad(d.getMinutes())}` : '—';
}

/** "15/03/2024 08:05:12" */
export function whenSeconds(iso: string | null | undefined): string {
  const d = iso ? local(iso) : null;
  return d ? `${when(iso)}:${pad(d.getSeconds())}` : '—';
}

/** "1.889" */
export function count(v: number): string {
  return formatNumber(v, 0);
}

/** The first 16 hex digits of a hash in groups of 4, for reference ("3F9A 01C2 7B44 E0D1"). */
export function shortHash(hex: string | null | undefined): string {
  if (!hex) return '—';
  return hex.slice(0, 16).toUpperCase().replace(/(.{4})(?=.)/g, '$1 ');
}

/** A whole sha256 in 16 groups of 4 (snapshot hashes are compared in full). */
export function fullHash(hex: string): string {
  return hex.toUpperCase().replace(/(.{4})(?=.)/g, '$1 ');
}

/** "dd/mm/yyyy" typed → the ISO instant of that local day's start (or end); null when it is not a date. */
export function parseDay(text: string, end = false): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = end ? new Date(y, mo - 1, d, 23, 59, 59, 999) : new Date(y, mo - 1, d, 0, 0, 0, 0);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date.toISOString();
}
