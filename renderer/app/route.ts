/**
 * Hash routes (#/, #/don-vi/<id>, #/cham-diem/<group>/<field>, #/thanh-vien): work the same
 * under app:// and over HTTP, never navigate away.
 */
import { useSyncExternalStore } from 'react';
import { isGroupCode } from '../../shared/framework/groups.ts';
import type { UnitGroup } from '../../shared/framework/types.ts';

function current(): string {
  const h = location.hash.replace(/^#/, '');
  return h.startsWith('/') ? h : '/';
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useRoute(): string {
  return useSyncExternalStore(subscribe, current);
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (current() === path) return;
  if (options.replace) {
    history.replaceState(history.state, '', `#${path}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = path;
  }
}

export function hrefFor(path: string): string {
  return `#${path}`;
}

export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'unit'; readonly unitId: string | null; readonly code: string | null }
  | { readonly name: 'grid'; readonly group: UnitGroup | null; readonly field: string | null }
  | { readonly name: 'profile' }
  | { readonly name: 'unknown' };

const CODE = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/;

/** A path segment decoded, or null when empty or malformed. */
export function decode(s: string | undefined): string | null {
  if (!s) return null;
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

export function parseRoute(path: string): Route {
  const parts = path.split(/[?#]/)[0]!.split('/').filter(Boolean);
  if (parts.length === 0) return { name: 'home' };
  const [head, a, b, ...rest] = parts;
  if (head === 'thanh-vien' && parts.length === 1) return { name: 'profile' };
  if (head === 'don-vi' && rest.length === 0) {
    const code = decode(b);
    return { name: 'unit', unitId: decode(a), code: code && CODE.test(code) ? code : null };
  }
  if (head === 'cham-diem' && rest.length === 0) {
    const group: UnitGroup | null = isGroupCode(a) ? a : null;
    const field = decode(b);
    return { name: 'grid', group, field: field && CODE.test(field) ? field : null };
  }
  return { name: 'unknown' };
}

export const paths = {
  home: '/',
  profile: '/thanh-vien',
  units: '/don-vi',
  unit: (unitId: string, code?: string | null) => `/don-vi/${encodeURIComponent(unitId)}${code ? `/${code}` : ''}`,
  grids: '/cham-diem',
  grid: (group: UnitGroup, field: string) => `/cham-diem/${group}/${field}`,
};

/** True when a location hash ("#/don-vi/…") is a unit dossier's address (the list's or a unit's). */
export function isDossierHash(hash: string): boolean {
  const path = hash.replace(/^#/, '').split(/[?#]/)[0]!;
  return path === paths.units || path.startsWith(`${paths.units}/`);
}

/** The last unit dossier and scoring grid opened, so that the navigation returns to them. */
const LAST_KEYS = { unit: 'cchc.last.unit', grid: 'cchc.last.grid' } as const;
export const lastVisited = {
  get(kind: keyof typeof LAST_KEYS): string | null {
    try {
      return localStorage.getItem(LAST_KEYS[kind]);
    } catch {
      return null;
    }
  },
  set(kind: keyof typeof LAST_KEYS, path: string): void {
    try {
      localStorage.setItem(LAST_KEYS[kind], path);
    } catch {
      // private mode or full: the navigation falls back to the default
    }
  },
};
