import { memo, useEffect, useRef } from 'react';
import type { DossierView } from '../../../shared/contract/dossier.ts';
import { ClassificationBadge } from '../../components/Classification.tsx';
import { fixed2, pct, pts } from '../../components/format.ts';
import { vi } from '../../i18n/vi.ts';

type Totals = DossierView['totals'];

/** A figure that flashes briefly when its value changes (the member sees what his change did). */
function Stat({ label, value, testId, strong }: { label: string; value: string; testId: string; strong?: boolean }) {
  const ref = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const el = ref.current;
    if (!el) return;
    el.classList.remove('stat-flash');
    void el.offsetWidth; // restart the animation
    el.classList.add('stat-flash');
  }, [value]);
  return (
    <div className={`stat${strong ? ' stat-strong' : ''}`}>
      <dt>{label}</dt>
      <dd ref={ref} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export const TotalsBar = memo(function TotalsBar({
  totals,
  appraised,
  leaves,
}: {
  totals: Totals;
  appraised: number;
  leaves: number;
}) {
  const t = vi.dossier.totals;
  return (
    <section className="totals" aria-label={t.label} title={t.provisionalNote}>
      <dl className="totals-list">
        <Stat label={t.benchmark} value={pts(totals.benchmark, 2)} testId="total-benchmark" />
        <Stat label={t.selfAssessed} value={fixed2(totals.selfAssessed)} testId="total-self" />
        <Stat label={t.survey} value={fixed2(totals.survey)} testId="total-survey" />
        <Stat label={t.total} value={fixed2(totals.total)} testId="total-total" strong />
        <Stat
          label={t.index}
          value={totals.computable ? pct(totals.index) : t.notComputable}
          testId="total-index"
          strong
        />
        <div className="stat" title={totals.computable ? undefined : t.notComputableTitle}>
          <dt>{t.classification}</dt>
          <dd>
            {totals.computable ? <ClassificationBadge group={totals.classification} testId="total-class" /> : vi.dash}
          </dd>
        </div>
        <Stat label={t.appraised} value={t.appraisedOf(appraised, leaves)} testId="total-appraised" />
      </dl>
    </section>
  );
});
