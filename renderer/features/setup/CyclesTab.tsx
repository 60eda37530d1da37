/** The cycles (current one marked, make another current, replace a group's framework) and the new-cycle wizard. */
import { useCallback, useEffect, useState } from 'react';
import type { SetupCycle } from '../../../shared/contract/setup.ts';
import type { CodedError } from '../../../shared/errors/codes.ts';
import { api } from '../../api/client.ts';
import { LoadFailed, Loading } from '../../components/LoadState.tsx';
import { toastStore } from '../../components/toast-store.ts';
import { setupText } from '../../i18n/setup.ts';
import { Upload } from './Upload.tsx';
import { invalidateOverview } from '../home/units-cache.ts';
import { type Preset, Wizard } from './CycleWizard.tsx';

const C = setupText.cycles;

export function CyclesTab() {
  const [data, setData] = useState<{ cycles: SetupCycle[]; presets: Preset[] } | null>(null);
  const [error, setError] = useState<CodedError | null>(null);
  const [created, setCreated] = useState(0);
  const load = useCallback(async () => {
    // Loaded first and after every change: the screens' cached overview (cycle, groups, units) is stale then.
    invalidateOverview();
    const r = await api.setup.overview();
    if (r.ok) setData(r.value);
    else setError(r.error);
  }, []);
  useEffect(() => void load(), [load]);
  if (error) return <LoadFailed error={error} onRetry={() => (setError(null), void load())} />;
  if (!data) return <Loading />;
  return (
    <>
      <CycleList cycles={data.cycles} onChanged={load} />
      <Wizard
        key={created}
        presets={data.presets}
        cycles={data.cycles}
        onCreated={() => {
          // A fresh form, and the list (with the new current cycle) in view.
          setCreated((n) => n + 1);
          window.scrollTo(0, 0);
          void load();
        }}
      />
    </>
  );
}

function CycleList({ cycles, onChanged }: { cycles: readonly SetupCycle[]; onChanged: () => void }) {
  const makeCurrent = async (c: SetupCycle) => {
    const r = await api.setup.setCurrent({ cycleId: c.id });
    if (!r.ok) return toastStore.error(r.error);
    toastStore.info(C.madeCurrent(c.name));
    onChanged();
  };
  const setFramework = async (group: string, ticket: string | null) => {
    const r = await api.setup.setFramework({ group, ticket });
    if (!r.ok) return toastStore.error(r.error);
    toastStore.info(C.frameworkSet);
    onChanged();
  };
  return (
    <section className="st-card" aria-labelledby="st-cycles" data-testid="setup-cycles">
      <h2 id="st-cycles">{C.title}</h2>
      {cycles.length === 0 && <p className="muted">{C.none}</p>}
      {cycles.map((c) => (
        <div key={c.id} className="st-cycle" data-testid={`cycle-${c.id}`}>
          <div>
            <strong>{c.name}</strong>
            {c.current && <span className="st-badge">{C.current}</span>}
            <div className="muted">
              {c.province} · {c.year} · {C.counts(c.units, c.members)}
            </div>
            <div className="muted">{c.appraisalStarted ? C.started : C.open}</div>
            <ul>
              {c.groups.map((g) => (
                <li key={g.code}>
                  {g.label} — {g.frameworkName ?? '—'}
                  <span className={`st-badge${g.sample ? ' is-sample' : ''}`}>{g.sample ? C.sample : C.own}</span>
                  {c.current && !c.appraisalStarted && (
                    <span className="st-row" style={{ display: 'inline-flex', marginLeft: 8 }}>
                      <Upload
                        label={C.replaceFramework}
                        accept=".xlsx,.json"
                        testId={`framework-${g.code}`}
                        onFile={(f) => void setFramework(g.code, f.ticket)}
                      />
                      {!g.sample && (
                        <button
                          type="button"
                          className="button button-quiet button-small"
                          onClick={() => void setFramework(g.code, null)}
                        >
                          {C.useSample}
                        </button>
                      )}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </div>
          {!c.current && (
            <button type="button" className="button button-secondary button-small" onClick={() => void makeCurrent(c)}>
              {C.makeCurrent}
            </button>
          )}
        </div>
      ))}
    </section>
  );
}
