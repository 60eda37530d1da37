/**
 * Addresses of the results screens (hash routes, like the rest of the app):
 *   #/ket-qua[/<group>|/tat-ca][/linh-vuc]   tables per group (summary or fields), all units
 *   #/ket-qua/don-vi/<unitId>                 a unit's index down to appraisals and evidence, with the what-if
 *   #/ket-qua/bieu-do[/<kind>[/<group>]]      charts
 *   #/ket-qua/nhan-xet                        the narrative
 *   #/nhap-lieu                               survey and previous-year imports
 *   #/van-ban                                 meeting details, documents, exports
 */
import { isGroupCode } from '../../../shared/framework/groups.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';

export type ChartKind = 'index' | 'fields' | 'yoy';
export const CHART_KINDS: readonly ChartKind[] = ['index', 'fields', 'yoy'];

export type ResultsRoute =
  | { readonly name: 'tables'; readonly group: UnitGroup | 'all' | null; readonly view: 'summary' | 'fields' }
  | { readonly name: 'unit'; readonly unitId: string }
  | { readonly name: 'charts'; readonly kind: ChartKind; readonly group: UnitGroup | null }
  | { readonly name: 'narrative' }
  | { readonly name: 'imports' }
  | { readonly name: 'documents' };

export const resultsPaths = {
  results: '/ket-qua',
  imports: '/nhap-lieu',
  documents: '/van-ban',
  tables: (group: UnitGroup | 'all', view: 'summary' | 'fields' = 'summary') =>
    `/ket-qua/${group === 'all' ? 'tat-ca' : group}${view === 'fields' && group !== 'all' ? '/linh-vuc' : ''}`,
  unit: (unitId: string) => `/ket-qua/don-vi/${encodeURIComponent(unitId)}`,
  charts: (kind?: ChartKind, group?: UnitGroup | null) =>
    `/ket-qua/bieu-do${kind ? `/${kind}${group ? `/${group}` : ''}` : ''}`,
  narrative: '/ket-qua/nhan-xet',
};

const isGroup = (s: string | undefined): s is UnitGroup => isGroupCode(s);

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** The results route of a path, or null when the path is not one of these screens. */
export function parseResultsRoute(path: string): ResultsRoute | null {
  const parts = path.split(/[?#]/)[0]!.split('/').filter(Boolean);
  const [head, a, b, c, ...rest] = parts;
  if (head === 'nhap-lieu' && parts.length === 1) return { name: 'imports' };
  if (head === 'van-ban' && parts.length === 1) return { name: 'documents' };
  if (head !== 'ket-qua' || rest.length > 0) return null;
  if (a === undefined) return { name: 'tables', group: null, view: 'summary' };
  if (a === 'tat-ca' && b === undefined) return { name: 'tables', group: 'all', view: 'summary' };
  if (isGroup(a) && c === undefined && (b === undefined || b === 'linh-vuc'))
    return { name: 'tables', group: a, view: b ? 'fields' : 'summary' };
  if (a === 'don-vi' && b !== undefined && c === undefined) {
    const unitId = decode(b);
    return unitId ? { name: 'unit', unitId } : null;
  }
  if (a === 'bieu-do') {
    const kind = (CHART_KINDS as readonly string[]).includes(b ?? '') ? (b as ChartKind) : 'index';
    return { name: 'charts', kind, group: isGroup(c) ? c : null };
  }
  if (a === 'nhan-xet' && b === undefined) return { name: 'narrative' };
  return null;
}
