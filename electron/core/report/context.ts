/**
 * Everything the report, the drill-down and the documents read from the store about a
 * cycle, loaded once: the official totals (approved exemptions only), the frameworks'
 * trees, the approved exemptions per unit, the previous year's published indices and the
 * survey respondents.
 */
import { type FrameworkTree, buildTree } from '../../../shared/framework/tree.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import type { UnitGroupInfo } from '../../../shared/framework/groups.ts';
import { listCycleGroups } from '../db/repos/groups.ts';
import type { Db } from '../db/connection.ts';
import { cycleFrameworks } from '../db/repos/frameworks.ts';
import type { ResultsState } from '../../../shared/report/types.ts';
import { type CycleTotals, type CycleTotalsOptions, computeCycleTotals } from '../results/cycle-totals.ts';
import { resultsState } from './state.ts';
import { exemptionRows, scanScope } from '../db/repos/figures.ts';
import { previousPublished, previousYears, surveyRespondents } from '../db/repos/report.ts';
import { scaledFromDecimalText } from '../../../shared/decimal/text.ts';

export interface PreviousEntry {
  readonly year: number;
  /** Scaled at the cycle's precision. */
  readonly published: bigint;
  readonly unitName: string;
}

export interface CycleContext {
  readonly totals: CycleTotals;
  /** The cycle's unit groups, in order. */
  readonly groups: readonly UnitGroupInfo[];
  readonly trees: ReadonlyMap<UnitGroup, FrameworkTree>;
  /** unit id → codes of approved exemptions (any level). */
  readonly exempted: ReadonlyMap<string, ReadonlySet<string>>;
  readonly previousYear: number | null;
  readonly previous: ReadonlyMap<string, PreviousEntry>;
  readonly respondents: ReadonlyMap<string, { cbccvc: number | null; sipas: number | null }>;
  /** Draft or final (with the snapshot's hash). */
  readonly state: ResultsState;
}

/** The year whose previous results the report compares with: year − 1 when imported, else the latest earlier year, else null. */
function previousYearOf(db: Db, cycleId: string, year: number): number | null {
  const years = previousYears(db, cycleId, year);
  if (years.length === 0) return null;
  return years.includes(year - 1) ? year - 1 : years[0]!;
}

/** The previous results of one year, per unit id, scaled at `precision`. */
export function previousResults(db: Db, cycleId: string, year: number, precision: number): Map<string, PreviousEntry> {
  const out = new Map<string, PreviousEntry>();
  for (const r of previousPublished(db, cycleId, year)) {
    out.set(r.unitId, { year, published: scaledFromDecimalText(r.published, precision), unitName: r.unitName });
  }
  return out;
}

export function loadCycleContext(db: Db, cycleId: string, options: CycleTotalsOptions = {}): CycleContext {
  const totals = computeCycleTotals(db, cycleId, options);
  const trees = new Map<UnitGroup, FrameworkTree>();
  for (const cf of cycleFrameworks(db, cycleId)) trees.set(cf.group, buildTree(cf.framework));
  const exempted = new Map<string, Set<string>>();
  for (const [u, c] of exemptionRows(db, scanScope(cycleId), options.includeProposedExemptions === true)) {
    exempted.set(u, (exempted.get(u) ?? new Set()).add(c));
  }
  const previousYear = previousYearOf(db, cycleId, totals.cycle.year);
  const previous =
    previousYear === null
      ? new Map<string, PreviousEntry>()
      : previousResults(db, cycleId, previousYear, totals.cycle.precision);
  const respondents = new Map<string, { cbccvc: number | null; sipas: number | null }>();
  for (const [u, source, n] of surveyRespondents(db, cycleId)) {
    const e = respondents.get(u) ?? { cbccvc: null, sipas: null };
    e[source] = n;
    respondents.set(u, e);
  }
  return {
    totals,
    groups: listCycleGroups(db, cycleId),
    trees,
    exempted,
    previousYear,
    previous,
    respondents,
    state: resultsState(db, cycleId),
  };
}

/** Whether a leaf (by its path of codes) is exempted for a unit. */
export function isExempted(ctx: CycleContext, unitId: string, path: readonly string[]): boolean {
  const set = ctx.exempted.get(unitId);
  return set !== undefined && path.some((c) => set.has(c));
}
