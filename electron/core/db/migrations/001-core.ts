import type { Database } from 'better-sqlite3';

/** 001 — cycles, frameworks, units, council members, dossiers, evidence, appraisals, exemptions, survey points, final scores. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE cycles (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      year INTEGER NOT NULL,
      province TEXT NOT NULL,
      precision INTEGER NOT NULL DEFAULT 2 CHECK (precision BETWEEN 0 AND 6),
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'finalised')),
      created_at TEXT NOT NULL
    );
    CREATE TABLE frameworks (
      hash TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      year INTEGER NOT NULL,
      grp TEXT NOT NULL CHECK (grp IN ('department', 'district', 'public_service_unit', 'central_agency')),
      sample INTEGER NOT NULL CHECK (sample IN (0, 1)),
      content TEXT NOT NULL,
      imported_at TEXT NOT NULL
    );
    CREATE TABLE cycle_frameworks (
      cycle_id TEXT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
      grp TEXT NOT NULL CHECK (grp IN ('department', 'district', 'public_service_unit', 'central_agency')),
      framework_hash TEXT NOT NULL REFERENCES frameworks (hash),
      PRIMARY KEY (cycle_id, grp)
    );
    CREATE TABLE units (
      id TEXT PRIMARY KEY,
      cycle_id TEXT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      grp TEXT NOT NULL CHECK (grp IN ('department', 'district', 'public_service_unit', 'central_agency')),
      sort_order INTEGER NOT NULL DEFAULT 0,
      UNIQUE (cycle_id, name)
    );
    CREATE INDEX units_cycle ON units (cycle_id, grp, sort_order);
    CREATE TABLE members (
      id TEXT PRIMARY KEY,
      cycle_id TEXT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      position TEXT NOT NULL DEFAULT '',
      agency TEXT NOT NULL DEFAULT '',
      role TEXT NOT NULL CHECK (role IN ('member', 'secretariat')),
      public_key TEXT,
      fingerprint TEXT
    );
    CREATE TABLE member_fields (
      member_id TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
      field_code TEXT NOT NULL,
      PRIMARY KEY (member_id, field_code)
    ) WITHOUT ROWID;
    CREATE TABLE dossier_items (
      unit_id TEXT NOT NULL REFERENCES units (id) ON DELETE CASCADE,
      node_code TEXT NOT NULL,
      round1_input TEXT,
      round1_score TEXT,
      round2_input TEXT,
      round2_score TEXT,
      declared TEXT,
      explanation TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (unit_id, node_code)
    ) WITHOUT ROWID;
    CREATE TABLE evidence (
      id INTEGER PRIMARY KEY,
      cycle_id TEXT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      title TEXT NOT NULL,
      file_name TEXT NOT NULL,
      size INTEGER,
      mime TEXT,
      UNIQUE (cycle_id, sha256)
    );
    CREATE TABLE dossier_evidence (
      unit_id TEXT NOT NULL,
      node_code TEXT NOT NULL,
      evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
      page INTEGER CHECK (page IS NULL OR page > 0),
      PRIMARY KEY (unit_id, node_code, evidence_id),
      FOREIGN KEY (unit_id, node_code) REFERENCES dossier_items (unit_id, node_code) ON DELETE CASCADE
    ) WITHOUT ROWID;
    CREATE TABLE appraisals (
      unit_id TEXT NOT NULL REFERENCES units (id) ON DELETE CASCADE,
      node_code TEXT NOT NULL,
      member_id TEXT NOT NULL REFERENCES members (id),
      input TEXT,
      score TEXT,
      comment TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL,
      PRIMARY KEY (unit_id, node_code, member_id),
      CHECK ((input IS NULL) = (score IS NULL))
    ) WITHOUT ROWID;
    CREATE TABLE appraisal_evidence (
      unit_id TEXT NOT NULL,
      node_code TEXT NOT NULL,
      member_id TEXT NOT NULL,
      evidence_id INTEGER NOT NULL REFERENCES evidence (id),
      page INTEGER CHECK (page IS NULL OR page > 0),
      PRIMARY KEY (unit_id, node_code, member_id, evidence_id),
      FOREIGN KEY (unit_id, node_code, member_id) REFERENCES appraisals (unit_id, node_code, member_id) ON DELETE CASCADE
    ) WITHOUT ROWID;
    CREATE TABLE exemptions (
      unit_id TEXT NOT NULL REFERENCES units (id) ON DELETE CASCADE,
      node_code TEXT NOT NULL,
      reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      legal_basis TEXT NOT NULL DEFAULT '',
      proposed_by TEXT REFERENCES members (id),
      status TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected')),
      decided_by TEXT,
      decision_reason TEXT,
      created_at TEXT NOT NULL,
      decided_at TEXT,
      PRIMARY KEY (unit_id, node_code)
    ) WITHOUT ROWID;
    CREATE TABLE survey_points (
      unit_id TEXT NOT NULL REFERENCES units (id) ON DELETE CASCADE,
      source TEXT NOT NULL CHECK (source IN ('cbccvc', 'sipas')),
      points TEXT NOT NULL,
      respondents INTEGER CHECK (respondents IS NULL OR respondents >= 0),
      imported_at TEXT NOT NULL,
      PRIMARY KEY (unit_id, source)
    ) WITHOUT ROWID;
    CREATE TABLE final_scores (
      unit_id TEXT NOT NULL REFERENCES units (id) ON DELETE CASCADE,
      node_code TEXT NOT NULL,
      input TEXT,
      score TEXT NOT NULL,
      source_member TEXT,
      package_hash TEXT,
      decided_by TEXT,
      reason TEXT,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (unit_id, node_code)
    ) WITHOUT ROWID;
  `);
}
