/**
 * Recompute from the store: every unit's effective scores → totals → index →
 * classification → ranks → group statistics, for the 40-unit demo cycle and for
 * synthetic cycles of 1,000 and 10,000 units over the default district framework.
 * Three cases: cold (the per-unit cache emptied: every unit aggregated from its leaves),
 * one change (one unit's appraisal changed: that unit recomputed, the others read back),
 * warm (nothing changed). Prints ms per run (median) and the 10k/1k growth ratios.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../electron/core/db/connection.ts';
import { DEMO_CYCLE_ID, initDemo } from '../electron/core/demo/init.ts';
import { loadDefaultFrameworks } from '../electron/core/framework/defaults.ts';
import { frameworkHash } from '../electron/core/framework/hash.ts';
import { cycleResults } from '../electron/core/results/cycle-results.ts';
import { seedSyntheticCycle } from './synthetic.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(runs: number, fn: () => unknown): number {
  fn(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

export async function benchRecompute(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-'));
  try {
    const db = openDatabase(join(dir, 'bench.sqlite'));
    const frameworks = loadDefaultFrameworks();
    initDemo(db, dir, frameworks);
    const district = frameworks.district;
    const hash = frameworkHash(district);
    const c1k = seedSyntheticCycle(db, district, hash, 1_000, 7);
    const c10k = seedSyntheticCycle(db, district, hash, 10_000, 11);
    const cold = (cycleId: string) => () => {
      db.prepare('DELETE FROM unit_totals WHERE unit_id IN (SELECT id FROM units WHERE cycle_id = ?)').run(cycleId);
      return cycleResults(db, cycleId);
    };
    let flip = 0;
    const oneChange = (cycleId: string) => () => {
      const unit = db.prepare('SELECT id FROM units WHERE cycle_id = ? LIMIT 1').pluck().get(cycleId) as string;
      db.prepare("UPDATE dossier_items SET round2_score = ? WHERE unit_id = ? AND node_code = (SELECT min(node_code) FROM dossier_items WHERE unit_id = ?)").run(String(flip++ % 2), unit, unit);
      return cycleResults(db, cycleId);
    };
    const warm = (cycleId: string) => () => cycleResults(db, cycleId);
    const out: Record<string, number> = {};
    for (const [label, make, runs] of [['cold', cold, 5], ['one_change', oneChange, 9], ['warm', warm, 9]] as const) {
      out[`${label}_40_units_ms`] = time(runs * 5, make(DEMO_CYCLE_ID));
      out[`${label}_1000_units_ms`] = time(runs, make(c1k));
      out[`${label}_10000_units_ms`] = time(runs, make(c10k));
      out[`${label}_growth_10k_over_1k`] = out[`${label}_10000_units_ms`]! / out[`${label}_1000_units_ms`]!;
    }
    db.close();
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchRecompute();
  for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(34)} ${v.toFixed(2)}`);
}
