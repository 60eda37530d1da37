import type { StatsView } from '../../../shared/report/types.ts';
import { resultsText } from '../../i18n/results.ts';
import { vi } from '../../i18n/vi.ts';
import { changeClass, p2, signed } from './format.ts';

const R = resultsText.results;

export function Stats({
  stats,
  previousYear,
  label,
}: {
  stats: StatsView;
  previousYear: number | null;
  label: string;
}) {
  return (
    <dl className="r-stats" aria-label={label} data-testid="stats">
      <div className="r-stat r-stat-strong">
        <dt>{R.average}</dt>
        <dd data-testid="stat-average">{p2(stats.average)}</dd>
      </div>
      <div className="r-stat">
        <dt>{R.highest}</dt>
        <dd>
          {p2(stats.highest.value)} <span className="r-stat-unit">{stats.highest.unit}</span>
        </dd>
      </div>
      <div className="r-stat">
        <dt>{R.lowest}</dt>
        <dd>
          {p2(stats.lowest.value)} <span className="r-stat-unit">{stats.lowest.unit}</span>
        </dd>
      </div>
      <div className="r-stat">
        <dt>{R.spread}</dt>
        <dd>{p2(stats.spread)}</dd>
      </div>
      {previousYear !== null && stats.previousAverage !== null && (
        <div className="r-stat" data-testid="stat-previous">
          <dt>{R.previousAverage(previousYear)}</dt>
          <dd>
            {p2(stats.previousAverage)}{' '}
            {stats.withPrevious === stats.count ? (
              <span className={`r-change ${changeClass(stats.averageChange)}`}>({signed(stats.averageChange)})</span>
            ) : (
              // Last year's average of only some units is not comparable with this year's of all.
              <span className="r-stat-unit" title={R.partialPrevious(stats.withPrevious, stats.count)}>
                {R.partialPreviousShort(stats.withPrevious, stats.count)}
              </span>
            )}
          </dd>
        </div>
      )}
      <div className="r-stat r-stat-classes">
        <dt>{R.classCounts}</dt>
        <dd>
          {([1, 2, 3, 4, 5] as const).map((c) => (
            <span key={c} className={`r-class-count class-${c}`} title={vi.classification.long[c]}>
              {R.classCount(c, stats.classificationCounts[String(c) as '1'])}
            </span>
          ))}
        </dd>
      </div>
    </dl>
  );
}
