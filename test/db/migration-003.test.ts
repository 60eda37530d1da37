import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../../electron/core/db/migrate.ts';
import { MIGRATIONS } from '../../electron/core/db/migrations/index.ts';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'cchc-mig3-')), 'db.sqlite');
const tables = (db: Database.Database) =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
const columns = (db: Database.Database, table: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

const NEW_TABLES = [
  'conflicts_of_interest',
  'cycle_packages',
  'cycle_snapshots',
  'exchange_outbox',
  'exchange_packages',
  'exchange_unlock',
];

function v2WithData(): Database.Database {
  const db = new Database(fresh());
  db.pragma('foreign_keys = ON');
  migrate(db, 2);
  db.exec(`
    INSERT INTO cycles (id, name, year, province, created_at) VALUES ('c', 'C', 2023, 'Sóc Trăng', 'now');
    INSERT INTO units (id, cycle_id, name, grp) VALUES ('u', 'c', 'UBND huyện A', 'district');
    INSERT INTO members (id, cycle_id, name, role) VALUES ('m', 'c', 'Nguyễn Văn A', 'member');
    INSERT INTO appraisals (unit_id, node_code, member_id, input, score, updated_at) VALUES ('u', '1.1', 'm', '{"met":true}', '1', 'now');
    INSERT INTO dossier_items (unit_id, node_code, explanation) VALUES ('u', '1.1', '');
  `);
  return db;
}

describe('migration 003 (exchange: packages, conflicts of interest, snapshots, locks)', () => {
  it('is registered as version 3', () => {
    expect(MIGRATIONS.find((m) => m.version === 3)?.name).toBe('exchange');
  });

  it('adds its tables and provenance columns on top of a version-2 database and keeps its data', () => {
    const db = v2WithData();
    expect(migrate(db, 3)).toEqual([3]);
    expect(userVersion(db)).toBe(3);
    for (const t of NEW_TABLES) expect(tables(db)).toContain(t);
    expect(columns(db, 'appraisals')).toContain('package_hash');
    expect(columns(db, 'exemptions')).toContain('package_hash');
    expect(columns(db, 'final_scores')).toContain('basis');
    expect(db.prepare('SELECT score, package_hash FROM appraisals').get()).toEqual({ score: '1', package_hash: null });
    db.close();
  });

  it('keeps one package per member and sequence', () => {
    const db = v2WithData();
    migrate(db, 3);
    const ins = db.prepare(
      `INSERT INTO exchange_packages (package_hash, cycle_id, member_id, key_fingerprint, sequence, previous_hash, created_at, imported_at, imported_by,
         file_name, items, payload, public_key, signature) VALUES (?, 'c', 'm', ?, ?, NULL, 't', 't', 's', 'f', 0, '{}', 'k', 's')`,
    );
    ins.run('a'.repeat(64), 'f'.repeat(64), 1);
    expect(() => ins.run('b'.repeat(64), 'f'.repeat(64), 1)).toThrow(/UNIQUE/);
    expect(() => ins.run('short', 'f'.repeat(64), 2)).toThrow(/CHECK/);
    expect(() => ins.run('c'.repeat(64), 'f'.repeat(64), 0)).toThrow(/CHECK/);
    db.close();
  });

  it('makes the dossier of a received cycle read-only, except while the guard row is held', () => {
    const db = v2WithData();
    migrate(db, 3);
    db.exec("UPDATE dossier_items SET explanation = 'trước khi nhận gói'"); // not received: writable
    db.exec(`INSERT INTO cycle_packages (package_hash, cycle_id, direction, revision, signer_fingerprint, issued_at, recorded_at)
             VALUES ('${'a'.repeat(64)}', 'c', 'received', 1, '${'f'.repeat(64)}', 't', 't')`);
    expect(() => db.exec("UPDATE dossier_items SET explanation = 'sửa'")).toThrow(/DOSSIER_READ_ONLY/);
    expect(() =>
      db.exec("INSERT INTO dossier_items (unit_id, node_code, explanation) VALUES ('u', '1.2', '')"),
    ).toThrow(/DOSSIER_READ_ONLY/);
    expect(() => db.exec('DELETE FROM dossier_items')).toThrow(/DOSSIER_READ_ONLY/);
    db.transaction(() => {
      db.exec('INSERT INTO exchange_unlock (id) VALUES (1)');
      db.exec("UPDATE dossier_items SET explanation = 'gói mới'");
      db.exec('DELETE FROM exchange_unlock');
    })();
    expect(db.prepare('SELECT explanation FROM dossier_items').pluck().get()).toBe('gói mới');
    expect(() => db.exec('INSERT INTO exchange_unlock (id) VALUES (2)')).toThrow(/CHECK/);
    db.close();
  });

  it('refuses appraisals and exemption proposals by a member for a unit he declared a conflict of interest in', () => {
    const db = v2WithData();
    migrate(db, 3);
    db.exec(
      "INSERT INTO conflicts_of_interest (unit_id, member_id, reason, declared_at) VALUES ('u', 'm', 'Cơ quan của tôi', 't')",
    );
    expect(() =>
      db.exec(
        "INSERT INTO appraisals (unit_id, node_code, member_id, input, score, updated_at) VALUES ('u', '1.2', 'm', '{}', '1', 'now')",
      ),
    ).toThrow(/CONFLICT_OF_INTEREST/);
    expect(() => db.exec("UPDATE appraisals SET score = '0', input = '{}'")).toThrow(/CONFLICT_OF_INTEREST/);
    expect(() =>
      db.exec(
        "INSERT INTO exemptions (unit_id, node_code, reason, proposed_by, status, created_at) VALUES ('u', '1.2', 'Không có nhiệm vụ', 'm', 'proposed', 't')",
      ),
    ).toThrow(/CONFLICT_OF_INTEREST/);
    db.exec("DELETE FROM appraisals WHERE member_id = 'm'"); // removing his scores is allowed
    expect(() =>
      db.exec(
        "INSERT INTO conflicts_of_interest (unit_id, member_id, reason, declared_at) VALUES ('u', 'm', '  ', 't')",
      ),
    ).toThrow();
    db.close();
  });

  it('locks the units of a finalised cycle', () => {
    const db = v2WithData();
    migrate(db, 3);
    db.exec("INSERT INTO final_scores (unit_id, node_code, score, updated_at) VALUES ('u', '1.1', '1', 'now')");
    db.exec("UPDATE cycles SET status = 'finalised'");
    expect(() => db.exec("UPDATE appraisals SET comment = 'x'")).toThrow(/CYCLE_FINALISED/);
    expect(() => db.exec('DELETE FROM appraisals')).toThrow(/CYCLE_FINALISED/);
    expect(() =>
      db.exec("INSERT INTO final_scores (unit_id, node_code, score, updated_at) VALUES ('u', '1.2', '1', 'now')"),
    ).toThrow(/CYCLE_FINALISED/);
    expect(() => db.exec("UPDATE final_scores SET score = '0'")).toThrow(/CYCLE_FINALISED/);
    expect(() =>
      db.exec(
        "INSERT INTO exemptions (unit_id, node_code, reason, status, created_at) VALUES ('u', '1.2', 'Không có nhiệm vụ', 'approved', 't')",
      ),
    ).toThrow(/CYCLE_FINALISED/);
    expect(() =>
      db.exec("INSERT INTO survey_points (unit_id, source, points, imported_at) VALUES ('u', 'sipas', '1', 't')"),
    ).toThrow(/CYCLE_FINALISED/);
    expect(() =>
      db.exec(
        "INSERT INTO conflicts_of_interest (unit_id, member_id, reason, declared_at) VALUES ('u', 'm', 'Cơ quan của tôi', 't')",
      ),
    ).toThrow(/CYCLE_FINALISED/);
    db.exec("UPDATE cycles SET status = 'open'");
    db.exec("UPDATE final_scores SET score = '0'");
    expect(db.prepare('SELECT score FROM final_scores').pluck().get()).toBe('0');
    db.close();
  });
});
