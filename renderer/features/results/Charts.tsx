/**
 * Biểu đồ: the indices of a group with the classification bounds, the field averages of a
 * group, this year against the previous one; each exportable as a PNG (the same chart as on
 * the screen, white background, title included). The printed documents draw the same data as SVG.
 */
import { groupShort } from '../../app/groups.ts';
import { useRef, useState } from 'react';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import type { ReportCharts } from '../../../shared/report/charts.ts';
import { api } from '../../api/client.ts';
import { hrefFor } from '../../app/route.ts';
import { Loading, LoadFailed } from '../../components/LoadState.tsx';
import { useLoad } from '../../components/use-load.ts';
import { resultsText } from '../../i18n/results.ts';
import { vi } from '../../i18n/vi.ts';
import { BarChart, CLASS_COLORS, type BarChartHandle } from './BarChart.tsx';
import { deliverPng } from './deliver.ts';
import { CHART_KINDS, type ChartKind, resultsPaths } from './paths.ts';
import { ResultsLayout } from './ResultsLayout.tsx';

const H = resultsText.charts;

export function Charts({ kind, group }: { kind: ChartKind; group: UnitGroup | null }) {
  const [load, reload] = useLoad(() => api.results.charts(), 'charts');
  return (
    <ResultsLayout tab="charts" title={H.title}>
      {load.state === 'loading' && <Loading />}
      {load.state === 'failed' && <LoadFailed error={load.error} onRetry={reload} />}
      {load.state === 'ready' && <ChartsBody charts={load.value} kind={kind} group={group} />}
    </ResultsLayout>
  );
}

function listOf(charts: ReportCharts, kind: ChartKind) {
  return kind === 'index' ? charts.indicesByGroup : kind === 'fields' ? charts.fieldAveragesByGroup : charts.yearOnYear;
}

const groupOfKey = (key: string) => key.split('.')[1] as UnitGroup;

function ChartsBody({ charts, kind, group }: { charts: ReportCharts; kind: ChartKind; group: UnitGroup | null }) {
  const list = listOf(charts, kind);
  const groups = charts.indicesByGroup.map((c) => groupOfKey(c.key));
  const chart = list.find((c) => groupOfKey(c.key) === group) ?? list[0] ?? null;
  const current = chart ? groupOfKey(chart.key) : (group ?? groups[0] ?? null);
  const handle = useRef<BarChartHandle>(null);
  const [busy, setBusy] = useState(false);

  return (
    <div className="r-charts">
      <div className="r-toolbar">
        <div className="segmented" role="group" aria-label={H.kind}>
          {CHART_KINDS.map((k) => (
            <a
              key={k}
              className="seg"
              href={hrefFor(resultsPaths.charts(k, current))}
              aria-current={k === kind ? 'page' : undefined}
            >
              {H.kinds[k]}
            </a>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={H.group}>
          {groups.map((g) => (
            <a
              key={g}
              className="seg"
              href={hrefFor(resultsPaths.charts(kind, g))}
              aria-current={g === current ? 'page' : undefined}
            >
              {groupShort(g)}
            </a>
          ))}
        </div>
        {chart && (
          <button
            type="button"
            className="button button-secondary button-small r-push"
            disabled={busy}
            data-testid="export-png"
            onClick={async () => {
              const png = handle.current?.png();
              if (!png) return;
              setBusy(true);
              try {
                await deliverPng(`bieu-do-${chart.key.replace(/[^a-z0-9]+/gi, '-')}.png`, png);
              } finally {
                setBusy(false);
              }
            }}
          >
            {H.exportPng}
          </button>
        )}
      </div>
      {chart ? (
        <section className="card r-chart-card" aria-label={chart.title}>
          <BarChart ref={handle} chart={chart} colorByClass={kind === 'index'} testId="chart" />
          {chart.bounds.length > 0 && (
            <p className="r-chart-legend muted">
              {H.bounds}
              {kind === 'index' &&
                ([1, 2, 3, 4, 5] as const).map((c) => (
                  <span key={c} className="r-legend-item">
                    <span className="r-swatch" style={{ background: CLASS_COLORS[c] }} />
                    {vi.classification.long[c]}
                  </span>
                ))}
            </p>
          )}
        </section>
      ) : (
        <p className="card empty">{kind === 'yoy' ? H.noPrevious : vi.dash}</p>
      )}
    </div>
  );
}
