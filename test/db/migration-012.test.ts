import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../../electron/core/db/migrate.ts';
import { MIGRATIONS } from '../../electron/core/db/migrations/index.ts';
import { cycleAssignments, getMember, setMemberFields } from '../../electron/core/db/repos/members.ts';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'cchc-mig12-')), 'db.sqlite');
const TOTALS =
  "INSERT INTO unit_totals (unit_id, scope, rules, benchmark, self_assessed, survey_cbccvc, survey_sipas) VALUES ('u', 'approved', 1, '0', '0', '0', '0')";
const cached = (db: Database.Database) => db.prepare('SELECT count(*) FROM unit_totals').pluck().get();

describe('migration 012 (a member’s fields per unit group)', () => {
  it('is registered as version 12', () => {
    expect(MIGRATIONS.find((m) => m.version === 12)?.name).toBe('member-field-groups');
  });

  it('keeps the assignments of an older store as “every group”, with the totals cache triggers', () => {
    const db = new Database(fresh());
    migrate(db, 11);
    db.exec("INSERT INTO cycles (id, name, year, province, created_at) VALUES ('c', 'C', 2025, 'An Giang', 'now')");
    db.exec(
      "INSERT INTO cycle_groups (cycle_id, code, label, short_label, sort_order, fields) VALUES ('c', 'commune', 'UBND xã, phường, đặc khu', 'Cấp xã', 1, '[\"1\",\"3\"]')",
    );
    db.exec("INSERT INTO units (id, cycle_id, name, grp, sort_order) VALUES ('u', 'c', 'UBND xã A', 'commune', 1)");
    db.exec("INSERT INTO members (id, cycle_id, name, role) VALUES ('m', 'c', 'Nguyễn Văn A', 'member')");
    db.exec("INSERT INTO member_fields (member_id, field_code) VALUES ('m', '1'), ('m', '3')");
    expect(migrate(db, 12)).toContain(12);
    expect(userVersion(db)).toBe(12);
    expect(db.prepare('SELECT member_id, grp, field_code FROM member_fields ORDER BY field_code').all()).toEqual([
      { member_id: 'm', grp: '', field_code: '1' },
      { member_id: 'm', grp: '', field_code: '3' },
    ]);
    expect(getMember(db, 'm')?.fields).toEqual(['1', '3']);

    // The cache triggers survive the rebuild: a change of assignment drops the cycle's cached totals.
    const triggers = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'member_fields' ORDER BY name")
      .pluck()
      .all();
    expect(triggers).toEqual([
      'member_fields_totals_delete',
      'member_fields_totals_insert',
      'member_fields_totals_update',
    ]);
    db.exec(TOTALS);
    expect(cached(db)).toBe(1);
    setMemberFields(db, 'm', ['1', 'commune:3', 'department:3']);
    expect(cached(db)).toBe(0);

    // The same field in two groups is two rows; entries read back in order, every-group ones first.
    expect(getMember(db, 'm')?.fields).toEqual(['1', 'commune:3', 'department:3']);
    expect(cycleAssignments(db, 'c').sort()).toEqual([
      ['m', '1'],
      ['m', 'commune:3'],
      ['m', 'department:3'],
    ]);
    // Deleting the member still cascades.
    db.exec("DELETE FROM members WHERE id = 'm'");
    expect(db.prepare('SELECT count(*) FROM member_fields').pluck().get()).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
