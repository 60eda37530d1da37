/**
 * The seam between the transports (Electron main, HTTP harness) and the core: the data
 * folder and its database. On first use the folder gets `cchc.sqlite` with the embedded
 * demo cycle "Sóc Trăng 2023", so the app opens on real-looking data.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Db, openDatabase } from './db/connection.ts';
import { listCycles } from './db/repos/cycles.ts';
import { initDemo } from './demo/init.ts';

export const DATABASE_FILE = 'cchc.sqlite';

export interface CoreContext {
  /** Absolute path of the data folder (Electron: app.getPath('userData')). */
  readonly dataDir: string;
  /** The installation's database. */
  readonly db: Db;
  /** Releases what openCore acquired (database handle…). Idempotent. */
  close(): void;
}

export interface OpenCoreOptions {
  /** Create the demo cycle in an empty database (default true). */
  readonly demo?: boolean;
}

export function openCore(dataDir: string, options: OpenCoreOptions = {}): CoreContext {
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  if (options.demo !== false && listCycles(db).length === 0) initDemo(db, dataDir);
  let closed = false;
  return {
    dataDir,
    db,
    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
