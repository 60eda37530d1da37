import type { Identity } from '../../../shared/contract/index.ts';
import { vi } from '../../i18n/vi.ts';
import { IdentityForm } from './IdentityForm.tsx';

/** Shown until the member has told who he is. */
export function FirstRun({ onSaved }: { onSaved: (identity: Identity) => void }) {
  return (
    <main className="first-run" id="main">
      <div className="first-run-card">
        <header className="first-run-header">
          <p className="brand-mark" aria-hidden="true">CCHC</p>
          <h1>{vi.identity.firstRunTitle}</h1>
          <p className="lead">{vi.identity.firstRunIntro}</p>
        </header>
        <IdentityForm initial={null} submitLabel={vi.identity.submitFirstRun} onSaved={onSaved} />
      </div>
    </main>
  );
}
