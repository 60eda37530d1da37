import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../electron/core/db/connection.ts';
import { migrate, userVersion } from '../../electron/core/db/migrate.ts';
import { DEMO_CYCLE_ID, demoUnitId } from '../../electron/core/demo/init.ts';
import { computeCycleTotals, figuresOf } from '../../electron/core/results/cycle-totals.ts';
import { cachedCycleFigures } from '../../electron/core/results/unit-cache.ts';
import { treeFor } from '../../electron/core/framework/trees.ts';
import Database from 'better-sqlite3';
import { copyDemoStore } from '../demo-seed.ts';
import { tempDirs } from './support.ts';

const cached = (db: Db) => db.prepare('SELECT count(*) FROM unit_totals').pluck().get() as number;

describe('the per-unit totals cache (migration 005)', () => {
  const newDir = tempDirs();

  it('005 creates the cache on top of 004 and leaves earlier data alone', () => {
    const db = new Database(join(newDir(), 'm.sqlite'));
    migrate(db, 4);
    db.exec("INSERT INTO cycles (id, name, year, province, created_at) VALUES ('c', 'C', 2023, 'Sóc Trăng', 'now')");
    expect(migrate(db, 5)).toEqual([5]);
    expect(userVersion(db)).toBe(5);
    expect(db.prepare('SELECT count(*) FROM cycles').pluck().get()).toBe(1);
    expect(
      db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_totals_%'").pluck().get(),
    ).toBe(22);
    db.close();
  });

  it('answers from the cache only while nothing the figures depend on has changed', () => {
    const dir = newDir();
    const db = openDatabase(copyDemoStore(dir));
    const fresh = (withProposed = false) =>
      figuresOf(computeCycleTotals(db, DEMO_CYCLE_ID, { includeProposedExemptions: withProposed }));
    const same = (withProposed = false) =>
      expect(cachedCycleFigures(db, DEMO_CYCLE_ID, { includeProposedExemptions: withProposed })).toEqual(
        fresh(withProposed),
      );

    same();
    expect(cached(db)).toBe(40);
    same(true);
    expect(cached(db)).toBe(80);

    const unit = demoUnitId('so-tu-phap');
    const leaf = treeFor(db, DEMO_CYCLE_ID, 'department').plan.leaves.find(
      (l) => !l.survey && l.code.startsWith('2.'),
    )!;
    const member = db.prepare("SELECT member_id FROM member_fields WHERE field_code = '2'").pluck().get() as string;
    const changes: [string, () => void][] = [
      [
        'a self-score',
        () =>
          db
            .prepare("UPDATE dossier_items SET round2_score = '0' WHERE unit_id = ? AND node_code = ?")
            .run(unit, leaf.code),
      ],
      [
        'an appraisal',
        () =>
          db
            .prepare(
              "INSERT INTO appraisals (unit_id, node_code, member_id, input, score, updated_at) VALUES (?, ?, ?, '{}', '1/3', 't')",
            )
            .run(unit, leaf.code, member),
      ],
      [
        'a final score',
        () =>
          db
            .prepare("INSERT INTO final_scores (unit_id, node_code, score, updated_at) VALUES (?, ?, '1/7', 't')")
            .run(unit, leaf.code),
      ],
      [
        'an exemption',
        () =>
          db
            .prepare(
              "INSERT INTO exemptions (unit_id, node_code, reason, status, created_at) VALUES (?, ?, 'x', 'approved', 't')",
            )
            .run(unit, leaf.code),
      ],
      [
        'survey points',
        () => db.prepare("UPDATE survey_points SET points = '9.99' WHERE unit_id = ? AND source = 'sipas'").run(unit),
      ],
      [
        'an assignment',
        () => db.prepare("DELETE FROM member_fields WHERE member_id = ? AND field_code = '2'").run(member),
      ],
      [
        'the framework',
        () =>
          db
            .prepare(
              "UPDATE cycle_frameworks SET framework_hash = framework_hash WHERE cycle_id = ? AND grp = 'department'",
            )
            .run(DEMO_CYCLE_ID),
      ],
    ];
    for (const [what, change] of changes) {
      same();
      same(true);
      change();
      expect(cached(db), what).toBeLessThan(80);
      same();
      same(true);
    }
    db.close();
  });
});
