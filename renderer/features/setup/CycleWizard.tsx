/**
 * The new-cycle wizard: name, year, province, precision, the legal bases, its groups (presets
 * or its own) with their frameworks (sample or imported), and last year's units and results.
 */
import { useState } from 'react';
import type { UploadedFile } from '../../../shared/contract/files.ts';
import type { SetupCycle } from '../../../shared/contract/setup.ts';
import type { CodedError } from '../../../shared/errors/codes.ts';
import { api } from '../../api/client.ts';
import { toastStore } from '../../components/toast-store.ts';
import { setupText } from '../../i18n/setup.ts';
import { CodedMessage, Upload } from './Upload.tsx';

const W = setupText.wizard;

export interface Preset {
  readonly code: string;
  readonly label: string;
  readonly shortLabel: string;
  readonly fields: readonly string[];
}

interface GroupChoice {
  readonly code: string;
  readonly label: string;
  readonly shortLabel: string;
  readonly fields: readonly string[];
  readonly preset: boolean;
  readonly on: boolean;
  readonly framework: UploadedFile | null;
}

export function Wizard({
  presets,
  cycles,
  onCreated,
}: {
  presets: readonly Preset[];
  cycles: readonly SetupCycle[];
  onCreated: () => void;
}) {
  const year0 = new Date().getFullYear();
  const [name, setName] = useState('');
  const [year, setYear] = useState(String(year0));
  const [province, setProvince] = useState(cycles[0]?.province ?? '');
  const [precision, setPrecision] = useState('2');
  const [decision, setDecision] = useState('');
  const [councilDecision, setCouncilDecision] = useState('');
  const [groups, setGroups] = useState<GroupChoice[]>(() =>
    presets.map((p) => ({
      ...p,
      preset: true,
      on:
        p.code === 'department' ||
        p.code === 'commune' ||
        p.code === 'public_service_unit' ||
        p.code === 'central_agency',
      framework: null,
    })),
  );
  const [custom, setCustom] = useState({ code: '', label: '', shortLabel: '' });
  const [takeFrom, setTakeFrom] = useState('');
  const [takeResults, setTakeResults] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CodedError | null>(null);

  const patch = (code: string, p: Partial<GroupChoice>) =>
    setGroups((gs) => gs.map((g) => (g.code === code ? { ...g, ...p } : g)));

  const submit = async () => {
    const chosen = groups.filter((g) => g.on);
    if (chosen.length === 0) return setError({ code: 'SETUP_NO_GROUPS', message: W.noGroups });
    setBusy(true);
    setError(null);
    const r = await api.setup.createCycle({
      name,
      year: Number(year),
      province,
      precision: Number(precision),
      decision,
      councilDecision,
      groups: chosen.map((g) =>
        g.preset
          ? { preset: g.code, ...(g.framework ? { frameworkTicket: g.framework.ticket } : {}) }
          : {
              code: g.code,
              label: g.label,
              shortLabel: g.shortLabel,
              ...(g.framework ? { frameworkTicket: g.framework.ticket } : {}),
            },
      ),
      ...(takeFrom ? { takeFrom: { cycleId: takeFrom, results: takeResults } } : {}),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    toastStore.info(W.created(r.value.name));
    onCreated();
  };

  return (
    <section className="st-card" aria-labelledby="st-wizard" data-testid="setup-wizard">
      <h2 id="st-wizard">{W.title}</h2>
      <h3>{W.step1}</h3>
      <div className="st-grid">
        <label className="st-field wide">
          {W.name}
          <input value={name} placeholder={W.namePlaceholder} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="st-field">
          {W.year}
          <input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(e.target.value)} />
        </label>
        <label className="st-field">
          {W.province}
          <input value={province} onChange={(e) => setProvince(e.target.value)} />
        </label>
        <label className="st-field">
          {W.precision}
          <select value={precision} onChange={(e) => setPrecision(e.target.value)}>
            {[0, 1, 2, 3, 4].map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
      </div>
      <h3>{W.step2}</h3>
      <div className="st-grid">
        <label className="st-field wide">
          {W.decision}
          <textarea
            rows={2}
            value={decision}
            placeholder={W.decisionPlaceholder}
            onChange={(e) => setDecision(e.target.value)}
          />
        </label>
        <label className="st-field wide">
          {W.councilDecision}
          <textarea
            rows={2}
            value={councilDecision}
            placeholder={W.councilDecisionPlaceholder}
            onChange={(e) => setCouncilDecision(e.target.value)}
          />
        </label>
      </div>
      <h3>{W.step3}</h3>
      <div className="st-groups" role="group" aria-label={W.presets}>
        {groups.map((g) => (
          <div key={g.code} className={`st-group${g.on ? '' : ' is-off'}`} data-testid={`group-${g.code}`}>
            <input
              type="checkbox"
              checked={g.on}
              aria-label={g.label}
              onChange={(e) => patch(g.code, { on: e.target.checked })}
            />
            <div>
              <strong>{g.label}</strong> <span className="muted">({g.code})</span>
              <div className="muted">{W.fields(g.fields)}</div>
            </div>
            <div className="st-fw">
              <span>{g.framework ? W.uploaded(g.framework.name) : W.sample}</span>
              {g.on && (
                <Upload
                  label={W.upload}
                  accept=".xlsx,.json"
                  testId={`wizard-framework-${g.code}`}
                  onFile={(f) => patch(g.code, { framework: f })}
                />
              )}
              {!g.preset && (
                <button
                  type="button"
                  className="button button-quiet button-small"
                  onClick={() => setGroups((gs) => gs.filter((x) => x.code !== g.code))}
                >
                  {W.remove}
                </button>
              )}
            </div>
          </div>
        ))}
      </div>
      <div className="st-row" style={{ marginTop: 8 }}>
        <label className="st-field">
          {W.customCode}
          <input value={custom.code} onChange={(e) => setCustom({ ...custom, code: e.target.value })} />
        </label>
        <label className="st-field">
          {W.customLabel}
          <input value={custom.label} onChange={(e) => setCustom({ ...custom, label: e.target.value })} />
        </label>
        <label className="st-field">
          {W.customShort}
          <input value={custom.shortLabel} onChange={(e) => setCustom({ ...custom, shortLabel: e.target.value })} />
        </label>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={!custom.code || !custom.label || groups.some((g) => g.code === custom.code)}
          onClick={() => {
            setGroups((gs) => [
              ...gs,
              {
                ...custom,
                shortLabel: custom.shortLabel || custom.label,
                fields: [],
                preset: false,
                on: true,
                framework: null,
              },
            ]);
            setCustom({ code: '', label: '', shortLabel: '' });
          }}
        >
          {W.addCustom}
        </button>
      </div>
      {cycles.length > 0 && (
        <>
          <h3>{W.step4}</h3>
          <div className="st-row">
            <label className="st-field">
              {W.takeFrom}
              <select value={takeFrom} onChange={(e) => setTakeFrom(e.target.value)}>
                <option value="">{W.takeNone}</option>
                {cycles.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            {takeFrom && (
              <label className="st-row">
                <input type="checkbox" checked={takeResults} onChange={(e) => setTakeResults(e.target.checked)} />
                {W.takeResults}
              </label>
            )}
          </div>
        </>
      )}
      {error && <CodedMessage error={error} />}
      <div className="st-row" style={{ marginTop: 12 }}>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void submit()}>
          {busy ? W.creating : W.create}
        </button>
      </div>
    </section>
  );
}
