/** "Thiết lập kỳ": cycles and the new-cycle wizard, the units, the roster (sub-navigation). */
import { KeyGate } from '../secretariat/SecretariatScreen.tsx';
import { hrefFor } from '../../app/route.ts';
import { setupText } from '../../i18n/setup.ts';
import { CyclesTab } from './CyclesTab.tsx';
import { RosterTab } from './RosterTab.tsx';
import { UnitsTab } from './UnitsTab.tsx';
import { type SetupTab, setupPaths } from './paths.ts';
import './setup.css';

const TABS: readonly [SetupTab, string, string][] = [
  ['ky', setupText.tabs.cycle, setupPaths.setup],
  ['don-vi', setupText.tabs.units, setupPaths.units],
  ['hoi-dong', setupText.tabs.roster, setupPaths.roster],
];

export function SetupScreen({ tab }: { tab: SetupTab }) {
  return (
    <div className="st-screen">
      <h1>{setupText.nav.setup}</h1>
      <nav className="st-tabs" aria-label={setupText.nav.sub}>
        {TABS.map(([key, label, path]) => (
          <a
            key={key}
            href={hrefFor(path)}
            aria-current={key === tab ? 'page' : undefined}
            className={key === tab ? 'is-current' : ''}
          >
            {label}
          </a>
        ))}
      </nav>
      <KeyGate>
        {tab === 'ky' && <CyclesTab />}
        {tab === 'don-vi' && <UnitsTab />}
        {tab === 'hoi-dong' && <RosterTab />}
      </KeyGate>
    </div>
  );
}
