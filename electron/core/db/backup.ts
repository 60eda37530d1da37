/**
 * A copy of the database file before an import or a finalisation:
 * `<dataDir>/backups/cchc-<UTC time>-<label>.sqlite`. Written under a temporary name and
 * renamed, so a backup file is always whole; a leftover `.partial` or `.partial-journal` (a crash mid-copy) is
 * removed by the next backup.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Db, backupTo } from './connection.ts';

export function backupsDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

/** Backs up `db` (no-op for an in-memory database); returns the backup's path or null. */
export function backupDatabase(db: Db, dataDir: string, label: string, now: Date = new Date()): string | null {
  if (db.memory || db.name === '' || db.name === ':memory:') return null;
  const dir = backupsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  // A copy killed mid-way leaves `.partial` and SQLite's `.partial-journal` (VACUUM INTO writes through a journal).
  for (const f of readdirSync(dir))
    if (/\.partial(-journal|-wal|-shm)?$/.test(f)) rmSync(join(dir, f), { force: true });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '');
  const safe = label.replace(/[^0-9A-Za-z_-]+/g, '-');
  let target = join(dir, `cchc-${stamp}-${safe}.sqlite`);
  for (let i = 2; existsSync(target); i++) target = join(dir, `cchc-${stamp}-${safe}-${i}.sqlite`);
  const partial = `${target}.partial`;
  backupTo(db, partial);
  renameSync(partial, target);
  return target;
}
