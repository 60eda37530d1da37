/**
 * The seam between the transports (Electron main, HTTP harness) and the core: the data
 * folder and its database. On first use the folder gets `cchc.sqlite` with the demo cycle
 * "Sóc Trăng 2023", built from resources/demo/ through the set-up and intake path
 * (demo/init.ts), so the app opens on real-looking data.
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

/** The data folder's database as it is (created empty when missing); no demo is added. */
export function openDataFolder(dataDir: string): CoreContext {
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, DATABASE_FILE));
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

/** The data folder's database; an empty one first gets the demo cycle (unless `demo: false`). */
export async function openCore(dataDir: string, options: OpenCoreOptions = {}): Promise<CoreContext> {
  const core = openDataFolder(dataDir);
  if (options.demo !== false && listCycles(core.db).length === 0) {
    try {
      await initDemo(core.db, dataDir);
    } catch (e) {
      core.close();
      throw e;
    }
  }
  return core;
}
