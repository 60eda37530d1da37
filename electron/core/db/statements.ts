/**
 * Prepared statements, cached per connection and SQL text: preparing costs tens of
 * microseconds, which adds up when a repository function runs once per row. A cached
 * statement comes back in its default modes, so a caller's .pluck() or .raw() never
 * leaks into the next caller of the same SQL.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection.ts';

const caches = new WeakMap<Db, Map<string, Statement>>();

export function stmt(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  else if (s.reader) s.pluck(false).expand(false).raw(false).safeIntegers(false);
  return s;
}
