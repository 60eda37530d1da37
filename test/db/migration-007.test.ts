import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../../electron/core/db/migrate.ts';
import { MIGRATIONS } from '../../electron/core/db/migrations/index.ts';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'cchc-mig7-')), 'db.sqlite');

describe('migration 007 (cycle set-up columns)', () => {
  it('is registered as version 7', () => {
    expect(MIGRATIONS.find((x) => x.version === 7)?.name).toBe('cycle-setup');
  });

  it('moves a 006 database over: rows kept, the secretariat becomes the secretary, one current cycle at most, council roles checked', () => {
    const db = new Database(fresh());
    db.pragma('foreign_keys = ON');
    migrate(db, 6);
    db.exec(
      "INSERT INTO cycles (id, name, year, province, created_at) VALUES ('c', 'C', 2023, 'Sóc Trăng', 'now'), ('d', 'D', 2024, 'Sóc Trăng', 'now')",
    );
    db.exec(
      "INSERT INTO cycle_groups (cycle_id, code, label, short_label, sort_order) VALUES ('c', 'department', 'Sở', 'Sở', 1)",
    );
    db.exec("INSERT INTO units (id, cycle_id, name, grp) VALUES ('u', 'c', 'Sở Tư pháp', 'department')");
    db.exec(
      "INSERT INTO members (id, cycle_id, name, role) VALUES ('m', 'c', 'Nguyễn Văn A', 'member'), ('s', 'c', 'Sở Nội vụ', 'secretariat')",
    );
    expect(migrate(db)).toContain(7);
    expect(userVersion(db)).toBeGreaterThanOrEqual(7);
    expect(
      db
        .prepare(
          'SELECT id, decision, council_decision AS cd, is_current AS cur, previous_cycle_id AS prev FROM cycles ORDER BY id',
        )
        .all(),
    ).toEqual([
      { id: 'c', decision: '', cd: '', cur: 0, prev: null },
      { id: 'd', decision: '', cd: '', cur: 0, prev: null },
    ]);
    expect(db.prepare('SELECT name, short_name AS s, head, contact FROM units').get()).toEqual({
      name: 'Sở Tư pháp',
      s: '',
      head: '',
      contact: '',
    });
    expect(db.prepare('SELECT id, role, council_role AS cr FROM members ORDER BY id').all()).toEqual([
      { id: 'm', role: 'member', cr: 'member' },
      { id: 's', role: 'secretariat', cr: 'secretary' },
    ]);
    db.exec("UPDATE cycles SET is_current = 1 WHERE id = 'c'");
    expect(() => db.exec("UPDATE cycles SET is_current = 1 WHERE id = 'd'")).toThrow(/UNIQUE/);
    expect(() => db.exec("UPDATE members SET council_role = 'boss' WHERE id = 'm'")).toThrow(/CHECK/);
    db.exec("UPDATE members SET council_role = 'chair' WHERE id = 'm'");
    expect(() => db.exec("UPDATE cycles SET previous_cycle_id = 'nope' WHERE id = 'd'")).toThrow(/FOREIGN KEY/);
    db.exec("UPDATE cycles SET previous_cycle_id = 'c' WHERE id = 'd'");
  });
});
