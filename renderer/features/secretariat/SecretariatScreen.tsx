/**
 * "Tổng hợp": the secretariat's steps, one sub-navigation: roster and keys → import →
 * conflicts → exemptions → completeness → finalise → audit. Refused to a member by the core
 * (SECRETARIAT_ONLY); the navigation shows it to the secretariat only. Until the
 * secretariat's key is unlocked on this installation (the core refuses every step with
 * SECRETARIAT_KEY_REQUIRED), the screen asks for it first.
 */
import { useState, type ReactNode } from 'react';
import type { KeyStatus } from '../../../shared/contract/identity.ts';
import { KeyCard } from '../exchange/KeyCard.tsx';
import { hrefFor } from '../../app/route.ts';
import { exchangeText } from '../../i18n/exchange.ts';
import { Audit } from './Audit.tsx';
import { Completeness } from './Completeness.tsx';
import { Conflicts } from './Conflicts.tsx';
import { Exemptions } from './Exemptions.tsx';
import { Finalise } from './Finalise.tsx';
import { Import } from './Import.tsx';
import { exchangePaths, type SecretariatTab } from './paths.ts';
import { Roster } from './Roster.tsx';
import '../exchange/exchange.css';
import './secretariat.css';

const TABS: [SecretariatTab, string][] = [
  ['hoi-dong', exchangeText.sub.roster],
  ['nhap', exchangeText.sub.import],
  ['y-kien', exchangeText.sub.conflicts],
  ['ha-diem-chuan', exchangeText.sub.exemptions],
  ['hoan-thanh', exchangeText.sub.completeness],
  ['chot', exchangeText.sub.finalise],
  ['nhat-ky', exchangeText.sub.audit],
];

export function SecretariatScreen({ tab }: { tab: SecretariatTab }) {
  let body: ReactNode;
  switch (tab) {
    case 'hoi-dong':
      body = <Roster />;
      break;
    case 'nhap':
      body = <Import />;
      break;
    case 'y-kien':
      body = <Conflicts />;
      break;
    case 'ha-diem-chuan':
      body = <Exemptions />;
      break;
    case 'hoan-thanh':
      body = <Completeness />;
      break;
    case 'chot':
      body = <Finalise />;
      break;
    case 'nhat-ky':
      body = <Audit />;
      break;
  }
  return (
    <section className="page s-page" data-testid={`secretariat-${tab}`}>
      <nav className="s-subnav" aria-label={exchangeText.nav.subLabel}>
        <ol>
          {TABS.map(([key, label], i) => (
            <li key={key}>
              <a
                href={hrefFor(exchangePaths.tab(key))}
                aria-current={key === tab ? 'page' : undefined}
                data-testid={`step-${key}`}
              >
                <span className="s-step" aria-hidden="true">
                  {i + 1}
                </span>
                {label}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <KeyGate>{body}</KeyGate>
    </section>
  );
}

/** The steps once the key is unlocked; before, the key card (create or unlock) with why. Also guards "Thiết lập kỳ". */
export function KeyGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<KeyStatus['state'] | null>(null);
  if (state === 'unlocked') return <>{children}</>;
  return (
    <div data-testid="secretariat-key-gate" hidden={state === null}>
      <h2>{exchangeText.gate.title}</h2>
      <p className="muted">{exchangeText.gate.lead}</p>
      <KeyCard showExport={false} showRegistration={false} onChange={(s) => setState(s.state)} headingLevel={3} />
    </div>
  );
}
