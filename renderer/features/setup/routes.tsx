/** "Thiết lập kỳ" as the app's navigation registers it (the secretariat only); the screen loads on first use. */
import { lazy, Suspense, type ReactNode } from 'react';
import type { MemberRole } from '../../../shared/contract/index.ts';
import { Loading } from '../../components/LoadState.tsx';
import { setupText } from '../../i18n/setup.ts';
import { parseSetupRoute, setupPaths } from './paths.ts';

const Setup = lazy(() => import('./SetupScreen.tsx').then((m) => ({ default: m.SetupScreen })));
const wrap = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;

export const SETUP_SCREENS = [
  {
    path: setupPaths.setup,
    label: setupText.nav.setup,
    inNav: true,
    roles: ['secretariat'] as readonly MemberRole[],
    layout: 'page',
    href: () => setupPaths.setup,
    render: () => wrap(<Setup tab="ky" />),
  },
] as const;

export function setupScreenFor(path: string): { readonly key: string; readonly render: () => ReactNode } | null {
  const tab = parseSetupRoute(path);
  if (!tab) return null;
  return { key: setupPaths.setup, render: () => wrap(<Setup key={tab} tab={tab} />) };
}
