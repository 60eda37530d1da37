import Database from 'better-sqlite3';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { APPLICATION_ID } from '../../electron/core/db/identity.ts';
import { migrate, userVersion } from '../../electron/core/db/migrate.ts';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/db/migrations/index.ts';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'cchc-mig-')), 'db.sqlite');
const tables = (db: Database.Database) =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];

describe('migrations', () => {
  it('are numbered from 1 upwards, each once, in order (branches take numbers apart, so gaps are allowed)', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions[0]).toBe(1);
    for (let i = 1; i < versions.length; i++) expect(versions[i]!).toBeGreaterThan(versions[i - 1]!);
    expect(LATEST_VERSION).toBe(versions[versions.length - 1]);
  });

  it('001 creates the core schema and sets user_version 1', () => {
    const db = new Database(fresh());
    expect(migrate(db, 1)).toEqual([1]);
    expect(userVersion(db)).toBe(1);
    expect(tables(db)).toEqual(
      [
        'appraisal_evidence',
        'appraisals',
        'cycle_frameworks',
        'cycles',
        'dossier_evidence',
        'dossier_items',
        'evidence',
        'exemptions',
        'final_scores',
        'frameworks',
        'member_fields',
        'members',
        'survey_points',
        'units',
      ].sort(),
    );
    // an exemption needs a reason
    db.exec("INSERT INTO cycles (id, name, year, province, created_at) VALUES ('c', 'C', 2023, 'Sóc Trăng', 'now')");
    db.exec("INSERT INTO units (id, cycle_id, name, grp) VALUES ('u', 'c', 'U', 'district')");
    expect(() =>
      db.exec(
        "INSERT INTO exemptions (unit_id, node_code, reason, status, created_at) VALUES ('u', '1.1', '  ', 'approved', 'now')",
      ),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('002 adds an append-only audit log on top of 001 data', () => {
    const path = fresh();
    const db = new Database(path);
    migrate(db, 1);
    db.exec("INSERT INTO cycles (id, name, year, province, created_at) VALUES ('c', 'C', 2023, 'Sóc Trăng', 'now')");
    expect(migrate(db, 2)).toEqual([2]);
    expect(userVersion(db)).toBe(2);
    expect(db.prepare('SELECT count(*) FROM cycles').pluck().get()).toBe(1);
    db.exec(
      "INSERT INTO audit_log (at, actor, action, entity, entity_id, prev_hash, hash) VALUES ('t', 'a', 'x', 'e', '1', 'p', 'h')",
    );
    expect(() => db.exec("UPDATE audit_log SET actor = 'b'")).toThrow(/AUDIT_APPEND_ONLY/);
    expect(() => db.exec('DELETE FROM audit_log')).toThrow(/AUDIT_APPEND_ONLY/);
    db.close();
  });

  it('runs each migration in one transaction: a failing one leaves the version and schema untouched', () => {
    const db = new Database(fresh());
    const broken = [
      ...MIGRATIONS.slice(0, 1),
      {
        version: 2,
        name: 'broken',
        up: (d: Database.Database) => d.exec('CREATE TABLE half_done (x); SELECT * FROM no_such_table;'),
      },
    ];
    expect(() => migrate(db, 2, broken)).toThrow();
    expect(userVersion(db)).toBe(1);
    expect(tables(db)).not.toContain('half_done');
    db.close();
  });

  it('refuses a database written by a newer version, with a coded Vietnamese error', () => {
    const path = fresh();
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.pragma(`application_id = ${APPLICATION_ID}`); // a newer version of this app marks its files too
    raw.close();
    try {
      openDatabase(path);
      expect.unreachable();
    } catch (e) {
      expect((e as { code: string }).code).toBe('DB_TOO_NEW');
      expect((e as Error).message).toMatch(/phiên bản mới hơn/);
    }
  });

  it('opens with WAL and foreign keys on, and backs up an older database before migrating it', () => {
    const path = fresh();
    const old = new Database(path);
    migrate(old, 1);
    old.close();
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(userVersion(db)).toBe(LATEST_VERSION);
    expect(existsSync(`${path}.v1.bak`)).toBe(true);
    const backup = new Database(`${path}.v1.bak`, { readonly: true });
    expect(userVersion(backup)).toBe(1);
    backup.close();
    expect(() =>
      db.exec("INSERT INTO units (id, cycle_id, name, grp) VALUES ('u', 'missing', 'U', 'district')"),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
