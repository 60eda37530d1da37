/** Addresses of the exchange screens: #/trao-doi (a member) and #/tong-hop/<step> (the secretariat). */
import { decode } from '../../app/route.ts';

const SECRETARIAT_TABS = ['hoi-dong', 'nhap', 'y-kien', 'ha-diem-chuan', 'hoan-thanh', 'chot', 'nhat-ky'] as const;
export type SecretariatTab = (typeof SECRETARIAT_TABS)[number];

export const exchangePaths = {
  exchange: '/trao-doi',
  /** "Trao đổi dữ liệu" with the declaration of a conflict of interest for this unit ready (a link from the dossier). */
  conflictOfInterest: (unitId: string) => `/trao-doi/xung-dot-loi-ich/${encodeURIComponent(unitId)}`,
  secretariat: '/tong-hop',
  tab: (t: SecretariatTab) => `/tong-hop/${t}`,
};

export type ExchangeRoute =
  | { readonly name: 'exchange'; readonly coiUnit: string | null }
  | { readonly name: 'secretariat'; readonly tab: SecretariatTab };

export function parseExchangeRoute(path: string): ExchangeRoute | null {
  const parts = path.split(/[?#]/)[0]!.split('/').filter(Boolean);
  if (parts[0] === 'trao-doi' && parts.length === 1) return { name: 'exchange', coiUnit: null };
  if (parts[0] === 'trao-doi' && parts[1] === 'xung-dot-loi-ich' && parts.length === 3)
    return { name: 'exchange', coiUnit: decode(parts[2]) };
  if (parts[0] === 'tong-hop' && parts.length <= 2) {
    const tab = (SECRETARIAT_TABS as readonly string[]).includes(parts[1] ?? '')
      ? (parts[1] as SecretariatTab)
      : 'hoi-dong';
    return { name: 'secretariat', tab };
  }
  return null;
}
