/**
 * The figures behind the index (benchmark, self-assessed points, survey points) of
 * every unit of a cycle, aggregated inside SQLite. Same rule as cycle-totals.ts
 * (effective score: final > appraisal of an assigned member > round 2 > round 1;
 * exempted nodes out of score and benchmark; survey leaves from survey_points), but
 * SQLite sums the scores instead of handing every leaf to JavaScript, which is what
 * makes a 10,000-unit cycle recompute in a few hundred milliseconds.
 *
 * Still exact: SQLite hands back, per unit, each distinct score text and how many
 * leaves have it (a few per unit), added here as exact rationals. Every counted leaf is
 * read, with or without a dossier row (an appraisal or final score alone still counts);
 * exempted leaves are summed too and their scores taken back out (a few rows), which is
 * cheaper than looking every leaf up in the exemptions. test/db/fast-figures.test.ts
 * checks both paths agree.
 */
import { type Rational, ZERO, add, deserialize, rat, sub } from '../../../shared/decimal/rational.ts';
import type { UnitFigures } from '../../../shared/results/compute.ts';
import type { TotalsPlan } from '../../../shared/results/unit-totals.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import type { Db } from '../db/connection.ts';
import {
  effectiveScoreCounts,
  effectiveScoresOf,
  ensurePlanLeaves,
  exemptionRows,
  scanScope,
  surveyPointRows,
  unitRows,
} from '../db/repos/figures.ts';
import { treeFor } from '../framework/trees.ts';
import { type CycleTotalsOptions, requireCycle } from './cycle-totals.ts';

const MICRO = 1_000_000n;

/**
 * An exact sum of scores, each added `times` times: those whose denominator divides 10^6
 * (every decimal score) as integer micro-points, the others as one fraction reduced once
 * at the end (a gcd per term costs more than the bigger numbers).
 */
class ScoreSum {
  private micro = 0n;
  private n = 0n;
  private d = 1n;
  add(r: Rational, times: bigint): void {
    if (MICRO % r.d === 0n) this.micro += r.n * (MICRO / r.d) * times;
    else if (r.d === this.d) this.n += r.n * times;
    else {
      this.n = this.n * r.d + r.n * times * this.d;
      this.d *= r.d;
    }
  }
  value(): Rational {
    return add(rat(this.micro, MICRO), rat(this.n, this.d));
  }
}

export function cycleFiguresFast(db: Db, cycleId: string, options: CycleTotalsOptions = {}): UnitFigures[] {
  const cycle = requireCycle(db, cycleId);
  const withProposed = options.includeProposedExemptions === true;
  const units = unitRows(db, cycleId);
  const plans = new Map<UnitGroup, TotalsPlan>();
  for (const g of new Set(units.map((u) => u[2]))) {
    const { hash, plan } = treeFor(db, cycle.id, g);
    ensurePlanLeaves(
      db,
      hash,
      plan.group,
      plan.leaves.filter((l) => !l.survey).map((l) => l.code),
    );
    plans.set(g, plan);
  }

  // One pass: per unit, each distinct effective score and how many leaves have it (exempted ones too).
  const parsed = new Map<string, Rational>();
  const score = (text: string) => {
    let r = parsed.get(text);
    if (!r) parsed.set(text, (r = deserialize(text)));
    return r;
  };
  const sums = new Map<string, ScoreSum>();
  for (const [u, counts] of effectiveScoreCounts(db, cycleId)) {
    const sum = new ScoreSum();
    sums.set(u, sum);
    if (counts === null) continue;
    const parts = counts.split(' ');
    for (let i = 0; i < parts.length; i += 2) sum.add(score(parts[i]!), BigInt(parts[i + 1]!));
  }

  // Exempted leaves, for the benchmark (few rows).
  const exempted = new Map<string, Set<string>>();
  const inCycle = scanScope(cycleId);
  for (const [u, c] of exemptionRows(db, inCycle, withProposed)) {
    exempted.set(u, (exempted.get(u) ?? new Set()).add(c));
  }
  const survey = new Map<string, { cbccvc?: Rational; sipas?: Rational }>();
  for (const [u, source, points] of surveyPointRows(db, inCycle)) {
    survey.set(u, { ...survey.get(u), [source as 'cbccvc' | 'sipas']: deserialize(points) });
  }
  const full = new Map<UnitGroup, Rational>();
  for (const [g, plan] of plans)
    full.set(
      g,
      plan.leaves.reduce((acc, l) => add(acc, l.max), ZERO),
    );

  // Exempted leaves: out of the benchmark, and their scores taken back out of the sums (few rows).
  const outLeaves: [string, string][] = [];
  const figures = units.map(([id, name, group]) => {
    const plan = plans.get(group)!;
    const ex = exempted.get(id);
    let benchmark = full.get(group)!;
    let cb = ZERO;
    let sip = ZERO;
    const pts = survey.get(id);
    for (const leaf of plan.leaves) {
      const out = ex !== undefined && leaf.path.some((c) => ex.has(c));
      if (out) {
        benchmark = sub(benchmark, leaf.max);
        if (!leaf.survey) outLeaves.push([id, leaf.code]);
      } else if (leaf.survey === 'cbccvc' && pts?.cbccvc) cb = add(cb, pts.cbccvc);
      else if (leaf.survey === 'sipas' && pts?.sipas) sip = add(sip, pts.sipas);
    }
    return { id, name, group, benchmark, cb, sip };
  });
  if (outLeaves.length > 0)
    for (const [u, , text] of effectiveScoresOf(db, outLeaves)) sums.get(u)?.add(score(text), -1n);
  return figures.map(({ id, name, group, benchmark, cb, sip }) => ({
    unit: name,
    group,
    benchmark,
    selfAssessed: sums.get(id)?.value() ?? ZERO,
    surveyCbccvc: cb,
    surveySipas: sip,
  }));
}
