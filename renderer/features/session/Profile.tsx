import { useEffect, useState } from 'react';
import type { SessionState } from '../../../shared/contract/index.ts';
import { api } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { toastStore } from '../../components/toast-store.ts';
import { vi } from '../../i18n/vi.ts';
import { invalidateOverview } from '../home/units-cache.ts';
import { IdentityForm } from './IdentityForm.tsx';

const K = vi.identity.link;

/** The member's identity (editable after the first run), its link to the roster, and facts about the app. */
export function Profile() {
  const { identity, appInfo, setIdentity } = useSession();
  const [session, setSession] = useState<SessionState | null>(null);
  const refresh = () => void api.session.get().then((r) => r.ok && setSession(r.value));
  useEffect(refresh, []);
  const m = session?.member;
  return (
    <section className="page page-narrow" aria-labelledby="profile-title">
      <h1 id="profile-title">{vi.identity.profileTitle}</h1>
      <p className="lead">{vi.identity.profileIntro}</p>
      {session && (
        <p className={`notice${m ? '' : ' notice-locked'}`} data-testid="roster-link">
          <strong>{K.title}:</strong>{' '}
          {m
            ? m.role === 'secretariat'
              ? K.secretariat(m.name)
              : K.linked(m.name, m.fields.length ? vi.identity.roster.fields(m.fields) : vi.identity.roster.noFields)
            : K.unlinked}
        </p>
      )}
      <div className="card">
        <IdentityForm
          initial={identity}
          submitLabel={vi.identity.submitProfile}
          onSaved={(saved) => {
            invalidateOverview();
            setIdentity(saved);
            refresh();
            toastStore.info(vi.identity.savedToast);
          }}
        />
      </div>
      {appInfo && (
        <article className="card app-card" aria-labelledby="app-card">
          <h2 id="app-card">{vi.home.appCard}</h2>
          <dl className="facts">
            <dt>{vi.home.version}</dt>
            <dd>{appInfo.version}</dd>
            <dt>{vi.home.dataDir}</dt>
            <dd className="path">{appInfo.dataDir}</dd>
            <dt>{vi.home.transport}</dt>
            <dd>{vi.home.transports[appInfo.transport]}</dd>
          </dl>
        </article>
      )}
    </section>
  );
}
