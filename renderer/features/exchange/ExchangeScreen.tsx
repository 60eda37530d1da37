/**
 * "Trao đổi dữ liệu" of a council member: the identity key, receiving the secretariat's cycle
 * package (its fingerprint confirmed), sending my signed appraisal package, and my
 * declarations of conflict of interest.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CyclePreview, MemberExchangeStatus } from '../../../shared/contract/exchange.ts';
import { FILE_LIMITS, fileSizeText } from '../../../shared/contract/files.ts';
import {
  fingerprintMatches,
  formatFingerprint,
  normaliseTypedFingerprint,
} from '../../../shared/exchange/fingerprint.ts';
import type { CodedError } from '../../../shared/errors/codes.ts';
import { groupLabel, groupsOf } from '../../app/groups.ts';
import { api } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { Loading, LoadFailed } from '../../components/LoadState.tsx';
import { toastStore } from '../../components/toast-store.ts';
import { useLoad } from '../../components/use-load.ts';
import { exchangeText } from '../../i18n/exchange.ts';
import { vi } from '../../i18n/vi.ts';
import { invalidateOverview } from '../home/units-cache.ts';
import { CodedMessage } from './Coded.tsx';
import { FilePicker } from './FilePicker.tsx';
import { Fingerprint } from './Fingerprint.tsx';
import { uploadFile } from './files.ts';
import { count, day, shortHash, when } from './format.ts';
import { KeyCard } from './KeyCard.tsx';
import { fingerprintOfKeyText } from './key-file.ts';
import { saveAndTell } from './save.ts';
import './exchange.css';

const X = exchangeText.exchange;

export function ExchangeScreen({ coiUnit = null }: { coiUnit?: string | null }) {
  const [load, reload] = useLoad(() => api.exchange.status(), 'exchange-status');
  const [imports, setImports] = useState(0);
  return (
    <section className="page x-page" aria-labelledby="exchange-title">
      <header className="x-head">
        <h1 id="exchange-title">{X.title}</h1>
        <p className="lead">{X.lead}</p>
        {load.state === 'ready' && <StatusLine status={load.value} />}
      </header>
      <div className="x-columns">
        <div className="x-column">
          <KeyCard onChange={() => reload()} refresh={imports} />
          <ReceiveCycle
            status={load.state === 'ready' ? load.value : null}
            onImported={() => {
              reload();
              setImports((n) => n + 1); // the key card says at once whom the key is registered to
            }}
          />
        </div>
        <div className="x-column">
          {load.state === 'loading' && <Loading />}
          {load.state === 'failed' && <LoadFailed error={load.error} onRetry={reload} />}
          {load.state === 'ready' && (
            <>
              <SendMine status={load.value} onSent={reload} />
              <ConflictsOfInterest status={load.value} onChanged={reload} preselect={coiUnit} />
            </>
          )}
        </div>
      </div>
    </section>
  );
}

function StatusLine({ status }: { status: MemberExchangeStatus }) {
  if (!status.cycle)
    return (
      <p className="notice notice-locked" data-testid="exchange-cycle">
        {X.noCycle}
      </p>
    );
  return (
    <p className="x-status" data-testid="exchange-cycle">
      <span>
        {X.cycle(
          status.cycle.name,
          status.cycle.status === 'open' ? exchangeText.common.cycleOpen : exchangeText.common.cycleFinalised,
        )}
      </span>
      {status.me ? (
        <span className="x-strong" data-testid="exchange-me">
          {X.me(`${status.me.name} (${status.me.fields.map((f) => `${f.code}. ${f.title}`).join('; ')})`)}
        </span>
      ) : (
        <span className="muted">{X.notMember}</span>
      )}
    </p>
  );
}

// ------------------------------------------------------------------ receive the cycle package

function ReceiveCycle({ status, onImported }: { status: MemberExchangeStatus | null; onImported: () => void }) {
  const id = useId();
  const R = X.receive;
  const session = useSession();
  const [busy, setBusy] = useState<'upload' | 'import' | null>(null);
  const [preview, setPreview] = useState<CyclePreview | null>(null);
  const [error, setError] = useState<CodedError | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  /** The fingerprint the secretariat gave (typed, pasted, or from their public-key file): compared, never taken from the package. */
  const [typed, setTyped] = useState('');
  const [keyFileBad, setKeyFileBad] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);

  const pick = async (files: File[]) => {
    setBusy('upload');
    setError(null);
    setPreview(null);
    setConfirmed(false);
    setTyped('');
    setKeyFileBad(false);
    setDone(null);
    setProgress(null);
    // A cycle package carries the evidence documents: it may be large, so it goes in parts.
    const up = await uploadFile(files[0]!, {
      maxBytes: FILE_LIMITS.partsMaxBytes,
      onProgress: (sent, total) => setProgress(sent / total),
    });
    setProgress(null);
    const r = up.ok ? await api.exchange.previewCycle({ ticket: up.value.ticket }) : up;
    setBusy(null);
    if (r.ok) setPreview(r.value);
    else setError(r.error);
  };

  const doImport = async (e: FormEvent) => {
    e.preventDefault();
    if (!preview || !ready) return;
    setBusy('import');
    // The core compares the package's signer with what the member was given (or, for a later revision, with the key of the packages received before).
    const r = await api.exchange.importCycle({ ticket: preview.ticket, fingerprint: known ?? typed });
    setBusy(null);
    if (!r.ok) return setError(r.error);
    setPreview(null);
    setDone([r.value.message, r.value.linkedTo ? R.linked(r.value.linkedTo.name) : ''].filter(Boolean).join(' '));
    // The installation may now act as a roster member: refresh what every screen knows.
    invalidateOverview();
    const s = await api.session.get();
    if (s.ok && s.value.identity) session.setIdentity(s.value.identity);
    onImported();
  };

  const sameSigner = status?.received && preview && status.received.signer.fingerprint === preview.signer.fingerprint;
  /** A later revision of a cycle already received: its signer is checked against the stored key. */
  const known = preview && preview.state !== 'new' && sameSigner ? status!.received!.signer.fingerprint : null;
  const typedHex = normaliseTypedFingerprint(typed);
  const typedState =
    typed.trim() === ''
      ? null
      : typedHex === null || typedHex.length < 32
        ? 'short'
        : preview && fingerprintMatches(preview.signer.fingerprint, typed)
          ? 'match'
          : 'mismatch';
  const ready = known !== null ? confirmed : typedState === 'match';
  const loadKeyFile = async (file: File | undefined) => {
    if (!file) return;
    const fp = file.size <= 64 * 1024 ? await fingerprintOfKeyText(await file.text()) : null;
    setKeyFileBad(fp === null);
    if (fp) setTyped(formatFingerprint(fp));
  };
  return (
    <article className="card x-card" aria-labelledby={`${id}-title`} data-testid="receive-cycle">
      <h2 id={`${id}-title`}>{R.title}</h2>
      <p className="muted x-small">{R.intro}</p>
      {status?.received && (
        <p className="x-small">
          {R.last(status.received.revision, day(status.received.recordedAt))} {exchangeText.fingerprint.label}:{' '}
          <Fingerprint display={status.received.signer.display} size="small" />
        </p>
      )}
      {!preview && (
        <FilePicker
          label={R.title}
          accept=".tar,.cchc-cycle.tar"
          busy={busy === 'upload'}
          progress={progress}
          maxBytes={FILE_LIMITS.partsMaxBytes}
          onFiles={(f) => void pick(f)}
          testId="cycle-drop"
        />
      )}
      {error && <CodedMessage error={error} testId="cycle-error" />}
      {done && (
        <p className="notice x-done" role="status" data-testid="cycle-imported">
          {done}
        </p>
      )}
      {preview && (
        <form className="x-preview" onSubmit={doImport} data-testid="cycle-preview">
          <h3>
            {R.previewTitle(preview.cycle.name, preview.revision)}{' '}
            <span className={`chip x-chip-${preview.state}`}>{R.states[preview.state]}</span>
          </h3>
          <dl className="x-facts">
            <dt>{R.issuedAt}</dt>
            <dd>{when(preview.issuedAt)}</dd>
            <dt>{R.contents}</dt>
            <dd>{R.contentsText(preview.units, preview.members, preview.evidenceFiles)}</dd>
            <dt>{R.size}</dt>
            <dd>{fileSizeText(preview.bytes)}</dd>
          </dl>
          <div className="x-fp-block x-fp-check">
            <span className="x-label">{R.signer}</span>
            <Fingerprint display={preview.signer.display} size="large" testId="cycle-signer" />
            <span className="hint">{sameSigner ? R.sameSigner : R.readAloud}</span>
          </div>
          {known === null && (
            <div className="x-fp-type" data-testid="cycle-fingerprint-check">
              <label>
                <span className="x-label">{R.typeLabel}</span>
                <input
                  type="text"
                  className="x-fp-input"
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  placeholder={R.typePlaceholder}
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={typedState === 'mismatch'}
                />
              </label>
              <label className="x-small">
                {R.keyFileLabel}{' '}
                <input
                  type="file"
                  accept=".json,application/json,text/plain"
                  onChange={(e) => void loadKeyFile(e.target.files?.[0])}
                />
              </label>
              {keyFileBad && <p className="notice notice-locked">{R.keyFileBad}</p>}
              {typedState && (
                <p
                  className={`notice${typedState === 'match' ? '' : ' notice-locked'}`}
                  role="status"
                  data-testid="cycle-fingerprint-result"
                >
                  {typedState === 'match' ? R.typedMatch : typedState === 'short' ? R.typedShort : R.typedMismatch}
                </p>
              )}
            </div>
          )}
          <p className={`notice${preview.me ? '' : ' notice-locked'}`} data-testid="cycle-me">
            {preview.me
              ? R.youAre(
                  preview.me.name,
                  preview.me.fields.map((f) => exchangeText.common.field(f)).join(', ') || vi.identity.roster.noFields,
                )
              : R.notYou}
          </p>
          {known !== null && (
            <label className="x-check">
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
              <span>{R.confirm}</span>
            </label>
          )}
          <div className="x-actions">
            <button type="submit" className="button button-primary" disabled={!ready || busy !== null}>
              {busy === 'import' ? R.importing : R.import}
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => setPreview(null)}
              disabled={busy !== null}
            >
              {exchangeText.common.cancel}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}

// ------------------------------------------------------------------ send my package

function SendMine({ status, onSent }: { status: MemberExchangeStatus; onSent: () => void }) {
  const id = useId();
  const S = X.send;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CodedError | null>(null);
  const [last, setLast] = useState<{ ticket: string; fileName: string; text: string; skipped: string[] } | null>(null);
  const blocked = status.rosterKey !== 'ok';

  const exportMine = async () => {
    setBusy(true);
    setError(null);
    const r = await api.exchange.exportMine();
    setBusy(false);
    if (!r.ok) return setError(r.error);
    const v = r.value;
    setLast({
      ticket: v.file.ticket,
      fileName: v.file.fileName,
      text: S.done(v.sequence, v.items),
      skipped: v.skipped.map((s) => `${s.unitName}, ${s.nodeCode}: ${s.reason}`),
    });
    onSent();
    await saveAndTell(v.file.ticket, v.file.fileName);
  };

  return (
    <article className="card x-card" aria-labelledby={`${id}-title`} data-testid="send-mine">
      <h2 id={`${id}-title`}>{S.title}</h2>
      <p className="muted x-small">{S.intro}</p>
      {!status.cycle && <p className="notice notice-locked">{X.sendAfterCycle}</p>}
      {status.cycle && status.me && <p className="x-strong">{S.items(status.items)}</p>}
      {blocked && status.cycle && <p className="notice notice-locked">{S.rosterKey[status.rosterKey]}</p>}
      {error && <CodedMessage error={error} testId="send-error" />}
      <div className="x-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void exportMine()}
          disabled={busy || blocked || !status.cycle}
        >
          {busy ? S.exporting : S.export}
        </button>
      </div>
      {last && (
        <div className="notice x-done" role="status" data-testid="send-done">
          <span>
            {last.text} <code className="x-file">{last.fileName}</code>
          </span>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => void saveAndTell(last.ticket, last.fileName)}
          >
            {exchangeText.common.saveAgain}
          </button>
          {last.skipped.length > 0 && (
            <div className="x-skipped">
              <p>{S.skipped(last.skipped.length)}</p>
              <ul>
                {last.skipped.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      {status.exports.length > 0 && (
        <table className="data-table x-table" aria-label={S.history}>
          <caption className="x-caption">{S.history}</caption>
          <thead>
            <tr>
              <th className="c-num">{S.seq}</th>
              <th>{S.createdAt}</th>
              <th className="c-num">{S.count}</th>
              <th>{exchangeText.common.hash}</th>
            </tr>
          </thead>
          <tbody>
            {status.exports.map((e) => (
              <tr key={e.packageHash}>
                <td className="c-num">{count(e.sequence)}</td>
                <td>{when(e.createdAt)}</td>
                <td className="c-num">{count(e.items)}</td>
                <td>
                  <code>{shortHash(e.packageHash)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

// ------------------------------------------------------------------ conflicts of interest

function ConflictsOfInterest({
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
