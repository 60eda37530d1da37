import type { UnitDrilldown } from '../../../shared/report/drilldown.ts';
import { api } from '../../api/client.ts';
import { hrefFor } from '../../app/route.ts';
import { ClassificationBadge } from '../../components/Classification.tsx';
import { Loading, LoadFailed } from '../../components/LoadState.tsx';
import { useLoad } from '../../components/use-load.ts';
import { resultsText } from '../../i18n/results.ts';
import { f2, p2 } from './format.ts';
import { resultsPaths } from './paths.ts';
import { ResultsLayout } from './ResultsLayout.tsx';
import { WhatIfPanel } from './WhatIf.tsx';
import { Tree } from './UnitTree.tsx';

const U = resultsText.unit;

export function UnitResult({ unitId }: { unitId: string }) {
  const [load, reload] = useLoad(() => api.results.unit({ unitId }), unitId);
  const d = load.state === 'ready' ? load.value : null;
  return (
    <ResultsLayout
      tab="tables"
      title={d ? d.unit.name : U.title}
      subtitle={d ? `${d.unit.groupLabel} · ${d.cycle.name}` : undefined}
      actions={
        <a
          className="button button-secondary button-small"
          href={hrefFor(d ? resultsPaths.tables(d.unit.group) : resultsPaths.results)}
        >
          ← {U.back}
        </a>
      }
    >
      {load.state === 'loading' && <Loading />}
      {load.state === 'failed' && <LoadFailed error={load.error} onRetry={reload} />}
      {d && (
        <div className="r-unit-page" data-testid="unit-result">
          <Figures d={d} />
          <div className="r-unit-cols">
            <Tree d={d} />
            <WhatIfPanel unitId={d.unit.id} benchmark={d.benchmark} total={d.total} precision={d.cycle.precision} />
          </div>
        </div>
      )}
    </ResultsLayout>
  );
}

function Figures({ d }: { d: UnitDrilldown }) {
  const C = resultsText.cols;
  const items: [string, string, string?][] = [
    [C.benchmark, f2(d.benchmark)],
    [C.selfAssessed, f2(d.selfAssessed)],
    [C.cbccvc, f2(d.surveyCbccvc)],
    [C.sipas, f2(d.surveySipas)],
    [C.total, f2(d.total)],
  ];
  return (
    <section className="card r-figures" aria-label={U.title}>
      <div className="r-figure-index">
        <span className="r-figure-label">{C.index(d.cycle.year)}</span>
        <span className="r-figure-big" data-testid="unit-index" title={d.computable ? undefined : U.notComputableText}>
          {d.computable ? p2(d.index) : U.notComputable}
        </span>
        {d.computable && <ClassificationBadge group={d.classification} testId="unit-class" />}
        {d.previousIndex !== null && (
          <span className="muted r-figure-prev">{U.previous(d.cycle.year - 1, p2(d.previousIndex))}</span>
        )}
      </div>
      <dl className="r-figure-list">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="r-rank" data-testid="unit-rank">
        {U.rank(d.rankInGroup, d.rankOverall)}
      </p>
      <p className="muted r-formula">{U.formula}</p>
      {!d.computable && (
        <p className="notice" role="note" data-testid="unit-not-computable">
          {U.notComputableText}
        </p>
      )}
      {d.conflicts > 0 && (
        <p className="notice" role="note" data-testid="unit-conflicts-note">
          ⚠ {U.conflicts(d.conflicts)}
        </p>
      )}
      {d.provisional > 0 && (
        <p className="notice" role="note">
          {U.provisional(d.provisional)}
        </p>
      )}
    </section>
  );
}
