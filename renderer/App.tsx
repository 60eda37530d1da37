import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppInfo, Identity } from '../shared/contract/index.ts';
import type { CodedError } from '../shared/errors/codes.ts';
import { api } from './api/client.ts';
import { AppFrame } from './components/AppFrame.tsx';
import { Toasts } from './components/Toasts.tsx';
import { FirstRun } from './features/session/FirstRun.tsx';
import { navigate, useRoute } from './app/route.ts';
import { screenFor } from './app/screens.tsx';
import { SessionContext, type SessionValue } from './app/session.tsx';
import { vi } from './i18n/vi.ts';
import { exchangePaths } from './features/secretariat/paths.ts';

/** The cycle set-up wizard's address. */
const SETUP_PATH = '/thiet-lap-ky';

type Boot =
  | { state: 'loading' }
  | { state: 'failed'; error: CodedError }
  | { state: 'ready'; identity: Identity | null; appInfo: AppInfo | null; hasCycle: boolean };

export function App() {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const path = useRoute();

  const load = useCallback(async () => {
    setBoot({ state: 'loading' });
    const [session, info, roster] = await Promise.all([api.session.get(), api.app.info(), api.workspace.roster()]);
    if (!session.ok) return setBoot({ state: 'failed', error: session.error });
    const hasCycle = roster.ok || roster.error.code !== 'NO_CYCLE';
    setBoot({ state: 'ready', identity: session.value.identity, appInfo: info.ok ? info.value : null, hasCycle });
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const setIdentity = useCallback((identity: Identity) => {
    setBoot((b) => (b.state === 'ready' ? { ...b, identity } : b));
  }, []);

  const session = useMemo<SessionValue | null>(
    () =>
      boot.state === 'ready' && boot.identity ? { identity: boot.identity, appInfo: boot.appInfo, setIdentity } : null,
    [boot, setIdentity],
  );

  let body: React.ReactNode;
  if (boot.state === 'loading') {
    body = (
      <main className="centered" id="main" aria-busy="true">
        <p className="muted">{vi.loading}</p>
      </main>
    );
  } else if (boot.state === 'failed') {
    body = (
      <main className="centered" id="main">
        <div className="card card-error" role="alert">
          <h1>{vi.errors.startFailed}</h1>
          <p>{boot.error.message}</p>
          <p className="toast-code">
            {vi.errors.code}: <code>{boot.error.code}</code>
          </p>
          <button type="button" className="button button-primary" onClick={() => void load()}>
            {vi.retry}
          </button>
        </div>
      </main>
    );
  } else if (!session) {
    body = (
      <FirstRun
        hasCycle={boot.state === 'ready' && boot.hasCycle}
        onSaved={(identity, mode) => {
          setIdentity(identity);
          navigate(mode === 'join' ? exchangePaths.exchange : mode === 'setup' ? SETUP_PATH : '/');
        }}
      />
    );
  } else {
    const screen = screenFor(path);
    body = (
      <SessionContext.Provider value={session}>
        <AppFrame path={screen.path}>{screen.render()}</AppFrame>
      </SessionContext.Provider>
    );
  }

  return (
    <>
      {body}
      <Toasts />
    </>
  );
}
