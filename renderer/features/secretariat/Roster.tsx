/**
 * Hội đồng và khóa: the roster with each member's fields, registered key (fingerprint),
 * last imported package and conflicts of interest; registering a key from the file a member
 * hands in (after comparing the fingerprint aloud); assigning fields; issuing the signed
 * cycle package.
 */
import { entryChip } from './FieldChoices.tsx';
import { useId, useState } from 'react';
import type { RosterRow, RosterView } from '../../../shared/contract/exchange.ts';
import type { KeyStatus } from '../../../shared/contract/identity.ts';
import type { CodedError } from '../../../shared/errors/codes.ts';
import { api } from '../../api/client.ts';
import { Loading, LoadFailed } from '../../components/LoadState.tsx';
import { useLoad } from '../../components/use-load.ts';
import { exchangeText } from '../../i18n/exchange.ts';
import { CodedMessage } from '../exchange/Coded.tsx';
import { Fingerprint } from '../exchange/Fingerprint.tsx';
import { day, when } from '../exchange/format.ts';
import { KeyCard } from '../exchange/KeyCard.tsx';
import { saveAndTell } from '../exchange/save.ts';
import { StepHead } from './StepHead.tsx';
import { RegisterKey, AssignFields } from './RosterPanels.tsx';

const R = exchangeText.roster;

type Panel = { kind: 'key'; member: RosterRow } | { kind: 'fields'; member: RosterRow } | null;

export function Roster() {
  const [load, reload, set] = useLoad(() => api.secretariat.roster(), 'roster');
  const [panel, setPanel] = useState<Panel>(null);
  const [key, setKey] = useState<KeyStatus | null>(null);
  const replace = (row: RosterRow) => {
    if (load.state !== 'ready') return;
    set({ ...load.value, members: load.value.members.map((m) => (m.id === row.id ? row : m)) });
  };
  return (
    <>
      <StepHead title={R.title} lead={R.lead} />
      {load.state === 'loading' && <Loading />}
      {load.state === 'failed' && <LoadFailed error={load.error} onRetry={reload} />}
      {load.state === 'ready' && (
        <>
          <RosterTable view={load.value} onPanel={setPanel} />
          {panel?.kind === 'key' && (
            <RegisterKey
              key={`key-${panel.member.id}`}
              member={panel.member}
              onDone={(row) => {
                replace(row);
                setPanel(null);
              }}
              onCancel={() => setPanel(null)}
            />
          )}
          {panel?.kind === 'fields' && (
            <AssignFields
              key={`fields-${panel.member.id}`}
              member={panel.member}
              view={load.value}
              onDone={(row) => {
                replace(row);
                setPanel(null);
              }}
              onCancel={() => setPanel(null)}
            />
          )}
          <div className="s-two">
            <KeyCard showExport={false} showRegistration={false} onChange={setKey} headingLevel={2} />
            <IssueCycle view={load.value} keyStatus={key} onIssued={reload} />
          </div>
        </>
      )}
    </>
  );
}

function RosterTable({ view, onPanel }: { view: RosterView; onPanel: (p: Panel) => void }) {
  const titles = new Map(view.fields.map((f) => [f.code, f.title]));
  return (
    <table className="data-table s-roster" data-testid="roster">
      <thead>
        <tr>
          <th>{R.member}</th>
          <th>{R.fields}</th>
          <th>{R.key}</th>
          <th>{R.lastPackage}</th>
          <th>{R.coi}</th>
          <th className="s-actions-col">{R.actions}</th>
        </tr>
      </thead>
      <tbody>
        {view.members.map((m) => (
          <tr key={m.id} data-member={m.id}>
            <td>
              <span className="x-strong">{m.name}</span>
              <span className="s-sub">
                {m.position}, {m.agency}
              </span>
            </td>
            <td>
              {m.role === 'secretariat' ? (
                <span className="chip">{R.secretariatRole}</span>
              ) : m.fields.length === 0 ? (
                <span className="muted">{R.noFields}</span>
              ) : (
                <span className="s-fields">
                  {m.fields.map((f) => {
                    const chip = entryChip(f, titles);
                    return (
                      <span key={f} className="s-field" title={chip.title}>
                        {chip.text}
                      </span>
                    );
                  })}
                </span>
              )}
            </td>
            <td data-testid="member-key">
              {m.display ? (
                <Fingerprint display={m.display} size="small" />
              ) : m.role === 'secretariat' ? (
                <span className="muted x-small">{R.secretariatKey}</span>
              ) : (
                <span className="s-warn">{R.noKey}</span>
              )}
            </td>
            <td>
              {m.lastPackage ? (
                R.package(m.lastPackage.sequence, day(m.lastPackage.importedAt))
              ) : (
                <span className="muted">{R.noPackage}</span>
              )}
            </td>
            <td>
              {m.conflictsOfInterest.length === 0 ? (
                <span className="muted">—</span>
              ) : (
                m.conflictsOfInterest.map((c) => c.unitName).join('; ')
              )}
            </td>
            <td className="s-actions-col">
              {m.role === 'member' && (
                <span className="s-row-actions">
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => onPanel({ kind: 'fields', member: m })}
                  >
                    {R.editFields}
                  </button>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => onPanel({ kind: 'key', member: m })}
                  >
                    {m.display ? R.replaceKey : R.registerKey}
                  </button>
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function IssueCycle({
  view,
  keyStatus,
  onIssued,
}: {
  view: RosterView;
  keyStatus: KeyStatus | null;
  onIssued: () => void;
}) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CodedError | null>(null);
  const [done, setDone] = useState<{ text: string; warn: string | null; ticket: string; fileName: string } | null>(
    null,
  );
  const ready = keyStatus?.state === 'unlocked';
  const issue = async () => {
    setBusy(true);
    setError(null);
    const r = await api.secretariat.exportCycle();
    setBusy(false);
    if (!r.ok) return setError(r.error);
    const v = r.value;
    setDone({
      text: R.exported(v.revision, v.units, v.evidenceFiles),
      warn: v.membersWithoutKey.length > 0 ? R.withoutKey(v.membersWithoutKey.join(', ')) : null,
      ticket: v.file.ticket,
      fileName: v.file.fileName,
    });
    onIssued();
    await saveAndTell(v.file.ticket, v.file.fileName);
  };
  return (
    <article className="card x-card" aria-labelledby={`${id}-title`} data-testid="issue-cycle">
      <h2 id={`${id}-title`}>{R.cycleTitle}</h2>
      <p className="muted x-small">{R.cycleIntro}</p>
      {view.issued.length === 0 ? (
        <p className="x-small">{R.notIssued}</p>
      ) : (
        <ul className="s-issued">
          {view.issued.slice(0, 4).map((i) => (
            <li key={i.packageHash}>{R.issued(i.revision, when(i.issuedAt))}</li>
          ))}
        </ul>
      )}
      {!ready && <p className="notice notice-locked">{R.keyNeeded}</p>}
      {error && <CodedMessage error={error} />}
      <div className="x-actions">
        <button type="button" className="button button-primary" disabled={!ready || busy} onClick={() => void issue()}>
          {busy ? R.exporting : R.exportCycle}
        </button>
      </div>
      {done && (
        <div className="notice x-done" role="status" data-testid="cycle-issued">
          <span>
            {done.text} <code className="x-file">{done.fileName}</code>
          </span>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => void saveAndTell(done.ticket, done.fileName)}
          >
            {exchangeText.common.saveAgain}
          </button>
          {done.warn && <p className="s-warn x-small">{done.warn}</p>}
        </div>
      )}
    </article>
  );
}
