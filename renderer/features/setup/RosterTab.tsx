/** The current cycle's council: import from a file (preview, then commit), add, edit, remove, register a key (file or fingerprint). */
import { describeAssignments } from '../../../shared/council/assignment.ts';
import { groupShort } from '../../app/groups.ts';
import { useCallback, useEffect, useState } from 'react';
import type { UploadedFile } from '../../../shared/contract/files.ts';
import type { ContractOutput } from '../../../shared/contract/index.ts';
import type { CodedError } from '../../../shared/errors/codes.ts';
import { api } from '../../api/client.ts';
import { LoadFailed, Loading } from '../../components/LoadState.tsx';
import { toastStore } from '../../components/toast-store.ts';
import { setupText } from '../../i18n/setup.ts';
import { Upload } from './Upload.tsx';
import { invalidateOverview } from '../home/units-cache.ts';
import { RosterImport } from './RosterImport.tsx';

const R = setupText.roster;
type View = ContractOutput<'setup.roster'>;
type Member = View['members'][number];
type Role = keyof typeof R.roles;
const ROLES: readonly Role[] = ['chair', 'vice_chair', 'member', 'secretary', 'secretariat'];

interface Draft {
  name: string;
  position: string;
  agency: string;
  role: Role;
  fields: string;
}

const EMPTY: Draft = { name: '', position: '', agency: '', role: 'member', fields: '' };
const toFields = (s: string) => s.split(/[\s,;]+/).filter(Boolean);
const roleOf = (m: Member): Role => (m.role === 'secretariat' ? 'secretariat' : m.councilRole);

export function RosterTab() {
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<CodedError | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const load = useCallback(async () => {
    // Loaded first and after every change: the screens' cached overview (cycle, groups, units) is stale then.
    invalidateOverview();
    const r = await api.setup.roster();
    if (r.ok) setView(r.value);
    else setError(r.error);
  }, []);
  useEffect(() => void load(), [load]);
  if (error) return <LoadFailed error={error} onRetry={() => (setError(null), void load())} />;
  if (!view) return <Loading />;
  const remove = async (m: Member) => {
    const r = await api.setup.removeMember({ memberId: m.id });
    if (!r.ok) return toastStore.error(r.error);
    setView(r.value);
  };
  return (
    <>
      <RosterImport onCommitted={load} />
      <section className="st-card" aria-labelledby="st-roster" data-testid="setup-roster">
        <h2 id="st-roster">{R.title(view.cycle.name)}</h2>
        <MemberForm
          key="new"
          initial={EMPTY}
          submitLabel={R.add}
          onSubmit={async (d) => {
            const r = await api.setup.addMember({ ...d, fields: toFields(d.fields) });
            if (!r.ok) return (toastStore.error(r.error), false);
            void load();
            return true;
          }}
        />
        {view.members.length === 0 ? (
          <p className="muted">{R.empty}</p>
        ) : (
          <table className="st-table">
            <thead>
              <tr>
                <th>{R.name}</th>
                <th>{R.position}</th>
                <th>{R.agency}</th>
                <th>{R.role}</th>
                <th>{R.fields}</th>
                <th>{R.key}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {view.members.map((m) =>
                editing === m.id ? (
                  <tr key={m.id}>
                    <td colSpan={7}>
                      <MemberForm
                        initial={{
                          name: m.name,
                          position: m.position,
                          agency: m.agency,
                          role: roleOf(m),
                          fields: m.fields.join(', '),
                        }}
                        submitLabel={R.save}
                        onCancel={() => setEditing(null)}
                        onSubmit={async (d) => {
                          const r = await api.setup.editMember({
                            memberId: m.id,
                            patch: { ...d, fields: toFields(d.fields) },
                          });
                          if (!r.ok) return (toastStore.error(r.error), false);
                          setEditing(null);
                          void load();
                          return true;
                        }}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={m.id} data-testid="member-row">
                    <td>{m.name}</td>
                    <td>{m.position}</td>
                    <td>{m.agency}</td>
                    <td>{R.roles[roleOf(m)]}</td>
                    <td>{describeAssignments(m.fields, groupShort)}</td>
                    <td>
                      {m.display ? (
                        <span className="st-fp">{m.display}</span>
                      ) : (
                        <span className="muted">{R.noKey}</span>
                      )}
                      <KeyForm member={m} onDone={load} />
                    </td>
                    <td>
                      <div className="st-row">
                        <button
                          type="button"
                          className="button button-quiet button-small"
                          onClick={() => setEditing(m.id)}
                        >
                          {R.edit}
                        </button>
                        <button
                          type="button"
                          className="button button-quiet button-small"
                          aria-label={`${R.remove}: ${m.name}`}
                          onClick={() => void remove(m)}
                        >
                          {R.remove}
                        </button>
                      </div>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function MemberForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: Draft;
  submitLabel: string;
  onSubmit: (d: Draft) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const [d, setD] = useState<Draft>(initial);
  return (
    <div className="st-row" style={{ marginBottom: 8 }} data-testid="member-form">
      <label className="st-field">
        {R.name}
        <input value={d.name} onChange={(e) => setD({ ...d, name: e.target.value })} />
      </label>
      <label className="st-field">
        {R.position}
        <input value={d.position} onChange={(e) => setD({ ...d, position: e.target.value })} />
      </label>
      <label className="st-field">
        {R.agency}
        <input value={d.agency} onChange={(e) => setD({ ...d, agency: e.target.value })} />
      </label>
      <label className="st-field">
        {R.role}
        <select value={d.role} onChange={(e) => setD({ ...d, role: e.target.value as Role })}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {R.roles[r]}
            </option>
          ))}
        </select>
      </label>
      <label className="st-field">
        {R.fields}
        <input
          value={d.fields}
          size={10}
          title={R.fieldsHint}
          placeholder={R.fieldsPlaceholder}
          onChange={(e) => setD({ ...d, fields: e.target.value })}
        />
      </label>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={!d.name.trim()}
        onClick={async () => {
          if (await onSubmit(d)) setD(initial);
        }}
      >
        {submitLabel}
      </button>
      {onCancel && (
        <button type="button" className="button button-quiet button-small" onClick={onCancel}>
          {R.cancel}
        </button>
      )}
    </div>
  );
}

function KeyForm({ member, onDone }: { member: Member; onDone: () => void }) {
  const [fp, setFp] = useState('');
  const byFingerprint = async () => {
    const r = await api.setup.registerFingerprint({ memberId: member.id, fingerprint: fp });
    if (!r.ok) return toastStore.error(r.error);
    setFp('');
    toastStore.info(R.keyRegistered(member.name));
    onDone();
  };
  const byFile = async (f: UploadedFile) => {
    const r = await api.secretariat.registerKey({ memberId: member.id, ticket: f.ticket });
    if (!r.ok) return toastStore.error(r.error);
    toastStore.info(R.keyRegistered(member.name));
    onDone();
  };
  return (
    <div className="st-row">
      <input
        className="st-fp"
        aria-label={`${R.fingerprint}: ${member.name}`}
        placeholder={R.fingerprint}
        value={fp}
        size={18}
        onChange={(e) => setFp(e.target.value)}
      />
      <button
        type="button"
        className="button button-quiet button-small"
        disabled={fp.trim() === ''}
        onClick={() => void byFingerprint()}
      >
        {R.register}
      </button>
      <Upload label={R.keyFile} accept=".json" testId={`key-file-${member.id}`} onFile={(f) => void byFile(f)} />
    </div>
  );
}
