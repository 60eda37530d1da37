import type { Database } from 'better-sqlite3';

/**
 * 004 — what the results, the documents and the survey imports keep:
 *
 * - previous_results: a previous year's published results per unit of the cycle (imported
 *   from a summary table), for the year-on-year columns and the previous-year-delta kind;
 * - survey_scales: per cycle and survey source, the answer options and their weights
 *   (A 100%, B 60%, C 20%, D 0% by default) used to turn raw responses into points;
 * - survey_response_summaries: per unit and source, what an import of raw responses
 *   counted (respondents, answers, answers per option) and the points it gave;
 * - meetings + meeting_attendance: the council meeting the minutes record (time, place,
 *   legal bases, chair, secretary, conclusions; members present or absent);
 * - narrative_edits: the secretariat's edits of generated report sentences, by key.
 *
 * Exact numbers are kept as rational text ("n/d" or a plain decimal), like the rest of the store.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE previous_results (
      cycle_id TEXT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
      year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
      unit_id TEXT NOT NULL REFERENCES units (id) ON DELETE CASCADE,
      unit_name TEXT NOT NULL,
      grp TEXT NOT NULL CHECK (grp IN ('department', 'district', 'public_service_unit', 'central_agency')),
      benchmark TEXT NOT NULL,
      self_assessed TEXT NOT NULL,
      survey_cbccvc TEXT NOT NULL,
      survey_sipas TEXT NOT NULL,
      published TEXT NOT NULL CHECK (published GLOB '[0-9]*'),
      precision INTEGER NOT NULL CHECK (precision BETWEEN 0 AND 6),
      source_file TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      PRIMARY KEY (cycle_id, year, unit_id)
    ) WITHOUT ROWID;
    CREATE TABLE survey_scales (
      cycle_id TEXT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
      source TEXT NOT NULL CHECK (source IN ('cbccvc', 'sipas')),
      scale TEXT NOT NULL CHECK (json_valid(scale)),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (cycle_id, source)
    ) WITHOUT ROWID;
    CREATE TABLE survey_response_summaries (
      unit_id TEXT NOT NULL REFERENCES units (id) ON DELETE CASCADE,
      source TEXT NOT NULL CHECK (source IN ('cbccvc', 'sipas')),
      respondents INTEGER NOT NULL CHECK (respondents >= 0),
      answers INTEGER NOT NULL CHECK (answers >= 0),
      blanks INTEGER NOT NULL DEFAULT 0 CHECK (blanks >= 0),
      option_counts TEXT NOT NULL CHECK (json_valid(option_counts)),
      satisfaction TEXT NOT NULL,
      points TEXT NOT NULL,
      scale TEXT NOT NULL CHECK (json_valid(scale)),
      source_file TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      PRIMARY KEY (unit_id, source)
    ) WITHOUT ROWID;
    CREATE TABLE meetings (
      cycle_id TEXT PRIMARY KEY REFERENCES cycles (id) ON DELETE CASCADE,
      issuer_parent TEXT NOT NULL DEFAULT '',
      issuer TEXT NOT NULL DEFAULT '',
      doc_number TEXT NOT NULL DEFAULT '',
      place_name TEXT NOT NULL DEFAULT '',
      document_date TEXT,
      starts_at TEXT,
      ends_at TEXT,
      location TEXT NOT NULL DEFAULT '',
      legal_bases TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(legal_bases)),
      chair_name TEXT NOT NULL DEFAULT '',
      chair_position TEXT NOT NULL DEFAULT '',
      secretary_name TEXT NOT NULL DEFAULT '',
      secretary_position TEXT NOT NULL DEFAULT '',
      other_attendees TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(other_attendees)),
      contents TEXT NOT NULL DEFAULT '',
      conclusions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(conclusions)),
      copies INTEGER CHECK (copies IS NULL OR copies > 0),
      updated_at TEXT NOT NULL
    );
    CREATE TABLE meeting_attendance (
      cycle_id TEXT NOT NULL REFERENCES meetings (cycle_id) ON DELETE CASCADE,
      member_id TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
      present INTEGER NOT NULL CHECK (present IN (0, 1)),
      note TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (cycle_id, member_id)
    ) WITHOUT ROWID;
    CREATE TABLE narrative_edits (
      cycle_id TEXT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
      key TEXT NOT NULL CHECK (length(key) > 0),
      text TEXT NOT NULL,
      generated TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL,
      PRIMARY KEY (cycle_id, key)
    ) WITHOUT ROWID;
  `);
}
