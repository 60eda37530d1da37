/**
 * Recompute from the store, on real-shaped synthetic cycles (bench/synthetic.ts) of 40,
 * 150, 1,000 and 10,000 units: every unit's effective scores (final > appraisal > round 2
 * > round 1, exemptions out) → totals → index → classification → ranks → group statistics.
 * - cold: a new connection (statements unprepared, nothing in SQLite's page cache of this
 *   connection) and the per-unit cache emptied: every unit aggregated from its rows;
 * - one unit changed: one final score of one unit changed (the triggers invalidate that
 *   unit's cache), then (a) that unit's totals recomputed from its rows — the part that
 *   depends on the change — and (b) the whole cycle's results, read back from the cache
 *   for the other units, ranked and counted again;
 * - warm: nothing changed.
 * Medians. Goals: cold 150 ≤ 20 ms, 10,000 ≤ 1 s, growing linearly (10,000 over
 * 1,000 ≤ 12×); one unit changed ≤ 2 ms at any size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openDatabase } from '../electron/core/db/connection.ts';
import { loadDefaultFrameworks } from '../electron/core/framework/defaults.ts';
import { cycleResults } from '../electron/core/results/cycle-results.ts';
import { computeCycleTotals } from '../electron/core/results/cycle-totals.ts';
import { type Figure, figure, formatFigures, median, sizes } from './figures.ts';
import { seedRealCycle } from './synthetic.ts';

/** Median wall time of `runs` calls; the median CPU time of this process (user + system) goes to `cpu`. */
let lastCpu = 0;
function time(runs: number, fn: () => unknown, before: () => void = () => {}): number {
  const t: number[] = [];
  const c: number[] = [];
  for (let i = 0; i < runs; i++) {
    before();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
    const dc = process.cpuUsage(c0);
    c.push((dc.user + dc.system) / 1000);
  }
  lastCpu = median(c);
  return median(t);
}

/** The CPU time of the last `time` (on a busy machine, wall time counts other processes' turns too). */
const cpuLine = (name: string): Figure => figure(`  ${name}, CPU time`, lastCpu, 'ms');

export async function benchRecompute(quick = false): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-'));
  const frameworks = loadDefaultFrameworks();
  const out: Figure[] = [];
  const cold: Record<number, number> = {};
  try {
    for (const units of sizes(quick)) {
      const path = join(dir, `cycle-${units}.sqlite`);
      const seedDb = openDatabase(path);
      const t0 = performance.now();
      const cycle = seedRealCycle(seedDb, frameworks, units);
      const seedMs = performance.now() - t0;
      seedDb.close();
      const n = units.toLocaleString('en');
      const r = cycle.rows;
      out.push(
        figure(
          `seed ${n} units`,
          seedMs,
          'ms',
          undefined,
          `${cycle.members.length} members; ${r.dossierItems} dossier items ×2 rounds, ${r.appraisals} appraisals, ${r.finalScores} final scores (${r.conflictsResolved} conflicts resolved), ${r.exemptions} exemptions, ${r.surveyPoints} survey points`,
        ),
      );

      let db: Db = openDatabase(path);
      const runs = units >= 10_000 ? 3 : units >= 1_000 ? 5 : 15;
      cold[units] = time(
        runs,
        () => cycleResults(db, cycle.cycleId),
        () => {
          db.close();
          db = openDatabase(path);
          db.prepare('DELETE FROM unit_totals WHERE unit_id IN (SELECT id FROM units WHERE cycle_id = ?)').run(
            cycle.cycleId,
          );
        },
      );
      const goalCold = units === 150 ? 20 : units === 10_000 ? 1000 : undefined;
      out.push(
        figure(
          `recompute cold, ${n} units`,
          cold[units]!,
          'ms',
          goalCold,
          'new connection, cache emptied: every unit from its rows, then index, ranks, statistics',
        ),
      );
      out.push(cpuLine('recompute cold'));

      cycleResults(db, cycle.cycleId);
      const target = db
        .prepare(
          'SELECT unit_id, node_code, score FROM final_scores WHERE unit_id = (SELECT min(id) FROM units WHERE cycle_id = ?) LIMIT 1',
        )
        .get(cycle.cycleId) as { unit_id: string; node_code: string; score: string };
      let flip = 0;
      const change = () =>
        void db
          .prepare('UPDATE final_scores SET score = ? WHERE unit_id = ? AND node_code = ?')
          .run(flip++ % 2 ? target.score : '0', target.unit_id, target.node_code);
      const unitOnly = time(
        runs * 3,
        () => computeCycleTotals(db, cycle.cycleId, { unitIds: [target.unit_id] }),
        change,
      );
      out.push(
        figure(
          `one unit changed → its totals, ${n} units`,
          unitOnly,
          'ms',
          2,
          'that unit’s effective scores and totals from its rows',
        ),
      );
      out.push(cpuLine('one unit changed → its totals'));
      const whole = time(runs * 3, () => cycleResults(db, cycle.cycleId), change);
      out.push(
        figure(
          `one unit changed → cycle results, ${n} units`,
          whole,
          'ms',
          undefined,
          'that unit recomputed, the others read from the cache; all ranked and counted again',
        ),
      );
      out.push(cpuLine('one unit changed → cycle results'));
      out.push(
        figure(
          `warm (nothing changed), ${n} units`,
          time(runs * 3, () => cycleResults(db, cycle.cycleId)),
          'ms',
        ),
      );
      db.close();
      rmSync(path, { force: true });
      for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
    }
    if (cold[1_000] !== undefined && cold[10_000] !== undefined) {
      out.push(
        figure('recompute cold growth, 10,000 over 1,000', cold[10_000] / cold[1_000], '×', 12, 'linear is 10×'),
      );
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatFigures(await benchRecompute(process.argv.includes('--quick'))));
}
