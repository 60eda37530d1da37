import { useId, useRef, useState, type FormEvent } from 'react';
import { IDENTITY_LIMITS, MEMBER_ROLES, type Identity } from '../../../shared/contract/index.ts';
import { api } from '../../api/client.ts';
import { toastStore } from '../../components/toast-store.ts';
import { vi } from '../../i18n/vi.ts';
import { EMPTY_DRAFT, validateIdentity, type IdentityDraft, type IdentityField } from './validate-identity.ts';
import { RosterPicker } from './RosterPicker.tsx';

interface Props {
  readonly initial: Identity | null;
  readonly submitLabel: string;
  readonly onSaved: (identity: Identity, linked: boolean) => void;
  /** Offer the open cycle's roster ("Tôi là"); false where the cycle is not here yet (default true). */
  readonly roster?: boolean;
  /** The role to start with (the first run's choice). */
  readonly role?: Identity['role'];
}

const TEXT_FIELDS = [
  { key: 'name', label: vi.identity.name, placeholder: vi.identity.namePlaceholder, autoComplete: 'name' },
  {
    key: 'position',
    label: vi.identity.position,
    placeholder: vi.identity.positionPlaceholder,
    autoComplete: 'organization-title',
  },
  {
    key: 'agency',
    label: vi.identity.agency,
    placeholder: vi.identity.agencyPlaceholder,
    autoComplete: 'organization',
  },
] as const;

/** Họ và tên, Chức vụ, Cơ quan, Vai trò — checked here, saved through session.setIdentity. */
export function IdentityForm({ initial, submitLabel, onSaved, roster = true, role }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<IdentityDraft>(initial ?? (role ? { ...EMPTY_DRAFT, role } : EMPTY_DRAFT));
  const [errors, setErrors] = useState<Partial<Record<IdentityField, string>>>({});
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  function update(field: IdentityField, value: string) {
    // A role other than the chosen roster entry's unlinks it; text corrections keep the link.
    setDraft((d) => ({ ...d, [field]: value, ...(field === 'role' && value !== d.role ? { memberId: null } : {}) }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const check = validateIdentity(draft);
    if (!check.ok) {
      setErrors(check.errors);
      const first = (['name', 'position', 'agency', 'role'] as const).find((f) => check.errors[f]);
      if (first) formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
      return;
    }
    setBusy(true);
    const result = await api.session.setIdentity(check.identity);
    setBusy(false);
    if (!result.ok) {
      toastStore.error(result.error);
      return;
    }
    setDraft({ ...result.value.identity! });
    onSaved(result.value.identity!, result.value.member !== null);
  }

  const errorId = (f: IdentityField) => `${id}-${f}-error`;
  const hasErrors = Object.values(errors).some(Boolean);

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      {hasErrors && (
        <p className="form-summary" role="alert">
          {vi.identity.errorsSummary}
        </p>
      )}
      {roster && (
        <RosterPicker
          value={draft.memberId}
          onPick={(m) => {
            setErrors({});
            setDraft((d) =>
              m
                ? { name: m.name, position: m.position, agency: m.agency, role: m.role, memberId: m.id }
                : { ...d, memberId: null },
            );
          }}
        />
      )}
      {TEXT_FIELDS.map((f) => (
        <div key={f.key} className={`field${errors[f.key] ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-${f.key}`}>
            {f.label}{' '}
            <span className="required" aria-hidden="true" title={vi.identity.required}>
              *
            </span>
          </label>
          <input
            id={`${id}-${f.key}`}
            data-field={f.key}
            name={f.key}
            type="text"
            value={draft[f.key]}
            placeholder={f.placeholder}
            autoComplete={f.autoComplete}
            maxLength={IDENTITY_LIMITS[f.key] + 20}
            aria-required="true"
            aria-invalid={errors[f.key] ? true : undefined}
            aria-describedby={errors[f.key] ? errorId(f.key) : undefined}
            onChange={(e) => update(f.key, e.target.value)}
          />
          {errors[f.key] && (
            <p id={errorId(f.key)} className="field-error">
              {errors[f.key]}
            </p>
          )}
        </div>
      ))}
      <fieldset
        className={`field roles${errors.role ? ' field-invalid' : ''}`}
        aria-describedby={errors.role ? errorId('role') : undefined}
      >
        <legend>
          {vi.identity.role}{' '}
          <span className="required" aria-hidden="true" title={vi.identity.required}>
            *
          </span>
        </legend>
        <div className="role-options">
          {MEMBER_ROLES.map((role, i) => (
            <label key={role} className={`role-option${draft.role === role ? ' role-selected' : ''}`}>
              <input
                type="radio"
                name="role"
                value={role}
                data-field={i === 0 ? 'role' : undefined}
                checked={draft.role === role}
                onChange={() => update('role', role)}
              />
              <span className="role-text">
                <span className="role-name">{vi.roles[role]}</span>
                <span className="role-hint">{vi.roleHints[role]}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.role && (
          <p id={errorId('role')} className="field-error">
            {errors.role}
          </p>
        )}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? vi.identity.saving : submitLabel}
        </button>
      </div>
    </form>
  );
}
