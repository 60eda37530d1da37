/**
 * The roster's side panels: registering a member's public key (fingerprint read aloud and
 * confirmed) and assigning his fields (per group).
 */
import { FieldChoices } from './FieldChoices.tsx';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { InspectedKey, RosterRow, RosterView } from '../../../shared/contract/exchange.ts';
import type { CodedError } from '../../../shared/errors/codes.ts';
import { api } from '../../api/client.ts';
import { toastStore } from '../../components/toast-store.ts';
import { exchangeText } from '../../i18n/exchange.ts';
import { CodedMessage } from '../exchange/Coded.tsx';
import { FilePicker } from '../exchange/FilePicker.tsx';
import { Fingerprint } from '../exchange/Fingerprint.tsx';
import { uploadFile } from '../exchange/files.ts';
import { ReasonField } from './Reason.tsx';

const R = exchangeText.roster;

/** A panel opened from a row of the roster comes into view, its title focused (the table is long). */
function usePanelFocus() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start' });
    ref.current?.focus({ preventScroll: true });
  }, []);
  return ref;
}

export function RegisterKey({
  member,
  onDone,
  onCancel,
}: {
  member: RosterRow;
  onDone: (row: RosterRow) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [inspected, setInspected] = useState<InspectedKey | null>(null);
  const [error, setError] = useState<CodedError | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [note, setNote] = useState('');

  const pick = async (files: File[]) => {
    setBusy(true);
    setError(null);
    setInspected(null);
    const up = await uploadFile(files[0]!);
    const r = up.ok ? await api.secretariat.inspectKey({ ticket: up.value.ticket }) : up;
    setBusy(false);
    if (r.ok) setInspected(r.value);
    else setError(r.error);
  };
  const register = async (e: FormEvent) => {
    e.preventDefault();
    if (!inspected || !confirmed) return;
    setBusy(true);
    const r = await api.secretariat.registerKey({
      memberId: member.id,
      ticket: inspected.ticket,
      ...(note.trim() ? { reason: note } : {}),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    toastStore.info(R.registered(member.name));
    onDone(r.value);
  };
  const heldByOther =
    inspected?.registeredTo && inspected.registeredTo.id !== member.id ? inspected.registeredTo : null;
  const title = usePanelFocus();

  return (
    <article className="card x-card s-panel" aria-labelledby={`${id}-title`} data-testid="register-key">
      <h2 id={`${id}-title`} ref={title} tabIndex={-1}>
        {R.registerTitle(member.name)}
      </h2>
      <p className="muted x-small">{R.registerIntro}</p>
      {!inspected && (
        <FilePicker
          label={R.registerTitle(member.name)}
          accept=".json"
          busy={busy}
          onFiles={(f) => void pick(f)}
          testId="key-drop"
        />
      )}
      {error && <CodedMessage error={error} />}
      {inspected && (
        <form className="x-form" onSubmit={register}>
          <p className="x-small">{R.inspected(inspected.file)}</p>
          <div className="x-fp-block x-fp-check">
            <span className="x-label">{exchangeText.fingerprint.label}</span>
            <Fingerprint display={inspected.display} size="large" testId="inspected-fingerprint" />
            <span className="hint">{exchangeText.fingerprint.readAloud}</span>
          </div>
          {heldByOther && <p className="notice notice-locked">{R.heldBy(heldByOther.name)}</p>}
          <label className="x-check">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            <span>{R.confirm}</span>
          </label>
          <ReasonField label={R.note} value={note} onChange={setNote} rows={1} />
          <div className="x-actions">
            <button
              type="submit"
              className="button button-primary"
              disabled={!confirmed || busy || heldByOther !== null}
            >
              {R.register}
            </button>
            <button type="button" className="button button-quiet" onClick={onCancel}>
              {exchangeText.common.cancel}
            </button>
          </div>
        </form>
      )}
      {!inspected && (
        <div className="x-actions">
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {exchangeText.common.cancel}
          </button>
        </div>
      )}
    </article>
  );
}

export function AssignFields({
  member,
  view,
  onDone,
  onCancel,
}: {
  member: RosterRow;
  view: RosterView;
  onDone: (row: RosterRow) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [fields, setFields] = useState<Set<string>>(new Set(member.fields));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CodedError | null>(null);
  const title = usePanelFocus();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim())
      return setError({ code: 'EXCHANGE_REASON_REQUIRED', message: exchangeText.common.reasonMissing });
    setBusy(true);
    const r = await api.secretariat.setFields({ memberId: member.id, fields: [...fields], reason });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    toastStore.info(R.fieldsSaved(member.name));
    onDone(r.value);
  };
  return (
    <article className="card x-card s-panel" aria-labelledby={`${id}-title`} data-testid="assign-fields">
      <h2 id={`${id}-title`} ref={title} tabIndex={-1}>
        {R.fieldsTitle(member.name)}
      </h2>
      <form className="x-form" onSubmit={save} noValidate>
        <FieldChoices fields={view.fields} value={fields} onChange={setFields} />
        <ReasonField label={R.fieldsReason} value={reason} onChange={setReason} rows={1} />
        {error && <CodedMessage error={error} />}
        <div className="x-actions">
          <button type="submit" className="button button-primary" disabled={busy || !reason.trim()}>
            {R.saveFields}
          </button>
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {exchangeText.common.cancel}
          </button>
        </div>
      </form>
    </article>
  );
}
