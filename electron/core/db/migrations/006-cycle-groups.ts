import type { Database } from 'better-sqlite3';
import { rebuildTable } from './rebuild.ts';

/**
 * 006 — unit groups belong to the cycle. Until 005 the four 2023 groups were fixed by CHECK
 * constraints; since the 2025 two-level local government a cycle may assess communes and
 * wards, or any group a province's decision defines. `cycle_groups` holds each cycle's groups
 * (code, label for tables and documents, short label for tabs and sheet names, order, the
 * fields appraised); units, the cycle's frameworks and last year's results refer to them.
 * Existing cycles get the four 2023 groups with the labels they were shown with.
 */
const CODE_CHECK = `CHECK (length(code) BETWEEN 1 AND 40 AND code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*')`;

const PRESETS_2023: readonly [code: string, label: string, short: string, order: number, fields: string][] = [
  ['department', 'Sở, ban, ngành tỉnh', 'Sở, ban, ngành', 1, '["1","2","3","4","5","6","7","8"]'],
  ['district', 'UBND cấp huyện', 'UBND cấp huyện', 2, '["1","2","3","4","5","6","7","8"]'],
  ['public_service_unit', 'Đơn vị sự nghiệp công lập tỉnh', 'ĐVSN công lập', 3, '["1","4","5","6","7","8"]'],
  ['central_agency', 'Cơ quan Trung ương đặt tại tỉnh', 'Cơ quan TW', 4, '["1","3","7","8"]'],
];

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE cycle_groups (
      cycle_id TEXT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
      code TEXT NOT NULL ${CODE_CHECK},
      label TEXT NOT NULL CHECK (length(trim(label)) > 0),
      short_label TEXT NOT NULL CHECK (length(trim(short_label)) > 0),
      sort_order INTEGER NOT NULL,
      fields TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fields) AND json_type(fields) = 'array'),
      PRIMARY KEY (cycle_id, code)
    ) WITHOUT ROWID;
  `);
  // Every existing cycle had its groups implied by its units and frameworks: make them explicit.
  const used = db
    .prepare(
      'SELECT cycle_id AS cycleId, grp FROM units UNION SELECT cycle_id, grp FROM cycle_frameworks UNION SELECT cycle_id, grp FROM previous_results',
    )
    .all() as { cycleId: string; grp: string }[];
  const insert = db.prepare(
    'INSERT OR IGNORE INTO cycle_groups (cycle_id, code, label, short_label, sort_order, fields) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const { cycleId, grp } of used) {
    const p = PRESETS_2023.find(([code]) => code === grp);
    if (p) insert.run(cycleId, p[0], p[1], p[2], p[3], p[4]);
  }

  rebuildTable(
    db,
    'frameworks',
    `CREATE TABLE frameworks__new (
      hash TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      year INTEGER NOT NULL,
      grp TEXT NOT NULL CHECK (length(grp) BETWEEN 1 AND 40),
      sample INTEGER NOT NULL CHECK (sample IN (0, 1)),
      content TEXT NOT NULL,
      imported_at TEXT NOT NULL
    )`,
  );
  rebuildTable(
    db,
    'cycle_frameworks',
    `CREATE TABLE cycle_frameworks__new (
      cycle_id TEXT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
      grp TEXT NOT NULL,
      framework_hash TEXT NOT NULL REFERENCES frameworks (hash),
      PRIMARY KEY (cycle_id, grp),
      FOREIGN KEY (cycle_id, grp) REFERENCES cycle_groups (cycle_id, code) ON DELETE CASCADE
    )`,
  );
  rebuildTable(
    db,
    'units',
    `CREATE TABLE units__new (
      id TEXT PRIMARY KEY,
      cycle_id TEXT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      grp TEXT NOT NULL,
      sort_order INTEGER NOT NULL DEFAULT 0,
      UNIQUE (cycle_id, name),
      FOREIGN KEY (cycle_id, grp) REFERENCES cycle_groups (cycle_id, code)
    )`,
  );
  rebuildTable(
    db,
    'previous_results',
    `CREATE TABLE previous_results__new (
      cycle_id TEXT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
      year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
      unit_id TEXT NOT NULL REFERENCES units (id) ON DELETE CASCADE,
      unit_name TEXT NOT NULL,
      grp TEXT NOT NULL CHECK (length(grp) BETWEEN 1 AND 40),
      benchmark TEXT NOT NULL,
      self_assessed TEXT NOT NULL,
      survey_cbccvc TEXT NOT NULL,
      survey_sipas TEXT NOT NULL,
      published TEXT NOT NULL CHECK (published GLOB '[0-9]*'),
      precision INTEGER NOT NULL CHECK (precision BETWEEN 0 AND 6),
      source_file TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      PRIMARY KEY (cycle_id, year, unit_id)
    ) WITHOUT ROWID`,
  );
}
