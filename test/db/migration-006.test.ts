import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../../electron/core/db/migrate.ts';
import { MIGRATIONS } from '../../electron/core/db/migrations/index.ts';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'cchc-mig6-')), 'db.sqlite');
const schemaObjects = (db: Database.Database) =>
  db
    .prepare("SELECT type || ' ' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1")
    .pluck()
    .all() as string[];

describe('migration 006 (unit groups belong to the cycle)', () => {
  it('is registered as version 6 and runs with foreign keys off', () => {
    const m = MIGRATIONS.find((x) => x.version === 6);
    expect(m?.name).toBe('cycle-groups');
    expect(m?.foreignKeysOff).toBe(true);
  });

  it('moves a 005 database over: groups made explicit, rows, indexes and triggers kept, new group codes accepted', () => {
    const db = new Database(fresh());
    db.pragma('foreign_keys = ON');
    migrate(db, 5);
    const before = schemaObjects(db);
    db.exec("INSERT INTO cycles (id, name, year, province, created_at) VALUES ('c', 'C', 2023, 'Sóc Trăng', 'now')");
    db.exec(
      "INSERT INTO frameworks (hash, name, year, grp, sample, content, imported_at) VALUES ('h', 'F', 2023, 'district', 1, '{}', 'now')",
    );
    db.exec("INSERT INTO cycle_frameworks (cycle_id, grp, framework_hash) VALUES ('c', 'district', 'h')");
    db.exec("INSERT INTO units (id, cycle_id, name, grp, sort_order) VALUES ('u', 'c', 'UBND huyện A', 'district', 3)");
    db.exec("INSERT INTO units (id, cycle_id, name, grp, sort_order) VALUES ('v', 'c', 'Sở Tư pháp', 'department', 1)");
    db.exec("INSERT INTO members (id, cycle_id, name, role) VALUES ('m', 'c', 'Nguyễn Văn A', 'member')");
    db.exec("INSERT INTO dossier_items (unit_id, node_code) VALUES ('u', '1.1')");
    expect(() =>
      db.exec("INSERT INTO units (id, cycle_id, name, grp) VALUES ('x', 'c', 'UBND xã A', 'commune')"),
    ).toThrow(/CHECK/);

    expect(migrate(db)).toContain(6);
    expect(userVersion(db)).toBeGreaterThanOrEqual(6);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // every object kept (plus the new table), the rows kept
    const after = schemaObjects(db);
    for (const o of before) expect(after).toContain(o);
    expect(after).toContain('table cycle_groups');
    expect(db.prepare('SELECT id, grp, sort_order AS s FROM units ORDER BY id').all()).toEqual([
      { id: 'u', grp: 'district', s: 3 },
      { id: 'v', grp: 'department', s: 1 },
    ]);
    expect(db.prepare('SELECT count(*) FROM dossier_items').pluck().get()).toBe(1);
    expect(db.prepare('SELECT code, label, fields FROM cycle_groups ORDER BY sort_order').all()).toEqual([
      { code: 'department', label: 'Sở, ban, ngành tỉnh', fields: '["1","2","3","4","5","6","7","8"]' },
      { code: 'district', label: 'UBND cấp huyện', fields: '["1","2","3","4","5","6","7","8"]' },
    ]);

    // a cycle's own group: accepted once the cycle defines it, refused before; bad codes refused
    expect(() =>
      db.exec("INSERT INTO units (id, cycle_id, name, grp) VALUES ('x', 'c', 'UBND xã A', 'commune')"),
    ).toThrow(/FOREIGN KEY/);
    db.exec(
      "INSERT INTO cycle_groups (cycle_id, code, label, short_label, sort_order, fields) VALUES ('c', 'commune', 'UBND xã, phường, đặc khu', 'Cấp xã', 5, '[\"1\"]')",
    );
    db.exec("INSERT INTO units (id, cycle_id, name, grp) VALUES ('x', 'c', 'UBND xã A', 'commune')");
    expect(() =>
      db.exec(
        "INSERT INTO cycle_groups (cycle_id, code, label, short_label, sort_order) VALUES ('c', 'Xã A', 'X', 'X', 6)",
      ),
    ).toThrow(/CHECK/);
    expect(() =>
      db.exec(
        "INSERT INTO cycle_groups (cycle_id, code, label, short_label, sort_order, fields) VALUES ('c', 'x', 'X', 'X', 6, 'nope')",
      ),
    ).toThrow(/CHECK|JSON/);

    // the unit-totals triggers on units survived the rebuild
    const triggers = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'units'")
      .pluck()
      .all();
    expect(triggers.length).toBeGreaterThan(0);
    // deleting a cycle still cascades through the rebuilt tables
    db.exec("DELETE FROM cycles WHERE id = 'c'");
    expect(db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM cycle_groups').pluck().get()).toBe(0);
    db.close();
  });
});
