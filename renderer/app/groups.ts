/**
 * The current cycle's unit groups, as the core sent them with the overview: every screen
 * names and orders groups from here (groups belong to the cycle, not to the app).
 */
import type { UnitGroupInfo } from '../../shared/framework/groups.ts';

let known: readonly UnitGroupInfo[] = [];

export function rememberGroups(groups: readonly UnitGroupInfo[]): void {
  known = [...groups].sort((a, b) => a.sortOrder - b.sortOrder);
}

export function groupLabel(code: string): string {
  return known.find((g) => g.code === code)?.label ?? code;
}

export function groupShort(code: string): string {
  return known.find((g) => g.code === code)?.shortLabel ?? code;
}

/**
 * The group codes present in `items`, in the cycle's order (a code the cycle does not list
 * follows, in the order it first appears).
 */
export function groupsOf(items: readonly { readonly group: string }[]): string[] {
  const present = new Set(items.map((i) => i.group));
  return [...new Set([...known.map((g) => g.code), ...items.map((i) => i.group)])].filter((g) => present.has(g));
}

/** The current cycle's groups, in order. */
export function cycleGroups(): readonly UnitGroupInfo[] {
  return known;
}
