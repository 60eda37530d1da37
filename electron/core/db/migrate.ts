import type { Database } from 'better-sqlite3';
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index.ts';

export function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database to `target` (default: latest), one migration per transaction;
 * refuses a database written by a newer version of the app.
 */
export function migrate(
  db: Database,
  target: number = LATEST_VERSION,
  migrations: readonly Migration[] = MIGRATIONS,
): number[] {
  const current = userVersion(db);
  if (current > LATEST_VERSION) {
    throw new CodedFailure(
      'DB_TOO_NEW',
      `Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (phiên bản dữ liệu ${current}, ứng dụng hỗ trợ đến ${LATEST_VERSION}). Hãy cập nhật ứng dụng.`,
      { version: current, supported: LATEST_VERSION },
    );
  }
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    // A migration that rebuilds tables runs with foreign keys off (a pragma that cannot change inside a
    // transaction), then proves every reference still holds before it commits.
    const fkWasOn = db.pragma('foreign_keys', { simple: true }) === 1;
    if (m.foreignKeysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        m.up(db);
        if (m.foreignKeysOff) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0) throw new Error(`migration ${m.version} broke ${broken.length} foreign key(s)`);
        }
        db.pragma(`user_version = ${m.version}`);
      })();
    } finally {
      if (m.foreignKeysOff && fkWasOn) db.pragma('foreign_keys = ON');
    }
    applied.push(m.version);
  }
  return applied;
}
