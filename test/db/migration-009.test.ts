import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../../electron/core/db/migrate.ts';
import { MIGRATIONS } from '../../electron/core/db/migrations/index.ts';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'cchc-mig9-')), 'db.sqlite');
const triggers = (db: Database.Database, table: string) =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name")
    .pluck()
    .all(table) as string[];

/** A version-8-or-earlier database (everything before 009) holding one link of each kind. */
function before009(): Database.Database {
  const db = new Database(fresh());
  db.pragma('foreign_keys = ON');
  migrate(db, 8);
  db.exec(`
    INSERT INTO cycles (id, name, year, province, created_at) VALUES ('c', 'C', 2023, 'Sóc Trăng', 'now');
    INSERT INTO cycle_groups (cycle_id, code, label, short_label, sort_order) VALUES ('c', 'district', 'UBND cấp huyện', 'Cấp huyện', 1);
    INSERT INTO units (id, cycle_id, name, grp) VALUES ('u', 'c', 'UBND huyện A', 'district');
    INSERT INTO members (id, cycle_id, name, role) VALUES ('m', 'c', 'Nguyễn Văn A', 'member');
    INSERT INTO evidence (id, cycle_id, sha256, title, file_name) VALUES (7, 'c', '${'a'.repeat(64)}', 'Kế hoạch CCHC', 'kh.pdf');
    INSERT INTO dossier_items (unit_id, node_code, explanation) VALUES ('u', '1.1', '');
    INSERT INTO dossier_evidence (unit_id, node_code, evidence_id, page) VALUES ('u', '1.1', 7, 2);
    INSERT INTO appraisals (unit_id, node_code, member_id, input, score, updated_at) VALUES ('u', '1.1', 'm', '{"met":true}', '1', 'now');
    INSERT INTO appraisal_evidence (unit_id, node_code, member_id, evidence_id, page) VALUES ('u', '1.1', 'm', 7, 3);
  `);
  return db;
}

describe('migration 009 (one evidence document at several pages)', () => {
  it('is registered as version 9', () => {
    expect(MIGRATIONS.find((m) => m.version === 9)?.name).toBe('evidence-pages');
  });

  it('before it, the same document at a second page is refused (the defect)', () => {
    const db = before009();
    expect(() =>
      db.exec(
        "INSERT INTO appraisal_evidence (unit_id, node_code, member_id, evidence_id, page) VALUES ('u', '1.1', 'm', 7, 5)",
      ),
    ).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });

  it('keeps the rows and triggers, allows several pages of one document and refuses an exact duplicate', () => {
    const db = before009();
    const trigA = triggers(db, 'appraisal_evidence');
    const trigD = triggers(db, 'dossier_evidence');
    expect(trigA.length).toBeGreaterThan(0);
    expect(trigD.length).toBeGreaterThan(0);
    expect(migrate(db, 9)).toContain(9);
    expect(userVersion(db)).toBe(9);
    expect(triggers(db, 'appraisal_evidence')).toEqual(trigA);
    expect(triggers(db, 'dossier_evidence')).toEqual(trigD);
    expect(db.prepare('SELECT page FROM appraisal_evidence').pluck().all()).toEqual([3]);
    expect(db.prepare('SELECT page FROM dossier_evidence').pluck().all()).toEqual([2]);

    const link = db.prepare(
      "INSERT INTO appraisal_evidence (unit_id, node_code, member_id, evidence_id, page) VALUES ('u', '1.1', 'm', 7, ?)",
    );
    link.run(5);
    link.run(null);
    expect(() => link.run(3)).toThrow(/UNIQUE/);
    expect(() => link.run(null)).toThrow(/UNIQUE/);
    expect(() => link.run(0)).toThrow(/CHECK/);
    const dlink = db.prepare(
      "INSERT INTO dossier_evidence (unit_id, node_code, evidence_id, page) VALUES ('u', '1.1', 7, ?)",
    );
    dlink.run(9);
    expect(() => dlink.run(2)).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT page FROM appraisal_evidence ORDER BY page').pluck().all()).toEqual([null, 3, 5]);

    // foreign keys still hold: deleting the appraisal removes its links; an unknown document is refused
    expect(() =>
      db.exec(
        "INSERT INTO appraisal_evidence (unit_id, node_code, member_id, evidence_id, page) VALUES ('u', '1.1', 'm', 99, 1)",
      ),
    ).toThrow(/FOREIGN KEY/);
    db.exec("DELETE FROM appraisals WHERE unit_id = 'u'");
    expect(db.prepare('SELECT count(*) FROM appraisal_evidence').pluck().get()).toBe(0);

    // the finalised-cycle lock still guards the rebuilt table
    db.exec(
      "INSERT INTO appraisals (unit_id, node_code, member_id, input, score, updated_at) VALUES ('u', '1.1', 'm', '{\"met\":true}', '1', 'now')",
    );
    db.exec("UPDATE cycles SET status = 'finalised' WHERE id = 'c'");
    expect(() => link.run(4)).toThrow(/CYCLE_FINALISED/);
    db.close();
  });

  it('rolls back as a whole when it fails half-way', () => {
    const db = before009();
    db.exec('CREATE TABLE dossier_evidence_v9 (x)'); // a clash makes the second rebuild fail
    expect(() => migrate(db, 9)).toThrow();
    expect(userVersion(db)).toBeLessThan(9);
    expect(() =>
      db.exec(
        "INSERT INTO appraisal_evidence (unit_id, node_code, member_id, evidence_id, page) VALUES ('u', '1.1', 'm', 7, 5)",
      ),
    ).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });
});
