import type { Database } from 'better-sqlite3';

/**
 * 013 — an index of appraisals by member.
 *
 * Importing a member's package reads that member's rows (which package brought each, and
 * whether he has any at all). The primary key is (unit, sub-criterion, member), so without
 * this index each of those reads scanned every appraisal of the store: at 10,000 units and
 * 30 members, millions of rows read twice per package.
 */
export function up(db: Database): void {
  db.exec('CREATE INDEX appraisals_member ON appraisals (member_id)');
}
