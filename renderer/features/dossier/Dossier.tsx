/**
 * Hồ sơ đơn vị: the criteria tree of the unit's group (left), the selected sub-criterion
 * with the unit's self-assessment and my appraisal (right), and the unit's live totals.
 * Keyboard: ↑↓ Home End PageUp PageDown move; Space ticks; digits pick a tier; Enter goes
 * to the figures; = takes the self-score; Delete clears; N comment; T evidence; H exemption.
 */
import { fieldsIn } from '../../../shared/council/assignment.ts';
import { groupLabel, groupsOf } from '../../app/groups.ts';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { DossierNode, DossierView } from '../../../shared/contract/dossier.ts';
import type { Overview } from '../../../shared/contract/workspace.ts';
import { api } from '../../api/client.ts';
import { hrefFor, isDossierHash, lastVisited, navigate, paths } from '../../app/route.ts';
import { Loading, LoadFailed } from '../../components/LoadState.tsx';
import { digitOf } from '../../components/keys.ts';
import { useLoad } from '../../components/use-load.ts';
import { pts } from '../../components/format.ts';
import { vi } from '../../i18n/vi.ts';
import { loadOverview } from '../home/units-cache.ts';
import { currentEdit, locksOf, refuse, setInput } from './actions.ts';
import { CriteriaList, type RowState } from './CriteriaList.tsx';
import { ancestorsOf, exemptedBy, inputForDigit, localScore, selfInput, toggledTick } from './model.ts';
import { myProgress, takesOut } from '../../../shared/scoring/progress.ts';
import { NodeDetail, type Commands } from './NodeDetail.tsx';
import { saver } from './saver.ts';
import { totalsWithLocalScores } from './optimistic.ts';
import { roundedDecimalText } from '../../../shared/decimal/text.ts';
import { TotalsBar } from './TotalsBar.tsx';
import type { Rational } from '../../../shared/decimal/rational.ts';
import { exchangePaths } from '../secretariat/paths.ts';
import { AgreeRest } from '../bulk/AgreeRest.tsx';

const L = vi.dossier;

export function Dossier({ unitId, code }: { unitId: string | null; code: string | null }) {
  const [overview] = useLoad(() => loadOverview(), 'overview');
  useEffect(() => {
    if (unitId || overview.state !== 'ready') return;
    const units = overview.value.units;
    const next = units.find((u) => u.appraised < u.total) ?? units[0];
    if (next) navigate(paths.unit(next.id), { replace: true });
  }, [unitId, overview]);
  if (!unitId) return overview.state === 'failed' ? <LoadFailed error={overview.error} /> : <Loading />;
  return <DossierScreen unitId={unitId} code={code} overview={overview.state === 'ready' ? overview.value : null} />;
}

function firstEditable(nodes: readonly DossierNode[]): DossierNode | undefined {
  return nodes.find((n) => n.leaf && !n.readOnly) ?? nodes.find((n) => n.leaf) ?? nodes[0];
}

function DossierScreen({ unitId, code, overview }: { unitId: string; code: string | null; overview: Overview | null }) {
  const [load, reload, setView] = useLoad(() => {
    saver.forget(unitId);
    return api.dossier.get({ unitId });
  }, unitId);
  useSyncExternalStore(saver.subscribeVersion, saver.version);

  // The core's answers to my changes (here, in the grid, or an undo) update the view.
  const [selected, setSelected] = useState<string | null>(code);
  useEffect(
    () =>
      saver.subscribe((e) => {
        if (e.type === 'bulk') {
          // Many cells at once: ask the core again (the view stays on screen meanwhile).
          if (e.unitIds.includes(unitId)) reload();
          return;
        }
        if (e.type !== 'saved' || e.unitId !== unitId || !viewRef.current) return;
        setView(applyChange(viewRef.current, e.change));
        if (e.undo) setSelected(e.code);
      }),
    [unitId, setView, reload],
  );
  const viewRef = useRef<DossierView | null>(null);
  viewRef.current = load.state === 'ready' ? load.value : null;

  useEffect(() => {
    lastVisited.set('unit', paths.unit(unitId));
  }, [unitId]);
  useEffect(() => {
    if (code) setSelected(code);
  }, [code]);

  if (load.state === 'loading') return <Loading />;
  if (load.state === 'failed') return <LoadFailed error={load.error} onRetry={reload} />;
  return <DossierBody view={load.value} overview={overview} selected={selected} setSelected={setSelected} />;
}

/** The view after a saved change: the node replaced, the unit's totals new. */
function applyChange(view: DossierView, change: { node: DossierNode; totals: DossierView['totals'] }): DossierView {
  return {
    ...view,
    nodes: view.nodes.map((n) => (n.code === change.node.code ? change.node : n)),
    totals: change.totals,
  };
}

function DossierBody({
  view,
  overview,
  selected,
  setSelected,
}: {
  view: DossierView;
  overview: Overview | null;
  selected: string | null;
  setSelected: (code: string) => void;
}) {
  const unitId = view.unit.id;
  const byCode = useMemo(() => new Map(view.nodes.map((n) => [n.code, n])), [view.nodes]);
  const member = overview ? overview.me !== null : true; // until known, the core's readOnly flags decide
  const assigned = overview?.me ? fieldsIn(overview.me.fields, view.unit.group) : undefined; // in the unit's group
  const finalised = view.cycleStatus === 'finalised';
  const myFields = useMemo(
    () => new Set(view.nodes.filter((n) => n.depth === 0 && !n.readOnly).map((n) => n.code)),
    [view.nodes],
  );

  const selectedNode = (selected && byCode.get(selected)) || firstEditable(view.nodes);
  const [field, setField] = useState<string>(() => selectedNode?.field ?? view.nodes[0]?.field ?? 'all');
  const [leftOnly, setLeftOnly] = useState(false);
  // "Còn lại": the sub-criteria I still have to score (editable, not exempted, no score of mine), with their parents.
  const isLeft = (n: DossierNode) =>
    n.leaf &&
    !exemptedBy(byCode, n.code) &&
    locksOf(n, null, finalised, member, assigned).readOnly === null &&
    (saver.desired(unitId, n.code)?.input ?? n.appraisal?.input ?? null) === null;
  const leftCodes = new Set<string>();
  for (const n of view.nodes) {
    if (!isLeft(n)) continue;
    for (let c: string | null = n.code; c && !leftCodes.has(c); c = byCode.get(c)?.parent ?? null) leftCodes.add(c);
  }
  const leftCount = view.nodes.filter(
    (n) => n.leaf && leftCodes.has(n.code) && (field === 'all' || n.field === field),
  ).length;
  const leftKey = [...leftCodes].join(',');
  const rowsNodes = useMemo(
    () => view.nodes.filter((n) => (field === 'all' || n.field === field) && (!leftOnly || leftCodes.has(n.code))),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [view.nodes, field, leftOnly, leftKey],
  );
  const current = selectedNode && rowsNodes.includes(selectedNode) ? selectedNode : firstEditable(rowsNodes);

  // Keep the address on the selected sub-criterion (a reload comes back to it), without a navigation —
  // and only while the address is still a dossier's: a re-render after the user went to another screen
  // (e.g. the reload that follows a bulk agreement) must not pull him back here.
  useEffect(() => {
    if (!current || !isDossierHash(location.hash)) return;
    const path = paths.unit(unitId, current.code);
    if (location.hash !== `#${path}`) history.replaceState(history.state, '', `#${path}`);
  }, [unitId, current]);

  // My scores not yet confirmed by the core, already in the totals (its answer replaces them).
  const localScores = new Map<string, Rational | null>();
  for (const n of view.nodes) {
    const desired = n.leaf && saver.busy(unitId, n.code) ? saver.desired(unitId, n.code) : undefined;
    if (!desired) continue;
    const s = localScore(n, desired.input);
    if (s === null) localScores.set(n.code, null);
    else if (s.ok) localScores.set(n.code, s.value);
  }
  const totals = totalsWithLocalScores(view, byCode, localScores);

  const rows: RowState[] = rowsNodes.map((n) => {
    const ex = exemptedBy(byCode, n.code);
    const desired = saver.desired(unitId, n.code);
    let mine = n.appraisal?.score ?? null;
    let invalid = false;
    if (desired) {
      const s = localScore(n, desired.input);
      if (s === null) mine = null;
      else if (s.ok) mine = roundedDecimalText(s.value, 6);
      else invalid = true;
    }
    return {
      node: n,
      mine,
      hasComment: (desired?.comment ?? n.appraisal?.comment ?? '') !== '',
      exempted: ex ? (ex.code === n.code ? 'self' : 'ancestor') : null,
      locked: locksOf(n, ex, finalised, member, assigned).readOnly !== null,
      invalid,
    };
  });

  // Progress: the same rule as the home list (my assigned fields, my scores, proposed or approved
  // lowered benchmarks taken out); without assigned fields (the secretariat), every field and any member's score.
  const progressFields = assigned && assigned.length > 0 ? new Set(assigned) : null;
  const progress = progressFields
    ? myProgress(
        view.nodes
          .filter((n) => n.leaf)
          .map((n) => ({
            field: n.field,
            survey: n.scoring?.kind === 'survey',
            own: n.exemption?.status ?? null,
            path: ancestorsOf(byCode, n.code).map((a) => a.exemption?.status ?? null),
            appraisedByMe: localScores.has(n.code) ? localScores.get(n.code) !== null : n.appraisal?.score != null,
          })),
        progressFields,
      )
    : {
        appraised: totals.appraised,
        total: view.nodes.filter(
          (n) =>
            n.leaf &&
            n.scoring?.kind !== 'survey' &&
            !ancestorsOf(byCode, n.code).some((a) => takesOut(a.exemption?.status)),
        ).length,
      };

  // ---------- keyboard ----------
  const tableRef = useRef<HTMLTableElement>(null);
  const focusRow = useRef(false);
  const [commands, setCommands] = useState<Commands>({ control: 0, comment: 0, evidence: 0, exemption: 0 });
  const command = (k: keyof Commands) => setCommands((c) => ({ ...c, [k]: c[k] + 1 }));

  const select = useCallback(
    (c: string, focus = false) => {
      focusRow.current = focus;
      setSelected(c);
    },
    [setSelected],
  );
  useEffect(() => {
    if (!current || !focusRow.current) return;
    focusRow.current = false;
    const row = document.getElementById(`crit-${current.code}`);
    row?.focus({ preventScroll: true });
    row?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  // Arriving at a dossier puts the keyboard on the criteria list.
  useEffect(() => {
    if (!current) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.id !== 'main' && document.body.contains(active)) return;
    const row = document.getElementById(`crit-${current.code}`);
    row?.focus({ preventScroll: true });
    row?.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [unitId]);
  const focusSelectedRow = useCallback(() => {
    if (current) document.getElementById(`crit-${current.code}`)?.focus();
  }, [current]);

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (!(e.target instanceof HTMLTableRowElement) || !current) return;
    const i = rowsNodes.indexOf(current);
    const move = (to: number) => {
      e.preventDefault();
      const n = rowsNodes[Math.max(0, Math.min(rowsNodes.length - 1, to))];
      if (n) select(n.code, true);
    };
    const ex = exemptedBy(byCode, current.code);
    const locks = locksOf(current, ex, finalised, member, assigned);
    const change = (input: unknown) => {
      e.preventDefault();
      if (!current.leaf) return;
      if (locks.score) return refuse(locks.score);
      setInput(unitId, current, input);
    };
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    switch (e.key) {
      case 'ArrowDown':
        return move(i + 1);
      case 'ArrowUp':
        return move(i - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(rowsNodes.length - 1);
      case 'PageDown':
        return move(i + 10);
      case 'PageUp':
        return move(i - 10);
      case ' ':
        if (current.scoring?.kind === 'tick') return change(toggledTick(currentEdit(unitId, current).input));
        e.preventDefault();
        return;
      case 'Enter':
        e.preventDefault();
        return command('control');
      case '=':
        return selfInput(current) !== null ? change(selfInput(current)) : undefined;
      case 'Delete':
      case 'Backspace':
        return currentEdit(unitId, current).input !== null ? change(null) : undefined;
      case 'n':
      case 'N':
        e.preventDefault();
        return command('comment');
      case 't':
      case 'T':
        e.preventDefault();
        return command('evidence');
      case 'h':
      case 'H':
        e.preventDefault();
        if (!current.exemptable) return refuse(vi.dossier.detail.exemptionNotAllowed);
        if (locks.exemption) return refuse(locks.readOnly ?? vi.dossier.detail.exemptionNotAllowed);
        return command('exemption');
    }
    const d = digitOf(e);
    if (d !== null) {
      const input = inputForDigit(current.scoring, d);
      if (input) change(input);
    }
  };

  // ---------- unit navigation ----------
  const units = overview?.units ?? [];
  const at = units.findIndex((u) => u.id === unitId);
  const prev = at > 0 ? units[at - 1] : undefined;
  const next = at >= 0 && at < units.length - 1 ? units[at + 1] : undefined;
  const fieldTitle = (c: string) => view.totals.fields.find((f) => f.code === c)?.title ?? c;

  return (
    <div className="dossier">
      <header className="dossier-head">
        <div className="unit-line">
          <h1 className="unit-name" data-testid="unit-name">
            {view.unit.name}
          </h1>
          <span className="chip">{groupLabel(view.unit.group)}</span>
          <span className="unit-nav">
            <label className="sr-only" htmlFor="unit-picker">
              {L.chooseUnit}
            </label>
            <select id="unit-picker" value={unitId} onChange={(e) => navigate(paths.unit(e.target.value))}>
              {groupsOf(units).map((g) => (
                <optgroup key={g} label={groupLabel(g)}>
                  {units
                    .filter((u) => u.group === g)
                    .map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name}
                      </option>
                    ))}
                </optgroup>
              ))}
              {units.length === 0 && <option value={unitId}>{view.unit.name}</option>}
            </select>
            <a
              className={`button button-small button-secondary${prev ? '' : ' is-disabled'}`}
              href={prev ? hrefFor(paths.unit(prev.id)) : undefined}
              aria-disabled={!prev}
              title={L.prevUnit}
              aria-label={L.prevUnit}
            >
              ‹
            </a>
            <a
              className={`button button-small button-secondary${next ? '' : ' is-disabled'}`}
              href={next ? hrefFor(paths.unit(next.id)) : undefined}
              aria-disabled={!next}
              title={L.nextUnit}
              aria-label={L.nextUnit}
            >
              ›
            </a>
            {current && (
              <a
                className="button button-small button-secondary"
                href={hrefFor(paths.grid(view.unit.group, current.field))}
              >
                {L.openGrid} · {vi.dossier.fields.label} {current.field}
              </a>
            )}
          </span>
        </div>
        <TotalsBar totals={totals} appraised={progress.appraised} leaves={progress.total} />
        {finalised && <p className="notice">{L.finalised}</p>}
        {!finalised && myFields.size === 0 && (
          <p className="notice notice-locked" data-testid="dossier-read-only">
            {assigned?.length ? vi.dossier.detail.readOnlyConflict : L.readOnlyAll}
          </p>
        )}
        {!finalised && myFields.size > 0 && (
          <p className="dossier-coi">
            <a href={hrefFor(exchangePaths.conflictOfInterest(view.unit.id))} data-testid="declare-conflict">
              {L.declareConflict}
            </a>
          </p>
        )}
      </header>

      <div className="field-tabs" role="group" aria-label={vi.dossier.fields.label}>
        <span className="field-tabs-label" aria-hidden="true">
          {vi.dossier.fields.label}:
        </span>
        <button type="button" className="field-tab" aria-pressed={field === 'all'} onClick={() => setField('all')}>
          {vi.dossier.fields.all}
        </button>
        {totals.fields.map((f) => (
          <button
            key={f.code}
            type="button"
            className={`field-tab${myFields.has(f.code) ? ' is-mine' : ' is-readonly'}`}
            aria-pressed={field === f.code}
            title={`${f.code}. ${f.title}${myFields.has(f.code) ? ` (${vi.dossier.fields.mine})` : ` (${vi.dossier.fields.readOnly})`}`}
            onClick={() => setField(f.code)}
            data-field={f.code}
          >
            <span className="field-tab-code">
              <span className="sr-only">{vi.dossier.fields.label} </span>
              {f.code}
            </span>
            <span className="field-tab-points">{vi.dossier.fields.of(pts(f.points, 2), pts(f.benchmark, 2))}</span>
            {myFields.has(f.code) && <span className="mine-dot" aria-hidden="true" />}
          </button>
        ))}
      </div>

      <div className="bulk-bar" data-testid="bulk-bar">
        <button
          type="button"
          className="toggle"
          aria-pressed={leftOnly}
          title={vi.bulk.leftHint}
          onClick={() => setLeftOnly((v) => !v)}
          data-testid="filter-left"
        >
          {vi.bulk.left} <span className="toggle-count">({vi.bulk.leftCount(leftCount)})</span>
        </button>
        {!finalised && member && myFields.size > 0 && (field === 'all' || myFields.has(field)) && (
          <AgreeRest
            unitId={unitId}
            unitName={view.unit.name}
            fieldCode={field === 'all' ? null : field}
            disabled={leftCount === 0}
          />
        )}
      </div>

      <div className="dossier-panes">
        <div className="pane pane-list">
          {field !== 'all' && <p className="pane-caption">{fieldTitle(field)}</p>}
          <CriteriaList
            rows={rows}
            selected={current?.code ?? null}
            fields={totals.fields}
            onSelect={select}
            onKeyDown={onKeyDown}
            tableRef={tableRef}
          />
        </div>
        <div className="pane pane-detail">
          {current ? (
            <NodeDetail
              key={current.code}
              unitId={unitId}
              view={view}
              node={current}
              locks={locksOf(current, exemptedBy(byCode, current.code), finalised, member, assigned)}
              commands={commands}
              onEscape={focusSelectedRow}
            />
          ) : (
            <p className="muted">{vi.dossier.detail.selectPrompt}</p>
          )}
        </div>
      </div>
    </div>
  );
}
