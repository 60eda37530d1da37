/** Search and filters of the home list: pure, diacritics-insensitive ("tu phap" finds "Sở Tư pháp"). */
import type { UnitProgress } from '../../../shared/contract/workspace.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import { foldDiacritics } from '../../../shared/format/fold.ts';

export type StatusFilter = 'all' | 'todo' | 'done' | 'noEvidence' | 'exempted';

function fold(s: string): string {
  return foldDiacritics(s).toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

export function filterUnits(
  units: readonly UnitProgress[],
  f: { readonly query: string; readonly group: UnitGroup | ''; readonly status: StatusFilter },
): UnitProgress[] {
  const words = fold(f.query).split(' ').filter(Boolean);
  return units.filter((u) => {
    if (f.group && u.group !== f.group) return false;
    const name = fold(u.name);
    if (!words.every((w) => name.includes(w))) return false;
    switch (f.status) {
      case 'todo':
        return u.appraised < u.total;
      case 'done':
        return u.total > 0 && u.appraised >= u.total;
      case 'noEvidence':
        return u.withoutEvidence > 0;
      case 'exempted':
        return u.exemptions > 0;
      default:
        return true;
    }
  });
}
