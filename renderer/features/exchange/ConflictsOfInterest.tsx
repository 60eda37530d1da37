/** My declarations of conflict of interest: the units I declare I cannot appraise, and withdrawing one. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { MemberExchangeStatus } from '../../../shared/contract/exchange.ts';
import type { CodedError } from '../../../shared/errors/codes.ts';
import { groupLabel, groupsOf } from '../../app/groups.ts';
import { api } from '../../api/client.ts';
import { toastStore } from '../../components/toast-store.ts';
import { exchangeText } from '../../i18n/exchange.ts';
import { invalidateOverview } from '../home/units-cache.ts';
import { CodedMessage } from './Coded.tsx';
import { day } from './format.ts';
const X = exchangeText.exchange;

export function ConflictsOfInterest({
  status,
  onChanged,
  preselect,
}: {
  status: MemberExchangeStatus;
  onChanged: () => void;
  preselect: string | null;
}) {
  const id = useId();
  const C = X.coi;
  const known =
    preselect !== null &&
    status.units.some((u) => u.id === preselect) &&
    !status.conflictsOfInterest.some((c) => c.unitId === preselect);
  const [unitId, setUnitId] = useState(known ? preselect! : '');
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    // Opened from a unit's dossier: the declaration is ready, the reason to write.
    if (!known) return;
    reasonRef.current?.scrollIntoView({ block: 'center' });
    reasonRef.current?.focus({ preventScroll: true });
  }, [known]);
  const [reason, setReason] = useState('');
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [withdrawReason, setWithdrawReason] = useState('');
  const [error, setError] = useState<CodedError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!status.cycle || !status.me) return null;
  const declared = new Set(status.conflictsOfInterest.map((c) => c.unitId));
  const nameOf = (u: string) => status.units.find((x) => x.id === u)?.name ?? u;

  const declare = async (e: FormEvent) => {
    e.preventDefault();
    if (!unitId || !reason.trim())
      return setError({ code: 'EXCHANGE_REASON_REQUIRED', message: exchangeText.common.reasonMissing });
    setBusy(true);
    setError(null);
    const r = await api.exchange.declareConflict({ unitId, reason });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    toastStore.info(C.declared(r.value.unitName));
    setUnitId('');
    setReason('');
    invalidateOverview();
    onChanged();
  };
  const withdraw = async (u: string) => {
    if (!withdrawReason.trim())
      return setError({ code: 'EXCHANGE_REASON_REQUIRED', message: exchangeText.common.reasonMissing });
    setBusy(true);
    setError(null);
    const r = await api.exchange.withdrawConflict({ unitId: u, reason: withdrawReason });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    toastStore.info(C.withdrawn(nameOf(u)));
    setWithdrawing(null);
    setWithdrawReason('');
    invalidateOverview();
    onChanged();
  };

  return (
    <article className="card x-card" aria-labelledby={`${id}-title`} data-testid="coi">
      <h2 id={`${id}-title`}>{C.title}</h2>
      <p className="muted x-small">{C.intro}</p>
      {status.conflictsOfInterest.length === 0 ? (
        <p className="x-small">{C.none}</p>
      ) : (
        <ul className="x-coi-list">
          {status.conflictsOfInterest.map((c) => (
            <li key={c.unitId} className="x-coi" data-unit={c.unitId}>
              <div>
                <span className="x-strong">{c.unitName}</span>{' '}
                <span className="muted x-small">
                  · {C.declaredAt} {day(c.declaredAt)}
                </span>
                <p className="x-small x-quote">{c.reason}</p>
              </div>
              {withdrawing === c.unitId ? (
                <div className="x-inline-form">
                  <div className="field">
                    <label htmlFor={`${id}-w-${c.unitId}`}>{C.withdrawReason}</label>
                    <input
                      id={`${id}-w-${c.unitId}`}
                      className="x-input"
                      type="text"
                      value={withdrawReason}
                      onChange={(e) => setWithdrawReason(e.target.value)}
                    />
                  </div>
                  <div className="x-actions">
                    <button
                      type="button"
                      className="button button-danger button-small"
                      disabled={busy}
                      onClick={() => void withdraw(c.unitId)}
                    >
                      {C.withdrawConfirm}
                    </button>
                    <button
                      type="button"
                      className="button button-quiet button-small"
                      onClick={() => setWithdrawing(null)}
                    >
                      {exchangeText.common.cancel}
                    </button>
                  </div>
                </div>
              ) : (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => (setWithdrawing(c.unitId), setWithdrawReason(''))}
                >
                  {C.withdraw}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="x-form x-coi-form" onSubmit={declare} noValidate>
        <div className="field">
          <label htmlFor={`${id}-unit`}>{C.unit}</label>
          <select id={`${id}-unit`} className="x-input" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            <option value="">{C.chooseUnit}</option>
            {groupsOf(status.units).map((g) => (
              <optgroup key={g} label={groupLabel(g)}>
                {status.units
                  .filter((u) => u.group === g && !declared.has(u.id))
                  .map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{C.reason}</label>
          <textarea
            id={`${id}-reason`}
            ref={reasonRef}
            className="x-input"
            rows={2}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        {error && <CodedMessage error={error} />}
        <div className="x-actions">
          <button type="submit" className="button button-secondary" disabled={busy || !unitId || !reason.trim()}>
            {C.declare}
          </button>
        </div>
      </form>
    </article>
  );
}
