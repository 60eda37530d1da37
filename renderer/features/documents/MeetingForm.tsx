/**
 * The council meeting the minutes record: header of the document, time and place, legal
 * bases, chair and secretary, members present or absent (with a note), other attendees,
 * contents, conclusions, copies. Saved with meeting.save (audit row); read-only for members.
 */
import { useEffect, useMemo, useState } from 'react';
import type { MeetingPatch, MeetingWithRoster } from '../../../shared/contract/meeting.ts';
import { api } from '../../api/client.ts';
import { toastStore } from '../../components/toast-store.ts';
import { resultsText } from '../../i18n/results.ts';

const D = resultsText.documents;

export interface MeetingDraft {
  issuerParent: string;
  issuer: string;
  docNumber: string;
  placeName: string;
  /** dd/mm/yyyy */
  documentDate: string;
  startDate: string;
  /** HH:MM (24 h) */
  startTime: string;
  endDate: string;
  endTime: string;
  location: string;
  legalBases: string;
  chairName: string;
  chairPosition: string;
  secretaryName: string;
  secretaryPosition: string;
  otherAttendees: string;
  contents: string;
  conclusions: string;
  copies: string;
  attendance: Record<string, { present: boolean; note: string }>;
}

function draftOf(v: MeetingWithRoster): MeetingDraft {
  const m = v.meeting;
  const att = new Map(m.attendance.map((a) => [a.memberId, a]));
  return {
    issuerParent: m.issuerParent,
    issuer: m.issuer,
    docNumber: m.docNumber,
    placeName: m.placeName,
    documentDate: viDate(m.documentDate),
    startDate: viDate(m.startsAt?.slice(0, 10) ?? null),
    startTime: m.startsAt?.slice(11, 16) ?? '',
    endDate: viDate(m.endsAt?.slice(0, 10) ?? null),
    endTime: m.endsAt?.slice(11, 16) ?? '',
    location: m.location,
    legalBases: m.legalBases.join('\n'),
    chairName: m.chairName,
    chairPosition: m.chairPosition,
    secretaryName: m.secretaryName,
    secretaryPosition: m.secretaryPosition,
    otherAttendees: m.otherAttendees.join('\n'),
    contents: m.contents,
    conclusions: m.conclusions.join('\n'),
    copies: m.copies === null ? '' : String(m.copies),
    attendance: Object.fromEntries(
      v.members.map((x) => [x.id, { present: att.get(x.id)?.present ?? true, note: att.get(x.id)?.note ?? '' }]),
    ),
  };
}

const lines = (t: string) =>
  t
    .split('\n')
    .map((x) => x.trim())
    .filter((x) => x !== '');

/** "2024-03-15" → "15/03/2024". */
function viDate(iso: string | null): string {
  return iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('/') : '';
}

/** "15/3/2024" → "2024-03-15"; '' → null; undefined when it is not a date. */
export function isoDate(text: string): string | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "8:00", "08h00", "8" → "08:00"; '' → null; undefined when it is not a time. */
function isoTime(text: string): string | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  const m = /^(\d{1,2})(?:[:h](\d{2})?)?$/.exec(t);
  if (!m || Number(m[1]) > 23 || Number(m[2] ?? 0) > 59) return undefined;
  return `${m[1]!.padStart(2, '0')}:${m[2] ?? '00'}`;
}

/** Which fields of the draft do not read as a date or a time. */
function draftProblems(d: MeetingDraft): Set<keyof MeetingDraft> {
  const bad = new Set<keyof MeetingDraft>();
  for (const k of ['documentDate', 'startDate', 'endDate'] as const) if (isoDate(d[k]) === undefined) bad.add(k);
  for (const k of ['startTime', 'endTime'] as const) if (isoTime(d[k]) === undefined) bad.add(k);
  if (isoTime(d.startTime) && !isoDate(d.startDate)) bad.add('startDate');
  if (isoTime(d.endTime) && !isoDate(d.endDate) && !isoDate(d.startDate)) bad.add('endDate');
  return bad;
}

/** Why a typed date is not a date, in Vietnamese ("Không có ngày 31/02/2024: …"), or null. */
export function explainDate(text: string): string | null {
  if (isoDate(text) !== undefined) return null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return D.dateForm(text.trim());
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return D.noSuchMonth(month);
  return D.noSuchDay(day, month, year, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

/** Why each field of the draft is refused, in Vietnamese: shown under the field. */
export function draftExplanations(d: MeetingDraft): Partial<Record<keyof MeetingDraft, string>> {
  const out: Partial<Record<keyof MeetingDraft, string>> = {};
  for (const k of ['documentDate', 'startDate', 'endDate'] as const) {
    const e = explainDate(d[k]);
    if (e) out[k] = e;
  }
  for (const k of ['startTime', 'endTime'] as const) if (isoTime(d[k]) === undefined) out[k] = D.timeForm(d[k].trim());
  if (!out.startDate && isoTime(d.startTime) && !isoDate(d.startDate)) out.startDate = D.timeNeedsDate;
  if (!out.endDate && isoTime(d.endTime) && !isoDate(d.endDate) && !isoDate(d.startDate)) out.endDate = D.timeNeedsDate;
  const starts = at(d.startDate, d.startTime);
  const ends = at(d.endDate, d.endTime, d.startDate);
  if (Object.keys(out).length === 0 && starts && ends && ends < starts) out.endDate = D.endsBeforeStart;
  return out;
}

function at(date: string, time: string, fallbackDate = ''): string | null {
  const t = isoTime(time);
  const day = isoDate(date) ?? isoDate(fallbackDate);
  return t && day ? `${day}T${t}` : null;
}

function patchOf(d: MeetingDraft): MeetingPatch {
  const copies = Number(d.copies);
  return {
    issuerParent: d.issuerParent,
    issuer: d.issuer,
    docNumber: d.docNumber,
    placeName: d.placeName,
    documentDate: isoDate(d.documentDate) ?? null,
    startsAt: at(d.startDate, d.startTime),
    endsAt: at(d.endDate, d.endTime, d.startDate),
    location: d.location,
    legalBases: lines(d.legalBases),
    chairName: d.chairName,
    chairPosition: d.chairPosition,
    secretaryName: d.secretaryName,
    secretaryPosition: d.secretaryPosition,
    otherAttendees: lines(d.otherAttendees),
    contents: d.contents,
    conclusions: lines(d.conclusions),
    copies: d.copies.trim() === '' || !Number.isInteger(copies) ? null : copies,
    attendance: Object.entries(d.attendance).map(([memberId, a]) => ({
      memberId,
      present: a.present,
      note: a.note.trim(),
    })),
  };
}

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
