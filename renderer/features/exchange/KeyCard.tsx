/**
 * The installation's identity key: create it (a passphrase, or the OS keychain in the app),
 * unlock it, show its fingerprint to read aloud, hand out the public-key file. The private
 * key never reaches the renderer.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { KeyStatus } from '../../../shared/contract/identity.ts';
import type { CodedError } from '../../../shared/errors/codes.ts';
import { api } from '../../api/client.ts';
import { toastStore } from '../../components/toast-store.ts';
import { exchangeText } from '../../i18n/exchange.ts';
import { CodedMessage } from './Coded.tsx';
import { Fingerprint } from './Fingerprint.tsx';
import { day } from './format.ts';
import { saveAndTell } from './save.ts';
import './exchange.css';

const K = exchangeText.key;

/** Loads the key status once and keeps it fresh after each action; `onChange` hears every new status. */
function useKeyStatus(onChange?: (s: KeyStatus) => void, refresh = 0): [KeyStatus | null, (s: KeyStatus) => void] {
  const [status, setStatus] = useState<KeyStatus | null>(null);
  useEffect(() => {
    let live = true;
    void api.identity.status().then((r) => {
      if (!live) return;
      if (r.ok) {
        setStatus(r.value);
        onChange?.(r.value);
      } else toastStore.error(r.error);
    });
    return () => {
      live = false;
    };
    // `refresh` changes when something else changed the key's standing (a cycle package put it on the roster).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refresh]);
  return [
    status,
    (s) => {
      setStatus(s);
      onChange?.(s);
    },
  ];
}

export function KeyCard({
  showExport = true,
  showRegistration = true,
  onChange,
  headingLevel = 2,
  refresh = 0,
}: {
  showExport?: boolean;
  /** Say whether the secretariat has put this key on the roster (a member's concern, not the secretariat's). */
  showRegistration?: boolean;
  onChange?: (s: KeyStatus) => void;
  headingLevel?: 2 | 3;
  /** Ask the key's status again when this changes (after a cycle package was received). */
  refresh?: number;
}) {
  const id = useId();
  const [status, setStatus] = useKeyStatus(onChange, refresh);
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CodedError | null>(null);
  const H = headingLevel === 2 ? 'h2' : 'h3';

  const run = async (call: () => ReturnType<typeof api.identity.status>) => {
    setBusy(true);
    setError(null);
    const r = await call();
    setBusy(false);
    if (r.ok) {
      setStatus(r.value);
      setPass('');
      setAgain('');
    } else setError(r.error);
    return r.ok;
  };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (!status) return;
    if (status.usesPassphrase) {
      if (pass.length < status.minPassphrase)
        return setError({ code: 'EXCHANGE_PASSPHRASE_WEAK', message: K.passphraseShort(status.minPassphrase) });
      if (pass !== again) return setError({ code: 'PASSPHRASE_MISMATCH', message: K.passphraseMismatch });
    }
    if (await run(() => api.identity.create(status.usesPassphrase ? { passphrase: pass } : {})))
      toastStore.info(K.created);
  };
  const unlock = (e: FormEvent) => {
    e.preventDefault();
    void run(() => api.identity.unlock({ passphrase: pass }));
  };
  const exportPublic = async () => {
    const r = await api.identity.exportPublicKey();
    if (!r.ok) return toastStore.error(r.error);
    await saveAndTell(r.value.ticket, r.value.fileName);
  };

  return (
    <article
      className="card x-card x-key"
      aria-labelledby={`${id}-title`}
      data-testid="key-card"
      data-state={status?.state ?? 'loading'}
    >
      <H id={`${id}-title`}>{K.title}</H>
      <p className="muted x-small">{K.intro}</p>
      {status === null ? null : status.state === 'missing' ? (
        <form className="x-form" onSubmit={create} noValidate>
          <p className="x-strong">{K.missing}</p>
          {status.usesPassphrase ? (
            <>
              <div className="field">
                <label htmlFor={`${id}-pass`}>{K.passphrase}</label>
                <input
                  id={`${id}-pass`}
                  className="x-input"
                  type="password"
                  autoComplete="new-password"
                  value={pass}
                  onChange={(e) => setPass(e.target.value)}
                  aria-describedby={`${id}-pass-hint`}
                />
                <p id={`${id}-pass-hint`} className="hint">
                  {K.passphraseHint(status.minPassphrase)}
                </p>
              </div>
              <div className="field">
                <label htmlFor={`${id}-again`}>{K.passphraseConfirm}</label>
                <input
                  id={`${id}-again`}
                  className="x-input"
                  type="password"
                  autoComplete="new-password"
                  value={again}
                  onChange={(e) => setAgain(e.target.value)}
                />
              </div>
            </>
          ) : (
            <p className="hint">{K.keychain}</p>
          )}
          {error && <CodedMessage error={error} />}
          <div className="x-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? K.creating : K.create}
            </button>
          </div>
        </form>
      ) : (
        <>
          <div className="x-fp-block">
            <span className="x-label">{exchangeText.fingerprint.label}</span>
            <Fingerprint display={status.key!.display} size="large" testId="my-fingerprint" />
            <span className="hint">{exchangeText.fingerprint.readAloud}</span>
          </div>
          <dl className="x-facts">
            <dt>{K.createdAt}</dt>
            <dd>{day(status.key!.createdAt)}</dd>
            <dt>{K.protection}</dt>
            <dd>{K.protections[status.key!.protection] ?? status.key!.protection}</dd>
          </dl>
          {showRegistration && (
            <p className={`notice${status.registeredAs ? '' : ' notice-locked'}`} data-testid="key-registered">
              {status.registeredAs ? K.registeredAs(status.registeredAs.name) : K.notRegistered}
            </p>
          )}
          {status.state === 'locked' ? (
            <form className="x-form x-inline-form" onSubmit={unlock}>
              <p className="x-strong">{K.locked}</p>
              <div className="field">
                <label htmlFor={`${id}-unlock`}>{K.passphrase}</label>
                <input
                  id={`${id}-unlock`}
                  className="x-input"
                  type="password"
                  autoComplete="current-password"
                  value={pass}
                  onChange={(e) => setPass(e.target.value)}
                />
              </div>
              {error && <CodedMessage error={error} />}
              <div className="x-actions">
                <button type="submit" className="button button-primary" disabled={busy || pass === ''}>
                  {K.unlock}
                </button>
              </div>
            </form>
          ) : (
            <p className="x-ok" data-testid="key-unlocked">
              {K.unlocked}
            </p>
          )}
          <div className="x-actions">
            {showExport && (
              <button type="button" className="button button-secondary" onClick={() => void exportPublic()}>
                {K.exportPublic}
              </button>
            )}
            {status.state === 'unlocked' && status.usesPassphrase && (
              <button type="button" className="button button-quiet" onClick={() => void run(() => api.identity.lock())}>
                {K.lock}
              </button>
            )}
          </div>
          {showExport && <p className="hint">{K.exportHint}</p>}
        </>
      )}
    </article>
  );
}
