import { useEffect, useId, useState } from 'react';
import { rememberGroups } from '../../app/groups.ts';
import type { RosterMember } from '../../../shared/contract/workspace.ts';
import { api } from '../../api/client.ts';
import { vi } from '../../i18n/vi.ts';

const R = vi.identity.roster;
const FREE_ENTRY = '';

/** "Tôi là …": the open cycle's roster; choosing oneself fills the form and links the member. */
export function RosterPicker({
  value,
  onPick,
}: {
  value: string | null | undefined;
  onPick: (member: RosterMember | null) => void;
}) {
  const id = useId();
  const [state, setState] = useState<{ cycle: string; members: RosterMember[] } | null | 'none'>(null);
  useEffect(() => {
    let live = true;
    void api.workspace.roster().then((r) => {
      if (r.ok) rememberGroups(r.value.cycle.groups); // the group labels of group-scoped fields
      if (live)
        setState(r.ok && r.value.members.length > 0 ? { cycle: r.value.cycle.name, members: r.value.members } : 'none');
    });
    return () => {
      live = false;
    };
  }, []);
  if (state === null) return null;
  if (state === 'none') return <p className="hint">{R.unavailable}</p>;
  const describe = (m: RosterMember) =>
    `${m.name} — ${m.position}, ${m.agency} (${m.role === 'secretariat' ? vi.roles.secretariat : m.fields.length ? R.fields(m.fields) : R.noFields})`;
  const chosen = state.members.find((m) => m.id === value);
  return (
    <div className="field roster">
      <label htmlFor={`${id}-roster`}>{R.label}</label>
      <select
        id={`${id}-roster`}
        data-field="roster"
        value={chosen ? chosen.id : FREE_ENTRY}
        aria-describedby={`${id}-roster-hint`}
        onChange={(e) => onPick(state.members.find((m) => m.id === e.target.value) ?? null)}
      >
        <option value={FREE_ENTRY}>{R.free}</option>
        {state.members.map((m) => (
          <option key={m.id} value={m.id}>
            {describe(m)}
          </option>
        ))}
      </select>
      <p id={`${id}-roster-hint`} className="hint">
        {chosen ? R.chosen(chosen.name) : `${R.hint(state.cycle)} ${R.freeNote}`}
      </p>
    </div>
  );
}
