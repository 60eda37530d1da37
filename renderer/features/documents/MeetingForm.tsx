/**
 * The council meeting the minutes record: header of the document, time and place, legal
 * bases, chair and secretary, members present or absent (with a note), other attendees,
 * contents, conclusions, copies. Saved with meeting.save (audit row); read-only for members.
 */
import { useEffect, useMemo, useState } from 'react';
import type { MeetingWithRoster } from '../../../shared/contract/meeting.ts';
import { api } from '../../api/client.ts';
import { toastStore } from '../../components/toast-store.ts';
import { resultsText } from '../../i18n/results.ts';
import { type MeetingDraft, draftOf, draftProblems, draftExplanations, patchOf } from './meeting-draft.ts';

const D = resultsText.documents;

export function MeetingForm({
  value,
  onSaved,
  onDirty,
}: {
  value: MeetingWithRoster;
  onSaved: (v: MeetingWithRoster) => void;
  onDirty: (save: (() => Promise<boolean>) | null) => void;
}) {
  const initial = useMemo(() => draftOf(value), [value]);
  const [d, setD] = useState<MeetingDraft>(initial);
  const [busy, setBusy] = useState(false);
  useEffect(() => setD(initial), [initial]);
  const dirty = JSON.stringify(patchOf(d)) !== JSON.stringify(patchOf(initial));
  const explained = draftExplanations(d);
  const problems = new Set<keyof MeetingDraft>([
    ...draftProblems(d),
    ...(Object.keys(explained) as (keyof MeetingDraft)[]),
  ]);
  const set = <K extends keyof MeetingDraft>(k: K, v: MeetingDraft[K]) => setD((x) => ({ ...x, [k]: v }));

  const save = async (): Promise<boolean> => {
    // Each refused field says why under itself (once, inline): nothing to add here.
    if (problems.size > 0) return false;
    setBusy(true);
    const r = await api.meeting.save(patchOf(d));
    setBusy(false);
    if (!r.ok) {
      toastStore.error(r.error);
      return false;
    }
    onSaved(r.value);
    toastStore.info(D.saved);
    return true;
  };
  useEffect(() => {
    onDirty(dirty ? save : null);
  });

  const text = (
    k: keyof MeetingDraft & string,
    label: string,
    extra: { type?: string; wide?: boolean; placeholder?: string } = {},
  ) => (
    <label className={`r-field${extra.wide ? ' r-field-wide' : ''}`}>
      <span>{label}</span>
      <input
        type={extra.type ?? 'text'}
        value={d[k] as string}
        placeholder={extra.placeholder}
        aria-invalid={problems.has(k) || undefined}
        onChange={(e) => set(k, e.target.value as never)}
      />
      {explained[k] && (
        <span className="field-error" role="status" data-testid={`meeting-error-${k}`}>
          {explained[k]}
        </span>
      )}
    </label>
  );
  const when = (dateKey: 'startDate' | 'endDate', timeKey: 'startTime' | 'endTime', label: string) => (
    <div className="r-field">
      <span>{label}</span>
      <div className="r-datetime">
        <input
          type="text"
          inputMode="numeric"
          value={d[dateKey]}
          placeholder={D.datePlaceholder}
          aria-label={`${label}: ${D.dateLabel}`}
          aria-invalid={problems.has(dateKey) || undefined}
          onChange={(e) => set(dateKey, e.target.value)}
        />
        <input
          type="text"
          inputMode="numeric"
          value={d[timeKey]}
          placeholder={D.timePlaceholder}
          aria-label={`${label}: ${D.timeLabel}`}
          aria-invalid={problems.has(timeKey) || undefined}
          onChange={(e) => set(timeKey, e.target.value)}
        />
      </div>
      {[dateKey, timeKey].map((k) =>
        explained[k] ? (
          <span key={k} className="field-error" role="status" data-testid={`meeting-error-${k}`}>
            {explained[k]}
          </span>
        ) : null,
      )}
    </div>
  );
  const area = (k: keyof MeetingDraft & string, label: string, rows = 3) => (
    <label className="r-field r-field-wide">
      <span>{label}</span>
      <textarea rows={rows} value={d[k] as string} onChange={(e) => set(k, e.target.value as never)} />
    </label>
  );

  return (
    <form
      className="card r-card r-meeting"
      aria-labelledby="meeting-title"
      data-testid="meeting-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="r-card-head">
        <h2 id="meeting-title">{D.meetingTitle}</h2>
        {dirty && <span className="chip chip-differs">{D.unsaved}</span>}
        {problems.size > 0 && <span className="chip chip-rejected">{D.badDate}</span>}
      </div>
      <fieldset disabled={!value.canEdit} className="r-fieldset">
        <fieldset className="r-group-fields">
          <legend>{D.time}</legend>
          {when('startDate', 'startTime', D.startsAt)}
          {when('endDate', 'endTime', D.endsAt)}
          {text('location', D.location, { wide: true })}
        </fieldset>
        <fieldset className="r-group-fields">
          <legend>{D.header}</legend>
          {text('issuerParent', D.issuerParent)}
          {text('issuer', D.issuer)}
          {text('docNumber', D.docNumber)}
          {text('placeName', D.placeName)}
          {text('documentDate', D.documentDate, { placeholder: D.datePlaceholder })}
          {text('copies', D.copies, { type: 'number' })}
        </fieldset>
        {area('legalBases', D.legalBases, 4)}
        <fieldset className="r-group-fields">
          <legend>
            {D.chair} · {D.secretary}
          </legend>
          <label className="r-field">
            <span>{D.chairName}</span>
            <input
              type="text"
              list="meeting-members"
              value={d.chairName}
              onChange={(e) => {
                const m = value.members.find((x) => x.name === e.target.value);
                setD((x) => ({ ...x, chairName: e.target.value, ...(m ? { chairPosition: m.position } : {}) }));
              }}
            />
          </label>
          {text('chairPosition', D.chairPosition)}
          {text('secretaryName', D.secretaryName)}
          {text('secretaryPosition', D.secretaryPosition)}
          <datalist id="meeting-members">
            {value.members.map((m) => (
              <option key={m.id} value={m.name} />
            ))}
          </datalist>
        </fieldset>
        <fieldset className="r-group-fields r-attendance">
          <legend>{D.members}</legend>
          <table className="r-table" data-testid="attendance">
            <thead>
              <tr>
                <th scope="col">{D.members}</th>
                <th scope="col">{D.present}</th>
                <th scope="col">{D.note}</th>
              </tr>
            </thead>
            <tbody>
              {value.members.map((m) => {
                const a = d.attendance[m.id] ?? { present: true, note: '' };
                const put = (p: Partial<typeof a>) =>
                  setD((x) => ({ ...x, attendance: { ...x.attendance, [m.id]: { ...a, ...p } } }));
                return (
                  <tr key={m.id} className={a.present ? '' : 'is-absent'}>
                    <th scope="row">
                      {m.name}
                      <span className="muted r-att-meta">
                        {m.position}
                        {m.agency ? `, ${m.agency}` : ''}
                      </span>
                    </th>
                    <td>
                      <label className="r-check">
                        <input
                          type="checkbox"
                          checked={a.present}
                          onChange={(e) => put({ present: e.target.checked })}
                          aria-label={`${D.present}: ${m.name}`}
                        />
                        {a.present ? D.present : D.absent}
                      </label>
                    </td>
                    <td>
                      <input
                        type="text"
                        value={a.note}
                        onChange={(e) => put({ note: e.target.value })}
                        aria-label={`${D.note}: ${m.name}`}
                        className="r-att-note"
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>
        {area('otherAttendees', D.otherAttendees, 2)}
        {area('contents', D.contents, 3)}
        {area('conclusions', D.conclusions, 4)}
        <div className="r-form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || !dirty || problems.size > 0}
            data-testid="meeting-save"
          >
            {D.save}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
