import { useEffect, type ReactNode } from 'react';
import { loadOverview } from '../features/home/units-cache.ts';
import { useLoad } from './use-load.ts';
import { useSession } from '../app/session.tsx';
import { hrefFor } from '../app/route.ts';
import { SCREENS } from '../app/screens.tsx';
import { replayDrafts, saver } from '../features/dossier/saver.ts';
import { toastStore } from './toast-store.ts';
import { errorKey, inlineErrors } from './inline-errors.ts';
import { vi } from '../i18n/vi.ts';
import { KeyboardHelp, keyboardHelp } from './KeyboardHelp.tsx';
import { SaveIndicator } from './SaveIndicator.tsx';
import { isTypingTarget, isUndo } from './keys.ts';

/** Header (app name, save state, current member), navigation, then the screen. */
export function AppFrame({ path, children }: { path: string; children: ReactNode }) {
  const { identity } = useSession();
  const layout = SCREENS.find((s) => s.path === path)?.layout ?? 'page';
  // The demo cycle is labelled on every screen ("Dữ liệu minh họa"); asked again on each screen change.
  const [overview] = useLoad(() => loadOverview(), `frame:${location.hash}`);
  const demo = overview.state === 'ready' && overview.value.cycle.demo === true;

  useEffect(() => {
    // Text typed before a crash or a closed window and not yet confirmed by the core.
    void replayDrafts();
    const onKey = (e: KeyboardEvent) => {
      if (isTypingTarget(e.target)) return; // text fields keep their own keys (and their own Ctrl+Z)
      if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        keyboardHelp.set(true);
      } else if (isUndo(e)) {
        e.preventDefault();
        void saver
          .undo()
          .then((done) =>
            toastStore.info(
              !done
                ? vi.dossier.nothingToUndo
                : done.count !== undefined
                  ? vi.bulk.undone(done.count)
                  : vi.dossier.undone(done.code),
            ),
          );
      }
    };
    window.addEventListener('keydown', onKey);
    // The core's refusals of a change, in Vietnamese with their code.
    // Shown once: inline where the dossier shows the sub-criterion, else as a toast that closes when it is fixed.
    const off = saver.subscribe((e) => {
      if (e.type === 'failed') {
        const key = errorKey(e.unitId, e.code);
        if (!inlineErrors.has(key)) toastStore.error(e.error, key);
      } else if (e.type === 'saved') toastStore.dismissKey(errorKey(e.unitId, e.code));
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, []);

  return (
    <div className={`frame frame-${layout}`}>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault(); // the hash is the route: focus the content instead
          document.getElementById('main')?.focus();
        }}
      >
        {vi.nav.skipToContent}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            CCHC
          </span>
          <span className="brand-text">
            <span className="brand-name">{vi.appName}</span>
            <span className="brand-tagline">{vi.appTagline}</span>
          </span>
        </div>
        <nav className="nav" aria-label={vi.nav.label}>
          <ul>
            {SCREENS.filter((s) => s.inNav && (!s.roles || s.roles.includes(identity.role))).map((s) => (
              <li key={s.path}>
                <a href={hrefFor(s.href())} aria-current={s.path === path ? 'page' : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar-end">
          <SaveIndicator />
          <button
            type="button"
            className="topbar-button"
            onClick={() => keyboardHelp.set(true)}
            title={vi.nav.shortcuts}
            aria-label={vi.nav.shortcuts}
          >
            ?
          </button>
          <a className="member" href={hrefFor('/thanh-vien')} data-testid="current-member">
            <span className="member-name">{identity.name}</span>
            <span className="member-meta">
              {identity.position} · {vi.roles[identity.role]}
            </span>
          </a>
        </div>
      </header>
      {demo && (
        <p className="demo-banner" role="note" data-testid="demo-label">
          <strong>{vi.start.demoLabel}</strong> · {vi.start.demoLabelHint}
        </p>
      )}
      <main className={`content content-${layout}`} id="main" tabIndex={-1}>
        {children}
      </main>
      <KeyboardHelp />
    </div>
  );
}
