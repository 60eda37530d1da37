/**
 * Trang chủ: the cycle, my assigned fields, the progress of my appraisal per unit
 * (appraised / total in my fields, exemptions, items without evidence), with search and
 * filters, and the scoring grids of my fields.
 */
import { useMemo, useRef, useState, useEffect } from 'react';
import type { Overview, UnitProgress } from '../../../shared/contract/workspace.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import { groupLabel, groupShort, groupsOf } from '../../app/groups.ts';
import { formatNumber } from '../../../shared/format/vi.ts';
import { hrefFor, paths } from '../../app/route.ts';
import { useSession } from '../../app/session.tsx';
import { ClassificationBadge } from '../../components/Classification.tsx';
import { pct } from '../../components/format.ts';
import { isTypingTarget } from '../../components/keys.ts';
import { Loading, LoadFailed } from '../../components/LoadState.tsx';
import { useLoad } from '../../components/use-load.ts';
import { vi } from '../../i18n/vi.ts';
import { filterUnits, type StatusFilter } from './filter.ts';
import { loadOverview } from './units-cache.ts';

const H = vi.home;
/**
 * Rows painted at first, and added by "Hiện thêm": a 10,000-unit cycle would take seconds
 * to paint whole; search and filters always run over every unit.
 */
const PAGE = 500;

export function Home() {
  const { identity } = useSession();
  const [load, reload] = useLoad(() => loadOverview(true), 'home');
  return (
    <section className="page page-wide" aria-labelledby="home-title">
      <header className="home-head">
        <h1 id="home-title">{H.greeting(identity.name)}</h1>
        {load.state === 'ready' && (
          <p className="lead home-cycle" data-testid="cycle">
            {H.cycle(load.value.cycle.name)} ·{' '}
            <span className={`chip chip-${load.value.cycle.status}`}>
              {load.value.cycle.status === 'open' ? H.cycleOpen : H.cycleFinalised}
            </span>
          </p>
        )}
      </header>
      {load.state === 'loading' && <Loading />}
      {load.state === 'failed' && <LoadFailed error={load.error} onRetry={reload} />}
      {load.state === 'ready' && <HomeBody overview={load.value} />}
    </section>
  );
}

function HomeBody({ overview }: { overview: Overview }) {
  const { me, myFields, units } = overview;
  const mine = myFields.length > 0;
  const total = units.reduce((s, u) => s + u.total, 0);
  const done = units.reduce((s, u) => s + u.appraised, 0);
  const unitsDone = units.filter((u) => u.total > 0 && u.appraised >= u.total).length;
  const unitsWithWork = units.filter((u) => u.total > 0).length;
  const groupsWithWork = groupsOf(units.filter((u) => u.total + u.exemptions > 0));

  return (
    <>
      {!me && (
        <div className="notice notice-locked" role="note" data-testid="read-only-banner">
          <span>{H.readOnly}</span> <a href={hrefFor(paths.profile)}>{H.readOnlyAction}</a>
        </div>
      )}
      <div className="home-cards">
        <article className="card" aria-labelledby="fields-title">
          <h2 id="fields-title">{H.myFields}</h2>
          {mine ? (
            <ul className="field-list" data-testid="my-fields">
              {myFields.map((f) => (
                <li key={f.code}>
                  <span className="field-code">{f.code}</span> {f.title}
                  {f.groups && <span className="muted"> ({f.groups.map(groupShort).join(', ')})</span>}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{H.noFields}</p>
          )}
        </article>
        {mine && (
          <article className="card" aria-labelledby="progress-title">
            <h2 id="progress-title">{H.progressTitle}</h2>
            <p className="big-figure" data-testid="progress-items">
              {H.progressItems(done, total)}
            </p>
            <progress className="bar bar-large" max={Math.max(total, 1)} value={done} aria-label={H.progressTitle} />
            <p className="muted">
              {H.progressUnits(unitsDone, unitsWithWork)} ·{' '}
              {total > 0 ? `${formatNumber((done * 100) / total, 0)}%` : ''}
            </p>
          </article>
        )}
        {mine && (
          <article className="card" aria-labelledby="grids-title">
            <h2 id="grids-title">{H.gridLinks}</h2>
            <ul className="link-list">
              {myFields.flatMap((f) =>
                groupsWithWork
                  .filter((g) => f.groups === null || f.groups.includes(g))
                  .map((g) => (
                    <li key={`${f.code}/${g}`}>
                      <a href={hrefFor(paths.grid(g, f.code))}>{H.gridLink(f.code, groupLabel(g))}</a>
                    </li>
                  )),
              )}
            </ul>
          </article>
        )}
      </div>
      <UnitsTable units={units} showProgress={mine} />
    </>
  );
}

function UnitsTable({ units, showProgress }: { units: readonly UnitProgress[]; showProgress: boolean }) {
  const [query, setQuery] = useState('');
  const [group, setGroup] = useState<UnitGroup | ''>('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const search = useRef<HTMLInputElement>(null);
  const shown = useMemo(() => filterUnits(units, { query, group, status }), [units, query, group, status]);
  const [limit, setLimit] = useState(PAGE);
  // A new search or filter starts again from the first page.
  useEffect(() => setLimit(PAGE), [shown]);
  const C = H.columns;
  let left = limit;

  // "/" jumps to the search box.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !isTypingTarget(e.target)) {
        e.preventDefault();
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section className="units" aria-labelledby="units-title">
      <div className="toolbar">
        <h2 id="units-title">{H.unitsTitle}</h2>
        <div className="toolbar-controls">
          <label className="control">
            <span>{H.search}</span>
            <input
              ref={search}
              type="search"
              value={query}
              placeholder={H.searchPlaceholder}
              onChange={(e) => setQuery(e.target.value)}
            />
          </label>
          <label className="control">
            <span>{H.groupFilter}</span>
            <select value={group} onChange={(e) => setGroup(e.target.value as UnitGroup | '')}>
              <option value="">{H.allGroups}</option>
              {groupsOf(units).map((g) => (
                <option key={g} value={g}>
                  {groupLabel(g)}
                </option>
              ))}
            </select>
          </label>
          {showProgress && (
            <label className="control">
              <span>{H.statusFilter}</span>
              <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
                {(Object.keys(H.statuses) as StatusFilter[]).map((s) => (
                  <option key={s} value={s}>
                    {H.statuses[s]}
                  </option>
                ))}
              </select>
            </label>
          )}
          <span className="muted toolbar-count" aria-live="polite" data-testid="units-count">
            {H.shown(shown.length, units.length)}
          </span>
        </div>
      </div>
      {shown.length === 0 ? (
        <div className="card empty">
          <p>{H.empty}</p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setQuery('');
              setGroup('');
              setStatus('all');
            }}
          >
            {H.clearFilters}
          </button>
        </div>
      ) : (
        <table className="data-table units-table" data-testid="units">
          <thead>
            <tr>
              <th scope="col" className="c-no">
                {C.no}
              </th>
              <th scope="col">{C.unit}</th>
              {showProgress && (
                <th scope="col" className="c-progress">
                  {C.progress}
                </th>
              )}
              {showProgress && (
                <th scope="col" className="c-num">
                  {C.exemptions}
                </th>
              )}
              {showProgress && (
                <th scope="col" className="c-num">
                  {C.withoutEvidence}
                </th>
              )}
              <th scope="col" className="c-num" title={H.indexNote}>
                {C.index}
              </th>
              <th scope="col">{C.classification}</th>
            </tr>
          </thead>
          {groupsOf(shown).map((g) => {
            const all = shown.filter((u) => u.group === g);
            const rows = all.slice(0, Math.max(0, left));
            left -= rows.length;
            if (rows.length === 0) return null;
            return (
              <tbody key={g}>
                <tr className="group-row">
                  <th scope="rowgroup" colSpan={showProgress ? 7 : 4}>
                    {groupLabel(g)} <span className="muted">({formatNumber(all.length, 0)})</span>
                  </th>
                </tr>
                {rows.map((u, i) => (
                  <tr key={u.id} data-unit={u.id}>
                    <td className="c-no">{i + 1}</td>
                    <td>
                      <a href={hrefFor(paths.unit(u.id))} className="unit-link">
                        {u.name}
                      </a>
                    </td>
                    {showProgress && (
                      <td className="c-progress">
                        {u.total + u.exemptions === 0 ? (
                          <span className="muted" title={H.notApplicable}>
                            {vi.dash}
                          </span>
                        ) : (
                          <span className="progress">
                            <span className={`progress-text${u.appraised >= u.total ? ' is-done' : ''}`}>
                              {formatNumber(u.appraised, 0)}/{formatNumber(u.total, 0)}
                            </span>
                            <progress
                              className="bar"
                              max={Math.max(u.total, 1)}
                              value={u.appraised}
                              aria-hidden="true"
                            />
                          </span>
                        )}
                      </td>
                    )}
                    {showProgress && <td className="c-num">{u.exemptions || <span className="muted">0</span>}</td>}
                    {showProgress && (
                      <td className={`c-num${u.withoutEvidence > 0 ? ' warn' : ''}`}>
                        {u.withoutEvidence || <span className="muted">0</span>}
                      </td>
                    )}
                    <td className="c-num" title={u.computable ? undefined : vi.dossier.totals.notComputableTitle}>
                      {u.computable ? pct(u.index) : vi.dossier.totals.notComputable}
                    </td>
                    <td>{u.computable && <ClassificationBadge group={u.classification} />}</td>
                  </tr>
                ))}
              </tbody>
            );
          })}
        </table>
      )}
      {shown.length > limit && (
        <div className="toolbar more-rows" data-testid="units-more">
          <span className="muted">{H.listed(limit, shown.length)}</span>
          <button type="button" className="button button-secondary" onClick={() => setLimit(limit + PAGE)}>
            {H.showMore(Math.min(PAGE, shown.length - limit))}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setLimit(shown.length)}>
            {H.showAll(shown.length)}
          </button>
        </div>
      )}
      <p className="hint">{H.indexNote}</p>
    </section>
  );
}
