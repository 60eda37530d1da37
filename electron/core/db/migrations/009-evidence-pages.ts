import type { Database } from 'better-sqlite3';

/**
 * 009 — the same evidence document cited at several pages.
 *
 * appraisal_evidence and dossier_evidence had the document but not the page in their
 * primary key, so citing document X at page 3 and then at page 5 in one sub-criterion
 * failed (UNIQUE constraint) or silently kept one page. Both tables are rebuilt as rowid
 * tables whose uniqueness is (…, evidence, page) with "no page" counted as one value
 * (`ifnull(page, 0)`): X p.3 and X p.5 are two links, X p.3 twice is one (an exact
 * duplicate is merged by `INSERT OR IGNORE`).
 *
 * The triggers on both tables (read-only dossiers of a received cycle, the finalised-cycle
 * lock, and any later ones) are read from sqlite_master before the rebuild and recreated
 * unchanged after it. Rows are copied as they are.
 */
const TABLES: readonly { name: string; create: (t: string) => string; unique: string }[] = [
  {
    name: 'appraisal_evidence',
    create: (t) => `CREATE TABLE ${t} (
      unit_id TEXT NOT NULL,
      node_code TEXT NOT NULL,
      member_id TEXT NOT NULL,
      evidence_id INTEGER NOT NULL REFERENCES evidence (id),
      page INTEGER CHECK (page IS NULL OR page > 0),
      FOREIGN KEY (unit_id, node_code, member_id) REFERENCES appraisals (unit_id, node_code, member_id) ON DELETE CASCADE
    )`,
    unique:
      'CREATE UNIQUE INDEX appraisal_evidence_link ON appraisal_evidence (unit_id, node_code, member_id, evidence_id, ifnull(page, 0))',
  },
  {
    name: 'dossier_evidence',
    create: (t) => `CREATE TABLE ${t} (
      unit_id TEXT NOT NULL,
      node_code TEXT NOT NULL,
      evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
      page INTEGER CHECK (page IS NULL OR page > 0),
      cited_name TEXT,
      FOREIGN KEY (unit_id, node_code) REFERENCES dossier_items (unit_id, node_code) ON DELETE CASCADE
    )`,
    unique:
      'CREATE UNIQUE INDEX dossier_evidence_link ON dossier_evidence (unit_id, node_code, evidence_id, ifnull(page, 0))',
  },
];

export function up(db: Database): void {
  for (const t of TABLES) {
    const others = db
      .prepare(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('trigger', 'index') AND sql IS NOT NULL ORDER BY type DESC, name",
      )
      .pluck()
      .all(t.name) as string[];
    const tmp = `${t.name}_v9`;
    db.exec(t.create(tmp));
    db.exec(`INSERT INTO ${tmp} (${cols(t.name)}) SELECT ${cols(t.name)} FROM ${t.name}`);
    db.exec(`DROP TABLE ${t.name}`);
    db.exec(`ALTER TABLE ${tmp} RENAME TO ${t.name}`);
    db.exec(t.unique);
    for (const sql of others) db.exec(sql);
  }
}

// dossier_evidence has the file name the unit cited since 008 (dossier intake).
const cols = (table: string) =>
  table === 'appraisal_evidence'
    ? 'unit_id, node_code, member_id, evidence_id, page'
    : 'unit_id, node_code, evidence_id, page, cited_name';
