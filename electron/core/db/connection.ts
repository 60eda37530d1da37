import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { identify } from './identity.ts';
import { migrate, userVersion } from './migrate.ts';
import { LATEST_VERSION } from './migrations/index.ts';

export type Db = Database.Database;

/**
 * How a command may use the file: `create` (init-demo, cycle-create, import-cycle and the
 * app's own data folder) may make a new database where there is none (or a 0-byte file);
 * `write` needs this app's database to exist; `read` opens it read-only.
 */
type OpenMode = 'create' | 'write' | 'read';

export interface OpenOptions {
  /** Take a copy of an existing database before migrating it (default true). */
  readonly backupBeforeMigrate?: boolean;
  /** Default `create`. */
  readonly mode?: OpenMode;
}

function notApp(path: string, why: string): CodedFailure {
  return new CodedFailure(
    'DB_NOT_APP',
    `Tệp “${path}” không phải cơ sở dữ liệu của ứng dụng thẩm định Chỉ số CCHC (${why}); không mở và không ghi gì vào tệp.`,
  );
}

/**
 * Before anything is written: the file is absent (only `create` may make it), or a regular
 * file holding this app's database (application_id, or the schema of a database made
 * before migration 010). Another program's database, a text file or an empty file given to
 * a command that does not create is refused untouched (DB_NOT_APP). Returns whether it existed.
 */
function checkFile(path: string, mode: OpenMode): boolean {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw notApp(path, 'không phải tệp thông thường');
    size = st.size;
  } catch (e) {
    if (e instanceof CodedFailure) throw e;
    if (mode !== 'create') throw new CodedFailure('DB_NOT_FOUND', `Không tìm thấy cơ sở dữ liệu “${path}”.`);
    return false;
  }
  if (size === 0) {
    if (mode !== 'create') throw notApp(path, 'tệp rỗng');
    return true;
  }
  let identity: ReturnType<typeof identify>;
  try {
    const probe = new Database(path, { readonly: true, fileMustExist: true });
    try {
      identity = identify(probe);
    } finally {
      probe.close();
    }
  } catch (e) {
    throw notApp(path, (e as Error).message);
  }
  if (identity === 'foreign') throw notApp(path, 'tệp của chương trình khác');
  if (identity === 'empty' && mode !== 'create') throw notApp(path, 'cơ sở dữ liệu trống');
  return true;
}

const CACHE_KB = 32 * 1024;

/**
 * Opens a store: WAL, foreign keys on, migrated to the latest version. `create` (the
 * default) makes it when absent; `read` opens it read-only (an older database of this
 * app is first migrated, with its backup, then reopened read-only).
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const mode = options.mode ?? 'create';
  const existed = path !== ':memory:' && checkFile(path, mode);
  if (mode === 'read' && path !== ':memory:') return openReadOnly(path, options);
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: mode !== 'create' });
  } catch (e) {
    throw new CodedFailure('DB_OPEN_FAILED', `Không mở được cơ sở dữ liệu “${path}”: ${(e as Error).message}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 32 MB of page cache (SQLite's default is 2 MB): a 150-unit cycle's appraisals no longer
    // spill out of the cache while a package of 1 700 rows is merged into them.
    db.pragma(`cache_size = -${CACHE_KB}`);
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

function openReadOnly(path: string, options: OpenOptions): Db {
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new CodedFailure('DB_OPEN_FAILED', `Không mở được cơ sở dữ liệu “${path}”: ${(e as Error).message}`);
  }
  const version = userVersion(db);
  if (version < LATEST_VERSION) {
    // This app's own database from an older version: bring it up to date (with its backup), then read.
    db.close();
    openDatabase(path, { ...options, mode: 'write' }).close();
    db = new Database(path, { readonly: true, fileMustExist: true });
  }
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma(`cache_size = -${CACHE_KB}`);
    migrate(db); // nothing to apply; refuses a database from a newer version (DB_TOO_NEW)
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

/** The page cache while a batch of writes runs (see batchTransactions). */
const BATCH_CACHE_KB = 256 * 1024;

export interface BatchTransactions {
  readonly begin: () => void;
  readonly commit: () => void;
  /** Rolls back the open transaction, if SQLite has not already. */
  readonly rollback: () => void;
  /** Gives the connection its page cache back. */
  readonly end: () => void;
}

/**
 * Transactions begun and committed by hand, for a write spread over several of them (an
 * import of several packages), with a larger page cache until `end`: pages rewritten by
 * several packages then stay in memory until the commit instead of spilling into the log.
 * SQLite takes the cache's memory only as pages are read.
 */
export function batchTransactions(db: Db, cacheKb = BATCH_CACHE_KB): BatchTransactions {
  const before = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${Math.max(cacheKb, -before)}`);
  return {
    begin: () => db.exec('BEGIN IMMEDIATE'),
    commit: () => db.exec('COMMIT'),
    rollback: () => {
      if (db.inTransaction) db.exec('ROLLBACK');
    },
    end: () => db.pragma(`cache_size = ${before}`),
  };
}
