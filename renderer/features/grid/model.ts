/** The scoring grid's pure rules: filters, what a cell shows, how a typed cell becomes an input. */
import type { GridView } from '../../../shared/contract/dossier.ts';
import type { Scoring } from '../../../shared/framework/types.ts';
import { sameValue } from '../../components/format.ts';
import { figureText, normaliseFigure } from '../dossier/model.ts';

export type GridRow = GridView['rows'][number];
export type GridCell = GridRow['cells'][number];

export interface GridFilters {
  /** "Còn lại": cells I still have to score (my field, not exempted, no score of mine). */
  readonly left: boolean;
  readonly notAppraised: boolean;
  readonly differs: boolean;
  readonly noEvidence: boolean;
}

export const NO_FILTERS: GridFilters = { left: false, notAppraised: false, differs: false, noEvidence: false };

export function anyFilter(f: GridFilters): boolean {
  return f.left || f.notAppraised || f.differs || f.noEvidence;
}

export function differs(cell: GridCell): boolean {
  return cell.appraised !== null && cell.self !== null && !sameValue(cell.appraised, cell.self);
}

/** A cell passes every active filter (exempted cells pass none). */
export function cellMatches(cell: GridCell, f: GridFilters, row?: Pick<GridRow, 'readOnly'>): boolean {
  if (!anyFilter(f)) return true;
  if (cell.exempted) return false;
  if (f.left && (cell.appraised !== null || row?.readOnly)) return false;
  if (f.notAppraised && cell.appraised !== null) return false;
  if (f.differs && !differs(cell)) return false;
  if (f.noEvidence && cell.hasEvidence) return false;
  return true;
}

/** Rows and unit columns that hold at least one matching cell. */
export function visibleGrid(view: GridView, f: GridFilters): { rows: GridRow[]; unitIds: Set<string>; cells: number } {
  if (!anyFilter(f))
    return {
      rows: [...view.rows],
      unitIds: new Set(view.units.map((u) => u.id)),
      cells: view.rows.length * view.units.length,
    };
  const unitIds = new Set<string>();
  let cells = 0;
  const rows = view.rows.filter((r) => {
    let hit = false;
    for (const c of r.cells) {
      if (cellMatches(c, f, r)) {
        hit = true;
        unitIds.add(c.unitId);
        cells += 1;
      }
    }
    return hit;
  });
  return { rows, unitIds, cells };
}

/** How a cell is edited: keys (Space, digits), typed text ("a/b", a count), or only in the dossier. */
export function editMode(scoring: Scoring): 'keys' | 'text' | 'dossier' {
  switch (scoring.kind) {
    case 'tick':
    case 'timeliness':
      return 'keys';
    case 'proportional':
    case 'percentage':
    case 'count':
    case 'deduction':
      return 'text';
    default:
      return 'dossier';
  }
}

/** The text a cell editor starts with: "12/15", "3". */
export function editText(scoring: Scoring, input: unknown): string {
  const o = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : null;
  if (!o) return '';
  switch (scoring.kind) {
    case 'proportional':
    case 'percentage':
      if (o['percent'] !== undefined) return `${figureText(o['percent'])}%`;
      return o['a'] !== undefined ? `${figureText(o['a'])}/${figureText(o['b'])}` : '';
    case 'count':
      return figureText(o['count']);
    case 'deduction':
      return figureText(o['violations']);
    default:
      return '';
  }
}

/** Typed cell text → the input to save (null clears the score). The core validates it. */
export function parseEditText(scoring: Scoring, text: string): unknown {
  const t = text.trim();
  if (t === '') return null;
  switch (scoring.kind) {
    case 'proportional':
    case 'percentage': {
      if (scoring.kind === 'percentage' && t.endsWith('%')) return { percent: normaliseFigure(t.slice(0, -1), false) };
      const [a = '', b = ''] = t.split('/');
      return { a: normaliseFigure(a, true), b: normaliseFigure(b, true) };
    }
    case 'count':
      return { count: normaliseFigure(t, true) };
    case 'deduction':
      return { violations: normaliseFigure(t, true) };
    default:
      return null;
  }
}
