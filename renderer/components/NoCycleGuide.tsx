/**
 * What a machine with no cycle shows instead of "NO_CYCLE · Thử lại": the three
 * ways to begin — receive the secretariat's cycle package, set a cycle up, or open the demo.
 */
import { useState } from 'react';
import { api } from '../api/client.ts';
import { hrefFor } from '../app/route.ts';
import { invalidateOverview } from '../features/home/units-cache.ts';
import { vi } from '../i18n/vi.ts';
import { toastStore } from './toast-store.ts';

const N = vi.start.noCycle;

export function NoCycleGuide() {
  const [busy, setBusy] = useState(false);
  const openDemo = async () => {
    setBusy(true);
    const r = await api.app.openDemo();
    setBusy(false);
    if (!r.ok) return toastStore.error(r.error);
    invalidateOverview();
    location.reload();
  };
  return (
    <div className="load-state">
      <section className="card no-cycle" aria-labelledby="no-cycle-title" data-testid="no-cycle-guide">
        <h1 id="no-cycle-title">{N.title}</h1>
        <p className="muted">{N.intro}</p>
        <ul className="no-cycle-ways">
          <li>
            <a className="button button-primary" href={hrefFor('/trao-doi')}>
              {N.join}
            </a>
            <span>{N.joinText}</span>
          </li>
          <li>
            <a className="button button-secondary" href={hrefFor('/thiet-lap-ky')}>
              {N.setup}
            </a>
            <span>{N.setupText}</span>
          </li>
          <li>
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => void openDemo()}>
              {busy ? N.opening : N.demo}
            </button>
            <span>
              {N.demoText} <span className="chip chip-demo">{vi.start.demoLabel}</span>
            </span>
          </li>
        </ul>
      </section>
    </div>
  );
}
