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

export interface UnitRef {
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

export function stats(units: readonly { unit: string; published: bigint; classification: ClassificationGroup }[]): Stats | null {
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

/**
 * `groupOrder` is the cycle's group codes in order; a group it does not list follows, in the
 * order its first unit appears.
 */
export function computeResults(figures: readonly UnitFigures[], precision: number = DEFAULT_PRECISION, groupOrder: readonly UnitGroup[] = []): Results {
  const order = [...new Set([...groupOrder, ...figures.map((f) => f.group)])];
  const orderOf = new Map(order.map((g, i) => [g, i]));
  const base = figures.map((f) => {
    const survey = add(f.surveyCbccvc, f.surveySipas);
    const total = add(f.selfAssessed, survey);
    const index = unitIndex(total, f.benchmark);
    const published = roundHalfUpScaled(index, precision);
    return { ...f, survey, total, index, published, classification: classify(published, precision) };
  });
  const overallRanks = competitionRanks(base.map((u) => u.published));
  const inGroupRank = new Array<number>(base.length);
  for (const g of order) {
    const idx = base.flatMap((u, i) => (u.group === g ? [i] : []));
    const ranks = competitionRanks(idx.map((i) => base[i]!.published));
    idx.forEach((i, k) => (inGroupRank[i] = ranks[k]!));
  }
  const units: UnitResult[] = base
    .map((u, i) => ({ ...u, rankInGroup: inGroupRank[i]!, rankOverall: overallRanks[i]! }))
    .sort((a, b) => orderOf.get(a.group)! - orderOf.get(b.group)! || a.rankInGroup - b.rankInGroup || collator.compare(a.unit, b.unit));
  const groups: GroupStats[] = [];
  for (const g of order) {
    const s = stats(units.filter((u) => u.group === g));
    if (s) groups.push({ group: g, ...s });
  }
  return { precision, units, groups, overall: stats(units) };
}
