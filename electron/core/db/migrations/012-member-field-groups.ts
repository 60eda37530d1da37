import type { Database } from 'better-sqlite3';
import { rebuildTable } from './rebuild.ts';

/**
 * 012 — a member's fields per unit group. `member_fields.grp` names the group the field is
 * assigned in; '' (every row before this migration) keeps meaning "this field in every
 * group", so existing rosters appraise exactly what they did. The key becomes
 * (member, group, field); the totals cache triggers on the table are kept by the rebuild.
 */
export function up(db: Database): void {
  rebuildTable(
    db,
    'member_fields',
    `CREATE TABLE member_fields__new (
      member_id TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
      field_code TEXT NOT NULL,
      grp TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (member_id, grp, field_code)
    ) WITHOUT ROWID`,
  );
}
