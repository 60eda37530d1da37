/**
 * The screens the navigation offers. Only screens that work are listed: Hồ sơ đơn vị
 * (path '/ho-so', label vi.nav.dossiers) and Bảng chấm điểm ('/cham-diem', vi.nav.scoring)
 * are added here together with their feature folders.
 */
import type { ReactNode } from 'react';
import { Home } from '../features/home/Home.tsx';
import { Profile } from '../features/session/Profile.tsx';
import { vi } from '../i18n/vi.ts';

export interface Screen {
  readonly path: string;
  readonly label: string;
  /** Listed in the navigation bar (false: reachable by link only). */
  readonly inNav: boolean;
  readonly render: () => ReactNode;
}

export const SCREENS: readonly Screen[] = [
  { path: '/', label: vi.nav.home, inNav: true, render: () => <Home /> },
  { path: '/thanh-vien', label: vi.nav.profile, inNav: true, render: () => <Profile /> },
];

export function screenFor(path: string): Screen {
  return SCREENS.find((s) => s.path === path) ?? SCREENS[0]!;
}
