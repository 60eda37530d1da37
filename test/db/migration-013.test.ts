import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../../electron/core/db/migrate.ts';
import { MIGRATIONS } from '../../electron/core/db/migrations/index.ts';
import { memberHasAppraisals, memberRowHashes } from '../../electron/core/db/repos/merge.ts';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'cchc-mig13-')), 'db.sqlite');

describe('migration 013 (appraisals by member)', () => {
  it('is registered as version 13', () => {
    expect(MIGRATIONS.find((m) => m.version === 13)?.name).toBe('appraisals-by-member');
  });

  it('keeps the rows, and a member’s rows are then read through the index, not by scanning every appraisal', () => {
    const db = new Database(fresh());
    migrate(db, 12);
    // Only the appraisals matter here: the unit's group and framework are left out.
    db.pragma('foreign_keys = OFF');
    db.exec(`
      INSERT INTO cycles (id, name, year, province, created_at) VALUES ('c', 'Kỳ', 2024, 'Sóc Trăng', '2024-01-01');
      INSERT INTO units (id, cycle_id, name, grp) VALUES ('u1', 'c', 'Sở A', 'department');
      INSERT INTO members (id, cycle_id, name, role) VALUES ('m1', 'c', 'A', 'member'), ('m2', 'c', 'B', 'member');
      INSERT INTO appraisals (unit_id, node_code, member_id, input, score, updated_at, package_hash)
        VALUES ('u1', '1.1', 'm1', '{}', '1', '2024-01-01', 'h1'), ('u1', '1.2', 'm2', NULL, NULL, '2024-01-01', NULL);
    `);
    db.pragma('foreign_keys = ON');
    migrate(db);
    expect(userVersion(db)).toBeGreaterThanOrEqual(13);
    expect(memberRowHashes(db, 'm1')).toEqual([['u1\u001f1.1', 'h1']]);
    expect(memberHasAppraisals(db, 'm2')).toBe(true);
    expect(memberHasAppraisals(db, 'm3')).toBe(false);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('m1') as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(plan('SELECT 1 FROM appraisals WHERE member_id = ? LIMIT 1')).toContain('appraisals_member');
    expect(plan('SELECT unit_id, package_hash FROM appraisals WHERE member_id = ?')).toContain('appraisals_member');
  });
});
