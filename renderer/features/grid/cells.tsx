/** The scoring grid's rows (a sub-criterion with its cells by unit) and how a cell and a row title are drawn. */
import type { ICellRendererParams } from 'ag-grid-community';
import type { GridView } from '../../../shared/contract/dossier.ts';
import { pts } from '../../components/format.ts';
import { LockIcon } from '../../components/icons.tsx';
import { vi } from '../../i18n/vi.ts';
import type { GridCell, GridRow } from './model.ts';

const G = vi.grid;

export type RowData = GridRow & { readonly byUnit: Readonly<Record<string, GridCell>> };

export function toRows(view: GridView): RowData[] {
  return view.rows.map((r) => ({ ...r, byUnit: Object.fromEntries(r.cells.map((c) => [c.unitId, c])) }));
}

export function Cell(p: ICellRendererParams<RowData> & { unitId: string }) {
  const cell = p.data?.byUnit[p.unitId];
  if (!cell) return null;
  if (cell.exempted) return <span className="g-exempt">{G.exempt}</span>;
  return (
    <span className="g-cell">
      <span className="g-mine">{cell.appraised !== null ? pts(cell.appraised) : vi.dash}</span>
      <span className="g-self">
        {G.selfShort} {pts(cell.self)}
      </span>
      {!cell.hasEvidence && <span className="g-noev" title={G.legendNoEvidence} />}
    </span>
  );
}

export function TitleCell(p: ICellRendererParams<RowData>) {
  if (!p.data) return null;
  return (
    <span className="g-title" title={p.data.title}>
      {p.data.readOnly && <LockIcon label={G.legendReadOnly} />}
      {p.data.exemptable && (
        <span
          className="flag flag-exemptable g-exemptable"
          title={vi.bulk.exemptableHint}
          role="img"
          aria-label={vi.bulk.exemptableHint}
        >
          ↓ĐC
        </span>
      )}{' '}
      {p.data.title}
    </span>
  );
}
