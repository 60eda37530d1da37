/**
 * Migration 010 marks the file as this app's database (PRAGMA application_id = "CCHC").
 * A database of version 5 (made before it) is recognised by its schema, migrated, and then
 * carries the mark; another program's database is refused untouched.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { APPLICATION_ID, identify } from '../../electron/core/db/identity.ts';
import { migrate, userVersion } from '../../electron/core/db/migrate.ts';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/db/migrations/index.ts';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'cchc-mig10-')), 'db.sqlite');
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('migration 010 (application_id)', () => {
  it('is registered as version 10', () => {
    expect(MIGRATIONS.find((m) => m.version === 10)?.name).toBe('application-id');
  });

  it('marks a version-5 database (with its data) when it is next opened, after a backup', () => {
    const path = fresh();
    const old = new Database(path);
    migrate(old, 5);
    old.exec("INSERT INTO cycles (id, name, year, province, created_at) VALUES ('c', 'C', 2023, 'Sóc Trăng', 'now')");
    expect(old.pragma('application_id', { simple: true })).toBe(0);
    expect(identify(old)).toBe('app');
    old.close();

    const db = openDatabase(path, { mode: 'write' });
    expect(userVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.prepare('SELECT count(*) FROM cycles').pluck().get()).toBe(1);
    db.close();
    expect(readdirSync(join(path, '..')).some((f) => f.endsWith('.v5.bak'))).toBe(true);
  });

  it('gives a new database the mark; a read-only open of an older one migrates it first and then reads', () => {
    const made = openDatabase(fresh());
    expect(made.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    made.close();

    const path = fresh();
    const old = new Database(path);
    migrate(old, 5);
    old.close();
    const ro = openDatabase(path, { mode: 'read' });
    expect(ro.readonly).toBe(true);
    expect(ro.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(() =>
      ro.exec("INSERT INTO cycles (id, name, year, province, created_at) VALUES ('x', 'X', 2023, 'P', 'now')"),
    ).toThrow(/readonly/);
    ro.close();
  });

  it('refuses, untouched, a database of another program, one with another application_id, and a version-1 look-alike', () => {
    const cases: ((db: Database.Database) => void)[] = [
      (db) => db.exec('CREATE TABLE notes (t TEXT)'),
      (db) => (db.pragma('application_id = 1234'), db.exec('CREATE TABLE cycles (id TEXT)')),
      (db) => (db.pragma('user_version = 3'), db.exec('CREATE TABLE cycles (id TEXT)')),
    ];
    for (const make of cases) {
      const path = fresh();
      const db = new Database(path);
      make(db);
      db.close();
      const before = sha(path);
      for (const mode of ['read', 'write', 'create'] as const)
        expect(() => openDatabase(path, { mode })).toThrow(expect.objectContaining({ code: 'DB_NOT_APP' }));
      expect(sha(path)).toBe(before);
      expect(readdirSync(join(path, '..'))).toEqual(['db.sqlite']);
    }
  });
});
