/**
 * The exchange screens as the app's navigation registers them: "Trao đổi dữ liệu" for a
 * council member, "Tổng hợp" for the secretariat (its steps are a sub-navigation). Each
 * entry names the roles that see it in the top bar. Screens load on first use.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import type { MemberRole } from '../../../shared/contract/index.ts';
import { Loading } from '../../components/LoadState.tsx';
import { exchangeText } from '../../i18n/exchange.ts';
import { exchangePaths, parseExchangeRoute, type SecretariatTab } from './paths.ts';

const Exchange = lazy(() => import('../exchange/ExchangeScreen.tsx').then((m) => ({ default: m.ExchangeScreen })));
const Secretariat = lazy(() => import('./SecretariatScreen.tsx').then((m) => ({ default: m.SecretariatScreen })));

const wrap = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;
const secretariat = (tab: SecretariatTab) => wrap(<Secretariat key={tab} tab={tab} />);

/** Navigation entries (the app's Screen shape, plus the roles that see them in the top bar). */
export const EXCHANGE_SCREENS = [
  {
    path: exchangePaths.exchange,
    label: exchangeText.nav.exchange,
    inNav: true,
    roles: ['member'] as readonly MemberRole[],
    layout: 'page',
    href: () => exchangePaths.exchange,
    render: () => wrap(<Exchange />),
  },
  {
    path: exchangePaths.secretariat,
    label: exchangeText.nav.secretariat,
    inNav: true,
    roles: ['secretariat'] as readonly MemberRole[],
    layout: 'page',
    href: () => exchangePaths.secretariat,
    render: () => secretariat('hoi-dong'),
  },
] as const;

/** The screen key and content for an exchange address, or null when it is not one. */
export function exchangeScreenFor(path: string): { readonly key: string; readonly render: () => ReactNode } | null {
  const r = parseExchangeRoute(path);
  if (!r) return null;
  if (r.name === 'exchange')
    return { key: exchangePaths.exchange, render: () => wrap(<Exchange key={r.coiUnit ?? ''} coiUnit={r.coiUnit} />) };
  return { key: exchangePaths.secretariat, render: () => secretariat(r.tab) };
}
