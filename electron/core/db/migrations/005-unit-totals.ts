import type { Database } from 'better-sqlite3';

/**
 * 005 — a per-unit cache of the figures behind the index (benchmark, self-assessed and
 * survey points, exact "n/d" text), so that recomputing a cycle only recomputes the units
 * whose data changed. Triggers delete a unit's rows whenever anything its figures depend
 * on changes (its dossier, appraisals, final scores, exemptions, survey points, the
 * group's framework, the members' assigned fields); a missing row means "recompute".
 * `rules` names the version of the computation that wrote the row; another is ignored.
 */
const UNIT_TABLES = ['dossier_items', 'appraisals', 'final_scores', 'exemptions', 'survey_points'];

function unitTriggers(table: string): string {
  return `
    CREATE TRIGGER ${table}_totals_insert AFTER INSERT ON ${table}
      BEGIN DELETE FROM unit_totals WHERE unit_id = NEW.unit_id; END;
    CREATE TRIGGER ${table}_totals_update AFTER UPDATE ON ${table}
      BEGIN DELETE FROM unit_totals WHERE unit_id IN (OLD.unit_id, NEW.unit_id); END;
    CREATE TRIGGER ${table}_totals_delete AFTER DELETE ON ${table}
      BEGIN DELETE FROM unit_totals WHERE unit_id = OLD.unit_id; END;`;
}

const CYCLE_OF_MEMBER = (row: 'NEW' | 'OLD') =>
  `DELETE FROM unit_totals WHERE unit_id IN (SELECT u.id FROM units u JOIN members m ON m.cycle_id = u.cycle_id WHERE m.id = ${row}.member_id);`;
const CYCLE_GROUP = (row: 'NEW' | 'OLD') =>
  `DELETE FROM unit_totals WHERE unit_id IN (SELECT id FROM units WHERE cycle_id = ${row}.cycle_id AND grp = ${row}.grp);`;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE unit_totals (
      unit_id TEXT NOT NULL REFERENCES units (id) ON DELETE CASCADE,
      scope TEXT NOT NULL CHECK (scope IN ('approved', 'with_proposed')),
      rules INTEGER NOT NULL,
      benchmark TEXT NOT NULL,
      self_assessed TEXT NOT NULL,
      survey_cbccvc TEXT NOT NULL,
      survey_sipas TEXT NOT NULL,
      PRIMARY KEY (unit_id, scope)
    ) WITHOUT ROWID;
    ${UNIT_TABLES.map(unitTriggers).join('\n')}
    CREATE TRIGGER member_fields_totals_insert AFTER INSERT ON member_fields BEGIN ${CYCLE_OF_MEMBER('NEW')} END;
    CREATE TRIGGER member_fields_totals_update AFTER UPDATE ON member_fields BEGIN ${CYCLE_OF_MEMBER('OLD')} ${CYCLE_OF_MEMBER('NEW')} END;
    CREATE TRIGGER member_fields_totals_delete AFTER DELETE ON member_fields BEGIN ${CYCLE_OF_MEMBER('OLD')} END;
    CREATE TRIGGER cycle_frameworks_totals_insert AFTER INSERT ON cycle_frameworks BEGIN ${CYCLE_GROUP('NEW')} END;
    CREATE TRIGGER cycle_frameworks_totals_update AFTER UPDATE ON cycle_frameworks BEGIN ${CYCLE_GROUP('OLD')} ${CYCLE_GROUP('NEW')} END;
    CREATE TRIGGER cycle_frameworks_totals_delete AFTER DELETE ON cycle_frameworks BEGIN ${CYCLE_GROUP('OLD')} END;
    CREATE TRIGGER units_totals_update AFTER UPDATE ON units BEGIN DELETE FROM unit_totals WHERE unit_id = OLD.id; END;
  `);
}
