/**
 * What an intake would write, before it is committed: the items with the recomputed score, totals, files found,
 * missing or not cited, and the round-2 changes.
 */
import { fileSizeText } from '../../../shared/contract/files.ts';
import type { IntakePreview } from '../../../shared/contract/intake.ts';
import { pts } from '../../components/format.ts';
import { intakeText } from '../../i18n/intake.ts';

export function PreviewView({ p }: { p: IntakePreview }) {
  const P = intakeText.preview;
  const dups = p.files.found.filter((f) => f.duplicateOf !== null).length;
  return (
    <section className="card" data-testid="intake-preview-card">
      <h2>{P.title(p.unitName, p.round)}</h2>
      <div className="i-facts">
        <span className="i-fact">
          <span className="muted">{P.items}</span>
          <b>{p.totals.items}</b>
        </span>
        <span className="i-fact">
          <span className="muted">{P.max}</span>
          <b>{pts(p.totals.maxPoints)}</b>
        </span>
        <span className="i-fact" data-testid="intake-total">
          <span className="muted">{P.total}</span>
          <b>{pts(p.totals.score)}</b>
        </span>
        {p.totals.claimed !== null && (
          <span className={`i-fact${p.totals.differs ? ' i-differs' : ''}`} data-testid="intake-claimed">
            <span className="muted">{P.unitTotal}</span>
            <b>
              {pts(p.totals.claimed)}
              {p.totals.differs ? ` (${P.differs})` : ''}
            </b>
          </span>
        )}
      </div>
      <div className="i-chips" aria-label={P.files}>
        <span className="i-chip">{P.found(p.files.found.length)}</span>
        <span className={`i-chip${p.files.missing.length ? ' i-chip-bad' : ''}`} data-testid="intake-missing-count">
          {P.missing(p.files.missing.length)}
        </span>
        <span className={`i-chip${p.files.notCited.length ? ' i-chip-warn' : ''}`}>
          {P.notCited(p.files.notCited.length)}
        </span>
        {p.files.stored.length > 0 && <span className="i-chip">{P.stored(p.files.stored.length)}</span>}
        {dups > 0 && <span className="i-chip">{P.duplicates(dups)}</span>}
      </div>
      {p.files.missing.length > 0 && (
        <div className="i-missing" data-testid="intake-missing">
          <strong>{P.missingTitle}</strong>
          <ul>
            {p.files.missing.map((m) => (
              <li key={m.fileName}>
                <code>{m.fileName}</code> — {P.missingRow(m.codes.join(', '), m.rows.join(', '))}
              </li>
            ))}
          </ul>
          <p>{P.cannotCommit}</p>
        </div>
      )}
      <div className="i-grid2">
        {p.files.notCited.length > 0 && (
          <div className="i-notcited" data-testid="intake-notcited">
            <strong>{P.notCitedTitle}</strong>
            <ul>
              {p.files.notCited.slice(0, 12).map((f) => (
                <li key={f.path}>
                  <code>{f.path}</code> ({fileSizeText(f.size)})
                </li>
              ))}
            </ul>
          </div>
        )}
        {p.exemptions.length > 0 && (
          <div data-testid="intake-exemptions">
            <strong>{P.exemptions}</strong>
            <ul>
              {p.exemptions.map((e) => (
                <li key={e.code}>
                  <b>{e.code}</b>: {e.reason}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {p.changes !== null && <Changes p={p} />}
      <h3>{P.itemsTitle}</h3>
      <div className="i-table-wrap">
        <table className="data-table" data-testid="intake-items">
          <thead>
            <tr>
              <th>{P.cols.code}</th>
              <th>{P.cols.title}</th>
              <th>{P.cols.entered}</th>
              <th className="c-num">{P.cols.score}</th>
              <th className="c-num">{P.cols.claimed}</th>
              <th>{P.cols.evidence}</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((it) => (
              <tr key={it.code}>
                <td>{it.code}</td>
                <td>{it.title}</td>
                <td>{it.lowered ? `${P.exemptions}: ${it.lowered}` : it.inputText}</td>
                <td className="c-num">{it.score === null ? '—' : pts(it.score)}</td>
                <td className={`c-num${it.differs ? ' i-differs' : ''}`}>
                  {it.claimed === null ? '' : pts(it.claimed)}
                </td>
                <td>
                  {it.citations.map((c, i) => (
                    <span key={i} className={c.status === 'missing' ? 'i-status-missing' : ''}>
                      {i > 0 ? '; ' : ''}
                      {c.fileName}
                      {c.page ? ` (tr. ${c.page})` : ''} [{P.status[c.status]}]
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Changes({ p }: { p: IntakePreview }) {
  const P = intakeText.preview;
  const changes = p.changes ?? [];
  return (
    <div data-testid="intake-changes">
      <h3>
        {P.changesTitle} ({changes.length})
      </h3>
      {changes.length === 0 ? (
        <p className="hint">{P.noChanges}</p>
      ) : (
        <div className="i-table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th>{P.cols.code}</th>
                <th>{P.cols.title}</th>
                <th>{P.cols.before}</th>
                <th>{P.cols.after}</th>
                <th>{P.cols.what}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.code}>
                  <td>{c.code}</td>
                  <td>{c.title}</td>
                  <td>
                    {c.beforeInput} {c.before !== null && <b>→ {pts(c.before)}</b>}
                  </td>
                  <td>
                    {c.afterInput}{' '}
                    {c.after !== null && <b className={c.before !== c.after ? 'i-differs' : ''}>→ {pts(c.after)}</b>}
                  </td>
                  <td>
                    {[
                      c.before !== c.after ? P.scoreChanged : null,
                      c.explanationChanged ? P.explanationChanged : null,
                      c.evidenceChanged ? P.evidenceChanged : null,
                    ]
                      .filter(Boolean)
                      .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
