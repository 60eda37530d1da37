/**
 * A unit's dossier on screen: the header with its totals, the field tabs, the criteria list and the selected sub-
 * criterion, with the keyboard of Dossier.tsx's header. Its derived state is in body-state.ts.
 */
import { fieldsIn } from '../../../shared/council/assignment.ts';
import { groupLabel, groupsOf } from '../../app/groups.ts';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { DossierNode, DossierView } from '../../../shared/contract/dossier.ts';
import type { Overview } from '../../../shared/contract/workspace.ts';
import { hrefFor, isDossierHash, navigate, paths } from '../../app/route.ts';
import { digitOf } from '../../components/keys.ts';
import { vi } from '../../i18n/vi.ts';
import { currentEdit, locksOf, refuse, setInput } from './actions.ts';
import { CriteriaList } from './CriteriaList.tsx';
import { exemptedBy, inputForDigit, selfInput, toggledTick } from './model.ts';
import { NodeDetail, type Commands } from './NodeDetail.tsx';
import { totalsWithLocalScores } from './optimistic.ts';
import { type Viewer, dossierProgress, leftToDo, rowStates, unconfirmedScores } from './body-state.ts';
import { TotalsBar } from './TotalsBar.tsx';
import { FieldTabs } from './FieldTabs.tsx';
import { exchangePaths } from '../secretariat/paths.ts';
import { AgreeRest } from '../bulk/AgreeRest.tsx';
const L = vi.dossier;

function firstEditable(nodes: readonly DossierNode[]): DossierNode | undefined {
  return nodes.find((n) => n.leaf && !n.readOnly) ?? nodes.find((n) => n.leaf) ?? nodes[0];
}

export function DossierBody({
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
  const who: Viewer = { member, assigned, finalised };
  const leftCodes = leftToDo(view, byCode, who);
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
  const localScores = unconfirmedScores(view);
  const totals = totalsWithLocalScores(view, byCode, localScores);

  const rows = rowStates(unitId, rowsNodes, byCode, who);
  const progress = dossierProgress(view, byCode, assigned, localScores, totals.appraised);

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

      <FieldTabs fields={totals.fields} myFields={myFields} field={field} onField={setField} />

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
