/** Addresses of "Thiết lập kỳ": #/thiet-lap-ky (cycles + wizard), #/thiet-lap-ky/don-vi, #/thiet-lap-ky/hoi-dong. */
export type SetupTab = 'ky' | 'don-vi' | 'hoi-dong';

export const setupPaths = {
  setup: '/thiet-lap-ky',
  units: '/thiet-lap-ky/don-vi',
  roster: '/thiet-lap-ky/hoi-dong',
} as const;

export function parseSetupRoute(path: string): SetupTab | null {
  const parts = path.split(/[?#]/)[0]!.split('/').filter(Boolean);
  if (parts[0] !== 'thiet-lap-ky') return null;
  if (parts.length === 1) return 'ky';
  if (parts.length === 2 && (parts[1] === 'don-vi' || parts[1] === 'hoi-dong')) return parts[1];
  return 'ky';
}
