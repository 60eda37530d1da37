/**
 * Bảng kết quả: per group the report's summary table or its field table, the group's
 * statistics (average, highest, lowest, spread, counts per classification group), the
 * field statistics and the sub-criteria missed; "Tất cả đơn vị" lists every unit with its
 * classification and ranks.
 */
import { useEffect, useMemo, useState } from 'react';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import type { GroupReport, Report } from '../../../shared/report/types.ts';
import { hrefFor, navigate } from '../../app/route.ts';
import { ClassificationBadge } from '../../components/Classification.tsx';
import { Loading, LoadFailed } from '../../components/LoadState.tsx';
import { useLoad } from '../../components/use-load.ts';
import { resultsText } from '../../i18n/results.ts';
import { vi } from '../../i18n/vi.ts';
import { loadReport, onResultsChanged } from './data.ts';
import { f2, p2 } from './format.ts';
import { resultsPaths } from './paths.ts';
import { AllUnitsGrid, FieldGrid, SummaryGrid } from './ReportGrids.tsx';
import { ResultsLayout } from './ResultsLayout.tsx';
import { Stats } from './GroupStats.tsx';

const R = resultsText.results;

export function ResultsTables({ group, view }: { group: UnitGroup | 'all' | null; view: 'summary' | 'fields' }) {
  const [load, reload] = useLoad(() => loadReport(), 'report');
  useEffect(() => onResultsChanged(reload), [reload]);
  useEffect(() => {
    if (group === null && load.state === 'ready') {
      const first = load.value.report.groups[0]?.group;
      if (first) navigate(resultsPaths.tables(first), { replace: true });
    }
  }, [group, load]);
  const report = load.state === 'ready' ? load.value.report : null;
  return (
    <ResultsLayout
      tab="tables"
      title={report ? R.title(report.cycle.year) : resultsText.sub.tables}
      subtitle={report ? R.subtitle(report.cycle.name, report.units.length) : undefined}
    >
      {load.state === 'loading' && <Loading />}
      {load.state === 'failed' && <LoadFailed error={load.error} onRetry={reload} />}
      {report && group && <Tables report={report} group={group} view={view} />}
    </ResultsLayout>
  );
}

function Tables({ report, group, view }: { report: Report; group: UnitGroup | 'all'; view: 'summary' | 'fields' }) {
  const g = group === 'all' ? null : (report.groups.find((x) => x.group === group) ?? null);
  return (
    <>
      <nav className="r-tabs" aria-label={R.groupTabs}>
        {report.groups.map((x) => (
          <a
            key={x.group}
            className="r-tab"
            href={hrefFor(resultsPaths.tables(x.group, view))}
            aria-current={x.group === group ? 'page' : undefined}
            data-testid={`tab-${x.group}`}
          >
            {x.label} <span className="r-tab-count">{x.count}</span>
          </a>
        ))}
        <a
          className="r-tab"
          href={hrefFor(resultsPaths.tables('all'))}
          aria-current={group === 'all' ? 'page' : undefined}
          data-testid="tab-all"
        >
          {R.allUnits} <span className="r-tab-count">{report.units.length}</span>
        </a>
      </nav>
      {group === 'all' ? (
        <AllUnits report={report} />
      ) : g ? (
        <GroupTables report={report} g={g} view={view} />
      ) : (
        <p className="card empty">{vi.dash}</p>
      )}
    </>
  );
}

function GroupTables({ report, g, view }: { report: Report; g: GroupReport; view: 'summary' | 'fields' }) {
  const [show, setShow] = useState<'points' | 'percent'>('points');
  return (
    <div className="r-group" data-testid={`group-${g.group}`}>
      <Stats stats={g.stats} previousYear={report.previousYear} label={g.label} />
      <div className="r-toolbar">
        <div className="segmented" role="group" aria-label={R.views}>
          <a
            className="seg"
            href={hrefFor(resultsPaths.tables(g.group, 'summary'))}
            aria-current={view === 'summary' ? 'page' : undefined}
          >
            {R.summaryView}
          </a>
          <a
            className="seg"
            href={hrefFor(resultsPaths.tables(g.group, 'fields'))}
            aria-current={view === 'fields' ? 'page' : undefined}
          >
            {R.fieldsView}
          </a>
        </div>
        {view === 'fields' && (
          <div className="segmented" role="group" aria-label={R.fieldShow}>
            <span className="seg-label">{R.fieldShow}:</span>
            <button type="button" className="seg" aria-pressed={show === 'points'} onClick={() => setShow('points')}>
              {R.fieldPoints}
            </button>
            <button type="button" className="seg" aria-pressed={show === 'percent'} onClick={() => setShow('percent')}>
              {R.fieldPercent}
            </button>
          </div>
        )}
      </div>
      {view === 'summary' ? (
        <SummaryGrid report={report} group={g} />
      ) : (
        <FieldGrid report={report} group={g} show={show} />
      )}
      {view === 'fields' && <FieldStats g={g} />}
      <Missed g={g} />
    </div>
  );
}

function FieldStats({ g }: { g: GroupReport }) {
  const C = resultsText.cols;
  return (
    <section className="card r-card" aria-labelledby={`fs-${g.group}`}>
      <h2 id={`fs-${g.group}`}>{R.fieldStatsTitle}</h2>
      <table className="r-table" data-testid="field-stats">
        <thead>
          <tr>
            <th scope="col">{C.field}</th>
            <th scope="col" className="c-num">
              {C.averageBenchmark}
            </th>
            <th scope="col" className="c-num">
              {C.averagePoints}
            </th>
            <th scope="col" className="c-num">
              {C.averagePercent}
            </th>
            <th scope="col">{C.highest}</th>
            <th scope="col">{C.lowest}</th>
            <th scope="col" className="c-num">
              {C.spread}
            </th>
          </tr>
        </thead>
        <tbody>
          {g.fieldStats.map((f) => (
            <tr key={f.code}>
              <th scope="row">
                {f.code}. {f.title}
              </th>
              <td className="c-num">{f2(f.averageBenchmark)}</td>
              <td className="c-num">{f2(f.averagePoints)}</td>
              <td className="c-num">
                <strong>{p2(f.averagePercent)}</strong>
              </td>
              <td>
                {f.highest.unit} <span className="muted">({p2(f.highest.value)})</span>
              </td>
              <td>
                {f.lowest.unit} <span className="muted">({p2(f.lowest.value)})</span>
              </td>
              <td className="c-num">{p2(f.spread)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Missed({ g }: { g: GroupReport }) {
  return (
    <details className="card r-card r-missed-box" data-testid="missed-box">
      <summary>
        <h2>
          {R.missedTitle} <span className="chip">{g.missed.length}</span>
        </h2>
      </summary>
      {g.missed.length === 0 ? (
        <p className="muted">{R.missedNone}</p>
      ) : (
        <ul className="r-missed" data-testid="missed">
          {g.missed.map((m) => (
            <li key={m.code}>
              <details>
                <summary>
                  <span className="r-code">{m.code}</span> {m.title}{' '}
                  <span className="muted">· {resultsText.unit.points(f2(m.max))}</span>{' '}
                  <span className="chip">{R.missedUnits(m.units.length)}</span>
                </summary>
                <p className="r-missed-units">
                  {m.units.map((u, i) => (
                    <span key={u.unitId}>
                      {i > 0 && ', '}
                      <a href={hrefFor(resultsPaths.unit(u.unitId))}>{u.unit}</a>
                    </span>
                  ))}
                </p>
              </details>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

function AllUnits({ report }: { report: Report }) {
  const [q, setQ] = useState('');
  const [cls, setCls] = useState<number | 0>(0);
  const units = useMemo(() => {
    const needle = q.trim().toLocaleLowerCase('vi');
    return report.units.filter(
      (u) =>
        (cls === 0 || u.classification === cls) && (needle === '' || u.unit.toLocaleLowerCase('vi').includes(needle)),
    );
  }, [report, q, cls]);
  return (
    <div className="r-group" data-testid="group-all">
      {report.overall && <Stats stats={report.overall} previousYear={report.previousYear} label={R.overall} />}
      <div className="r-toolbar">
        <label className="control">
          <span>{R.search}</span>
          <input type="search" value={q} placeholder={R.searchPlaceholder} onChange={(e) => setQ(e.target.value)} />
        </label>
        <div className="segmented" role="group" aria-label={R.classFilter}>
          <button type="button" className="seg" aria-pressed={cls === 0} onClick={() => setCls(0)}>
            {R.allClasses}
          </button>
          {([1, 2, 3, 4, 5] as const).map((c) => (
            <button key={c} type="button" className="seg" aria-pressed={cls === c} onClick={() => setCls(c)}>
              <ClassificationBadge group={c} />
            </button>
          ))}
        </div>
        <span className="muted" data-testid="all-count">
          {R.shown(units.length, report.units.length)}
        </span>
      </div>
      <AllUnitsGrid report={report} units={units} />
    </div>
  );
}
