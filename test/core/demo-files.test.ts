/**
 * The demo's files in resources/demo/ (written by tools/demo/generate.ts) and the store the app
 * builds from them hold exactly what the generator computed: every self-assessment of both rounds,
 * every lowered benchmark, every survey point and the council. A generator changed without
 * regenerating the files fails here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDecimal, serialize } from '../../shared/decimal/rational.ts';
import { buildTree } from '../../shared/framework/tree.ts';
import { scoreNode } from '../../shared/scoring/score.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { DEMO_CYCLE_ID, demoMemberId, demoUnitId } from '../../electron/core/demo/init.ts';
import { loadDefaultFrameworks } from '../../electron/core/framework/defaults.ts';
import { rosterOf } from '../../electron/core/setup/roster.ts';
import { buildDemoCycle } from '../../tools/demo/soc-trang-2023.ts';
import { tempDirs } from '../db/support.ts';
import { copyDemoStore } from '../demo-seed.ts';

describe('the demo files reproduce the generator’s demo cycle', () => {
  const newDir = tempDirs('cchc-demo-files-');
  const frameworks = loadDefaultFrameworks();
  const demo = buildDemoCycle(frameworks);

  it('units, dossiers of both rounds, lowered benchmarks and survey points', () => {
    const db = openDatabase(copyDemoStore(newDir()));
    try {
      const units = db
        .prepare('SELECT id, name, grp, sort_order AS sortOrder FROM units WHERE cycle_id = ? ORDER BY sort_order')
        .all(DEMO_CYCLE_ID) as { id: string; name: string; grp: string; sortOrder: number }[];
      expect(units.map((u) => [u.id, u.name, u.grp])).toEqual(
        demo.units.map((u) => [demoUnitId(u.code), u.name, u.group]),
      );
      const items = db.prepare(
        'SELECT node_code AS code, round1_score AS r1, round2_score AS r2 FROM dossier_items WHERE unit_id = ?',
      );
      const exemptions = db.prepare(
        "SELECT node_code FROM exemptions WHERE unit_id = ? AND status = 'approved' ORDER BY node_code",
      );
      const survey = db.prepare('SELECT source, points FROM survey_points WHERE unit_id = ? ORDER BY source');
      for (const u of demo.units) {
        const id = demoUnitId(u.code);
        const tree = buildTree(frameworks[u.group as keyof typeof frameworks]);
        const stored = new Map(
          (items.all(id) as { code: string; r1: string | null; r2: string | null }[]).map((r) => [r.code, r]),
        );
        for (const e of u.entries) {
          const n = tree.byCode.get(e.nodeCode)!;
          const score = (input: unknown) => {
            const r = scoreNode(n.scoring!, n.maxPoints, input);
            if (!r.ok) throw new Error(r.error.message);
            return serialize(r.value);
          };
          expect(stored.get(e.nodeCode), `${u.name} ${e.nodeCode}`).toMatchObject({
            r1: score(e.round1),
            r2: score(e.round2),
          });
        }
        // Rows without an entry are the sub-criteria under a lowered benchmark: no self-assessment there.
        for (const [code, r] of stored)
          if (!u.entries.some((e) => e.nodeCode === code)) expect(r, `${u.name} ${code}`).toMatchObject({ r2: null });
        expect(exemptions.pluck().all(id), u.name).toEqual(u.exemptions.map((x) => x.nodeCode).sort());
        expect(survey.all(id), u.name).toEqual([
          { source: 'cbccvc', points: serialize(parseDecimal(u.survey.cbccvc)!) },
          { source: 'sipas', points: serialize(parseDecimal(u.survey.sipas)!) },
        ]);
      }
    } finally {
      db.close();
    }
  });

  it('the council: roles, fields and the secretariat', () => {
    const db = openDatabase(copyDemoStore(newDir()));
    try {
      const roster = rosterOf(db, DEMO_CYCLE_ID);
      for (const m of demo.council.members) {
        expect(roster.find((x) => x.id === demoMemberId(m.code))).toMatchObject({
          name: m.name,
          role: 'member',
          councilRole: m.councilRole,
          fields: m.fields,
        });
      }
      expect(roster.filter((x) => x.role === 'secretariat')).toEqual([
        expect.objectContaining({ id: `${DEMO_CYCLE_ID}-thuong-truc`, name: demo.council.secretariat.name }),
      ]);
    } finally {
      db.close();
    }
  });

  it('the generator stays out of the app: nothing under electron/ imports tools/', () => {
    const root = join(import.meta.dirname, '..', '..', 'electron');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|tsx|mjs)$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((f) => /from ['"][./]*\/tools\//.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
