/** The identity key on the profile screen ("Thông tin thành viên"), under the member's details. */
import { useSession } from '../../app/session.tsx';
import { KeyCard } from './KeyCard.tsx';

export function ProfileKey() {
  const { identity } = useSession();
  return (
    <section className="page page-narrow x-profile-key" data-testid="profile-key">
      <KeyCard showRegistration={identity.role === 'member'} />
    </section>
  );
}
