/**
 * From the units' exact figures to the report's tables: per group the summary table
 * (sorted by index, TRUNG BÌNH row), the field table and its statistics, the sub-criteria
 * missed; all units with their classification; per group and overall statistics with the
 * change against the previous year. Pure; published figures come from computeResults.
 */
import { type Rational, ZERO, add, div, mul, rat, roundHalfUpScaled, HUNDRED } from '../decimal/rational.ts';
import { groupLabeller, groupNoun } from '../framework/groups.ts';
import { CLASSIFICATION_LABELS, type ClassificationGroup } from '../results/classification.ts';
import { type UnitResult, computeResults, meanPublished } from '../results/compute.ts';
import { compareCodes } from '../framework/tree.ts';
import type {
  AverageRow,
  ClassificationCounts,
  ClassifiedUnit,
  FieldCell,
  FieldColumn,
  FieldRow,
  FieldStat,
  GroupReport,
  MissedGroupItem,
  Report,
  ReportInput,
  ReportUnitInput,
  StatsView,
  SummaryRow,
  UnitRefView,
} from './types.ts';
import { exactDecimalText, fixedDecimalText, scaledDecimalText } from '../decimal/text.ts';

const collator = new Intl.Collator('vi');

/** Points in the tables: 2 decimals, half up (the report's "51,34"). */
const POINT_PLACES = 2;

function mean(values: readonly Rational[]): Rational {
  if (values.length === 0) return ZERO;
  let s = ZERO;
  for (const v of values) s = add(s, v);
  return div(s, rat(values.length));
}

function percentOf(points: Rational, benchmark: Rational): Rational {
  return mul(div(points, benchmark), HUNDRED);
}

interface Scored {
  readonly input: ReportUnitInput;
  readonly result: UnitResult;
}

function countsView(classes: readonly ClassificationGroup[]): ClassificationCounts {
  const c = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const g of classes) c[String(g) as keyof typeof c] += 1;
  return c;
}

/** Highest first; equal values keep table order (the first one listed wins). */
function extremes<T extends object>(items: readonly T[], value: (t: T) => bigint): { hi: T; lo: T } {
  let hi = items[0]!;
  let lo = items[0]!;
  for (const it of items) {
    if (value(it) > value(hi)) hi = it;
    if (value(it) < value(lo)) lo = it;
  }
  return { hi, lo };
}

function statsOf(units: readonly Scored[], p: number): StatsView {
  const { hi, lo } = extremes(units, (u) => u.result.published);
  const ref = (u: Scored): UnitRefView => ({
    unitId: u.input.id,
    unit: u.input.name,
    value: scaledDecimalText(u.result.published, p),
  });
  const average = meanPublished(units.map((u) => u.result.published));
  const prev = units.flatMap((u) =>
    u.input.previousPublished === null || u.input.previousPublished === undefined ? [] : [u.input.previousPublished],
  );
  const previousAverage = prev.length > 0 ? meanPublished(prev) : null;
  return {
    count: units.length,
    average: scaledDecimalText(average, p),
    highest: ref(hi),
    lowest: ref(lo),
    spread: scaledDecimalText(hi.result.published - lo.result.published, p),
    classificationCounts: countsView(units.map((u) => u.result.classification)),
    previousAverage: previousAverage === null ? null : scaledDecimalText(previousAverage, p),
    // A change of the average compares like with like: only when every unit has last year's index.
    averageChange:
      previousAverage === null || prev.length < units.length ? null : scaledDecimalText(average - previousAverage, p),
    withPrevious: prev.length,
  };
}

function byIndex(a: Scored, b: Scored): number {
  return a.result.published > b.result.published
    ? -1
    : a.result.published < b.result.published
      ? 1
      : collator.compare(a.input.name, b.input.name);
}

function summaryRow(s: Scored, stt: number, p: number): SummaryRow {
  const r = s.result;
  const prev = s.input.previousPublished ?? null;
  return {
    stt,
    unitId: s.input.id,
    unit: s.input.name,
    group: s.input.group,
    benchmark: fixedDecimalText(r.benchmark, POINT_PLACES),
    selfAssessed: fixedDecimalText(r.selfAssessed, POINT_PLACES),
    surveyCbccvc: fixedDecimalText(r.surveyCbccvc, POINT_PLACES),
    surveySipas: fixedDecimalText(r.surveySipas, POINT_PLACES),
    survey: fixedDecimalText(r.survey, POINT_PLACES),
    total: fixedDecimalText(r.total, POINT_PLACES),
    index: scaledDecimalText(r.published, p),
    classification: r.classification,
    rankInGroup: r.rankInGroup,
    rankOverall: r.rankOverall,
    previousIndex: prev === null ? null : scaledDecimalText(prev, p),
    change: prev === null ? null : scaledDecimalText(r.published - prev, p),
    respondentsCbccvc: s.input.respondents?.cbccvc ?? null,
    respondentsSipas: s.input.respondents?.sipas ?? null,
    conflicts: s.input.conflicts ?? 0,
    computable: (s.input.surveyMissing ?? 0) === 0,
  };
}

function averageRow(units: readonly Scored[], stats: StatsView): AverageRow {
  const col = (f: (r: UnitResult) => Rational) => fixedDecimalText(mean(units.map((u) => f(u.result))), POINT_PLACES);
  return {
    benchmark: col((r) => r.benchmark),
    selfAssessed: col((r) => r.selfAssessed),
    surveyCbccvc: col((r) => r.surveyCbccvc),
    surveySipas: col((r) => r.surveySipas),
    survey: col((r) => r.survey),
    total: col((r) => r.total),
    index: stats.average,
    previousIndex: stats.previousAverage,
    change: stats.averageChange,
  };
}

function fieldColumnsOf(units: readonly Scored[]): FieldColumn[] {
  const cols: FieldColumn[] = [];
  const seen = new Set<string>();
  for (const u of units) {
    for (const f of u.input.fields) {
      if (seen.has(f.code)) continue;
      seen.add(f.code);
      cols.push({ code: f.code, title: f.title });
    }
  }
  return cols;
}

function fieldTable(
  units: readonly Scored[],
  p: number,
): { columns: FieldColumn[]; rows: FieldRow[]; stats: FieldStat[] } {
  const columns = fieldColumnsOf(units);
  const rows: FieldRow[] = units.map((u, i) => {
    const byCode = new Map(u.input.fields.map((f) => [f.code, f]));
    const cells = columns.map((c): FieldCell | null => {
      const f = byCode.get(c.code);
      if (!f) return null;
      const percent = f.benchmark.n === 0n ? null : roundHalfUpScaled(percentOf(f.points, f.benchmark), p);
      return {
        benchmark: exactDecimalText(f.benchmark),
        points: fixedDecimalText(f.points, POINT_PLACES),
        percent: percent === null ? null : scaledDecimalText(percent, p),
      };
    });
    return {
      stt: i + 1,
      unitId: u.input.id,
      unit: u.input.name,
      index: scaledDecimalText(u.result.published, p),
      cells,
    };
  });
  const stats: FieldStat[] = [];
  columns.forEach((c) => {
    const entries = units.flatMap((u) => {
      const f = u.input.fields.find((x) => x.code === c.code);
      if (!f || f.benchmark.n === 0n) return [];
      return [{ u, f, percent: roundHalfUpScaled(percentOf(f.points, f.benchmark), p) }];
    });
    if (entries.length === 0) return;
    const { hi, lo } = extremes(entries, (e) => e.percent);
    const ref = (e: (typeof entries)[number]): UnitRefView => ({
      unitId: e.u.input.id,
      unit: e.u.input.name,
      value: scaledDecimalText(e.percent, p),
    });
    stats.push({
      code: c.code,
      title: c.title,
      count: entries.length,
      averageBenchmark: fixedDecimalText(mean(entries.map((e) => e.f.benchmark)), POINT_PLACES),
      averagePoints: fixedDecimalText(mean(entries.map((e) => e.f.points)), POINT_PLACES),
      averagePercent: scaledDecimalText(meanPublished(entries.map((e) => e.percent)), p),
      highest: ref(hi),
      lowest: ref(lo),
      spread: scaledDecimalText(hi.percent - lo.percent, p),
    });
  });
  return { columns, rows, stats };
}

function missedOf(units: readonly Scored[]): MissedGroupItem[] {
  const byCode = new Map<string, { item: MissedGroupItem; units: { unitId: string; unit: string }[] }>();
  for (const u of units) {
    for (const m of u.input.missed ?? []) {
      let e = byCode.get(m.code);
      if (!e) {
        e = { item: { code: m.code, title: m.title, fieldCode: m.fieldCode, max: m.max, units: [] }, units: [] };
        byCode.set(m.code, e);
      }
      e.units.push({ unitId: u.input.id, unit: u.input.name });
    }
  }
  return [...byCode.values()].map((e) => ({ ...e.item, units: e.units })).sort((a, b) => compareCodes(a.code, b.code));
}

/** Builds the whole report. Unit names must be unique within the cycle (they are in the store). */
export function buildReport(input: ReportInput): Report {
  const p = input.cycle.precision;
  const results = computeResults(
    input.units.map((u) => ({
      unit: u.name,
      group: u.group,
      benchmark: u.benchmark,
      selfAssessed: u.selfAssessed,
      surveyCbccvc: u.surveyCbccvc,
      surveySipas: u.surveySipas,
    })),
    p,
    [...input.groups].sort((a, b) => a.sortOrder - b.sortOrder).map((g) => g.code),
  );
  const byName = new Map(results.units.map((r) => [r.unit, r]));
  const scored: Scored[] = input.units.map((u) => ({ input: u, result: byName.get(u.name)! }));

  const groups: GroupReport[] = [];
  const names = groupLabeller(input.groups);
  for (const g of results.groups.map((x) => x.group)) {
    const units = scored.filter((s) => s.input.group === g).sort(byIndex);
    if (units.length === 0) continue;
    const stats = statsOf(units, p);
    const fields = fieldTable(units, p);
    groups.push({
      group: g,
      label: names.label(g),
      shortLabel: names.short(g),
      noun: groupNoun(names.label(g)),
      count: units.length,
      rows: units.map((u, i) => summaryRow(u, i + 1, p)),
      average: averageRow(units, stats),
      stats,
      fieldColumns: fields.columns,
      fieldRows: fields.rows,
      fieldStats: fields.stats,
      missed: missedOf(units),
    });
  }
  const all = [...scored].sort(byIndex);
  const units: ClassifiedUnit[] = all.map((s) => {
    const prev = s.input.previousPublished ?? null;
    return {
      unitId: s.input.id,
      unit: s.input.name,
      group: s.input.group,
      groupLabel: names.label(s.input.group),
      index: scaledDecimalText(s.result.published, p),
      classification: s.result.classification,
      classificationLabel: CLASSIFICATION_LABELS[s.result.classification],
      rankInGroup: s.result.rankInGroup,
      rankOverall: s.result.rankOverall,
      previousIndex: prev === null ? null : scaledDecimalText(prev, p),
      change: prev === null ? null : scaledDecimalText(s.result.published - prev, p),
      conflicts: s.input.conflicts ?? 0,
      computable: (s.input.surveyMissing ?? 0) === 0,
    };
  });
  const sum = (f: (u: ReportUnitInput) => number | undefined) => input.units.reduce((acc, u) => acc + (f(u) ?? 0), 0);
  const state = input.state ?? { finalised: false, snapshotHash: null, finalisedAt: null };
  return {
    cycle: input.cycle,
    precision: p,
    previousYear: input.previousYear,
    groups,
    units,
    overall: all.length > 0 ? statsOf(all, p) : null,
    status: {
      ...state,
      unresolvedConflicts: sum((u) => u.conflicts),
      provisionalScores: sum((u) => u.provisional),
      notComputable: input.units.filter((u) => (u.surveyMissing ?? 0) > 0).length,
    },
  };
}
