/**
 * Hạ điểm chuẩn: the members' proposals of a lowered benchmark, approved or rejected by the
 * secretariat (a rejection needs a written reason). Only an approved one lowers the
 * unit's benchmark.
 */
import { useId, useState } from 'react';
import type { ExemptionView } from '../../../shared/contract/council.ts';
import type { CodedError } from '../../../shared/errors/codes.ts';
import { api } from '../../api/client.ts';
import { pts } from '../../components/format.ts';
import { Loading, LoadFailed } from '../../components/LoadState.tsx';
import { toastStore } from '../../components/toast-store.ts';
import { useLoad } from '../../components/use-load.ts';
import { exchangeText } from '../../i18n/exchange.ts';
import { CodedMessage } from '../exchange/Coded.tsx';
import { when } from '../exchange/format.ts';
import { ReasonField } from './Reason.tsx';
import { StepHead } from './StepHead.tsx';

const E = exchangeText.exemptions;
type Filter = 'proposed' | 'approved' | 'rejected' | 'all';
const keyOf = (e: { unitId: string; nodeCode: string }) => `${e.unitId}/${e.nodeCode}`;

export function Exemptions() {
  const [filter, setFilter] = useState<Filter>('proposed');
  const [load, reload] = useLoad(() => api.secretariat.exemptions({ status: filter }), `exemptions-${filter}`);
  const [deciding, setDeciding] = useState<{ key: string; decision: 'approved' | 'rejected' } | null>(null);
  return (
    <>
      <StepHead title={E.title} lead={E.lead} />
      <div className="s-filters" role="group" aria-label={E.title}>
        {(['proposed', 'approved', 'rejected', 'all'] as const).map((f) => (
          <button
            key={f}
            type="button"
            className={`s-filter${f === filter ? ' s-filter-on' : ''}`}
            aria-pressed={f === filter}
            onClick={() => (setFilter(f), setDeciding(null))}
          >
            {E.filters[f]}
          </button>
        ))}
      </div>
      {load.state === 'loading' && <Loading />}
      {load.state === 'failed' && <LoadFailed error={load.error} onRetry={reload} />}
      {load.state === 'ready' &&
        (load.value.length === 0 ? (
          <p className="notice" data-testid="exemptions-empty">
            {E.none}
          </p>
        ) : (
          <table className="data-table s-exemptions" data-testid="exemptions">
            <thead>
              <tr>
                <th>{E.unit}</th>
                <th>{E.node}</th>
                <th className="c-num">{E.max}</th>
                <th>{E.reason}</th>
                <th>{E.proposedBy}</th>
                <th>{E.status}</th>
              </tr>
            </thead>
            <tbody>
              {load.value.map((e) => (
                <Row
                  key={keyOf(e)}
                  e={e}
                  deciding={deciding?.key === keyOf(e) ? deciding.decision : null}
                  onDecide={(decision) => setDeciding(decision ? { key: keyOf(e), decision } : null)}
                  onDone={() => {
                    setDeciding(null);
                    reload();
                  }}
                />
              ))}
            </tbody>
          </table>
        ))}
    </>
  );
}

function Row({
  e,
  deciding,
  onDecide,
  onDone,
}: {
  e: ExemptionView;
  deciding: 'approved' | 'rejected' | null;
  onDecide: (d: 'approved' | 'rejected' | null) => void;
  onDone: () => void;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [basis, setBasis] = useState('');
  // A unit's proposal (from its dossier workbook) comes without a legal basis: approving it gives one.
  const needsBasis = deciding === 'approved' && !e.legalBasis.trim();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CodedError | null>(null);
  const decide = async () => {
    if (!deciding) return;
    if (deciding === 'rejected' && !reason.trim())
      return setError({ code: 'EXCHANGE_REASON_REQUIRED', message: exchangeText.common.reasonMissing });
    if (needsBasis && !basis.trim()) return setError({ code: 'EXCHANGE_BASIS_REQUIRED', message: E.basisMissing });
    setBusy(true);
    const r = await api.secretariat.decideExemption({
      unitId: e.unitId,
      nodeCode: e.nodeCode,
      decision: deciding,
      ...(reason.trim() ? { reason } : {}),
      ...(needsBasis ? { legalBasis: basis } : {}),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    toastStore.info(deciding === 'approved' ? E.approved(e.unitName, e.nodeCode) : E.rejected(e.unitName, e.nodeCode));
    onDone();
  };
  return (
    <>
      <tr data-testid="exemption-row" data-key={keyOf(e)}>
        <td className="x-strong">{e.unitName}</td>
        <td>
          <span className="s-code">{e.nodeCode}</span> {e.nodeTitle}
        </td>
        <td className="c-num">{pts(e.maxPoints)}</td>
        <td>
          <p className="s-cell-text">{e.reason}</p>
          <p className={`s-cell-sub${e.legalBasis ? '' : ' s-warn'}`}>
            {E.basis}: {e.legalBasis || E.noBasis}
          </p>
        </td>
        <td>
          {e.proposedByName ?? '—'}
          <span className="s-sub">{when(e.createdAt)}</span>
        </td>
        <td>
          <span className={`chip chip-${e.status}`}>{E.statuses[e.status]}</span>
          {e.status !== 'proposed' && e.decidedBy && (
            <span className="s-sub">{E.decidedBy(e.decidedBy, when(e.decidedAt))}</span>
          )}
          {e.decisionReason && <span className="s-sub x-quote">{e.decisionReason}</span>}
          {e.status === 'proposed' && !deciding && (
            <span className="s-row-actions">
              <button type="button" className="button button-primary button-small" onClick={() => onDecide('approved')}>
                {E.approve}
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => onDecide('rejected')}
              >
                {E.reject}
              </button>
            </span>
          )}
        </td>
      </tr>
      {deciding && (
        <tr className="s-decide-row">
          <td colSpan={6}>
            <div className="s-decide" data-testid="exemption-decide" aria-labelledby={`${id}-what`}>
              <p id={`${id}-what`} className="sr-only">
                {deciding === 'approved' ? E.approve : E.reject} {e.nodeCode}
              </p>
              <ReasonField
                label={deciding === 'approved' ? E.approveReason : E.rejectReason}
                value={reason}
                onChange={setReason}
                rows={1}
                testId="exemption-reason"
              />
              {needsBasis && (
                <ReasonField
                  label={E.approveBasis}
                  hint={E.approveBasisHint}
                  value={basis}
                  onChange={setBasis}
                  rows={1}
                  testId="exemption-basis"
                />
              )}
              {error && <CodedMessage error={error} />}
              <div className="x-actions">
                <button
                  type="button"
                  className={`button ${deciding === 'approved' ? 'button-primary' : 'button-danger'}`}
                  disabled={busy}
                  onClick={() => void decide()}
                >
                  {deciding === 'approved' ? E.confirmApprove : E.confirmReject}
                </button>
                <button type="button" className="button button-quiet" onClick={() => onDecide(null)}>
                  {exchangeText.common.cancel}
                </button>
              </div>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
