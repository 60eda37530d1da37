import { useSession } from '../../app/session.tsx';
import { hrefFor } from '../../app/route.ts';
import { vi } from '../../i18n/vi.ts';

export function Home() {
  const { identity, appInfo } = useSession();
  return (
    <section className="page" aria-labelledby="home-title">
      <h1 id="home-title">{vi.home.greeting(identity.name)}</h1>
      <p className="lead">{vi.home.intro}</p>
      <div className="cards">
        <article className="card" aria-labelledby="member-card">
          <h2 id="member-card">{vi.home.memberCard}</h2>
          <dl className="facts">
            <dt>{vi.identity.name}</dt>
            <dd>{identity.name}</dd>
            <dt>{vi.identity.position}</dt>
            <dd>{identity.position}</dd>
            <dt>{vi.identity.agency}</dt>
            <dd>{identity.agency}</dd>
            <dt>{vi.identity.role}</dt>
            <dd>{vi.roles[identity.role]}</dd>
          </dl>
          <a className="button button-secondary" href={hrefFor('/thanh-vien')}>
            {vi.home.editIdentity}
          </a>
        </article>
        {appInfo && (
          <article className="card" aria-labelledby="app-card">
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
      </div>
    </section>
  );
}
