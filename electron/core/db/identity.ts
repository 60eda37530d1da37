/**
 * Is this file this app's database? Checked before anything is written to it, so that a
 * command pointed at another program's database (or at an empty or foreign file) refuses it
 * untouched.
 *
 *   APPLICATION_ID   PRAGMA application_id of every database this app creates ("CCHC")
 *   identify(db)     'app' | 'empty' | 'foreign' — reads the header and the schema, writes nothing
 */
import type { Database } from 'better-sqlite3';

/** "CCHC" as a big-endian 32-bit integer: 0x43434843. */
export const APPLICATION_ID = 0x43434843;

/** Tables every database of this app has had since migration 001 (for files made before migration 010). */
const LEGACY_TABLES = ['cycles', 'frameworks', 'units', 'members', 'dossier_items'];

export type Identity = 'app' | 'empty' | 'foreign';

export function identify(db: Database): Identity {
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId === APPLICATION_ID) return 'app';
  if (appId !== 0) return 'foreign';
  const version = db.pragma('user_version', { simple: true }) as number;
  const objects = db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number;
  if (version === 0 && objects === 0) return 'empty';
  if (version < 1) return 'foreign';
  const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  return LEGACY_TABLES.every((t) => tables.has(t)) ? 'app' : 'foreign';
}
