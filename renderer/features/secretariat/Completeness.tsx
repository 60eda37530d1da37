/**
 * Mức độ hoàn thành: units × fields, appraised / total sub-criteria per cell (exempted ones
 * left out), with open conflicts, pending exemptions, exemptions without a reason and
 * missing evidence marked; the totals and what blocks finalisation.
 */
import { Fragment } from 'react';
import type { CompletenessCell, CompletenessView } from '../../../shared/contract/council.ts';
import { groupLabel, groupsOf } from '../../app/groups.ts';
import { api } from '../../api/client.ts';
import { hrefFor } from '../../app/route.ts';
import { Loading, LoadFailed } from '../../components/LoadState.tsx';
import { useLoad } from '../../components/use-load.ts';
import { exchangeText } from '../../i18n/exchange.ts';
import { count } from '../exchange/format.ts';
import { exchangePaths } from './paths.ts';
import { StepHead } from './StepHead.tsx';

const M = exchangeText.completeness;

export function Completeness() {
  const [load, reload] = useLoad(() => api.secretariat.completeness(), 'completeness');
  return (
    <>
      <StepHead title={M.title} lead={M.lead} />
      {load.state === 'loading' && <Loading />}
      {load.state === 'failed' && <LoadFailed error={load.error} onRetry={reload} />}
      {load.state === 'ready' && <Body view={load.value} />}
    </>
  );
}

/** The readiness summary (also shown on the finalise step). */
export function Readiness({ view }: { view: CompletenessView }) {
  const t = view.totals;
  const pct = t.total === 0 ? 100 : Math.floor((t.appraised / t.total) * 1000) / 10;
  const stat = (label: string, v: number, testId: string) => (
    <div className={`s-stat${v > 0 ? ' s-stat-bad' : ''}`} data-testid={testId}>
      <span className="s-stat-v">{count(v)}</span>
      <span className="s-stat-l">{label}</span>
    </div>
  );
  return (
    <section className="card s-ready" aria-label={M.title} data-testid="readiness" data-ready={String(view.ready)}>
      <div className="s-ready-top">
        <p className="x-strong" data-testid="appraised-total">
          {M.appraised(t.appraised, t.total)}
        </p>
        <progress
          className="bar bar-large s-ready-bar"
          max={100}
          value={pct}
          aria-label={M.appraised(t.appraised, t.total)}
        />
      </div>
      <div className="s-stats">
        {stat(M.openConflicts, t.openConflicts, 'stat-conflicts')}
        {stat(M.pending, t.exemptionsPending, 'stat-pending')}
        {stat(M.withoutReason, t.exemptionsWithoutReason, 'stat-without-reason')}
        {stat(M.missingEvidence, t.missingEvidence, 'stat-missing-evidence')}
      </div>
      {view.cycle.status === 'finalised' ? (
        <p className="notice" data-testid="ready-state">
          {M.finalised}
        </p>
      ) : view.ready ? (
        <p className="notice s-notice-ok" data-testid="ready-state">
          {M.ready}
        </p>
      ) : (
        <div className="s-blockers" data-testid="ready-state">
          <p className="x-strong">{view.readyIgnoringEvidence ? M.readyButEvidence : M.blockers}</p>
          <ul>
            {view.blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Body({ view }: { view: CompletenessView }) {
  return (
    <>
      <Readiness view={view} />
      <div className="s-matrix-bar">
        <p className="s-legend" aria-label={M.legend}>
          <span className="s-mcell s-mcell-complete">{M.legendComplete}</span>
          <span className="s-mcell s-mcell-incomplete">{M.legendIncomplete}</span>
          <span className="s-flag s-flag-conflict" aria-hidden="true">
            !
          </span>
          {M.legendConflict}
          <span className="s-flag s-flag-pending" aria-hidden="true">
            H
          </span>
          {M.legendPending}
          <span className="s-flag s-flag-evidence" aria-hidden="true">
            T
          </span>
          {M.legendEvidence}
        </p>
        {view.cycle.status === 'open' && (
          <a className="button button-secondary button-small" href={hrefFor(exchangePaths.tab('chot'))}>
            {M.toFinalise}
          </a>
        )}
      </div>
      <table className="data-table s-matrix" data-testid="matrix">
        <thead>
          <tr>
            <th>{M.unit}</th>
            {view.fields.map((f) => (
              <th key={f.code} className="s-mh" title={f.title}>
                <span className="s-mh-code">{f.code}</span>
                <span className="s-mh-title">{f.title}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groupsOf(view.rows).map((g) => {
            const rows = view.rows.filter((r) => r.group === g);
            if (rows.length === 0) return null;
            return (
              <Fragment key={g}>
                <tr className="group-row">
                  <th colSpan={view.fields.length + 1}>
                    {groupLabel(g)} ({count(rows.length)})
                  </th>
                </tr>
                {rows.map((r) => (
                  <tr key={r.unitId} data-unit={r.unitId}>
                    <td className="s-m-unit">{r.unitName}</td>
                    {r.cells.map((c, i) => (
                      <td key={view.fields[i]!.code} className="s-m-cell">
                        <Cell cell={c} unit={r.unitName} field={view.fields[i]!.code} />
                      </td>
                    ))}
                  </tr>
                ))}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

function Cell({ cell, unit, field }: { cell: CompletenessCell | null; unit: string; field: string }) {
  if (!cell)
    return (
      <span className="s-mcell s-mcell-na" title={M.na}>
        —
      </span>
    );
  const flags: string[] = [];
  if (cell.openConflicts > 0) flags.push(`${M.legendConflict}: ${count(cell.openConflicts)}`);
  if (cell.exemptionsPending > 0) flags.push(`${M.legendPending}: ${count(cell.exemptionsPending)}`);
  if (cell.exemptionsWithoutReason > 0) flags.push(`${M.withoutReason}: ${count(cell.exemptionsWithoutReason)}`);
  if (cell.missingEvidence > 0) flags.push(`${M.legendEvidence}: ${count(cell.missingEvidence)}`);
  const title = [M.cellTitle(unit, field, cell.appraised, cell.total), ...flags].join('\n');
  return (
    <span
      className={`s-mcell ${cell.complete ? 's-mcell-complete' : 's-mcell-incomplete'}`}
      title={title}
      data-field={field}
      data-complete={String(cell.complete)}
    >
      <span className="s-mcell-v">
        {count(cell.appraised)}/{count(cell.total)}
      </span>
      {cell.openConflicts > 0 && <span className="s-flag s-flag-conflict">!</span>}
      {cell.exemptionsPending + cell.exemptionsWithoutReason > 0 && <span className="s-flag s-flag-pending">H</span>}
      {cell.missingEvidence > 0 && <span className="s-flag s-flag-evidence">T</span>}
      <span className="sr-only">{flags.join('; ')}</span>
    </span>
  );
}
