import type { ReactNode } from 'react';
import { useSession } from '../app/session.tsx';
import { hrefFor } from '../app/route.ts';
import { SCREENS } from '../app/screens.tsx';
import { vi } from '../i18n/vi.ts';
import { SaveIndicator } from './SaveIndicator.tsx';

/** Header (app name, save state, current member), navigation, then the screen. */
export function AppFrame({ path, children }: { path: string; children: ReactNode }) {
  const { identity } = useSession();
  return (
    <div className="frame">
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
          <span className="brand-mark" aria-hidden="true">CCHC</span>
          <span className="brand-text">
            <span className="brand-name">{vi.appName}</span>
            <span className="brand-tagline">{vi.appTagline}</span>
          </span>
        </div>
        <div className="topbar-end">
          <SaveIndicator />
          <a className="member" href={hrefFor('/thanh-vien')} data-testid="current-member">
            <span className="member-name">{identity.name}</span>
            <span className="member-meta">
              {identity.position} · {vi.roles[identity.role]}
            </span>
          </a>
        </div>
      </header>
      <nav className="nav" aria-label={vi.nav.label}>
        <ul>
          {SCREENS.filter((s) => s.inNav).map((s) => (
            <li key={s.path}>
              <a href={hrefFor(s.path)} aria-current={s.path === path ? 'page' : undefined}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
