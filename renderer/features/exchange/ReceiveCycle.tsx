/** Receiving the secretariat's cycle package: choose the file, confirm its fingerprint, preview it, import. */
import { useId, useState, type FormEvent } from 'react';
import type { CyclePreview, MemberExchangeStatus } from '../../../shared/contract/exchange.ts';
import { FILE_LIMITS, fileSizeText } from '../../../shared/contract/files.ts';
import {
  fingerprintMatches,
  formatFingerprint,
  normaliseTypedFingerprint,
} from '../../../shared/exchange/fingerprint.ts';
import type { CodedError } from '../../../shared/errors/codes.ts';
import { api } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { exchangeText } from '../../i18n/exchange.ts';
import { vi } from '../../i18n/vi.ts';
import { invalidateOverview } from '../home/units-cache.ts';
import { CodedMessage } from './Coded.tsx';
import { FilePicker } from './FilePicker.tsx';
import { Fingerprint } from './Fingerprint.tsx';
import { uploadFile } from './files.ts';
import { day, when } from './format.ts';
import { fingerprintOfKeyText } from './key-file.ts';
const X = exchangeText.exchange;

export function ReceiveCycle({ status, onImported }: { status: MemberExchangeStatus | null; onImported: () => void }) {
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
