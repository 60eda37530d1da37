import { memo, type KeyboardEvent, type RefObject } from 'react';
import type { DossierNode, DossierView } from '../../../shared/contract/dossier.ts';
import { pts } from '../../components/format.ts';
import { LockIcon, NoDocIcon, NoteIcon, WarnIcon } from '../../components/icons.tsx';
import { vi } from '../../i18n/vi.ts';
import { differsFromSelf, selfChanged, selfScore } from './model.ts';

export interface RowState {
  readonly node: DossierNode;
  /** My score as shown now (local while typing), or null. */
  readonly mine: string | null;
  readonly hasComment: boolean;
  readonly exempted: 'self' | 'ancestor' | null;
  readonly locked: boolean;
  readonly invalid: boolean;
}

const L = vi.dossier.list;

const Row = memo(function Row({
  row,
  selected,
  fieldTotals,
  onSelect,
}: {
  row: RowState;
  selected: boolean;
  fieldTotals: DossierView['totals']['fields'][number] | undefined;
  onSelect: (code: string) => void;
}) {
  const { node } = row;
  const self = node.leaf ? selfScore(node) : null;
  const changed = node.leaf && selfChanged(node);
  const differs = node.leaf && differsFromSelf(row.mine, self);
  const evidenceProblem = node.unitEvidence.some((e) => e.status !== 'ok');
  const noEvidence = node.leaf && node.scoring?.kind !== 'survey' && node.unitEvidence.length === 0;
  const classes = ['crit-row', `depth-${Math.min(node.depth, 3)}`, node.leaf ? 'is-leaf' : 'is-group'];
  if (row.locked) classes.push('is-locked');
  if (row.exempted) classes.push('is-exempted');
  return (
    <tr
      id={`crit-${node.code}`}
      className={classes.join(' ')}
      data-code={node.code}
      aria-selected={selected}
      tabIndex={selected ? 0 : -1}
      onClick={() => onSelect(node.code)}
      onFocus={() => onSelect(node.code)}
    >
      <td className="c-code">{node.code}</td>
      <td className="c-title">
        <span className="crit-title" title={node.title}>
          {node.title}
        </span>
      </td>
      <td className="c-num">{pts(node.maxPoints)}</td>
      <td className={`c-num c-self${changed ? ' self-changed' : ''}`} title={changed ? L.selfChanged : undefined}>
        {node.leaf && changed && (
          <>
            <span className="self-r1">{pts(node.round1?.score)}</span>
            <span aria-hidden="true"> → </span>
          </>
        )}
        {node.leaf ? pts(self) : ''}
      </td>
      <td
        className={`c-num c-mine${differs ? ' differs' : ''}${row.invalid ? ' invalid' : ''}`}
        title={differs ? L.differs : undefined}
      >
        {node.leaf ? (
          row.exempted ? (
            <span
              className="flag flag-exempt"
              title={node.exemption?.status === 'proposed' ? L.exemptionProposed : L.exempted}
            >
              {vi.grid.exempt}
            </span>
          ) : row.mine !== null ? (
            pts(row.mine)
          ) : (
            <span className="muted" role="img" aria-label={L.notAppraised}>
              ·
            </span>
          )
        ) : node.depth === 0 && fieldTotals ? (
          <span className="field-sum">
            {vi.dossier.fields.of(pts(fieldTotals.points, 2), pts(fieldTotals.benchmark, 2))}
          </span>
        ) : (
          ''
        )}
      </td>
      <td className="c-flags">
        {row.exempted === 'self' && !node.leaf && (
          <span
            className="flag flag-exempt"
            title={node.exemption?.status === 'proposed' ? L.exemptionProposed : L.exempted}
          >
            {vi.grid.exempt}
          </span>
        )}
        {node.exemptable && !row.exempted && (
          <span
            className="flag flag-exemptable"
            title={vi.bulk.exemptableHint}
            role="img"
            aria-label={vi.bulk.exemptableHint}
            data-testid="exemptable"
          >
            ↓ĐC
          </span>
        )}
        {evidenceProblem && (
          <span className="flag flag-danger">
            <WarnIcon label={L.evidenceProblem} />
          </span>
        )}
        {noEvidence && !row.exempted && (
          <span className="flag flag-muted">
            <NoDocIcon label={L.noEvidence} />
          </span>
        )}
        {row.hasComment && (
          <span className="flag flag-note">
            <NoteIcon label={L.comment} />
          </span>
        )}
        {row.locked && node.leaf && (
          <span className="flag flag-lock">
            <LockIcon label={L.readOnly} />
          </span>
        )}
      </td>
    </tr>
  );
});

export function CriteriaList({
  rows,
  selected,
  fields,
  onSelect,
  onKeyDown,
  tableRef,
}: {
  rows: readonly RowState[];
  selected: string | null;
  fields: DossierView['totals']['fields'];
  onSelect: (code: string) => void;
  onKeyDown: (e: KeyboardEvent<HTMLTableElement>) => void;
  tableRef: RefObject<HTMLTableElement | null>;
}) {
  return (
    <table
      className="crit-table"
      role="grid"
      aria-label={L.label}
      ref={tableRef}
      onKeyDown={onKeyDown}
      data-testid="criteria"
    >
      <thead>
        <tr>
          <th scope="col" className="c-code">
            {L.code}
          </th>
          <th scope="col" className="c-title">
            {L.title}
          </th>
          <th scope="col" className="c-num">
            {L.max}
          </th>
          <th scope="col" className="c-num c-self">
            {L.self}
          </th>
          <th scope="col" className="c-num c-mine">
            {L.mine}
          </th>
          <th scope="col" className="c-flags">
            <span className="sr-only">{vi.grid.filters}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={6} className="muted empty-cell">
              {L.empty}
            </td>
          </tr>
        )}
        {rows.map((r) => (
          <Row
            key={r.node.code}
            row={r}
            selected={r.node.code === selected}
            fieldTotals={r.node.depth === 0 ? fields.find((f) => f.code === r.node.code) : undefined}
            onSelect={onSelect}
          />
        ))}
      </tbody>
    </table>
  );
}
