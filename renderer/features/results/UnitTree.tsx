/**
 * A unit's result as a tree: fields, criteria and sub-criteria with benchmark, points, the
 * source of each score, and a sub-criterion's appraisals, exemption and evidence.
 */
import { Fragment, useMemo, useState } from 'react';
import type { DrillNode, UnitDrilldown } from '../../../shared/report/drilldown.ts';
import { flattenDrill } from '../../../shared/report/drilldown.ts';
import { councilValue } from '../../../shared/report/council-value.ts';
import { pts } from '../../components/format.ts';
import { DocIcon } from '../../components/icons.tsx';
import { resultsText } from '../../i18n/results.ts';
import { vi } from '../../i18n/vi.ts';
import { openEvidence } from '../dossier/evidence-open.ts';
import { p2 } from './format.ts';

const U = resultsText.unit;

function sourceChip(n: DrillNode) {
  if (n.unresolved > 0) {
    return (
      <span className="chip chip-differs r-conflict" title={U.conflictTitle} data-testid="conflict-chip">
        ⚠ {n.leaf ? U.conflict : U.conflictsBelow(n.unresolved)}
      </span>
    );
  }
  // An exempted sub-criterion counts nowhere: no "tạm tính" beside its lowered benchmark.
  if (!n.leaf || !n.source || !n.counted) return null;
  const cls = n.source === 'self' ? 'chip chip-differs' : n.source === 'survey' ? 'chip chip-changed' : 'chip';
  return <span className={cls}>{U.sources[n.source]}</span>;
}

export function Tree({ d }: { d: UnitDrilldown }) {
  const all = useMemo(() => flattenDrill(d.fields), [d]);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const [detail, setDetail] = useState<string | null>(null);
  const toggle = (code: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(code)) n.delete(code);
      else n.add(code);
      return n;
    });
  const visible = (n: DrillNode): boolean => {
    const parts = n.code.split('.');
    for (let i = 1; i < parts.length; i++) if (!open.has(parts.slice(0, i).join('.'))) return false;
    return true;
  };
  return (
    <section className="card r-card r-tree-card" aria-labelledby="tree-title">
      <div className="r-card-head">
        <h2 id="tree-title">{U.treeTitle}</h2>
        <div className="r-card-actions">
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={() => setOpen(new Set(all.filter((n) => !n.leaf).map((n) => n.code)))}
          >
            {U.expandAll}
          </button>
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={() => (setOpen(new Set()), setDetail(null))}
          >
            {U.collapseAll}
          </button>
        </div>
      </div>
      <table className="r-table r-tree" data-testid="drill">
        <colgroup>
          <col className="w-code" />
          <col />
          <col className="w-num" />
          <col className="w-num" />
          <col className="w-num" />
          <col className="w-num" />
          <col className="w-pct" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="c-code">
              {U.colCode}
            </th>
            <th scope="col">{U.colTitle}</th>
            <th scope="col" className="c-num">
              {U.colMax}
            </th>
            <th scope="col" className="c-num" title={U.colSelf1Long}>
              {U.colSelf1}
            </th>
            <th scope="col" className="c-num" title={U.colSelf2Long}>
              {U.colSelf2}
            </th>
            <th scope="col" className="c-num">
              {U.colPoints}
            </th>
            <th scope="col" className="c-num">
              {U.colPercent}
            </th>
          </tr>
        </thead>
        <tbody>
          {all.filter(visible).map((n) => {
            const expandable = !n.leaf;
            const isOpen = expandable ? open.has(n.code) : detail === n.code;
            return (
              <Fragment key={n.code}>
                <tr
                  className={`r-node depth-${n.depth}${n.leaf ? ' is-leaf' : ''}${n.counted ? '' : ' is-exempted'}${isOpen ? ' is-open' : ''}`}
                  data-code={n.code}
                  tabIndex={0}
                  aria-expanded={isOpen}
                  onClick={() => (expandable ? toggle(n.code) : setDetail(isOpen ? null : n.code))}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      if (expandable) toggle(n.code);
                      else setDetail(isOpen ? null : n.code);
                    }
                  }}
                >
                  <td className="c-code">
                    <span className="r-caret" aria-hidden="true">
                      {isOpen ? '▾' : '▸'}
                    </span>
                    {n.code}
                  </td>
                  <td className="r-node-title">
                    <span>{n.title}</span> {!n.counted && <span className="chip chip-approved">{U.exempted}</span>}
                    {n.counted && n.exemption?.status === 'proposed' && (
                      <span className="chip chip-proposed">{U.exemptionProposed}</span>
                    )}{' '}
                    {sourceChip(n)}
                  </td>
                  <td className="c-num">{pts(n.counted ? n.benchmark : n.max)}</td>
                  <td className="c-num">{pts(n.self1)}</td>
                  <td className="c-num">{pts(n.self2)}</td>
                  <td className="c-num r-points" title={n.unresolved > 0 ? U.conflictTitle : undefined}>
                    {n.leaf && n.unresolved > 0 ? (
                      <span className="r-conflict-points">{U.conflict}</span>
                    ) : (
                      pts(n.points)
                    )}
                  </td>
                  <td className="c-num">{n.percent === null ? vi.dash : p2(n.percent)}</td>
                </tr>
                {n.leaf && isOpen && (
                  <tr className="r-detail-row">
                    <td colSpan={7}>
                      <LeafDetail n={n} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function LeafDetail({ n }: { n: DrillNode }) {
  return (
    <div className="r-leaf" data-testid="leaf-detail" data-code={n.code}>
      {n.exemption && (
        <p className="r-leaf-exemption">
          <strong>{n.counted ? U.exemptionProposed : U.exempted}:</strong> {n.exemption.reason}
          {n.exemption.legalBasis && (
            <>
              {' '}
              · {U.legalBasis}: {n.exemption.legalBasis}
            </>
          )}
        </p>
      )}
      {n.unresolved > 0 && (
        <p className="notice" role="note" data-testid="leaf-conflict">
          ⚠{' '}
          {U.conflictSides(
            councilValue(n)
              .sides.map((x) => `${x.memberName}: ${pts(x.score)}`)
              .join('; '),
          )}
        </p>
      )}
      {n.final && (
        <p>
          <strong>{U.final(pts(n.final.score))}</strong>
          {n.final.reason && ` — ${n.final.reason}`}
        </p>
      )}
      {n.explanation.trim() !== '' && (
        <p>
          <strong>{U.explanation}:</strong> {n.explanation}
        </p>
      )}
      <div className="r-leaf-cols">
        <div>
          <h3>{U.appraisals}</h3>
          {n.appraisals.length === 0 ? (
            <p className="muted">{U.noAppraisals}</p>
          ) : (
            <ul className="r-appraisals" data-testid="appraisals">
              {n.appraisals.map((a) => (
                <li key={a.memberId} className={a.assigned ? '' : 'is-unassigned'}>
                  <span className="r-appr-score">{pts(a.score)}</span> <strong>{a.memberName}</strong>
                  {!a.assigned && <span className="muted"> ({U.notAssigned})</span>}
                  {a.comment.trim() !== '' && <span className="r-appr-comment">“{a.comment}”</span>}
                  {a.evidence.length > 0 && (
                    <span className="r-appr-ev">
                      {a.evidence.map((e) => (
                        <button
                          key={`${e.evidenceId}-${e.page}`}
                          type="button"
                          className="link-button"
                          onClick={() => void openEvidence(e.evidenceId, e.page)}
                          title={U.openEvidence(e.title)}
                        >
                          <DocIcon /> {e.title}
                          {e.page ? ` (${U.page(e.page)})` : ''}
                        </button>
                      ))}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>{U.evidence}</h3>
          {n.evidence.length === 0 ? (
            <p className="muted">{U.noEvidence}</p>
          ) : (
            <ul className="r-evidence" data-testid="evidence">
              {n.evidence.map((e) => (
                <li key={`${e.evidenceId}-${e.page}`}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => void openEvidence(e.evidenceId, e.page)}
                    title={U.openEvidence(e.title)}
                  >
                    <DocIcon /> {e.title}
                  </button>
                  {e.page ? <span className="muted"> · {U.page(e.page)}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
