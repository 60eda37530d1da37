import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../../electron/core/db/migrate.ts';
import { MIGRATIONS } from '../../electron/core/db/migrations/index.ts';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'cchc-mig4-')), 'db.sqlite');
const tables = (db: Database.Database) =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];

const NEW_TABLES = [
  'meeting_attendance',
  'meetings',
  'narrative_edits',
  'previous_results',
  'survey_response_summaries',
  'survey_scales',
];

describe('migration 004 (results, documents, survey imports)', () => {
  it('is registered as version 4', () => {
    const m = MIGRATIONS.find((x) => x.version === 4);
    expect(m?.name).toBe('results');
  });

  it('adds its tables on top of an older database and keeps its data', () => {
    const db = new Database(fresh());
    db.pragma('foreign_keys = ON');
    migrate(db, 2);
    db.exec("INSERT INTO cycles (id, name, year, province, created_at) VALUES ('c', 'C', 2023, 'Sóc Trăng', 'now')");
    db.exec("INSERT INTO units (id, cycle_id, name, grp) VALUES ('u', 'c', 'UBND huyện A', 'district')");
    db.exec("INSERT INTO members (id, cycle_id, name, role) VALUES ('m', 'c', 'Nguyễn Văn A', 'member')");
    const applied = migrate(db);
    expect(applied).toContain(4);
    expect(userVersion(db)).toBeGreaterThanOrEqual(4);
    const names = tables(db);
    for (const t of NEW_TABLES) expect(names).toContain(t);
    expect(db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(1);

    // previous results: one row per cycle, year and unit; the published index is plain decimal text
    const prev = db.prepare(
      `INSERT INTO previous_results (cycle_id, year, unit_id, unit_name, grp, benchmark, self_assessed, survey_cbccvc, survey_sipas, published, precision, source_file, imported_at)
       VALUES ('c', ?, 'u', 'UBND huyện A', 'district', '94', '51.34', '13.13', '14.34', ?, 2, 'a.csv', 'now')`,
    );
    prev.run(2022, '83.84');
    expect(() => prev.run(2022, '83.84')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => prev.run(2021, '-1')).toThrow(/CHECK/);
    expect(() =>
      db.exec(
        `INSERT INTO previous_results (cycle_id, year, unit_id, unit_name, grp, benchmark, self_assessed, survey_cbccvc, survey_sipas, published, precision, source_file, imported_at)
         VALUES ('c', 2020, 'nope', 'X', 'district', '1', '1', '0', '0', '1', 2, 'a.csv', 'now')`,
      ),
    ).toThrow(/FOREIGN KEY/);

    // survey scales and summaries hold JSON
    expect(() =>
      db.exec(
        "INSERT INTO survey_scales (cycle_id, source, scale, updated_at) VALUES ('c', 'sipas', 'not json', 'now')",
      ),
    ).toThrow(/CHECK/);
    db.exec(
      `INSERT INTO survey_scales (cycle_id, source, scale, updated_at) VALUES ('c', 'sipas', '{"options":[]}', 'now')`,
    );
    expect(() =>
      db.exec("INSERT INTO survey_scales (cycle_id, source, scale, updated_at) VALUES ('c', 'other', '{}', 'now')"),
    ).toThrow(/CHECK/);
    db.exec(`INSERT INTO survey_response_summaries (unit_id, source, respondents, answers, option_counts, satisfaction, points, scale, source_file, imported_at)
             VALUES ('u', 'sipas', 3, 30, '{"A":30}', '1', '15', '{}', 'r.csv', 'now')`);

    // the meeting and its attendance; narrative edits
    db.exec(
      `INSERT INTO meetings (cycle_id, location, legal_bases, conclusions, updated_at) VALUES ('c', 'Phòng họp', '["Quyết định số 1"]', '[]', 'now')`,
    );
    db.exec("INSERT INTO meeting_attendance (cycle_id, member_id, present, note) VALUES ('c', 'm', 0, 'Đi công tác')");
    expect(() =>
      db.exec("INSERT INTO meeting_attendance (cycle_id, member_id, present) VALUES ('c', 'm2', 1)"),
    ).toThrow(/FOREIGN KEY/);
    db.exec(
      "INSERT INTO narrative_edits (cycle_id, key, text, updated_at) VALUES ('c', 'group.district.extremes', 'Sửa', 'now')",
    );
    expect(() =>
      db.exec("INSERT INTO narrative_edits (cycle_id, key, text, updated_at) VALUES ('c', '', 'x', 'now')"),
    ).toThrow(/CHECK/);

    // deleting the cycle removes everything that hangs on it
    db.exec("DELETE FROM cycles WHERE id = 'c'");
    for (const t of NEW_TABLES) expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0);
    db.close();
  });

  it('rolls back as a whole when it fails half-way', () => {
    const db = new Database(fresh());
    migrate(db, 2);
    db.exec('CREATE TABLE narrative_edits (x)'); // a clash makes 004 fail part-way
    expect(() => migrate(db)).toThrow();
    expect(userVersion(db)).toBeLessThan(4);
    expect(tables(db)).not.toContain('previous_results');
    db.close();
  });
});
