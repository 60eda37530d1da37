import type { Database } from 'better-sqlite3';

/**
 * Replaces a table by one with a new definition, keeping its rows, indexes and triggers
 * (SQLite's twelve-step schema change). The caller's migration runs with foreign keys
 * off (`foreignKeysOff` on the migration), so dropping the old table cascades nothing;
 * the runner checks every foreign key before it commits.
 *
 * `createSql` must create a table called `<name>__new` with the same column names (new
 * columns may be added at the end, they take their defaults).
 */
export function rebuildTable(db: Database, name: string, createSql: string): void {
  const dependents = db
    .prepare("SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL")
    .pluck()
    .all(name) as string[];
  const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[])
    .map((c) => `"${c.name}"`)
    .join(', ');
  db.exec(createSql);
  db.exec(`INSERT INTO "${name}__new" (${columns}) SELECT ${columns} FROM "${name}"`);
  db.exec(`DROP TABLE "${name}"`);
  // Other tables' triggers name this table; the legacy rename leaves them (and their text) alone
  // instead of re-parsing them while the table is briefly absent.
  db.pragma('legacy_alter_table = ON');
  try {
    db.exec(`ALTER TABLE "${name}__new" RENAME TO "${name}"`);
  } finally {
    db.pragma('legacy_alter_table = OFF');
  }
  for (const sql of dependents) db.exec(sql);
}
