/** The intake screen as the app's navigation registers it: "Tiếp nhận hồ sơ" (#/tiep-nhan), for the secretariat. */
import { lazy, Suspense } from 'react';
import type { MemberRole } from '../../../shared/contract/index.ts';
import { Loading } from '../../components/LoadState.tsx';
import { intakeText } from '../../i18n/intake.ts';

const Intake = lazy(() => import('./IntakeScreen.tsx').then((m) => ({ default: m.IntakeScreen })));

export const INTAKE_PATH = '/tiep-nhan';

export const INTAKE_SCREENS = [
  {
    path: INTAKE_PATH,
    label: intakeText.nav,
    inNav: true,
    roles: ['secretariat'] as readonly MemberRole[],
    layout: 'page',
    href: () => INTAKE_PATH,
    render: () => (
      <Suspense fallback={<Loading />}>
        <Intake />
      </Suspense>
    ),
  },
] as const;
