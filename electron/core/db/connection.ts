import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { migrate, userVersion } from './migrate.ts';
import { LATEST_VERSION } from './migrations/index.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Take a copy of an existing database before migrating it (default true). */
  readonly backupBeforeMigrate?: boolean;
}

/** Opens (creating if needed) a store: WAL, foreign keys on, migrated to the latest version. */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const existed = path !== ':memory:' && existsSync(path);
  let db: Db;
  try {
    db = new Database(path);
  } catch (e) {
    throw new CodedFailure('DB_OPEN_FAILED', `Không mở được cơ sở dữ liệu “${path}”: ${(e as Error).message}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const version = userVersion(db);
    if (existed && version > 0 && version < LATEST_VERSION && options.backupBeforeMigrate !== false) {
      backupTo(db, `${path}.v${version}.bak`);
    }
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof CodedFailure) throw e;
    throw new CodedFailure('DB_OPEN_FAILED', `Không mở được cơ sở dữ liệu “${path}”: ${(e as Error).message}`);
  }
}

/** A consistent copy of the database file (VACUUM INTO), e.g. before an import or a migration. */
export function backupTo(db: Db, target: string): void {
  if (existsSync(target)) throw new CodedFailure('DB_BACKUP_EXISTS', `Tệp sao lưu “${target}” đã tồn tại.`);
  db.prepare('VACUUM INTO ?').run(target);
}

/** One transaction around `fn`; better-sqlite3 transactions are synchronous, so no await inside. */
export function tx<T>(db: Db, fn: () => T): T {
  return db.transaction(fn)();
}
