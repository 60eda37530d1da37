import type { Database } from 'better-sqlite3';

/**
 * 008 — self-assessment intake: the score a unit wrote itself in its workbook
 * for each round (kept beside the score recomputed from its declared inputs), and one row
 * per imported workbook (unit, round, the workbook's sha256, who and when, totals).
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE dossier_items ADD COLUMN round1_claimed TEXT;
    ALTER TABLE dossier_items ADD COLUMN round2_claimed TEXT;
    ALTER TABLE dossier_evidence ADD COLUMN cited_name TEXT;
    CREATE TABLE dossier_imports (
      id INTEGER PRIMARY KEY,
      unit_id TEXT NOT NULL REFERENCES units (id) ON DELETE CASCADE,
      round INTEGER NOT NULL CHECK (round IN (1, 2)),
      source TEXT NOT NULL CHECK (source IN ('workbook', 'collected')),
      file_name TEXT NOT NULL,
      file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
      items INTEGER NOT NULL CHECK (items >= 0),
      evidence_files INTEGER NOT NULL CHECK (evidence_files >= 0),
      score TEXT NOT NULL,
      claimed TEXT,
      imported_by TEXT NOT NULL,
      imported_at TEXT NOT NULL
    );
    CREATE INDEX dossier_imports_unit ON dossier_imports (unit_id, round, id);
  `);
}
