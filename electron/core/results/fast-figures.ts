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
import { stmt } from '../db/statements.ts';
import { treeFor } from '../framework/trees.ts';
import { type CycleTotalsOptions, computeCycleTotals, requireCycle } from './cycle-totals.ts';

const MICRO = 1_000_000n;
const filled = new WeakMap<Db, Set<string>>();

/** temp.plan_leaf holds, per framework hash, the non-survey leaves that count for its group. */
function ensurePlanLeaves(db: Db, hash: string, plan: TotalsPlan): void {
  let done = filled.get(db);
  if (!done) {
    db.exec(
      'CREATE TEMP TABLE IF NOT EXISTS plan_leaf (hash TEXT NOT NULL, code TEXT NOT NULL, PRIMARY KEY (hash, code)) WITHOUT ROWID',
    );
    filled.set(db, (done = new Set()));
  }
  const key = `${hash}/${plan.group}`;
  if (done.has(key)) return;
  const ins = stmt(db, 'INSERT OR IGNORE INTO temp.plan_leaf (hash, code) VALUES (?, ?)');
  db.transaction(() => {
    for (const leaf of plan.leaves) if (!leaf.survey) ins.run(hash, leaf.code);
  })();
  done.add(key);
}

/**
 * The effective score of every counted leaf with a dossier row. The assigned member's
 * appraisal is a subquery inside COALESCE, so it runs only for a leaf without a final
 * score (after a merge: hardly any). The caller reads it through `(…) LIMIT -1`, which
 * keeps SQLite from flattening it into the aggregate: `s` is then computed once per row,
 * not once per use.
 */
function effectiveSql(statuses: string): string {
  return `SELECT d.unit_id AS unit_id, COALESCE(f.score, (
        SELECT a.score FROM appraisals a JOIN member_fields mf ON mf.member_id = a.member_id
        WHERE a.unit_id = d.unit_id AND a.node_code = d.node_code AND a.score IS NOT NULL
          AND mf.field_code = substr(d.node_code, 1, instr(d.node_code || '.', '.') - 1)
        ORDER BY a.updated_at DESC, a.member_id LIMIT 1), d.round2_score, d.round1_score) AS s
    FROM units u
    JOIN cycle_frameworks cf ON cf.cycle_id = u.cycle_id AND cf.grp = u.grp
    JOIN dossier_items d ON d.unit_id = u.id
    JOIN temp.plan_leaf pl ON pl.hash = cf.framework_hash AND pl.code = d.node_code
    LEFT JOIN final_scores f ON f.unit_id = d.unit_id AND f.node_code = d.node_code
    WHERE u.cycle_id = ?
      AND NOT EXISTS (SELECT 1 FROM exemptions e WHERE e.unit_id = d.unit_id AND e.status IN ${statuses}
        AND (e.node_code = d.node_code OR d.node_code LIKE e.node_code || '.%'))
    LIMIT -1`;
}

/** den of "n/d" (1 for "n"); a score written as a decimal ("13.5") is never "exact" here and goes to JS. */
const DEN = `(CASE WHEN instr(s, '/') > 0 THEN CAST(substr(s, instr(s, '/') + 1) AS INTEGER) ELSE 1 END)`;
const EXACT = `(instr(s, '.') = 0 AND 1000000 % ${DEN} = 0)`;

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
  const statuses = options.includeProposedExemptions ? "('approved', 'proposed')" : "('approved')";
  const units = stmt(db, 'SELECT id, name, grp FROM units WHERE cycle_id = ? ORDER BY sort_order, name')
    .raw()
    .all(cycleId) as [string, string, UnitGroup][];
  const plans = new Map<UnitGroup, TotalsPlan>();
  for (const g of new Set(units.map((u) => u[2]))) {
    const { hash, plan } = treeFor(db, cycle.id, g);
    ensurePlanLeaves(db, hash, plan);
    plans.set(g, plan);
  }

  const micro = new Map<string, bigint>();
  const rest = new Map<string, Rational>();
  // One pass: per unit, the decimal scores summed as micro-points, the other fractions listed.
  const eff = effectiveSql(statuses);
  for (const [u, m, others] of stmt(
    db,
    `SELECT unit_id, SUM(CASE WHEN ${EXACT} THEN CAST(s AS INTEGER) * (1000000 / ${DEN}) END), group_concat(CASE WHEN NOT ${EXACT} THEN s END, ' ')
     FROM (${eff}) WHERE s IS NOT NULL GROUP BY unit_id`,
  )
    .raw()
    .safeIntegers(true)
    .iterate(cycleId) as Iterable<[string, bigint | null, string | null]>) {
    if (m !== null) micro.set(u, m);
    if (others !== null) rest.set(u, sumFractions(others.split(' ')));
  }

  // Exempted leaves, for the benchmark (few rows).
  const exempted = new Map<string, Set<string>>();
  for (const [u, c] of stmt(
    db,
    `SELECT e.unit_id, e.node_code FROM exemptions e JOIN units u ON u.id = e.unit_id WHERE u.cycle_id = ? AND e.status IN ${statuses}`,
  )
    .raw()
    .iterate(cycleId) as Iterable<[string, string]>) {
    exempted.set(u, (exempted.get(u) ?? new Set()).add(c));
  }
  const survey = new Map<string, { cbccvc?: Rational; sipas?: Rational }>();
  for (const [u, source, points] of stmt(
    db,
    'SELECT s.unit_id, s.source, s.points FROM survey_points s JOIN units u ON u.id = s.unit_id WHERE u.cycle_id = ?',
  )
    .raw()
    .iterate(cycleId) as Iterable<[string, 'cbccvc' | 'sipas', string]>) {
    survey.set(u, { ...survey.get(u), [source]: deserialize(points) });
  }
  // Units with a score that has no dossier row take the leaf-by-leaf path.
  const orphans = new Set(
    stmt(
      db,
      `SELECT x.unit_id FROM (SELECT unit_id, node_code FROM final_scores UNION SELECT unit_id, node_code FROM appraisals WHERE score IS NOT NULL) x
         JOIN units u ON u.id = x.unit_id
         WHERE u.cycle_id = ? AND NOT EXISTS (SELECT 1 FROM dossier_items d WHERE d.unit_id = x.unit_id AND d.node_code = x.node_code)`,
    )
      .pluck()
      .all(cycleId) as string[],
  );
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
