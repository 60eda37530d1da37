/** Window bounds kept between runs, checked against the screens that exist now. Pure. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 900, height: 600 } as const;

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 100_000;
}

/**
 * Saved bounds when they are well-formed, at least the minimum size and still visible
 * (at least 100×50 px of the window on one of the current work areas); otherwise null.
 */
export function restoreBounds(saved: unknown, workAreas: readonly Rect[]): Rect | null {
  if (typeof saved !== 'object' || saved === null) return null;
  const b = saved as Record<string, unknown>;
  if (!isInt(b.x) || !isInt(b.y) || !isInt(b.width) || !isInt(b.height)) return null;
  if (b.width < MIN_SIZE.width || b.height < MIN_SIZE.height) return null;
  const rect: Rect = { x: b.x, y: b.y, width: b.width, height: b.height };
  const visible = workAreas.some((a) => {
    const w = Math.min(rect.x + rect.width, a.x + a.width) - Math.max(rect.x, a.x);
    const h = Math.min(rect.y + rect.height, a.y + a.height) - Math.max(rect.y, a.y);
    return w >= 100 && h >= 50;
  });
  return visible ? rect : null;
}

/** Display preferences kept between runs. */
export interface Preferences {
  /** Page zoom (menu Xem › Phóng to / Thu nhỏ), 0.5–3. */
  readonly zoomFactor: number;
}

const DEFAULT_PREFERENCES: Preferences = { zoomFactor: 1 };

/** Stored preferences, each value checked; anything malformed falls back to its default. */
export function restorePreferences(saved: unknown): Preferences {
  if (typeof saved !== 'object' || saved === null) return DEFAULT_PREFERENCES;
  const z = (saved as Record<string, unknown>).zoomFactor;
  const zoomFactor =
    typeof z === 'number' && Number.isFinite(z) && z >= 0.5 && z <= 3 ? z : DEFAULT_PREFERENCES.zoomFactor;
  return { zoomFactor };
}
