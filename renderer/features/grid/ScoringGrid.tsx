/**
 * Bảng chấm điểm: one field of one unit group across all its units (ag-grid-community).
 * Rows are sub-criteria, columns units; a cell shows the unit's self-score and my appraisal.
 * Keyboard: arrows move; Space ticks; digits pick a tier; typing or Enter edits figures
 * ("a/b", a count); Delete clears; Enter on other cells opens the dossier there; Ctrl+Z undoes.
 */
import { useEffect, useRef, useState } from 'react';
import type { GridView } from '../../../shared/contract/dossier.ts';
import type { Overview } from '../../../shared/contract/workspace.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import { groupLabel, groupsOf } from '../../app/groups.ts';
import { api } from '../../api/client.ts';
import { hrefFor, lastVisited, navigate, paths } from '../../app/route.ts';
import { LockIcon } from '../../components/icons.tsx';
import { Loading, LoadFailed } from '../../components/LoadState.tsx';
import { useLoad } from '../../components/use-load.ts';
import { vi } from '../../i18n/vi.ts';
import { saver } from '../dossier/saver.ts';
import { AgreeRest } from '../bulk/AgreeRest.tsx';
import { loadOverview } from '../home/units-cache.ts';
import { NO_FILTERS, anyFilter, visibleGrid, type GridFilters } from './model.ts';
import { fieldsOf } from './fields.ts';
import { Grid } from './GridTable.tsx';

const G = vi.grid;

export function ScoringGrid({ group, field }: { group: UnitGroup | null; field: string | null }) {
  const [overview] = useLoad(() => loadOverview(), 'overview');
  useEffect(() => {
    if ((group && field) || overview.state !== 'ready') return;
    const o = overview.value;
    const f = field ?? o.myFields[0]?.code ?? '1';
    const g = group ?? groupsOf(o.units.filter((u) => u.total > 0))[0] ?? groupsOf(o.units)[0];
    if (!g) return;
    navigate(paths.grid(g, f), { replace: true });
  }, [group, field, overview]);
  if (overview.state === 'failed') return <LoadFailed error={overview.error} />;
  if (!group || !field || overview.state !== 'ready') return <Loading />;
  return <GridScreen group={group} field={field} overview={overview.value} />;
}

function GridScreen({ group, field, overview }: { group: UnitGroup; field: string; overview: Overview }) {
  const [fields] = useLoad(() => fieldsOf(group, overview), group);
  const [load, reload, setView] = useLoad(() => api.grid.field({ group, fieldCode: field }), `${group}/${field}`);
  const [filters, setFilters] = useState<GridFilters>(NO_FILTERS);
  const [focused, setFocused] = useState<{ unitId: string; code: string } | null>(null);
  const viewRef = useRef<GridView | null>(null);
  viewRef.current = load.state === 'ready' ? load.value : null;
  const finalised = overview.cycle.status === 'finalised';

  useEffect(() => {
    lastVisited.set('grid', paths.grid(group, field));
  }, [group, field]);

  // My saves (here, in a dossier, an undo) update the cells.
  useEffect(
    () =>
      saver.subscribe((e) => {
        const v = viewRef.current;
        if (e.type === 'bulk') {
          if (v?.units.some((u) => e.unitIds.includes(u.id))) reload();
          return;
        }
        if (e.type !== 'saved' || !v || !v.units.some((u) => u.id === e.unitId)) return;
        const node = e.change.node;
        // A lowered benchmark may cover several cells (a criterion above the rows): ask again.
        if (e.kind === 'exemption') return node.field === v.field.code ? reload() : undefined;
        setView({
          ...v,
          rows: v.rows.map((r) =>
            r.code !== node.code
              ? r
              : {
                  ...r,
                  cells: r.cells.map((c) =>
                    c.unitId === e.unitId
                      ? { ...c, appraised: node.appraisal?.score ?? null, input: node.appraisal?.input ?? null }
                      : c,
                  ),
                },
          ),
        });
      }),
    [reload, setView],
  );

  const units = overview.units.filter((u) => u.group === group);
  const fieldTitle = fields.state === 'ready' ? fields.value.find((f) => f.code === field)?.title : undefined;

  return (
    <div className="grid-screen">
      <header className="grid-head">
        <div className="grid-title">
          <h1>{G.title}</h1>
          <p className="muted" data-testid="grid-subtitle">
            {G.subtitle(field, groupLabel(group))}
            {fieldTitle ? ` — ${fieldTitle}` : ''}
          </p>
        </div>
        <label className="control">
          <span>{G.group}</span>
          <select value={group} onChange={(e) => navigate(paths.grid(e.target.value as UnitGroup, field))}>
            {groupsOf(overview.units).map((g) => (
              <option key={g} value={g}>
                {groupLabel(g)} ({overview.units.filter((u) => u.group === g).length})
              </option>
            ))}
          </select>
        </label>
        <fieldset className="grid-fields plain-group" aria-label={G.field}>
          <span className="field-tabs-label" aria-hidden="true">
            {G.field}:
          </span>
          {fields.state === 'ready' &&
            fields.value.map((f) => (
              <a
                key={f.code}
                className={`field-tab${f.mine ? ' is-mine' : ' is-readonly'}`}
                href={hrefFor(paths.grid(group, f.code))}
                aria-current={f.code === field ? 'page' : undefined}
                title={`${f.code}. ${f.title}${f.mine ? '' : ` (${vi.dossier.fields.readOnly})`}`}
              >
                <span className="sr-only">{vi.dossier.fields.label} </span>
                <span className="field-tab-code">{f.code}</span>
                {f.mine && <span className="mine-dot" aria-hidden="true" />}
              </a>
            ))}
        </fieldset>
      </header>
      <div className="grid-toolbar">
        <fieldset className="grid-filters plain-group" aria-label={G.filters}>
          <span className="muted">{G.filters}:</span>
          {(
            [
              ['left', G.filterLeft],
              ['notAppraised', G.filterNotAppraised],
              ['differs', G.filterDiffers],
              ['noEvidence', G.filterNoEvidence],
            ] as const
          ).map(([k, label]) => (
            <button
              key={k}
              type="button"
              className="toggle"
              aria-pressed={filters[k]}
              onClick={() => setFilters((f) => ({ ...f, [k]: !f[k] }))}
            >
              {label}
            </button>
          ))}
          {load.state === 'ready' && anyFilter(filters) && (
            <span className="muted" data-testid="grid-count">
              {G.shownCells(visibleGrid(load.value, filters).cells)}
            </span>
          )}
        </fieldset>
        <div className="legend" aria-hidden="true">
          <span className="legend-item">
            <strong className="legend-mine">1</strong>
            {G.legendMine}
          </span>
          <span className="legend-item">
            <span className="legend-self">{G.selfShort} 0,5</span>
            {G.legendSelf}
          </span>
          <span className="legend-item">
            <span className="swatch swatch-differs" />
            {G.legendDiffers}
          </span>
          <span className="legend-item">
            <span className="swatch swatch-exempt" />
            {G.legendExempt}
          </span>
          <span className="legend-item">
            <span className="swatch swatch-noev" />
            {G.legendNoEvidence}
          </span>
          <span className="legend-item">
            <span className="swatch swatch-locked" />
            {G.legendReadOnly}
          </span>
        </div>
        {focused && (
          <a className="button button-small button-secondary" href={hrefFor(paths.unit(focused.unitId, focused.code))}>
            {G.openDossier} · {units.find((u) => u.id === focused.unitId)?.name} · {focused.code}
          </a>
        )}
        {focused &&
          !finalised &&
          overview.me !== null &&
          fields.state === 'ready' &&
          fields.value.some((f) => f.code === field && f.mine) && (
            <AgreeRest
              key={focused.unitId}
              unitId={focused.unitId}
              unitName={units.find((u) => u.id === focused.unitId)?.name ?? focused.unitId}
              fieldCode={field}
              disabled={false}
              label={`${vi.bulk.agreeRestField(field)} · ${units.find((u) => u.id === focused.unitId)?.name ?? ''}`}
            />
          )}
      </div>
      {fields.state === 'ready' && fields.value.some((f) => f.code === field && !f.mine) && (
        <p className="notice notice-locked" data-testid="grid-read-only">
          <LockIcon /> {vi.dossier.detail.readOnlyField}
        </p>
      )}
      <p className="hint grid-help">{G.help}</p>
      {load.state === 'loading' && <Loading />}
      {load.state === 'failed' &&
        (load.error.code === 'FIELD_NOT_FOUND' ? (
          <div className="card empty">
            <p>{G.noField(field, groupLabel(group))}</p>
          </div>
        ) : (
          <LoadFailed error={load.error} onRetry={reload} />
        ))}
      {load.state === 'ready' && (
        <Grid
          view={load.value}
          filters={filters}
          finalised={finalised}
          memberLinked={overview.me !== null}
          onFocusCell={setFocused}
        />
      )}
    </div>
  );
}
