import { type Db, openDatabase } from '../../electron/core/db/connection.ts';
import { DEMO_CYCLE_ID } from '../../electron/core/demo/init.ts';
import { copyDemoStore } from '../demo-seed.ts';

export { DEMO_CYCLE_ID };

export function demoDb(dir: string, name = 'demo.sqlite'): { db: Db; path: string } {
  const path = copyDemoStore(dir, name);
  return { db: openDatabase(path), path };
}

export const unitIdOf = (db: Db, name: string): string =>
  db.prepare('SELECT id FROM units WHERE name = ?').pluck().get(name) as string;
