import { useId, useRef, useState } from 'react';
import { useOnCommand } from '../../components/keys.ts';
import type { DossierNode, DossierView, EvidenceLink } from '../../../shared/contract/dossier.ts';
import { DocIcon, WarnIcon } from '../../components/icons.tsx';
import { vi } from '../../i18n/vi.ts';
import { setEvidence } from './actions.ts';
import { openEvidence } from './evidence-open.ts';
import type { EvidenceRef } from './edits.ts';

const D = vi.dossier.detail;
type Doc = DossierView['documents'][number];

function StatusFlag({ status }: { status: EvidenceLink['status'] }) {
  if (status === 'ok') return null;
  return (
    <span className="flag flag-danger" title={D.evidenceStatusHint[status]} data-testid="evidence-status">
      <WarnIcon /> {D.evidenceStatus[status]}
    </span>
  );
}

/** One document line: title, page, status, Mở (and an action). */
function DocLine({
  doc,
  page,
  action,
}: {
  doc: Pick<Doc, 'evidenceId' | 'title' | 'fileName' | 'status'>;
  page: number | null;
  action?: React.ReactNode;
}) {
  return (
    <li className={`doc${doc.status !== 'ok' ? ' doc-problem' : ''}`}>
      <DocIcon />
      <span className="doc-text">
        <span className="doc-title">{doc.title}</span>
        <span className="doc-meta">
          {doc.fileName}
          {page ? ` · ${D.pageShort(page)}` : ''} <StatusFlag status={doc.status} />
        </span>
      </span>
      <span className="doc-actions">
        <button
          type="button"
          className="button button-small button-secondary"
          disabled={doc.status !== 'ok'}
          title={D.openTitle(doc.title, page)}
          aria-label={D.openTitle(doc.title, page)}
          onClick={() => void openEvidence(doc.evidenceId, page)}
        >
          {D.open}
        </button>
        {action}
      </span>
    </li>
  );
}

/** The unit's evidence for this sub-criterion, with "Dẫn chiếu" to cite it in my appraisal. */
export function UnitEvidence({
  unitId,
  node,
  mine,
  locked,
}: {
  unitId: string;
  node: DossierNode;
  mine: readonly EvidenceRef[];
  locked: boolean;
}) {
  if (node.unitEvidence.length === 0) return <p className="muted">{D.noUnitEvidence}</p>;
  return (
    <ul className="docs" data-testid="unit-evidence">
      {node.unitEvidence.map((e) => {
        const cited = mine.some((m) => m.evidenceId === e.evidenceId && m.page === e.page);
        return (
          <DocLine
            key={`${e.evidenceId}/${e.page}`}
            doc={e}
            page={e.page}
            action={
              !locked && (
                <button
                  type="button"
                  className="button button-small button-quiet"
                  disabled={cited}
                  title={D.citeHint}
                  onClick={() => setEvidence(unitId, node, [...mine, { evidenceId: e.evidenceId, page: e.page }])}
                >
                  {cited ? D.cited : D.cite}
                </button>
              )
            }
          />
        );
      })}
    </ul>
  );
}

/** My citations (document + page), and a row to add one. */
export function MyEvidence({
  unitId,
  node,
  mine,
  documents,
  locked,
  focusSeq,
  onEscape,
}: {
  unitId: string;
  node: DossierNode;
  mine: readonly EvidenceRef[];
  documents: DossierView['documents'];
  locked: boolean;
  focusSeq: number;
  onEscape: () => void;
}) {
  const id = useId();
  const [docId, setDocId] = useState('');
  const [page, setPage] = useState('');
  const select = useRef<HTMLSelectElement>(null);
  useOnCommand(focusSeq, () => select.current?.focus());
  const byId = new Map(documents.map((d) => [d.evidenceId, d]));
  const pageNumber = /^\d{1,6}$/.test(page.trim()) && Number(page) > 0 ? Number(page) : null;
  const add = () => {
    if (!docId) return select.current?.focus();
    const ref = { evidenceId: Number(docId), page: pageNumber };
    if (!mine.some((m) => m.evidenceId === ref.evidenceId && m.page === ref.page))
      setEvidence(unitId, node, [...mine, ref]);
    setDocId('');
    setPage('');
    select.current?.focus();
  };
  return (
    <div
      className="my-evidence"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onEscape();
        }
      }}
    >
      {mine.length === 0 ? (
        <p className="muted">{D.noMyEvidence}</p>
      ) : (
        <ul className="docs" data-testid="my-evidence">
          {mine.map((m, i) => {
            const doc = byId.get(m.evidenceId);
            if (!doc) return null;
            return (
              <DocLine
                key={`${m.evidenceId}/${m.page}/${i}`}
                doc={doc}
                page={m.page}
                action={
                  !locked && (
                    <button
                      type="button"
                      className="button button-small button-quiet"
                      aria-label={D.removeTitle(doc.title)}
                      title={D.removeTitle(doc.title)}
                      onClick={() =>
                        setEvidence(
                          unitId,
                          node,
                          mine.filter((_, j) => j !== i),
                        )
                      }
                    >
                      {D.remove}
                    </button>
                  )
                }
              />
            );
          })}
        </ul>
      )}
      {!locked &&
        (documents.length === 0 ? (
          <p className="muted">{D.noDocuments}</p>
        ) : (
          <div
            className="add-evidence"
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.target as HTMLElement).tagName !== 'BUTTON') {
                e.preventDefault();
                add();
              }
            }}
          >
            <label className="sr-only" htmlFor={`${id}-doc`}>
              {D.document}
            </label>
            <select id={`${id}-doc`} ref={select} value={docId} onChange={(e) => setDocId(e.target.value)}>
              <option value="">{D.chooseDocument}</option>
              {documents.map((d) => (
                <option key={d.evidenceId} value={d.evidenceId}>
                  {d.title}
                  {d.status !== 'ok' ? ` (${D.evidenceStatus[d.status]})` : ''}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-page`}>{D.page}</label>
            <input
              id={`${id}-page`}
              className="page-input"
              type="text"
              inputMode="numeric"
              value={page}
              onChange={(e) => setPage(e.target.value)}
            />
            <button type="button" className="button button-small button-secondary" onClick={add}>
              {D.addEvidence}
            </button>
          </div>
        ))}
    </div>
  );
}
