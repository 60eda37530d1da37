/**
 * Shown until the user has told who he is. First the choice: explore the demo
 * (its own cycle, "Dữ liệu minh họa"), join a real cycle (receive the secretariat's cycle package),
 * or set one up (the secretariat); then who he is. The choice decides where the app opens.
 */
import { useEffect, useId, useState } from 'react';
import type { Identity } from '../../../shared/contract/index.ts';
import { api } from '../../api/client.ts';
import { toastStore } from '../../components/toast-store.ts';
import { vi } from '../../i18n/vi.ts';
import { invalidateOverview } from '../home/units-cache.ts';
import { IdentityForm } from './IdentityForm.tsx';

export type StartMode = 'demo' | 'join' | 'setup';
const MODES: readonly StartMode[] = ['demo', 'join', 'setup'];
const S = vi.start;

export function FirstRun({
  onSaved,
  hasCycle,
}: {
  onSaved: (identity: Identity, mode: StartMode) => void;
  hasCycle: boolean;
}) {
  const id = useId();
  // A machine started as the README says holds the demo; an empty one is most likely a member's waiting for the package.
  const [mode, setMode] = useState<StartMode>(hasCycle ? 'demo' : 'join');
  // The demo is opened (created on an empty machine) before its roster is offered.
  const [demoReady, setDemoReady] = useState(false);
  useEffect(() => {
    if (mode !== 'demo' || demoReady) return;
    void api.app.openDemo().then((r) => {
      if (!r.ok) return toastStore.error(r.error);
      invalidateOverview();
      setDemoReady(true);
    });
  }, [mode, demoReady]);

  return (
    <main className="first-run" id="main">
      <div className="first-run-card">
        <header className="first-run-header">
          <p className="brand-mark" aria-hidden="true">
            CCHC
          </p>
          <h1>{vi.identity.firstRunTitle}</h1>
          <p className="lead">{vi.identity.firstRunIntro}</p>
        </header>
        <fieldset className="start-modes" data-testid="start-modes">
          <legend className="start-legend">{S.chooseTitle}</legend>
          {MODES.map((m) => (
            <label key={m} className={`start-mode${mode === m ? ' is-chosen' : ''}`}>
              <input
                type="radio"
                name={`${id}-mode`}
                value={m}
                checked={mode === m}
                onChange={() => setMode(m)}
                aria-labelledby={`${id}-${m}-t`}
                aria-describedby={`${id}-${m}-h`}
              />
              <span className="start-text">
                <span className="start-title">
                  <span id={`${id}-${m}-t`}>{S.modes[m].title}</span>
                  {m === 'demo' && <span className="chip chip-demo">{S.demoLabel}</span>}
                </span>
                <span className="start-hint" id={`${id}-${m}-h`}>
                  {S.modes[m].text}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        {mode === 'demo' && !demoReady ? (
          <p className="muted">{vi.loading}</p>
        ) : (
          <IdentityForm
            key={mode}
            initial={null}
            roster={mode === 'demo'}
            {...(mode === 'demo' ? {} : { role: mode === 'setup' ? ('secretariat' as const) : ('member' as const) })}
            submitLabel={S.submit}
            onSaved={(identity) => onSaved(identity, mode)}
          />
        )}
      </div>
    </main>
  );
}
