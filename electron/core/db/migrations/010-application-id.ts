import type { Database } from 'better-sqlite3';
import { APPLICATION_ID } from '../identity.ts';

/**
 * Marks the file as this app's database (PRAGMA application_id, bytes 68–71 of the SQLite
 * header), so that a command given another program's database refuses it untouched.
 * Databases created before this migration are recognised by their schema (identity.ts).
 */
export function up(db: Database): void {
  db.pragma(`application_id = ${APPLICATION_ID}`);
}
