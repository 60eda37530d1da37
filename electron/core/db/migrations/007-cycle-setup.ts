import type { Database } from 'better-sqlite3';

/**
 * 007 — setting up a real cycle: the cycle's legal bases (the province's decision on
 * the index, the council's decision) that the minutes cite, which cycle is current (at most one),
 * which earlier cycle it took its units and results from; a unit's short name, head and contact;
 * a council member's role in the council (chair, vice-chair, member, secretary) beside the
 * installation role (`role`: member | secretariat), which keeps its meaning. Columns only: no
 * table is rebuilt. Existing secretariat rows become the council's secretary, as the minutes
 * already treated them.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE cycles ADD COLUMN decision TEXT NOT NULL DEFAULT '';
    ALTER TABLE cycles ADD COLUMN council_decision TEXT NOT NULL DEFAULT '';
    ALTER TABLE cycles ADD COLUMN is_current INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1));
    ALTER TABLE cycles ADD COLUMN previous_cycle_id TEXT REFERENCES cycles (id) ON DELETE SET NULL;
    CREATE UNIQUE INDEX cycles_one_current ON cycles (is_current) WHERE is_current = 1;

    ALTER TABLE units ADD COLUMN short_name TEXT NOT NULL DEFAULT '';
    ALTER TABLE units ADD COLUMN head TEXT NOT NULL DEFAULT '';
    ALTER TABLE units ADD COLUMN contact TEXT NOT NULL DEFAULT '';

    ALTER TABLE members ADD COLUMN council_role TEXT NOT NULL DEFAULT 'member'
      CHECK (council_role IN ('chair', 'vice_chair', 'member', 'secretary'));
    UPDATE members SET council_role = 'secretary' WHERE role = 'secretariat';
  `);
}
