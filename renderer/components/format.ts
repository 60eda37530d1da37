/** Display of the core's exact decimal strings in vi-VN (decimal comma, half up). Never Number(x).toFixed. */
import { type Rational, parseDecimal, parseDecimalOrThrow, rat } from '../../shared/decimal/rational.ts';
import { formatPercent, formatPoints, formatRational } from '../../shared/format/vi.ts';
import { vi } from '../i18n/vi.ts';

/** Points with the decimals they need, up to 3 ("0,245", "17,5", "1"); "—" when there is none. */
export function pts(text: string | null | undefined, maxPlaces = 3): string {
  return text === null || text === undefined ? vi.dash : formatPoints(parseDecimalOrThrow(text), maxPlaces);
}

/** Points of a Rational, same rule. */
export function ptsR(r: Rational | null, maxPlaces = 3): string {
  return r ? formatPoints(r, maxPlaces) : vi.dash;
}

/** A published figure with exactly 2 decimals: "64,68". */
export function fixed2(text: string): string {
  return formatRational(parseDecimalOrThrow(text), 2);
}

/** A published percentage: "83,84%". */
export function pct(text: string): string {
  return formatPercent(parseDecimalOrThrow(text), 2);
}

/** Are two decimal strings the same value ("0.5" and "0.50")? */
export function sameValue(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return (a ?? null) === (b ?? null);
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  return !!x && !!y && x.n === y.n && x.d === y.d;
}

/** Points still needed, with exactly 2 decimals, rounded up (never less than needed): 1,2301 → "1,24". */
export function ptsNeeded(text: string): string {
  const r = parseDecimalOrThrow(text);
  const scaled = r.n * 100n;
  const up = scaled / r.d + (scaled % r.d > 0n ? 1n : 0n);
  return formatRational(rat(up, 100n), 2);
}

/** Points with exactly 2 decimals, half up: "0,50". */
export function pts2(r: Rational): string {
  return formatRational(r, 2);
}
