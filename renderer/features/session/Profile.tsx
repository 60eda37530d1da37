import { useSession } from '../../app/session.tsx';
import { toastStore } from '../../components/toast-store.ts';
import { vi } from '../../i18n/vi.ts';
import { IdentityForm } from './IdentityForm.tsx';

/** The member's identity, editable after the first run. */
export function Profile() {
  const { identity, setIdentity } = useSession();
  return (
    <section className="page page-narrow" aria-labelledby="profile-title">
      <h1 id="profile-title">{vi.identity.profileTitle}</h1>
      <p className="lead">{vi.identity.profileIntro}</p>
      <div className="card">
        <IdentityForm
          initial={identity}
          submitLabel={vi.identity.submitProfile}
          onSaved={(saved) => {
            setIdentity(saved);
            toastStore.info(vi.identity.savedToast);
          }}
        />
      </div>
    </section>
  );
}
