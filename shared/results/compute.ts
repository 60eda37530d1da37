/**
 * From per-unit figures to the published results: total, index, published index,
 * classification, ranks within group and overall, and per-group and overall statistics.
 * All arithmetic is exact; rounding is decimal half-up, once, at publication.
 */
import { type Rational, add, div, mul, rat, roundHalfUpScaled, HUNDRED, ZERO } from '../decimal/rational.ts';
import type { UnitGroup } from '../framework/types.ts';
import { type ClassificationGroup, classify, emptyCounts } from './classification.ts';
import { competitionRanks } from './rank.ts';

export const DEFAULT_PRECISION = 2;

export interface UnitFigures {
  readonly unit: string;
  readonly group: UnitGroup;
  readonly benchmark: Rational;
  readonly selfAssessed: Rational;
  readonly surveyCbccvc: Rational;
  readonly surveySipas: Rational;
}

export interface UnitResult extends UnitFigures {
  readonly survey: Rational;
  readonly total: Rational;
  /** Unrounded index, percent. */
  readonly index: Rational;
  /** Published index in 10^-precision percent (83,84% → 8384n at precision 2). */
  readonly published: bigint;
  readonly classification: ClassificationGroup;
  readonly rankInGroup: number;
  readonly rankOverall: number;
}

interface UnitRef {
  readonly unit: string;
  readonly published: bigint;
}

export interface Stats {
  readonly count: number;
  /** Mean of the published indices, published the same way. */
  readonly average: bigint;
  readonly highest: UnitRef;
  readonly lowest: UnitRef;
  /** highest − lowest, in the same scale. */
  readonly spread: bigint;
  readonly classificationCounts: Record<ClassificationGroup, number>;
}

export interface GroupStats extends Stats {
  readonly group: UnitGroup;
}

export interface Results {
  readonly precision: number;
  /** Sorted by group (in the cycle's order), then rank in group, then name. */
  readonly units: readonly UnitResult[];
  readonly groups: readonly GroupStats[];
  readonly overall: Stats | null;
}

/** index % = (self-assessed + survey) / benchmark × 100, exact. A zero benchmark gives 0. */
export function unitIndex(total: Rational, benchmark: Rational): Rational {
  return benchmark.n === 0n ? ZERO : mul(div(total, benchmark), HUNDRED);
}

/** Mean of published values, published the same way (half up). */
export function meanPublished(values: readonly bigint[]): bigint {
  if (values.length === 0) return 0n;
  let s = 0n;
  for (const v of values) s += v;
  return roundHalfUpScaled(rat(s, BigInt(values.length)), 0);
}

const collator = new Intl.Collator('vi');

function stats(
  units: readonly { unit: string; published: bigint; classification: ClassificationGroup }[],
): Stats | null {
  if (units.length === 0) return null;
  let hi = units[0]!;
  let lo = units[0]!;
  const counts = emptyCounts();
  for (const u of units) {
    if (u.published > hi.published) hi = u;
    if (u.published < lo.published) lo = u;
    counts[u.classification] += 1;
  }
  return {
    count: units.length,
    average: meanPublished(units.map((u) => u.published)),
    highest: { unit: hi.unit, published: hi.published },
    lowest: { unit: lo.unit, published: lo.published },
    spread: hi.published - lo.published,
    classificationCounts: counts,
  };
}

/** One unit's exact figures, index, published index and classification; ranks are set by rankResults. */
export function unitResult(f: UnitFigures, precision: number): { -readonly [K in keyof UnitResult]: UnitResult[K] } {
  const survey = add(f.surveyCbccvc, f.surveySipas);
  const total = add(f.selfAssessed, survey);
  const index = unitIndex(total, f.benchmark);
  const published = roundHalfUpScaled(index, precision);
  // One literal per unit (a fixed shape: fast to sort and read).
  return {
    unit: f.unit,
    group: f.group,
    benchmark: f.benchmark,
    selfAssessed: f.selfAssessed,
    surveyCbccvc: f.surveyCbccvc,
    surveySipas: f.surveySipas,
    survey,
    total,
    index,
    published,
    classification: classify(published, precision),
    rankInGroup: 0,
    rankOverall: 0,
  };
}

/** What ranking, ordering and the statistics read of a unit: a UnitResult, or a leaner record of one. */
export interface RankedUnit {
  readonly unit: string;
  readonly group: UnitGroup;
  readonly published: bigint;
  readonly classification: ClassificationGroup;
  rankInGroup: number;
  rankOverall: number;
}

/**
 * Ranks the units (within group and overall), sorts them by group (`groupOrder` first, then
 * the others in the order their first unit appears), rank in group and name, and computes
 * the statistics. Sorts `all` in place. One pass to group: 100,000 units stay linear.
 */
export function rankResults<T extends RankedUnit>(
  all: T[],
  groupOrder: readonly UnitGroup[] = [],
): { units: T[]; groups: GroupStats[]; overall: Stats | null } {
  const n = all.length;
  const members = new Map<UnitGroup, number[]>(groupOrder.map((g) => [g, []]));
  for (let i = 0; i < n; i++) {
    const g = all[i]!.group;
    let m = members.get(g);
    if (!m) members.set(g, (m = []));
    m.push(i);
  }
  const overall = competitionRanks(all.map((u) => u.published));
  for (let i = 0; i < n; i++) all[i]!.rankOverall = overall[i]!;
  for (const idx of members.values()) {
    const ranks = competitionRanks(idx.map((i) => all[i]!.published));
    idx.forEach((i, k) => (all[i]!.rankInGroup = ranks[k]!));
  }
  const groupList = [...members.keys()];
  members.clear();
  const order = new Map<UnitGroup, number>(groupList.map((g, i) => [g, i]));
  const orderOf = (g: UnitGroup) => order.get(g) ?? -1;
  const units = all.sort(
    (a, b) => orderOf(a.group) - orderOf(b.group) || a.rankInGroup - b.rankInGroup || collator.compare(a.unit, b.unit),
  );
  const byGroup = new Map<UnitGroup, T[]>(groupList.map((g) => [g, []]));
  for (const u of units) byGroup.get(u.group)?.push(u);
  const groups: GroupStats[] = [];
  for (const g of groupList) {
    const s = stats(byGroup.get(g)!);
    if (s) groups.push({ group: g, ...s });
  }
  return { units, groups, overall: stats(units) };
}

/**
 * `groupOrder` is the cycle's group codes in order; a group it does not list follows, in the
 * order its first unit appears.
 */
export function computeResults(
  figures: readonly UnitFigures[],
  precision: number = DEFAULT_PRECISION,
  groupOrder: readonly UnitGroup[] = [],
): Results {
  const all = figures.map((f) => unitResult(f, precision));
  return { precision, ...rankResults(all, groupOrder) };
}
