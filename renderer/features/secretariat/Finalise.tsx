/**
 * Chốt kết quả: needs the completeness matrix ready (or the council accepting missing
 * evidence, with a reason); shows the snapshot's SHA-256. Reopening needs a reason; the
 * snapshot stays.
 */
import { useId, useState } from 'react';
import type { CompletenessView, SnapshotView } from '../../../shared/contract/council.ts';
import type { CodedError } from '../../../shared/errors/codes.ts';
import { api } from '../../api/client.ts';
import { hrefFor } from '../../app/route.ts';
import { Loading, LoadFailed } from '../../components/LoadState.tsx';
import { toastStore } from '../../components/toast-store.ts';
import { useLoad } from '../../components/use-load.ts';
import { exchangeText } from '../../i18n/exchange.ts';
import { invalidateOverview } from '../home/units-cache.ts';
import { CodedMessage } from '../exchange/Coded.tsx';
import { fullHash, whenSeconds } from '../exchange/format.ts';
import { Readiness } from './Completeness.tsx';
import { exchangePaths } from './paths.ts';
import { ReasonField } from './Reason.tsx';
import { StepHead } from './StepHead.tsx';

const F = exchangeText.finalise;

export function Finalise() {
  const [load, reload] = useLoad(() => api.secretariat.completeness(), 'finalise');
  return (
    <>
      <StepHead title={F.title} lead={F.lead} />
      {load.state === 'loading' && <Loading />}
      {load.state === 'failed' && <LoadFailed error={load.error} onRetry={reload} />}
      {load.state === 'ready' && <Body view={load.value} onChanged={reload} />}
    </>
  );
}

function Body({ view, onChanged }: { view: CompletenessView; onChanged: () => void }) {
  const last = view.snapshots.at(-1) ?? null;
  return (
    <>
      <Readiness view={view} />
      {view.cycle.status === 'open' ? (
        <>
          <FinaliseForm view={view} onDone={onChanged} />
          {last && <Snapshot snapshot={last} current={false} />}
        </>
      ) : (
        <>
          {last && <Snapshot snapshot={last} current />}
          <Reopen onDone={onChanged} />
        </>
      )}
      {view.snapshots.length > 1 && (
        <section className="card x-card" aria-label={F.history}>
          <h2>{F.history}</h2>
          <ul className="s-issued">
            {view.snapshots
              .slice(0, -1)
              .reverse()
              .map((s) => (
                <li key={s.id}>
                  {whenSeconds(s.createdAt)} · {s.actorName} · <code>{fullHash(s.hash).slice(0, 39)}…</code>
                </li>
              ))}
          </ul>
        </section>
      )}
    </>
  );
}

function FinaliseForm({ view, onDone }: { view: CompletenessView; onDone: () => void }) {
  const id = useId();
  const [accept, setAccept] = useState(false);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CodedError | null>(null);
  const evidenceOnly = !view.ready && view.readyIgnoringEvidence;
  const allowed = view.ready || (evidenceOnly && accept && reason.trim() !== '');

  const finalise = async () => {
    setBusy(true);
    setError(null);
    const r = await api.secretariat.finalise({
      ...(reason.trim() ? { reason } : {}),
      ...(evidenceOnly && accept ? { acceptMissingEvidence: true } : {}),
    });
    setBusy(false);
    setConfirming(false);
    if (!r.ok) return setError(r.error);
    toastStore.info(F.done);
    invalidateOverview();
    onDone();
  };

  return (
    <section className="card x-card" aria-labelledby={`${id}-title`} data-testid="finalise-form">
      <h2 id={`${id}-title`}>{F.title}</h2>
      {!view.ready && !evidenceOnly ? (
        <p className="x-small">
          {F.notReady} <a href={hrefFor(exchangePaths.tab('hoan-thanh'))}>{F.toCompleteness}</a>
        </p>
      ) : (
        <>
          {evidenceOnly && (
            <label className="x-check">
              <input type="checkbox" checked={accept} onChange={(e) => setAccept(e.target.checked)} />
              <span>{F.acceptEvidence(view.totals.missingEvidence)}</span>
            </label>
          )}
          <ReasonField
            label={evidenceOnly ? F.reasonRequired : F.reason}
            value={reason}
            onChange={setReason}
            rows={2}
            testId="finalise-reason"
          />
          {error && <CodedMessage error={error} />}
          {confirming ? (
            <div
              className="s-confirm"
              role="alertdialog"
              aria-labelledby={`${id}-confirm`}
              data-testid="finalise-confirm"
            >
              <p id={`${id}-confirm`} className="x-strong">
                {F.confirmTitle}
              </p>
              <p className="x-small">{F.confirmText}</p>
              <div className="x-actions">
                <button type="button" className="button button-primary" disabled={busy} onClick={() => void finalise()}>
                  {busy ? F.finalising : F.confirm}
                </button>
                <button
                  type="button"
                  className="button button-quiet"
                  disabled={busy}
                  onClick={() => setConfirming(false)}
                >
                  {exchangeText.common.cancel}
                </button>
              </div>
            </div>
          ) : (
            <div className="x-actions">
              <button
                type="button"
                className="button button-primary"
                disabled={!allowed}
                onClick={() => setConfirming(true)}
              >
                {F.finalise}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function Snapshot({ snapshot: s, current }: { snapshot: SnapshotView; current: boolean }) {
  return (
    <section
      className={`card x-card s-snapshot${current ? ' s-snapshot-current' : ''}`}
      aria-label={F.snapshot}
      data-testid="snapshot"
    >
      <h2>{F.snapshot}</h2>
      {current && <p className="notice">{F.finalised}</p>}
      <dl className="x-facts">
        <dt>{F.snapshotHash}</dt>
        <dd>
          <code className="s-hash" data-testid="snapshot-hash" data-hash={s.hash}>
            {fullHash(s.hash)}
          </code>
        </dd>
        <dt>{F.snapshotAt}</dt>
        <dd>{whenSeconds(s.createdAt)}</dd>
        <dt>{F.snapshotBy}</dt>
        <dd>{s.actorName}</dd>
        {s.reason && (
          <>
            <dt>{F.snapshotReason}</dt>
            <dd>{s.reason}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function Reopen({ onDone }: { onDone: () => void }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CodedError | null>(null);
  const reopen = async () => {
    if (!reason.trim())
      return setError({ code: 'EXCHANGE_REASON_REQUIRED', message: exchangeText.common.reasonMissing });
    setBusy(true);
    const r = await api.secretariat.reopen({ reason });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    toastStore.info(F.reopened);
    invalidateOverview();
    onDone();
  };
  return (
    <section className="card x-card" aria-labelledby={`${id}-title`} data-testid="reopen">
      <h2 id={`${id}-title`}>{F.reopenTitle}</h2>
      <p className="muted x-small">{F.reopenIntro}</p>
      <ReasonField label={F.reopenReason} value={reason} onChange={setReason} rows={2} testId="reopen-reason" />
      {error && <CodedMessage error={error} />}
      <div className="x-actions">
        <button
          type="button"
          className="button button-danger"
          disabled={busy || !reason.trim()}
          onClick={() => void reopen()}
        >
          {F.reopen}
        </button>
      </div>
    </section>
  );
}
