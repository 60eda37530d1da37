import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../../electron/core/db/migrate.ts';
import { MIGRATIONS } from '../../electron/core/db/migrations/index.ts';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'cchc-mig8-')), 'db.sqlite');

describe('migration 008 (dossier intake)', () => {
  it('is registered as version 8', () => {
    expect(MIGRATIONS.find((m) => m.version === 8)?.name).toBe('dossier-intake');
  });

  it('adds the claimed scores, the cited name and the import record on top of an older database, keeping its data', () => {
    const db = new Database(fresh());
    db.pragma('foreign_keys = ON');
    migrate(db, 5);
    db.exec("INSERT INTO cycles (id, name, year, province, created_at) VALUES ('c', 'C', 2025, 'Cần Thơ', 'now')");
    db.exec("INSERT INTO units (id, cycle_id, name, grp) VALUES ('u', 'c', 'Sở Tư pháp', 'department')");
    db.exec("INSERT INTO dossier_items (unit_id, node_code, round1_score) VALUES ('u', '1.1', '1')");
    expect(migrate(db)).toContain(8);
    expect(userVersion(db)).toBeGreaterThanOrEqual(8);
    expect(db.prepare('SELECT round1_score, round1_claimed, round2_claimed FROM dossier_items').get()).toEqual({
      round1_score: '1',
      round1_claimed: null,
      round2_claimed: null,
    });
    db.exec("UPDATE dossier_items SET round1_claimed = '1.5'");
    db.exec(
      `INSERT INTO evidence (cycle_id, sha256, title, file_name) VALUES ('c', '${'a'.repeat(64)}', 'T', 'a.pdf')`,
    );
    db.exec(
      "INSERT INTO dossier_evidence (unit_id, node_code, evidence_id, page, cited_name) VALUES ('u', '1.1', 1, 2, 'b.pdf')",
    );
    const ins = db.prepare(
      `INSERT INTO dossier_imports (unit_id, round, source, file_name, file_sha256, items, evidence_files, score, claimed, imported_by, imported_at)
       VALUES ('u', ?, 'workbook', 'p.xlsx', ?, 3, 1, '2', NULL, 'x', 'now')`,
    );
    ins.run(1, 'b'.repeat(64));
    expect(() => ins.run(3, 'b'.repeat(64))).toThrow(/CHECK/);
    expect(() => ins.run(1, 'short')).toThrow(/CHECK/);
    expect(() =>
      db.exec(
        `INSERT INTO dossier_imports (unit_id, round, source, file_name, file_sha256, items, evidence_files, score, imported_by, imported_at) VALUES ('nope', 1, 'workbook', 'p', '${'b'.repeat(64)}', 0, 0, '0', 'x', 'now')`,
      ),
    ).toThrow(/FOREIGN KEY/);
    db.exec("DELETE FROM units WHERE id = 'u'");
    expect(db.prepare('SELECT count(*) FROM dossier_imports').pluck().get()).toBe(0);
  });
});
