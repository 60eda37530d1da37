/**
 * The screens the navigation offers: Trang chủ, Hồ sơ đơn vị (/don-vi/<id>), Bảng chấm điểm
 * (/cham-diem/<group>/<field>), Thông tin thành viên. `screenFor` matches a path with its
 * parameters; `path` of the result is the screen's key (what the navigation marks current).
 */
import { lazy, Suspense, type ReactNode } from 'react';
import type { UnitGroup } from '../../shared/framework/types.ts';
import type { MemberRole } from '../../shared/contract/index.ts';
import { Loading } from '../components/LoadState.tsx';
import { Home } from '../features/home/Home.tsx';
import { Dossier } from '../features/dossier/Dossier.tsx';
import { Profile } from '../features/session/Profile.tsx';
import { vi } from '../i18n/vi.ts';
import { RESULTS_SCREENS, resultsScreenFor } from '../features/results/routes.tsx';
import { EXCHANGE_SCREENS, exchangeScreenFor } from '../features/secretariat/routes.tsx';
import { SETUP_SCREENS, setupScreenFor } from '../features/setup/routes.tsx';
import { ProfileKey } from '../features/exchange/ProfileKey.tsx';
import { INTAKE_PATH, INTAKE_SCREENS } from '../features/intake/routes.tsx';
import { lastVisited, parseRoute, paths } from './route.ts';

/** The grid (ag-grid) loads on first use: the start stays light. */
const LazyGrid = lazy(() => import('../features/grid/ScoringGrid.tsx').then((m) => ({ default: m.ScoringGrid })));
function ScoringGrid(props: { group: UnitGroup | null; field: string | null }) {
  return (
    <Suspense fallback={<Loading />}>
      <LazyGrid {...props} />
    </Suspense>
  );
}

export interface Screen {
  /** The screen's key and default address. */
  readonly path: string;
  readonly label: string;
  /** Listed in the navigation bar (false: reachable by link only). */
  readonly inNav: boolean;
  /** Only these roles see it in the navigation bar (default: everyone). */
  readonly roles?: readonly MemberRole[];
  /** 'fill': the screen takes the window's height and scrolls inside (dossier, grid). */
  readonly layout: 'page' | 'fill';
  /** Where the navigation link goes (e.g. the last unit opened). */
  readonly href: () => string;
  readonly render: () => ReactNode;
}

export const SCREENS: readonly Screen[] = [
  { path: paths.home, label: vi.nav.home, inNav: true, layout: 'page', href: () => paths.home, render: () => <Home /> },
  {
    path: paths.units,
    label: vi.nav.dossiers,
    inNav: true,
    layout: 'fill',
    href: () => lastVisited.get('unit') ?? paths.units,
    render: () => <Dossier unitId={null} code={null} />,
  },
  {
    path: paths.grids,
    label: vi.nav.scoring,
    inNav: true,
    layout: 'fill',
    href: () => lastVisited.get('grid') ?? paths.grids,
    render: () => <ScoringGrid group={null} field={null} />,
  },
  ...RESULTS_SCREENS,
  ...EXCHANGE_SCREENS,
  ...INTAKE_SCREENS,
  ...SETUP_SCREENS,
  {
    path: paths.profile,
    label: vi.nav.profile,
    inNav: true,
    layout: 'page',
    href: () => paths.profile,
    render: () => (
      <>
        <Profile />
        <ProfileKey />
      </>
    ),
  },
];

function screen(path: string): Screen {
  return SCREENS.find((s) => s.path === path)!;
}

export function screenFor(path: string): Screen {
  const results = resultsScreenFor(path);
  if (results) return { ...screen(results.key), render: results.render };
  const setup = setupScreenFor(path);
  if (setup) return { ...screen(setup.key), render: setup.render };
  const exchange = exchangeScreenFor(path);
  if (exchange) return { ...screen(exchange.key), render: exchange.render };
  if (path.split(/[?#]/)[0] === INTAKE_PATH) return screen(INTAKE_PATH);
  const route = parseRoute(path);
  switch (route.name) {
    case 'unit': {
      const s = screen(paths.units);
      return { ...s, render: () => <Dossier key={route.unitId ?? ''} unitId={route.unitId} code={route.code} /> };
    }
    case 'grid': {
      const s = screen(paths.grids);
      return {
        ...s,
        render: () => <ScoringGrid key={`${route.group}/${route.field}`} group={route.group} field={route.field} />,
      };
    }
    case 'profile':
      return screen(paths.profile);
    default:
      return screen(paths.home);
  }
}
