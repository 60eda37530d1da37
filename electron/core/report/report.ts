/**
 * The report of a cycle from the store (the data of the results screens, the minutes and
 * the exports): per group the report's table, the field table and statistics; all units
 * with their classification; the charts' data; a unit's what-if.
 */
import { ZERO, cmp } from '../../../shared/decimal/rational.ts';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { type ReportCharts, reportCharts } from '../../../shared/report/charts.ts';
import { buildReport } from '../../../shared/report/tables.ts';
import type { MissedItem, Report, ReportInput, ReportUnitInput } from '../../../shared/report/types.ts';
import { type WhatIfLeaf, type WhatIfResult, whatIf } from '../../../shared/report/what-if.ts';
import type { Db } from '../db/connection.ts';
import { type CycleContext, isExempted, loadCycleContext } from './context.ts';
import { exactDecimalText } from '../../../shared/decimal/text.ts';

/** The pure report's input from a loaded cycle. */
export function reportInputOf(ctx: CycleContext): ReportInput {
  const c = ctx.totals.cycle;
  const units: ReportUnitInput[] = ctx.totals.units.map((u) => {
    const plan = ctx.totals.plans.get(u.unit.group)!;
    const tree = ctx.trees.get(u.unit.group);
    const missed: MissedItem[] = [];
    for (const leaf of plan.leaves) {
      if (leaf.survey || cmp(leaf.max, ZERO) === 0 || isExempted(ctx, u.unit.id, leaf.path)) continue;
      const s = u.scores.get(leaf.code);
      if (s !== undefined && cmp(s, ZERO) > 0) continue;
      missed.push({
        code: leaf.code,
        title: tree?.byCode.get(leaf.code)?.title ?? leaf.code,
        fieldCode: plan.fields[leaf.fieldIndex]!.code,
        max: exactDecimalText(leaf.max),
        scored: s !== undefined,
      });
    }
    return {
      id: u.unit.id,
      name: u.unit.name,
      group: u.unit.group,
      benchmark: u.totals.benchmark,
      selfAssessed: u.totals.selfAssessed,
      surveyCbccvc: u.totals.surveyCbccvc,
      surveySipas: u.totals.surveySipas,
      fields: u.totals.fields.map((f) => ({ code: f.code, title: f.title, benchmark: f.benchmark, points: f.points })),
      previousPublished: ctx.previous.get(u.unit.id)?.published ?? null,
      missed,
      respondents: ctx.respondents.get(u.unit.id) ?? { cbccvc: null, sipas: null },
      conflicts: u.conflicts.size,
      provisional: u.provisional,
      surveyMissing: u.surveyMissing,
    };
  });
  return {
    cycle: { id: c.id, name: c.name, year: c.year, province: c.province, precision: c.precision },
    groups: ctx.groups,
    previousYear: ctx.previousYear,
    units,
    state: ctx.state,
  };
}

/** The whole report of a cycle (official: approved exemptions only). */
export function cycleReport(db: Db, cycleId: string): Report {
  return buildReport(reportInputOf(loadCycleContext(db, cycleId)));
}

/** The charts' data (chart.js on the screens; the documents draw the same as SVG). */
export function cycleCharts(db: Db, cycleId: string): ReportCharts {
  return reportCharts(cycleReport(db, cycleId));
}

/** The what-if inputs of one unit in a loaded cycle. */
function whatIfOf(ctx: CycleContext, unitId: string): WhatIfResult {
  const u = ctx.totals.units.find((x) => x.unit.id === unitId);
  if (!u) throw new CodedFailure('UNIT_NOT_FOUND', `Không tìm thấy đơn vị “${unitId}” trong kỳ đánh giá.`, { unitId });
  const plan = ctx.totals.plans.get(u.unit.group)!;
  const tree = ctx.trees.get(u.unit.group);
  const leaves: WhatIfLeaf[] = plan.leaves
    .filter((l) => !l.survey && !isExempted(ctx, unitId, l.path))
    .map((l) => ({
      code: l.code,
      title: tree?.byCode.get(l.code)?.title ?? l.code,
      fieldCode: plan.fields[l.fieldIndex]!.code,
      max: l.max,
      points: u.scores.get(l.code) ?? ZERO,
    }));
  return whatIf({
    benchmark: u.totals.benchmark,
    total: u.totals.total,
    precision: ctx.totals.cycle.precision,
    leaves,
  });
}

/** Which not-yet-met sub-criteria would move the unit to the next classification group. */
export function unitWhatIf(db: Db, cycleId: string, unitId: string): WhatIfResult {
  return whatIfOf(loadCycleContext(db, cycleId, { unitIds: [unitId] }), unitId);
}
