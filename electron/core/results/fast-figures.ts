/**
 * The figures behind the index (benchmark, self-assessed points, survey points) of
 * every unit of a cycle, read in two wide passes instead of leaf by leaf. Same rule as
 * cycle-totals.ts (effective score: final > appraisal of an assigned member > round 2 >
 * round 1; exempted nodes out of score and benchmark; survey leaves from survey_points).
 *
 * - After a merge nearly every counted leaf has a final score. Each unit's final scores
 *   come back as a list of codes and a list of scores (a range of the primary key, no
 *   join). When the codes are exactly the counted leaves' (one string comparison; the
 *   exempted ones left out or not), the scores are taken by place; otherwise each code
 *   is looked up. A unit whose every counted, non-exempted leaf has a final score is
 *   done.
 * - Every other unit (before a merge: all of them) is read again with the whole rule
 *   inside SQLite: the effective score of every counted leaf, in the order of the codes.
 *
 * Still exact: each distinct score text is parsed once; decimal scores are added as
 * integer micro-points (plain numbers, exact below 2^53), any other fraction as a
 * rational. Every counted leaf is read, with or without a dossier row (an appraisal or
 * final score alone still counts). An exempted leaf is skipped by its code or its place,
 * which is cheaper than looking every leaf up in the exemptions inside SQLite.
 * test/db/fast-figures.test.ts checks both paths against the leaf-by-leaf computation.
 */
import { type Rational, ZERO, add, deserialize, rat, sub } from '../../../shared/decimal/rational.ts';
import type { UnitFigures } from '../../../shared/results/compute.ts';
import type { TotalsPlan } from '../../../shared/results/unit-totals.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import type { Db } from '../db/connection.ts';
import {
  effectiveScoreLists,
  ensurePlanLeaves,
  finalScoreLists,
  exemptionRows,
  scanScope,
  surveyPointRows,
  unitRows,
} from '../db/repos/figures.ts';
import { treeFor } from '../framework/trees.ts';
import { type CycleTotalsOptions, requireCycle } from './cycle-totals.ts';

const MICRO = 1_000_000n;
/**
 * The largest score, in micro-points, added as a plain number: a unit's sum of up to
 * 9 million such terms stays an integer below 2^53, where every double is exact.
 */
const MAX_MICRO = 1e9;

/**
 * A score text's value: micro-points as an integer number when its denominator divides
 * 10^6 (every decimal score, up to 1 000 points), the exact rational otherwise. Each
 * distinct text is parsed once per recompute (deserialize refuses anything but a number).
 */
class Terms {
  private readonly parsed = new Map<string, number | Rational>();
  of(text: string): number | Rational {
    let t = this.parsed.get(text);
    if (t === undefined) {
      const r = deserialize(text);
      const micro = MICRO % r.d === 0n ? r.n * (MICRO / r.d) : null;
      t = micro !== null && micro <= MAX_MICRO && micro >= -MAX_MICRO ? Number(micro) : r;
      this.parsed.set(text, t);
    }
    return t;
  }
}

/**
 * An exact sum of one unit's scores: micro-points as an integer number; other fractions as
 * one fraction reduced once at the end (a gcd per term costs more than the bigger numbers).
 */
class UnitSum {
  private micro = 0;
  private n = 0n;
  private d = 1n;
  add(t: number | Rational): void {
    if (typeof t === 'number') this.micro += t;
    else if (this.d % t.d === 0n)
      this.n += t.n * (this.d / t.d); // a denominator already in the sum: it does not grow
    else {
      this.n = this.n * t.d + t.n * this.d;
      this.d *= t.d;
    }
  }
  value(): Rational {
    const decimal = rat(this.micro, MICRO);
    return this.n === 0n ? decimal : add(decimal, rat(this.n, this.d));
  }
}

/** A group's plan, as the fast path reads it. */
interface GroupPlan {
  readonly plan: TotalsPlan;
  /** The counted (non-survey) leaves' codes in SQLite's binary order: the order of effectiveScoreLists. */
  readonly counted: readonly string[];
  /** `counted` joined by char 31: a unit's final-score codes when every counted leaf has one and nothing else does. */
  readonly countedText: string;
  /** Code → place in `counted`. */
  readonly place: ReadonlyMap<string, number>;
  readonly surveyLeaves: TotalsPlan['leaves'];
  /** Node code → the leaves under it (itself, for a leaf): what an exemption of that node takes out. */
  readonly under: ReadonlyMap<string, readonly TotalsPlan['leaves'][number][]>;
  /** Every leaf's maximum added up: the benchmark of a unit with no exemption. */
  readonly full: Rational;
}

export function cycleFiguresFast(db: Db, cycleId: string, options: CycleTotalsOptions = {}): UnitFigures[] {
  const cycle = requireCycle(db, cycleId);
  const withProposed = options.includeProposedExemptions === true;
  const units = unitRows(db, cycleId);
  const groups = new Map<UnitGroup, GroupPlan>();
  for (const g of new Set(units.map((u) => u[2]))) {
    const { hash, plan } = treeFor(db, cycle.id, g);
    const counted = plan.leaves
      .filter((l) => !l.survey)
      .map((l) => l.code)
      .sort(binaryOrder);
    ensurePlanLeaves(db, hash, plan.group, counted);
    const under = new Map<string, TotalsPlan['leaves'][number][]>();
    for (const leaf of plan.leaves) for (const c of leaf.path) under.set(c, [...(under.get(c) ?? []), leaf]);
    groups.set(g, {
      plan,
      counted,
      countedText: counted.join('\u001f'),
      place: new Map(counted.map((c, i) => [c, i])),
      surveyLeaves: plan.leaves.filter((l) => l.survey),
      under,
      full: plan.leaves.reduce((acc, l) => add(acc, l.max), ZERO),
    });
  }

  // Exempted nodes per unit (few rows), and survey points.
  const exempted = new Map<string, Set<string>>();
  const inCycle = scanScope(cycleId);
  for (const [u, c] of exemptionRows(db, inCycle, withProposed)) {
    exempted.set(u, (exempted.get(u) ?? new Set()).add(c));
  }
  const survey = { cbccvc: new Map<string, Rational>(), sipas: new Map<string, Rational>() };
  for (const [u, source, points] of surveyPointRows(db, inCycle)) {
    if (source === 'cbccvc' || source === 'sipas') survey[source].set(u, deserialize(points));
  }

  // Benchmark and survey points; the places of each unit's exempted counted leaves.
  const skipped = new Map<string, Set<number>>();
  const figures = units.map(([id, name, group]) => {
    const { surveyLeaves, under, place, full } = groups.get(group)!;
    const ex = exempted.get(id);
    const out = new Set<TotalsPlan['leaves'][number]>();
    if (ex !== undefined) for (const c of ex) for (const leaf of under.get(c) ?? []) out.add(leaf);
    let benchmark = full;
    const places = new Set<number>();
    for (const leaf of out) {
      benchmark = sub(benchmark, leaf.max);
      if (!leaf.survey) places.add(place.get(leaf.code)!);
    }
    if (places.size > 0) skipped.set(id, places);
    let cb = ZERO;
    let sip = ZERO;
    const cbPoints = survey.cbccvc.get(id);
    const sipPoints = survey.sipas.get(id);
    for (const leaf of surveyLeaves) {
      if (out.has(leaf)) continue;
      if (leaf.survey === 'cbccvc' && cbPoints) cb = add(cb, cbPoints);
      else if (leaf.survey === 'sipas' && sipPoints) sip = add(sip, sipPoints);
    }
    return { id, name, group, benchmark, cb, sip };
  });

  const groupOf = new Map(units.map(([id, , g]) => [id, groups.get(g)!]));
  const sums = new Map<string, Rational>();
  const terms = new Terms();

  // Pass 1: units whose every counted, non-exempted leaf has a final score.
  const rest: string[] = [];
  for (const [u, lists] of finalScoreLists(db, cycleId)) {
    // A unit added since unitRows (another connection wrote between the reads) is not reported.
    const group = groupOf.get(u);
    if (group === undefined) continue;
    const { counted, countedText, place } = group;
    const skip = skipped.get(u);
    const needed = counted.length - (skip?.size ?? 0);
    if (needed === 0) {
      sums.set(u, ZERO);
      continue;
    }
    if (lists === null) {
      rest.push(u);
      continue;
    }
    const cut = lists.indexOf('\u001e');
    if (cut < 0) throw notOneNumber(u);
    const codes = lists.slice(0, cut);
    const scores = lists.slice(cut + 1).split('\u001f');
    const sum = new UnitSum();
    if (codes === countedText) {
      // Every counted leaf and nothing else: scores by place, exempted ones skipped.
      if (scores.length !== counted.length) throw notOneNumber(u);
      for (let i = 0; i < scores.length; i++) if (!skip?.has(i)) sum.add(terms.of(scores[i]!));
      sums.set(u, sum.value());
      continue;
    }
    if (skip !== undefined && codes === counted.filter((_, i) => !skip.has(i)).join('\u001f')) {
      // Every counted leaf but the exempted ones, which have none: every score counts.
      if (scores.length !== needed) throw notOneNumber(u);
      for (const text of scores) sum.add(terms.of(text));
      sums.set(u, sum.value());
      continue;
    }
    const codeList = codes.split('\u001f');
    if (scores.length !== codeList.length) throw notOneNumber(u);
    let found = 0;
    for (let i = 0; i < codeList.length; i++) {
      const at = place.get(codeList[i]!);
      if (at === undefined || skip?.has(at)) continue; // not a counted leaf, or exempted
      sum.add(terms.of(scores[i]!));
      found += 1;
    }
    if (found === needed) sums.set(u, sum.value());
    else rest.push(u);
  }

  // Pass 2: the other units, the whole rule inside SQLite.
  if (rest.length > 0) {
    const scope = rest.length === units.length ? { cycleId } : { unitIds: rest };
    for (const [u, list] of effectiveScoreLists(db, scope)) {
      if (list === null) continue;
      const scores = list.split(' ');
      const group = groupOf.get(u);
      if (group === undefined) continue;
      const expected = group.counted.length;
      if (scores.length !== expected)
        throw new RangeError(`scores of unit ${u}: ${scores.length} where the framework counts ${expected} leaves`);
      const skip = skipped.get(u);
      const sum = new UnitSum();
      for (let i = 0; i < scores.length; i++) {
        const text = scores[i]!;
        if (text !== '-' && !skip?.has(i)) sum.add(terms.of(text));
      }
      sums.set(u, sum.value());
    }
  }
  return figures.map(({ id, name, group, benchmark, cb, sip }) => ({
    unit: name,
    group,
    benchmark,
    selfAssessed: sums.get(id) ?? ZERO,
    surveyCbccvc: cb,
    surveySipas: sip,
  }));
}

const notOneNumber = (unit: string) =>
  new RangeError(`final scores of unit ${unit}: as many codes as scores, each score one number, expected`);

/** SQLite's BINARY collation on codes (ASCII digits and dots): code unit by code unit. */
const binaryOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
