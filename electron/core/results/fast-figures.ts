/**
 * The figures behind the index (benchmark, self-assessed points, survey points) of
 * every unit of a cycle, aggregated inside SQLite. Same rule as cycle-totals.ts
 * (effective score: final > appraisal of an assigned member > round 2 > round 1;
 * exempted nodes out of score and benchmark; survey leaves from survey_points), but
 * SQLite sums the scores instead of handing every leaf to JavaScript, which is what
 * makes a 10,000-unit cycle recompute in a few hundred milliseconds.
 *
 * Still exact: scores are stored as reduced fractions "n/d". Those whose denominator
 * divides 10^6 (all decimal scores) are summed in SQL as integer micro-points; the
 * others (a/b × max) come back one by one and are added as exact rationals. A unit
 * with a score that has no dossier row (an appraisal or final score alone) is computed
 * by the leaf-by-leaf path. test/db/fast-figures.test.ts checks both paths agree.
 */
import { type Rational, ZERO, add, deserialize, rat, sub } from '../../../shared/decimal/rational.ts';
import type { UnitFigures } from '../../../shared/results/compute.ts';
import type { TotalsPlan } from '../../../shared/results/unit-totals.ts';
import type { UnitGroup } from '../../../shared/framework/types.ts';
import type { Db } from '../db/connection.ts';
import {
  effectiveScoreSums,
  ensurePlanLeaves,
  exemptionRows,
  scanScope,
  surveyPointRows,
  unitRows,
  unitsWithScoresOutsideDossier,
} from '../db/repos/figures.ts';
import { treeFor } from '../framework/trees.ts';
import { type CycleTotalsOptions, computeCycleTotals, requireCycle } from './cycle-totals.ts';

const MICRO = 1_000_000n;

/** Sum of "n/d" texts, reduced once at the end (a gcd per term costs more than the bigger numbers). */
function sumFractions(texts: readonly string[]): Rational {
  let n = 0n;
  let d = 1n;
  for (const t of texts) {
    const r = deserialize(t);
    if (r.d === d) n += r.n;
    else {
      n = n * r.d + r.n * d;
      d *= r.d;
    }
  }
  return rat(n, d);
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

  const micro = new Map<string, bigint>();
  const rest = new Map<string, Rational>();
  // One pass: per unit, the decimal scores summed as micro-points, the other fractions listed.
  for (const [u, m, others] of effectiveScoreSums(db, cycleId, withProposed)) {
    if (m !== null) micro.set(u, m);
    if (others !== null) rest.set(u, sumFractions(others.split(' ')));
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
  // Units with a score that has no dossier row take the leaf-by-leaf path.
  const orphans = new Set(unitsWithScoresOutsideDossier(db, cycleId));
  const slow = orphans.size
    ? new Map(
        computeCycleTotals(db, cycleId, { ...options, unitIds: [...orphans] }).units.map((c) => [c.unit.id, c.totals]),
      )
    : new Map();

  const full = new Map<UnitGroup, Rational>();
  for (const [g, plan] of plans)
    full.set(
      g,
      plan.leaves.reduce((acc, l) => add(acc, l.max), ZERO),
    );

  return units.map(([id, name, group]) => {
    const t = slow.get(id);
    if (t)
      return {
        unit: name,
        group,
        benchmark: t.benchmark,
        selfAssessed: t.selfAssessed,
        surveyCbccvc: t.surveyCbccvc,
        surveySipas: t.surveySipas,
      };
    const plan = plans.get(group)!;
    const ex = exempted.get(id);
    let benchmark = full.get(group)!;
    let cb = ZERO;
    let sip = ZERO;
    const pts = survey.get(id);
    for (const leaf of plan.leaves) {
      const out = ex !== undefined && leaf.path.some((c) => ex.has(c));
      if (out) benchmark = sub(benchmark, leaf.max);
      else if (leaf.survey === 'cbccvc' && pts?.cbccvc) cb = add(cb, pts.cbccvc);
      else if (leaf.survey === 'sipas' && pts?.sipas) sip = add(sip, pts.sipas);
    }
    const selfAssessed = add(rat(micro.get(id) ?? 0n, MICRO), rest.get(id) ?? ZERO);
    return { unit: name, group, benchmark, selfAssessed, surveyCbccvc: cb, surveySipas: sip };
  });
}
