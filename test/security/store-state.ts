/** Everything a refused attack must leave as it was: every table's rows (hashed), in a real SQLite file. */
import { createHash } from 'node:crypto';
import type { Db } from '../../electron/core/db/connection.ts';

export function storeState(db: Db): Record<string, string> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => {
      const rows = db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).raw().all();
      const digest = createHash('sha256')
        .update(
          JSON.stringify(rows, (_k, v) =>
            typeof v === 'bigint' ? String(v) : Buffer.isBuffer(v) ? v.toString('base64') : v,
          ),
        )
        .digest('hex');
      return [t, `${rows.length}:${digest.slice(0, 16)}`];
    }),
  );
}
